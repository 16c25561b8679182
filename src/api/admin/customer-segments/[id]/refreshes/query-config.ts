export const defaultSegmentRefreshFields = [
  "id",
  "trigger",
  "started_at",
  "finished_at",
  "added",
  "removed",
  "total",
  "error",
]

export const listSegmentRefreshesQueryConfig = {
  defaults: defaultSegmentRefreshFields,
  defaultLimit: 50,
  isList: true,
}
