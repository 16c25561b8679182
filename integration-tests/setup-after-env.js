// Booting Medusa and migrating a fresh database takes 15-30 s on two cores,
// well past Jest's 5 s default.
jest.setTimeout(240000)
