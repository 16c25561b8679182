import Medusa from "@medusajs/js-sdk"

// The admin bundler defines __BACKEND_URL__ when it builds a store's admin;
// "/" (same origin) is its default too.
declare const __BACKEND_URL__: string | undefined

export const backendUrl =
  typeof __BACKEND_URL__ !== "undefined" && __BACKEND_URL__
    ? __BACKEND_URL__
    : "/"

export const sdk = new Medusa({
  baseUrl: backendUrl,
  auth: { type: "session" },
})
