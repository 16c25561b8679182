import {
  Button,
  Container,
  Heading,
  Hint,
  Input,
  Label,
  Select,
  Skeleton,
  Switch,
  Text,
  Textarea,
  toast,
} from "@medusajs/ui"
import { useEffect, useState } from "react"
import { Link, useNavigate } from "react-router-dom"
import { useRulePreview } from "../../hooks/use-rule-preview"
import { useT } from "../../hooks/use-t"
import { useConditionCatalogue, useSaveSegment } from "../../lib/api"
import { useStoreCurrencies } from "../../lib/pickers"
import {
  type DraftGroup,
  emptyGroup,
  newCondition,
  toDraft,
  toRule,
} from "../../lib/rule-draft"
import type { Audience, RefreshMode, Segment } from "../../lib/types"
import { RuleBuilder } from "../rule-builder/rule-builder"
import { CronField } from "./cron-field"
import { PreviewPanel } from "./preview-panel"

const MODES: RefreshMode[] = ["manual", "scheduled", "realtime"]
const AUDIENCES: Audience[] = ["all", "registered", "guests"]

type SegmentFormProps = {
  /** The segment being edited; a new one is created without it. */
  segment?: Segment
}

/** Create and edit: the segment's settings, its rule, and a live preview. */
export const SegmentForm = ({ segment }: SegmentFormProps) => {
  const { t } = useT()
  const navigate = useNavigate()
  const catalogue = useConditionCatalogue()
  const currencies = useStoreCurrencies()
  const save = useSaveSegment(segment?.id)

  const [name, setName] = useState(segment?.name ?? "")
  const [description, setDescription] = useState(segment?.description ?? "")
  const [audience, setAudience] = useState<Audience>(segment?.audience ?? "all")
  const [mode, setMode] = useState<RefreshMode>(
    segment?.refresh_mode ?? "manual"
  )
  const [cron, setCron] = useState(segment?.cron ?? "0 2 * * *")
  const [active, setActive] = useState(segment?.is_active ?? true)
  const [draft, setDraft] = useState<DraftGroup>(() =>
    segment ? toDraft(segment.rule) : emptyGroup()
  )
  const [submitted, setSubmitted] = useState(false)

  // A new segment starts with one condition, once the catalogue is known.
  useEffect(() => {
    const first =
      catalogue.data?.conditions.find(
        (entry) => entry.type === "order_count"
      ) ?? catalogue.data?.conditions[0]
    if (!segment && first && draft.children.length === 0) {
      setDraft({
        ...draft,
        children: [
          { key: emptyGroup().key, condition: newCondition(first, []) },
        ],
      })
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [catalogue.data])

  const preview = useRulePreview(draft, audience, segment?.id)
  const nameError =
    submitted && !name.trim() ? t("form.nameRequired") : undefined
  const cronError =
    submitted && mode === "scheduled" && !cron.trim()
      ? t("form.cronRequired")
      : undefined

  const onSubmit = async () => {
    setSubmitted(true)
    if (!name.trim() || (mode === "scheduled" && !cron.trim())) {
      return
    }
    try {
      const { customer_segment } = await save.mutateAsync({
        name: name.trim(),
        description: description.trim() || null,
        audience,
        refresh_mode: mode,
        cron: mode === "scheduled" ? cron.trim() : null,
        is_active: active,
        rule: toRule(draft),
      })
      toast.success(
        t(segment ? "form.updated" : "form.created", {
          name: customer_segment.name,
        })
      )
      navigate(`/customer-segments/${customer_segment.id}`)
    } catch (error) {
      toast.error(t("form.saveFailed"), {
        description: (error as Error).message,
      })
    }
  }

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) {
      event.preventDefault()
      void onSubmit()
    }
  }

  return (
    <form
      className="flex flex-col gap-y-3"
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault()
        void onSubmit()
      }}
    >
      <Container className="flex items-center justify-between px-6 py-4">
        <Heading level="h1">
          {segment ? t("form.editTitle") : t("form.createTitle")}
        </Heading>
        <div className="flex items-center gap-x-2">
          <Button size="small" variant="secondary" asChild>
            <Link
              to={
                segment
                  ? `/customer-segments/${segment.id}`
                  : "/customer-segments"
              }
            >
              {t("common.cancel")}
            </Link>
          </Button>
          <Button
            size="small"
            type="submit"
            isLoading={save.isPending}
            title={t("form.saveShortcut")}
          >
            {t("common.save")}
          </Button>
        </div>
      </Container>

      <div className="flex flex-col gap-3 xl:flex-row xl:items-start">
        <div className="flex min-w-0 flex-1 flex-col gap-y-3">
          <Container className="flex flex-col gap-y-4 px-6 py-4">
            <Heading level="h2">{t("form.general")}</Heading>
            <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
              <div className="flex flex-col gap-y-2">
                <Label htmlFor="segment-name" size="small" weight="plus">
                  {t("fields.name")}
                </Label>
                <Input
                  id="segment-name"
                  autoFocus
                  placeholder={t("form.namePlaceholder")}
                  value={name}
                  aria-invalid={!!nameError}
                  onChange={(event) => setName(event.target.value)}
                />
                {nameError && <Hint variant="error">{nameError}</Hint>}
              </div>
              <div className="flex flex-col gap-y-2">
                <Label size="small" weight="plus" id="segment-audience">
                  {t("fields.audience")}
                </Label>
                <Select
                  value={audience}
                  onValueChange={(v) => setAudience(v as Audience)}
                >
                  <Select.Trigger aria-labelledby="segment-audience">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {AUDIENCES.map((a) => (
                      <Select.Item key={a} value={a}>
                        {t(`audiences.${a}`)}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
              </div>
              <div className="flex flex-col gap-y-2 md:col-span-2">
                <Label htmlFor="segment-description" size="small" weight="plus">
                  {t("fields.description")}
                </Label>
                <Textarea
                  id="segment-description"
                  rows={2}
                  placeholder={t("form.descriptionPlaceholder")}
                  value={description}
                  onChange={(event) => setDescription(event.target.value)}
                />
              </div>
              <div className="flex flex-col gap-y-2">
                <Label size="small" weight="plus" id="segment-mode">
                  {t("fields.refreshMode")}
                </Label>
                <Select
                  value={mode}
                  onValueChange={(v) => setMode(v as RefreshMode)}
                >
                  <Select.Trigger aria-labelledby="segment-mode">
                    <Select.Value />
                  </Select.Trigger>
                  <Select.Content>
                    {MODES.map((m) => (
                      <Select.Item key={m} value={m}>
                        {t(`refreshModes.${m}`)}
                      </Select.Item>
                    ))}
                  </Select.Content>
                </Select>
                <Hint>{t(`refreshModeHints.${mode}`)}</Hint>
              </div>
              <div className="flex items-start gap-x-3 pt-6">
                <Switch
                  id="segment-active"
                  checked={active}
                  onCheckedChange={setActive}
                />
                <div className="flex flex-col">
                  <Label htmlFor="segment-active" size="small" weight="plus">
                    {t("fields.active")}
                  </Label>
                  <Hint>{t("form.activeHint")}</Hint>
                </div>
              </div>
              {mode === "scheduled" && (
                <div className="md:col-span-2">
                  <CronField
                    value={cron}
                    onChange={setCron}
                    error={cronError}
                  />
                </div>
              )}
            </div>
          </Container>

          <Container className="flex flex-col gap-y-3 px-6 py-4">
            <div>
              <Heading level="h2">{t("form.rule")}</Heading>
              <Text size="small" className="text-ui-fg-subtle">
                {t("form.ruleHint")}
              </Text>
            </div>
            {catalogue.data ? (
              <RuleBuilder
                catalogue={catalogue.data.conditions}
                currencies={currencies.data ?? []}
                value={draft}
                onChange={setDraft}
                issues={preview.issues}
              />
            ) : (
              <Skeleton className="h-40 w-full" />
            )}
          </Container>
        </div>

        <div className="xl:sticky xl:top-3 xl:w-[320px] xl:shrink-0">
          <PreviewPanel
            preview={preview.preview}
            updating={preview.updating}
            invalid={preview.invalid}
            error={preview.error}
            editing={!!segment}
          />
        </div>
      </div>
    </form>
  )
}
