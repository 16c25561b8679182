import type { Sql } from "../rules/compiler/sql"
import type { RuleGroup } from "../rules/types"
import {
  assembleExplanation,
  type ExplainOptions,
  type Explanation,
  explainStatements,
} from "./explain-rule"

export type {
  ExplainedCondition,
  ExplainedGroup,
  ExplainedNode,
  Explanation,
} from "./explain-rule"

type Run = <T>(statement: Sql) => Promise<T[]>

/**
 * Why a customer is or is not matched by a validated rule: two read-only
 * statements, both built from the refresh's compiler.
 */
export async function explainRule(
  rule: RuleGroup,
  customerId: string,
  options: ExplainOptions,
  run: Run
): Promise<Explanation> {
  const { conditions, verdict, leaves } = explainStatements(
    rule,
    customerId,
    options
  )

  const [row] = await run<Record<string, unknown>>(conditions)
  const [answer] = await run<{ matches: boolean; in_audience: boolean }>(
    verdict
  )

  return {
    customer_id: customerId,
    in_audience: answer.in_audience,
    matches: answer.matches,
    rule: assembleExplanation(rule, leaves, row),
  }
}
