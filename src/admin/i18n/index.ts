import en from "./json/en.json"

/**
 * The plugin's strings, merged by the admin into its own resources under the
 * `customer-segments` namespace, so they never collide with Medusa's keys.
 */
export const I18N_NAMESPACE = "customer-segments"

export default {
  en: { [I18N_NAMESPACE]: en },
}
