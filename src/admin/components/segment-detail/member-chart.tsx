import { Text } from "@medusajs/ui"
import { useT } from "../../hooks/use-t"
import { day } from "../../lib/format"
import type { Refresh } from "../../lib/types"

// Drawn at about the width it is shown at, so its text stays readable.
const WIDTH = 400
const HEIGHT = 140
const PAD = { top: 12, right: 8, bottom: 22, left: 40 }

/** Member count after each finished refresh, oldest on the left. */
export const MemberChart = ({ refreshes }: { refreshes: Refresh[] }) => {
  const { t, locale } = useT()
  const points = refreshes
    .filter((r) => r.finished_at && !r.error)
    .map((r) => ({ at: new Date(r.finished_at!).getTime(), total: r.total }))
    .sort((a, b) => a.at - b.at)

  if (!points.length) {
    return (
      <Text size="small" className="text-ui-fg-muted">
        {t("detail.chartEmpty")}
      </Text>
    )
  }

  const minAt = points[0].at
  const span = Math.max(points[points.length - 1].at - minAt, 1)
  const max = Math.max(...points.map((p) => p.total), 1)
  const x = (at: number) =>
    points.length === 1
      ? PAD.left + (WIDTH - PAD.left - PAD.right) / 2
      : PAD.left + ((at - minAt) / span) * (WIDTH - PAD.left - PAD.right)
  const y = (total: number) =>
    PAD.top + (1 - total / max) * (HEIGHT - PAD.top - PAD.bottom)
  const line = points.map((p) => `${x(p.at)},${y(p.total)}`).join(" ")
  const last = points[points.length - 1]

  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      className="text-ui-fg-interactive h-auto w-full"
      role="img"
      aria-label={t("detail.chart")}
      data-testid="member-chart"
    >
      <g className="text-ui-fg-muted" fill="currentColor" fontSize="11">
        <text x={PAD.left - 6} y={y(max) + 3} textAnchor="end">
          {max.toLocaleString(locale)}
        </text>
        <text x={PAD.left - 6} y={y(0) + 3} textAnchor="end">
          0
        </text>
        <text x={PAD.left} y={HEIGHT - 6}>
          {day(new Date(minAt), locale)}
        </text>
        <text x={WIDTH - PAD.right} y={HEIGHT - 6} textAnchor="end">
          {day(new Date(last.at), locale)}
        </text>
      </g>
      <line
        x1={PAD.left}
        x2={WIDTH - PAD.right}
        y1={y(0)}
        y2={y(0)}
        className="stroke-ui-border-base"
      />
      <polyline
        points={line}
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinejoin="round"
      />
      {points.map((p) => (
        <circle
          key={p.at}
          cx={x(p.at)}
          cy={y(p.total)}
          r="3"
          fill="currentColor"
        >
          <title>
            {day(new Date(p.at), locale)}: {p.total.toLocaleString(locale)}
          </title>
        </circle>
      ))}
    </svg>
  )
}
