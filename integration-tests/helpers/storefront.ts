import type { AxiosInstance } from "axios"
import type { AdminHeaders } from "./admin"

export type Storefront = {
  publishableKey: string
  productId: string
  salesChannelId: string
  regionId: string
  variantId: string
}

export type Shopper = {
  customerId: string
  email: string
  /** Bearer token of the logged-in customer. */
  token: string
}

/**
 * Sets a store up through the admin API as a merchant would, for the store
 * API: a sales channel with a publishable key, a USD region paid through the
 * system payment provider, and one published product with a price. The
 * variant does not manage inventory and the product has no shipping profile,
 * so its line items need no shipping method and a cart completes without a
 * stock location or shipping option.
 */
export async function seedStorefront(
  api: AxiosInstance,
  admin: AdminHeaders,
  { price = 40 }: { price?: number } = {}
): Promise<Storefront> {
  const {
    data: { sales_channel: salesChannel },
  } = await api.post("/admin/sales-channels", { name: "Webshop" }, admin)
  const {
    data: { api_key: apiKey },
  } = await api.post(
    "/admin/api-keys",
    { title: "Webshop", type: "publishable" },
    admin
  )
  await api.post(
    `/admin/api-keys/${apiKey.id}/sales-channels`,
    { add: [salesChannel.id] },
    admin
  )
  const {
    data: { region },
  } = await api.post(
    "/admin/regions",
    {
      name: "United States",
      currency_code: "usd",
      countries: ["us"],
      payment_providers: ["pp_system_default"],
    },
    admin
  )
  const {
    data: { product },
  } = await api.post(
    "/admin/products",
    {
      title: "Trail shoe",
      status: "published",
      options: [{ title: "Size", values: ["42"] }],
      variants: [
        {
          title: "42",
          options: { Size: "42" },
          manage_inventory: false,
          prices: [{ currency_code: "usd", amount: price }],
        },
      ],
      sales_channels: [{ id: salesChannel.id }],
    },
    admin
  )

  return {
    publishableKey: apiKey.token,
    salesChannelId: salesChannel.id,
    regionId: region.id,
    productId: product.id,
    variantId: product.variants[0].id,
  }
}

/**
 * Registers a customer account and logs it in, the way a storefront does:
 * register an emailpass identity, create the customer with that token, then
 * log in again for a token that names the customer.
 */
export async function registerShopper(
  api: AxiosInstance,
  store: Storefront,
  customer: { email: string; first_name: string; last_name: string }
): Promise<Shopper> {
  const password = "supersecret"
  const {
    data: { token: registration },
  } = await api.post("/auth/customer/emailpass/register", {
    email: customer.email,
    password,
  })
  const {
    data: { customer: created },
  } = await api.post("/store/customers", customer, {
    headers: storeHeaders(store, registration),
  })
  const {
    data: { token },
  } = await api.post("/auth/customer/emailpass", {
    email: customer.email,
    password,
  })
  return { customerId: created.id, email: customer.email, token }
}

/**
 * Places an order through the store API: cart, line item, address, payment
 * session with the system provider, complete. Returns the order.
 */
export async function placeOrder(
  api: AxiosInstance,
  store: Storefront,
  shopper: Shopper,
  quantity = 1
): Promise<{ id: string; total: number }> {
  const headers = { headers: storeHeaders(store, shopper.token) }
  const {
    data: { cart },
  } = await api.post(
    "/store/carts",
    { region_id: store.regionId, sales_channel_id: store.salesChannelId },
    headers
  )
  await api.post(
    `/store/carts/${cart.id}/line-items`,
    { variant_id: store.variantId, quantity },
    headers
  )
  await api.post(
    `/store/carts/${cart.id}`,
    {
      email: shopper.email,
      shipping_address: {
        first_name: "Sam",
        last_name: "Shopper",
        address_1: "1 Main Street",
        city: "Portland",
        postal_code: "97201",
        country_code: "us",
      },
    },
    headers
  )
  const {
    data: { payment_collection: collection },
  } = await api.post(
    "/store/payment-collections",
    { cart_id: cart.id },
    headers
  )
  await api.post(
    `/store/payment-collections/${collection.id}/payment-sessions`,
    { provider_id: "pp_system_default" },
    headers
  )
  const { data } = await api.post(
    `/store/carts/${cart.id}/complete`,
    {},
    headers
  )
  if (data.type !== "order") {
    throw new Error(
      `cart ${cart.id} did not complete: ${JSON.stringify(data.error)}`
    )
  }
  return data.order
}

function storeHeaders(store: Storefront, token: string) {
  return {
    "x-publishable-api-key": store.publishableKey,
    authorization: `Bearer ${token}`,
  }
}

/**
 * Polls `check` until it returns true, every 100 ms, and fails with
 * `description` after `timeoutMs`. Real-time membership follows events, so
 * tests wait for it rather than sleep a fixed time.
 */
export async function waitFor(
  check: () => Promise<boolean>,
  description: string,
  timeoutMs = 15000
): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${description}`
      )
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

/** Resolves after `ms`: for asserting that something did not happen. */
export const sleep = (ms: number) =>
  new Promise((resolve) => setTimeout(resolve, ms))
