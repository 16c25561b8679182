/**
 * A fragment of SQL with its bound values kept apart from its text. Values
 * only ever travel as bind parameters; text comes from this plugin's source.
 *
 * `raw()` puts text into the statement as it is. Never pass it anything that
 * came from a request, a rule or the database: that would be SQL injection.
 */
export class Sql {
  constructor(
    readonly chunks: readonly string[],
    readonly values: readonly unknown[]
  ) {}

  /** The statement for knex `raw()`, which binds `?` placeholders. */
  toKnex(): { text: string; bindings: unknown[] } {
    return { text: this.chunks.join("?"), bindings: [...this.values] }
  }

  /** The statement for node-postgres, which binds `$n` placeholders. */
  toPg(): { text: string; values: unknown[] } {
    let text = this.chunks[0]
    for (let i = 1; i < this.chunks.length; i++) {
      text += `$${i}` + this.chunks[i]
    }
    return { text, values: [...this.values] }
  }
}

const isSql = (value: unknown): value is Sql => value instanceof Sql

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const chunks: string[] = [assertNoPlaceholder(strings[0])]
  const bound: unknown[] = []
  values.forEach((value, i) => {
    const next = assertNoPlaceholder(strings[i + 1])
    if (isSql(value)) {
      chunks[chunks.length - 1] += value.chunks[0]
      for (let j = 1; j < value.chunks.length; j++) {
        bound.push(value.values[j - 1])
        chunks.push(value.chunks[j])
      }
      chunks[chunks.length - 1] += next
      return
    }
    bound.push(value)
    chunks.push(next)
  })
  return new Sql(chunks, bound)
}

/** Text from this plugin's own source, such as a table name of the registry. */
export function raw(text: string): Sql {
  return new Sql([assertNoPlaceholder(text)], [])
}

export function join(parts: Sql[], separator: string): Sql {
  if (!parts.length) {
    return raw("")
  }
  return parts.reduce((acc, part, i) =>
    i === 0 ? part : sql`${acc}${raw(separator)}${part}`
  )
}

// knex reads `?` as a placeholder anywhere in the text, so a literal one would
// silently shift every binding after it.
function assertNoPlaceholder(text: string): string {
  if (text.includes("?")) {
    throw new Error(`SQL text must not contain "?": ${text}`)
  }
  return text
}
