import {
  OPERATOR_LABELS,
  OPERATORS,
  VALUE_SCHEMAS,
  type ValueKind,
} from "./operators"
import { CONDITION_REGISTRY } from "./registry"

export type CatalogueOperator = {
  id: string
  label: string
  /** Shape of `value`: "none", "single", "pair" (between), "list", "span". */
  value: "none" | "single" | "pair" | "list" | "span"
}

export type CatalogueEntry = {
  type: string
  label: string
  category: string
  field: string
  value_type: ValueKind
  unit: string | null
  window: boolean
  currency: "required" | "optional" | "none"
  picker: string | null
  operators: CatalogueOperator[]
  /** Operators by value type, for entries whose type depends on a field. */
  value_types?: Record<string, CatalogueOperator[]>
  extra_fields: string[]
}

const SHAPES: Record<string, CatalogueOperator["value"]> = {
  between: "pair",
  in: "list",
  not_in: "list",
  bought: "list",
  not_bought: "list",
  viewed: "list",
  not_viewed: "list",
  within_last: "span",
  not_within_last: "span",
}

function operatorsOf(
  kind: ValueKind,
  only?: readonly string[]
): CatalogueOperator[] {
  return (only ?? OPERATORS[kind]).map((id) => ({
    id,
    label: OPERATOR_LABELS[id] ?? id,
    value: VALUE_SCHEMAS[kind][id] === null ? "none" : (SHAPES[id] ?? "single"),
  }))
}

/** `GET /admin/customer-segments/conditions`, generated from the registry. */
export function buildCatalogue(): CatalogueEntry[] {
  return [...CONDITION_REGISTRY.values()].map((d) => ({
    type: d.type,
    label: d.label,
    category: d.category,
    field: d.field,
    value_type: d.kind,
    unit: d.unit ?? null,
    window: d.window ?? false,
    currency: d.currency ?? "none",
    picker: d.picker ?? null,
    operators: operatorsOf(d.kind, d.operators),
    ...(d.kindOf && {
      value_types: Object.fromEntries(
        (["text", "number", "boolean", "date"] as const).map((k) => [
          k,
          operatorsOf(k),
        ])
      ),
    }),
    extra_fields: Object.keys(d.extra ?? {}),
  }))
}
