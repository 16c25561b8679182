/** A Medusa product category, as far as matching needs it. */
export type CategoryCandidate = { id: string; name: string; handle: string }

export type CategoryResolution = {
  /** Category ids by the name as written in the file. */
  ids: Record<string, string[]>
  /** Names of the file that match no category, sorted. */
  unknown: string[]
}

/**
 * Matches each category name of the file to the categories whose name or
 * handle equals it, ignoring case. Sibling categories may share a name, so
 * a name can stand for several ids; the line then counts for each.
 */
export function resolveCategories(
  names: string[],
  categories: CategoryCandidate[]
): CategoryResolution {
  const byKey = new Map<string, Set<string>>()
  for (const category of categories) {
    for (const key of [category.name, category.handle]) {
      const ids = byKey.get(key.toLowerCase()) ?? new Set<string>()
      ids.add(category.id)
      byKey.set(key.toLowerCase(), ids)
    }
  }

  const ids: Record<string, string[]> = {}
  const unknown: string[] = []
  for (const name of new Set(names)) {
    const found = byKey.get(name.toLowerCase())
    if (found) {
      ids[name] = [...found].sort()
    } else {
      unknown.push(name)
    }
  }
  return { ids, unknown: unknown.sort() }
}
