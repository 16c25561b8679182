import { useTranslation } from "react-i18next"
import { I18N_NAMESPACE } from "../i18n"

/** `t` of the plugin's namespace, and the admin's current language. */
export const useT = () => {
  const { t, i18n } = useTranslation(I18N_NAMESPACE)
  return { t, locale: i18n.language || "en" }
}
