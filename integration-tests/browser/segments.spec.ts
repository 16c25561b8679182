import fs from "fs"
import path from "path"
import type { Browser, Locator, Page } from "playwright-core"
import { launch, missingBrowser } from "./browser"
import { ordersOf } from "./seed"
import { ARTIFACTS, startStore } from "./store"

/*
 * The admin pages in a real headless Chromium against a booted store
 * (see store.js and seed.ts): build a two-level rule with the builder,
 * watch the preview, save, refresh, read the members, export them and find
 * the segment on a member's customer page. Each step saves a screenshot to
 * integration-tests/browser/artifacts.
 *
 * The seed gives customer n (1..40) n % 8 orders, puts every fourth in the
 * "Wholesale" group and names them shopper01..shopper40@example.com, so
 * every count below is known in advance.
 */

// A step waits for the UI, never longer than this.
jest.setTimeout(120_000)

const SEGMENT = "Loyal wholesale and teens"
const seeded = Array.from({ length: 40 }, (_, i) => i + 1)
const email = (n: number) => `shopper${String(n).padStart(2, "0")}@example.com`
const loyal = (min: number) => seeded.filter((n) => ordersOf(n) >= min)
const expected = (min: number) =>
  loyal(min).filter((n) => (n >= 10 && n <= 19) || n % 4 === 0)

const missing = missingBrowser()
const describeIfBrowser = missing ? describe.skip : describe

if (missing) {
  // Shown in the run's output, so a skipped project says why.
  console.warn(`[browser] skipping the browser tests: ${missing}`)
}

