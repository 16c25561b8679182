// Five projects, run one at a time by scripts/test.js (node scripts/test.js
// [project...]). The integration projects boot Medusa against Postgres, so
// they run in band: see scripts/test.js.

const transform = {
  "^.+\\.[jt]sx?$": [
    "@swc/jest",
    {
      jsc: {
        parser: { syntax: "typescript", tsx: true, decorators: true },
        transform: { decoratorMetadata: true },
      },
    },
  ],
}

const shared = {
  transform,
  testEnvironment: "node",
  moduleFileExtensions: ["js", "ts", "tsx", "json"],
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.tmp/"],
}

const integration = {
  ...shared,
  setupFiles: ["<rootDir>/integration-tests/setup.js"],
  setupFilesAfterEnv: ["<rootDir>/integration-tests/setup-after-env.js"],
}

module.exports = {
  projects: [
    {
      ...shared,
      displayName: "unit",
      testMatch: ["<rootDir>/src/**/__tests__/**/*.unit.spec.ts"],
    },
    {
      ...integration,
      displayName: "integration:modules",
      testMatch: ["<rootDir>/src/modules/*/__tests__/**/*.spec.ts"],
      testPathIgnorePatterns: ["\\.unit\\.spec\\.ts$", "/node_modules/"],
    },
    {
      ...integration,
      displayName: "integration:http",
      testMatch: ["<rootDir>/integration-tests/http/**/*.spec.ts"],
    },
    {
      // Starts a server and a worker as separate processes sharing Redis;
      // skips itself when no Redis answers.
      ...integration,
      displayName: "integration:redis",
      testMatch: ["<rootDir>/integration-tests/redis/**/*.spec.ts"],
    },
    {
      ...integration,
      displayName: "packaging",
      testMatch: ["<rootDir>/integration-tests/packaging/**/*.spec.ts"],
    },
    {
      // Boots its own store in a child process (integration-tests/browser):
      // none of the in-process Medusa setup of the integration projects.
      ...shared,
      displayName: "browser",
      testMatch: ["<rootDir>/integration-tests/browser/**/*.spec.ts"],
    },
  ],
}
