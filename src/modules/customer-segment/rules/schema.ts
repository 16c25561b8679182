import { z } from "@medusajs/framework/zod"
import { daySchema, OPERATORS, spanSchema, valueSchemaOf } from "./operators"
import { CONDITION_REGISTRY, type ConditionDefinition } from "./registry"
import type { RuleCondition, RuleGroup } from "./types"

export type RuleLimits = { maxDepth: number; maxConditions: number }

/** One problem of a rule, at a path such as `rule.conditions[1].operator`. */
export type RuleIssue = { path: string; message: string }

export type RuleValidation =
  { rule: RuleGroup; issues: [] } | { rule: null; issues: RuleIssue[] }

const groupSchema = z
  .object({
    match: z.enum(["all", "any"]),
    negate: z.boolean().optional(),
    conditions: z.array(z.unknown()),
  })
  .strict()

// One object rather than a union of the two forms: a union's only message
// for a wrong field inside either form would be "Invalid input".
const windowSchema = z
  .object({
    last: spanSchema.optional(),
    from: daySchema.optional(),
    to: daySchema.optional(),
  })
  .strict()
  .superRefine((w, ctx) => {
    if (w.last && (w.from || w.to)) {
      ctx.addIssue({
        code: "custom",
        message: "use either `last` or `from`/`to`, not both",
      })
    } else if (!w.last && !w.from && !w.to) {
      ctx.addIssue({
        code: "custom",
        message: "a window needs `last`, `from` or `to`",
      })
    } else if (w.from && w.to && w.from > w.to) {
      ctx.addIssue({ code: "custom", message: "`from` must not be after `to`" })
    }
  })

const currencySchema = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO 4217 code such as usd")

/**
 * Validates a rule tree against the closed registry and the size limits, and
 * reports every problem at once, each with its path in the tree.
 */
export function validateRule(
  input: unknown,
  limits: RuleLimits
): RuleValidation {
  const issues: RuleIssue[] = []
  const counter = { conditions: 0 }

  walkGroup(input, "rule", 1, limits, issues, counter)

  if (counter.conditions > limits.maxConditions) {
    issues.push({
      path: "rule",
      message: `has ${counter.conditions} conditions; at most ${limits.maxConditions} are allowed`,
    })
  }
  if (issues.length) {
    return { rule: null, issues }
  }
  return { rule: input as RuleGroup, issues: [] }
}

export function formatRuleIssues(issues: RuleIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join("; ")
}

function walkGroup(
  input: unknown,
  path: string,
  depth: number,
  limits: RuleLimits,
  issues: RuleIssue[],
  counter: { conditions: number }
) {
  if (depth > limits.maxDepth) {
    issues.push({
      path,
      message: `groups are nested ${depth} deep; at most ${limits.maxDepth} levels are allowed`,
    })
    return
  }
  const parsed = groupSchema.safeParse(input)
  if (!parsed.success) {
    collect(parsed.error, path, input, issues)
    return
  }
  if (!parsed.data.conditions.length) {
    issues.push({
      path: `${path}.conditions`,
      message: "a group needs at least one condition or group",
    })
    return
  }
  parsed.data.conditions.forEach((node, i) => {
    const nodePath = `${path}.conditions[${i}]`
    if (isObject(node) && "conditions" in node) {
      walkGroup(node, nodePath, depth + 1, limits, issues, counter)
      return
    }
    counter.conditions++
    walkCondition(node, nodePath, issues)
  })
}

function walkCondition(input: unknown, path: string, issues: RuleIssue[]) {
  if (!isObject(input) || typeof input.type !== "string") {
    issues.push({
      path,
      message:
        "must be a condition with a `type`, or a group with `match` and `conditions`",
    })
    return
  }
  const definition = CONDITION_REGISTRY.get(input.type)
  if (!definition) {
    issues.push({
      path: `${path}.type`,
      message: `unknown condition type ${JSON.stringify(input.type)}; allowed: ${[...CONDITION_REGISTRY.keys()].join(", ")}`,
    })
    return
  }
  const parsed = conditionSchema(definition, input).safeParse(input)
  if (!parsed.success) {
    collect(parsed.error, path, input, issues)
  }
}

/** The schema of one condition of `definition`, for the operator it names. */
function conditionSchema(
  definition: ConditionDefinition,
  input: Record<string, unknown>
) {
  const kind = definition.kindOf
    ? definition.kindOf(input as RuleCondition)
    : definition.kind
  const operators = (definition.operators ?? OPERATORS[kind]) as [
    string,
    ...string[],
  ]
  const operator = z.enum(operators, {
    error: (issue) =>
      `${JSON.stringify(issue.input)} is not an operator of ${definition.type}; allowed: ${operators.join(", ")}`,
  })
  const valueSchema =
    typeof input.operator === "string"
      ? valueSchemaOf(kind, input.operator)
      : undefined

  const listOf = definition.itemSchema
    ? z
        .array(definition.itemSchema)
        .min(1, "must list at least one value")
        .max(500)
    : null
  const shape: Record<string, z.ZodType> = {
    type: z.literal(definition.type),
    operator,
    value:
      valueSchema === null
        ? z.undefined({ error: `${input.operator} takes no value` })
        : ((valueSchema && listOf) ?? valueSchema ?? z.unknown()),
    ...definition.extra,
  }
  if (definition.window) {
    shape.window = windowSchema.optional()
  }
  if (definition.currency === "required") {
    shape.currency = currencySchema
  } else if (definition.currency === "optional") {
    shape.currency = currencySchema.optional()
  }
  if (definition.kindOf && definition.extra?.key) {
    shape.key = definition.extra.key
  }
  return z.object(shape).strict()
}

function collect(
  error: z.ZodError,
  path: string,
  input: unknown,
  issues: RuleIssue[]
) {
  for (const issue of error.issues) {
    const at = issue.path.map((p) =>
      typeof p === "number" ? `[${p}]` : `.${String(p)}`
    )
    const received = valueAt(input, issue.path)
    let message = issue.message
    if (issue.code === "unrecognized_keys") {
      message = `unknown field(s) ${issue.keys.join(", ")}`
    } else if (received === undefined && issue.code === "invalid_type") {
      message = "is required"
    } else if (
      received !== undefined &&
      issue.code !== "custom" &&
      !message.includes(JSON.stringify(received))
    ) {
      message += ` (got ${describe(received)})`
    }
    issues.push({ path: path + at.join(""), message })
  }
}

// Long values (a list of thousands of ids) are described, not echoed.
function describe(value: unknown): string {
  const json = JSON.stringify(value) ?? String(value)
  if (json.length <= 200) {
    return json
  }
  return Array.isArray(value)
    ? `a list of ${value.length} items`
    : `${json.slice(0, 200)}...`
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  return path.reduce<unknown>(
    (acc, key) =>
      isObject(acc) || Array.isArray(acc) ? (acc as never)[key] : undefined,
    input
  )
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value)
}