describeIfBrowser("admin pages in Chromium", () => {
  let store: Awaited<ReturnType<typeof startStore>>
  let browser: Browser
  let page: Page
  let segmentUrl: string
  const timings: Record<string, number> = {}

  const shot = async (name: string) => {
    await page.screenshot({
      path: path.join(ARTIFACTS, `${name}.png`),
      fullPage: true,
    })
  }

  /** Picks `option` in the Select labelled `label` inside `scope`. */
  const choose = async (
    scope: Locator | Page,
    label: string,
    option: string
  ) => {
    await scope.getByRole("combobox", { name: label, exact: true }).click()
    await page.getByRole("option", { name: option, exact: true }).click()
  }

  const previewCount = () => page.getByTestId("preview-count")

  beforeAll(async () => {
    const started = Date.now()
    store = await startStore({
      env: { SEGMENTS_REFRESH_ON_SAVE: "false" },
    })
    Object.assign(timings, store.timings)
    browser = await launch()
    // The admin scrolls inside its own pane, so a screenshot shows only what
    // fits the viewport: a tall one shows whole pages.
    page = await browser.newPage({ viewport: { width: 1440, height: 1600 } })
    page.setDefaultTimeout(30_000)
    timings.boot = (Date.now() - started) / 1000
  }, 300_000)

  afterEach(async () => {
    // The page as the step left it, for reading a failure afterwards.
    await page
      ?.screenshot({ path: path.join(ARTIFACTS, "last-step.png") })
      .catch(() => undefined)
  })

  afterAll(async () => {
    fs.writeFileSync(
      path.join(ARTIFACTS, "timings.json"),
      JSON.stringify(timings, null, 2) + "\n"
    )
    await browser?.close()
    await store?.stop()
  })

  it("should log in and list no segments yet", async () => {
    const started = Date.now()
    // The first request makes Vite bundle the admin: allow it time.
    await page.goto(`${store.url}/app/login`, { timeout: 180_000 })
    await page.locator('input[name="email"]').fill(store.admin.email, {
      timeout: 180_000,
    })
    await page.locator('input[name="password"]').fill(store.admin.password)
    await page.getByRole("button", { name: /continue/i }).click()
    await page.waitForURL(/\/app\/orders/)
    timings.login = (Date.now() - started) / 1000

    await page.getByRole("link", { name: "Customers", exact: true }).click()
    await page.getByRole("link", { name: "Segments", exact: true }).click()
    await page.waitForURL(/\/app\/customer-segments$/)

    await expectText(page, "No segments yet")
    await shot("01-list-empty")
  })

  it("should build a two-level rule and follow it in the preview", async () => {
    await page.getByRole("link", { name: "Create" }).click()
    await page.waitForURL(/\/customer-segments\/create$/)
    await page.getByLabel("Name").fill(SEGMENT)

    // The new rule starts with "Number of orders is at least 1".
    const first = page.locator('[data-condition="order_count"]')
    await first.getByRole("spinbutton", { name: "Value" }).fill("4")
    await expectTextOf(previewCount, String(loyal(4).length))

    const root = page.locator('[data-depth="0"]')
    await root.getByRole("button", { name: "Add group" }).last().click()
    const nested = page.locator('[data-depth="1"]')
    await choose(nested, "Customers who match", "any of these")
    await choose(nested, "Add condition", "Email")
    const emailCondition = nested.locator('[data-condition="email"]')
    await choose(emailCondition, "Operator", "contains")

    // An empty value is refused by the server; the message is shown on the
    // condition it belongs to.
    await expectText(emailCondition.getByRole("alert"), "value")
    await shot("02-create-validation")

    await emailCondition
      .getByRole("textbox", { name: "Value" })
      .fill("shopper1")
    await choose(nested, "Add condition", "Customer group")
    const groupCondition = nested.locator('[data-condition="customer_group"]')
    await groupCondition.getByRole("combobox").last().fill("Whole")
    await page.getByRole("option", { name: "Wholesale" }).click()

    await expectTextOf(previewCount, String(expected(4).length))
    await shot("03-create-two-level-rule")

    await page.getByRole("button", { name: "Save" }).click()
    await page.waitForURL(/\/customer-segments\/csegm?_?[^/]+$/)
    segmentUrl = page.url()
    await expectText(page, `Segment ${SEGMENT} created`)
    await page.getByRole("heading", { name: SEGMENT }).waitFor()
    await expectText(page.getByTestId("members"), "No members yet")
    await shot("04-detail-before-refresh")
  })

  it("should refresh now and list the members", async () => {
    await page.getByRole("button", { name: "Refresh now" }).click()
    const count = expected(4).length
    await expectText(
      page,
      `Refreshed: ${count} joined, 0 left, ${count} members`
    )
    await expectTextOf(() => page.getByTestId("member-count"), String(count))

    const members = page.getByTestId("members")
    for (const n of expected(4)) {
      await expectText(members, email(n))
    }
    await expectText(page.getByTestId("history"), "Manual")
    await shot("05-detail-after-refresh")
  })

  it("should export the members as CSV", async () => {
    const href = await page
      .getByRole("link", { name: "Export CSV" })
      .getAttribute("href")
    const response = await page.request.get(new URL(href!, store.url).href)
    expect(response.status()).toBe(200)
    const lines = (await response.text()).trim().split(/\r?\n/)
    expect(lines[0]).toMatch(/email/)
    const emails = lines
      .slice(1)
      .map((line) => line.match(/shopper\d+@example\.com/)?.[0])
    expect(emails.sort()).toEqual(expected(4).map(email).sort())
  })

  it("should explain why a customer is not a member", async () => {
    const outsider = 5 // 5 orders, but neither a teen nor wholesale
    const explain = page.getByTestId("explain")
    await explain.getByRole("combobox").fill(email(outsider))
    await page
      .getByRole("option", { name: new RegExp(email(outsider)) })
      .click()
    await expectText(explain, "is not a member")
    await expectText(explain, "Actual: 5")
    await shot("06-explain")
  })

  it("should show the segment on a member's customer page", async () => {
    const member = email(expected(4)[0])
    const found = await page.request.get(
      `${store.url}/admin/customers?q=${encodeURIComponent(member)}`
    )
    const [customer] = (await found.json()).customers
    await page.goto(`${store.url}/app/customers/${customer.id}`)
    const widget = page.getByTestId("customer-segments-widget")
    await expectText(widget, SEGMENT)
    await shot("07-customer-widget")
  })

  it("should tell how many would leave when the rule changes", async () => {
    await page.goto(`${segmentUrl}/edit`)
    const first = page.locator('[data-condition="order_count"]')
    await first.getByRole("spinbutton", { name: "Value" }).fill("5")
    const leaving = expected(4).length - expected(5).length
    await expectText(
      page.getByTestId("preview-diff"),
      `−${leaving} would leave`
    )
    await expectTextOf(previewCount, String(expected(5).length))
    await shot("08-edit-diff")
  })

  it("should show the segment on a promotion its group rule targets", async () => {
    const segmentId = segmentUrl.split("/").pop()
    const { customer_segment } = await (
      await page.request.get(
        `${store.url}/admin/customer-segments/${segmentId}`
      )
    ).json()
    const created = await page.request.post(`${store.url}/admin/promotions`, {
      data: {
        code: "LOYAL10",
        type: "standard",
        status: "active",
        application_method: {
          type: "percentage",
          target_type: "order",
          allocation: "across",
          value: 10,
        },
        rules: [
          {
            attribute: "customer.groups.id",
            operator: "in",
            values: [customer_segment.customer_group_id],
          },
        ],
      },
    })
    expect(created.status()).toBe(200)
    const { promotion } = await created.json()

    await page.goto(`${store.url}/app/promotions/${promotion.id}`)
    const widget = page.getByTestId("segment-targets-widget")
    await expectText(widget, SEGMENT)
    await expectText(widget, `${expected(4).length} members`)
    await shot("09-promotion-widget")
  })

  it("should name the promotion on the group when asked to delete", async () => {
    await page.goto(segmentUrl)
    await page.getByRole("button", { name: "Delete" }).click()
    const dialog = page.getByRole("alertdialog")
    await expectText(dialog, "used by promotion LOYAL10")
    await shot("10-delete-dialog")
    await dialog.getByRole("button", { name: "Cancel" }).click()
  })
})

/** Waits until `scope` shows `text`. */
async function expectText(scope: Locator | Page, text: string) {
  await scope.getByText(text, { exact: false }).first().waitFor()
}

/** Waits until the locator's text is `text`. */
async function expectTextOf(locate: () => Locator, text: string) {
  const deadline = Date.now() + 15_000
  let last = ""
  while (Date.now() < deadline) {
    last =
      (await locate()
        .first()
        .textContent()
        .catch(() => "")) ?? ""
    if (last.trim() === text) {
      return
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`expected "${text}", still "${last.trim()}" after 15 s`)
}
