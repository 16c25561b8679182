import { useMemo } from "react"
import type { DraftGroup, NodeIssues } from "../../lib/rule-draft"
import type { CatalogueEntry } from "../../lib/types"
import { BuilderContext } from "./context"
import { GroupEditor } from "./group-editor"

type RuleBuilderProps = {
  catalogue: CatalogueEntry[]
  currencies: string[]
  value: DraftGroup
  onChange: (value: DraftGroup) => void
  issues: NodeIssues
  /** The plugin's `limits.maxDepth` default. */
  maxDepth?: number
}

/** Edits a rule as nested groups of conditions from the catalogue. */
export const RuleBuilder = ({
  catalogue,
  currencies,
  value,
  onChange,
  issues,
  maxDepth = 5,
}: RuleBuilderProps) => {
  const context = useMemo(
    () => ({
      catalogue,
      byType: new Map(catalogue.map((entry) => [entry.type, entry])),
      currencies,
      issues,
      maxDepth,
    }),
    [catalogue, currencies, issues, maxDepth]
  )
  return (
    <BuilderContext.Provider value={context}>
      <GroupEditor group={value} depth={0} onChange={onChange} />
    </BuilderContext.Provider>
  )
}
