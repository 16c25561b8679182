import { SegmentForm } from "../../../components/segment-form/segment-form"

const CreateSegmentPage = () => <SegmentForm />

export default CreateSegmentPage
