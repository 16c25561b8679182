import { ExclamationCircle } from "@medusajs/icons"
import { Text } from "@medusajs/ui"

/** The server's validation messages for one node, right under it. */
export const NodeIssuesList = ({ issues }: { issues: string[] }) => {
  if (!issues.length) {
    return null
  }
  return (
    <ul className="flex flex-col gap-y-0.5" role="alert">
      {issues.map((issue) => (
        <li key={issue} className="text-ui-fg-error flex items-start gap-x-1">
          <ExclamationCircle className="mt-px shrink-0" />
          <Text size="small">{issue}</Text>
        </li>
      ))}
    </ul>
  )
}
