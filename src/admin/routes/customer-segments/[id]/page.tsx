import { Container, Skeleton } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { ExplainSection } from "../../../components/segment-detail/explain-section"
import { HeaderSection } from "../../../components/segment-detail/header-section"
import { HistorySection } from "../../../components/segment-detail/history-section"
import { MembersSection } from "../../../components/segment-detail/members-section"
import { RuleSummary } from "../../../components/segment-detail/rule-summary"
import { useSegment } from "../../../lib/api"

const SegmentDetailPage = () => {
  const { id } = useParams()
  const { data, isError, error } = useSegment(id!)

  if (isError) {
    throw error
  }
  if (!data) {
    return (
      <Container className="px-6 py-4">
        <Skeleton className="h-24 w-full" />
      </Container>
    )
  }
  const segment = data.customer_segment
  return (
    <div className="flex flex-col gap-y-3">
      <HeaderSection segment={segment} />
      <div className="flex flex-col gap-3 xl:flex-row xl:items-start">
        <div className="flex min-w-0 flex-1 flex-col gap-y-3">
          <RuleSummary rule={segment.rule} />
          <MembersSection segmentId={segment.id} />
        </div>
        <div className="flex flex-col gap-y-3 xl:w-[440px] xl:shrink-0">
          <HistorySection segmentId={segment.id} />
          <ExplainSection
            segmentId={segment.id}
            rule={segment.rule}
            audience={segment.audience}
          />
        </div>
      </div>
    </div>
  )
}

export default SegmentDetailPage
