import { Container, Heading, Skeleton, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { useT } from "../../hooks/use-t"
import { customerName } from "../../lib/format"
import type { Preview } from "../../lib/types"

type PreviewPanelProps = {
  preview: Preview | null
  updating: boolean
  /** The rule has validation problems, shown next to their conditions. */
  invalid: boolean
  error: string | null
  editing: boolean
}

/**
 * Who the rule matches right now. The last numbers stay on screen while a
 * new preview loads, so the panel never jumps.
 */
export const PreviewPanel = ({
  preview,
  updating,
  invalid,
  error,
  editing,
}: PreviewPanelProps) => {
  const { t } = useT()

  return (
    <Container
      className="flex flex-col gap-y-3 px-6 py-4"
      data-testid="preview"
    >
      <div className="flex items-center justify-between">
        <Heading level="h2">{t("preview.title")}</Heading>
        <Text size="xsmall" className="text-ui-fg-muted" aria-live="polite">
          {updating ? t("preview.updating") : ""}
        </Text>
      </div>
      {preview ? (
        <div className="flex items-baseline gap-x-2">
          <span
            className="txt-xlarge-plus text-ui-fg-base tabular-nums"
            data-testid="preview-count"
          >
            {preview.count.toLocaleString()}
          </span>
          <Text size="small" className="text-ui-fg-subtle">
            {preview.count === 1
              ? t("preview.matchingOne")
              : t("preview.matching")}
          </Text>
        </div>
      ) : (
        <Skeleton className="h-7 w-32" />
      )}
      {editing && preview && preview.added !== null && (
        <div className="flex gap-x-3" data-testid="preview-diff">
          <Text size="small" className="text-ui-fg-interactive">
            {t("preview.wouldAdd", { count: preview.added })}
          </Text>
          <Text size="small" className="text-ui-fg-error">
            {t("preview.wouldRemove", { count: preview.removed ?? 0 })}
          </Text>
        </div>
      )}
      {invalid && (
        <Text size="small" className="text-ui-fg-error">
          {t("preview.invalid")}
        </Text>
      )}
      {error && (
        <Text size="small" className="text-ui-fg-error">
          {t("preview.failed", { message: error })}
        </Text>
      )}
      {preview && (
        <div className="flex flex-col gap-y-1">
          <Text size="small" weight="plus">
            {t("preview.sample")}
          </Text>
          {preview.customers.length === 0 ? (
            <Text size="small" className="text-ui-fg-muted">
              {t("preview.noSample")}
            </Text>
          ) : (
            <ul className="flex flex-col gap-y-1">
              {preview.customers.map((customer) => (
                <li key={customer.id} className="flex flex-col">
                  <Link
                    to={`/customers/${customer.id}`}
                    className="txt-compact-small-plus text-ui-fg-interactive hover:underline"
                  >
                    {customerName(customer)}
                  </Link>
                  {customer.email && (
                    <Text size="xsmall" className="text-ui-fg-subtle">
                      {customer.email}
                    </Text>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </Container>
  )
}
