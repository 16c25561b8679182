import { Container, Skeleton } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { SegmentForm } from "../../../../components/segment-form/segment-form"
import { useSegment } from "../../../../lib/api"

const EditSegmentPage = () => {
  const { id } = useParams()
  const { data, isError, error } = useSegment(id!)

  if (isError) {
    throw error
  }
  if (!data) {
    return (
      <Container className="px-6 py-4">
        <Skeleton className="h-64 w-full" />
      </Container>
    )
  }
  return <SegmentForm segment={data.customer_segment} />
}

export default EditSegmentPage
