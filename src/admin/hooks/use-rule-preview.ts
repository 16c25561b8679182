import { useEffect, useMemo, useState } from "react"
import { fetchPreview } from "../lib/api"
import {
  type DraftGroup,
  issuesByNode,
  type NodeIssues,
  toRule,
} from "../lib/rule-draft"
import type { Audience, Preview } from "../lib/types"
import { useDebounced } from "./use-debounced"

const NO_ISSUES: NodeIssues = {}

/**
 * Previews the rule being edited, 400 ms after the last change. A 400 from
 * the server is split into messages per node of the draft; any other failure
 * is reported as it is.
 */
export const useRulePreview = (
  draft: DraftGroup,
  audience: Audience,
  segmentId?: string
) => {
  const body = useMemo(
    () => JSON.stringify({ rule: toRule(draft), audience }),
    [draft, audience]
  )
  const debounced = useDebounced(body, 400)
  const [preview, setPreview] = useState<Preview | null>(null)
  const [issues, setIssues] = useState<NodeIssues>(NO_ISSUES)
  const [error, setError] = useState<string | null>(null)
  const [updating, setUpdating] = useState(true)

  useEffect(() => {
    // A rule without conditions is always refused; the builder says so itself.
    if (!JSON.parse(debounced).rule.conditions.length) {
      setUpdating(false)
      return
    }
    let current = true
    setUpdating(true)
    fetchPreview({
      ...JSON.parse(debounced),
      ...(segmentId && { segment_id: segmentId }),
      limit: 5,
    })
      .then((result) => {
        if (current) {
          setPreview(result)
          setIssues(NO_ISSUES)
          setError(null)
        }
      })
      .catch((failure: { status?: number; message?: string }) => {
        if (!current) {
          return
        }
        if (failure.status === 400 && failure.message) {
          setIssues(issuesByNode(draft, failure.message))
          setError(null)
        } else {
          setError(failure.message ?? String(failure))
        }
      })
      .finally(() => current && setUpdating(false))
    return () => {
      current = false
    }
    // `draft` is read only to map a failure back onto the nodes that were sent.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [debounced, segmentId])

  return {
    preview,
    issues,
    error,
    updating: updating || debounced !== body,
    invalid: issues !== NO_ISSUES,
  }
}
