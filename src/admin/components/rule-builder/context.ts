import { createContext, useContext } from "react"
import type { NodeIssues } from "../../lib/rule-draft"
import type { CatalogueEntry } from "../../lib/types"

export type BuilderContextValue = {
  catalogue: CatalogueEntry[]
  byType: Map<string, CatalogueEntry>
  currencies: string[]
  issues: NodeIssues
  maxDepth: number
}

export const BuilderContext = createContext<BuilderContextValue | null>(null)

export const useBuilder = () => {
  const value = useContext(BuilderContext)
  if (!value) {
    throw new Error("useBuilder must be used inside <RuleBuilder>")
  }
  return value
}
