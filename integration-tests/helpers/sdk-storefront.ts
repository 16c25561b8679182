import Medusa from "@medusajs/js-sdk"
import type { AxiosInstance } from "axios"
import type { AdminHeaders } from "./admin"
import { seedStorefront, waitFor } from "./storefront"

/**
 * Shoppers that use a store through `@medusajs/js-sdk`, as a storefront
 * does. Shared by the promotion and price-list specs.
 */
export type Store = {
  baseUrl: string
  publishableKey: string
  salesChannelId: string
  regionId: string
  productId: string
  variantId: string
}

/** A storefront client; logged in as a customer when `customerId` is set. */
export type Shopper = {
  sdk: Medusa
  email: string
  customerId?: string
}

export const PRICE = 100

/**
 * The store of `seedStorefront` (one product at `PRICE` USD), with the
 * address a js-sdk client needs.
 */
export async function seedStore(
  api: AxiosInstance,
  admin: AdminHeaders
): Promise<Store> {
  const store = await seedStorefront(api, admin, { price: PRICE })
  return { ...store, baseUrl: api.defaults.baseURL as string }
}

function client(store: Store): Medusa {
  return new Medusa({
    baseUrl: store.baseUrl,
    publishableKey: store.publishableKey,
    auth: { type: "jwt", jwtTokenStorageMethod: "memory" },
  })
}

/** A visitor who never logs in. */
export function guest(store: Store, email: string): Shopper {
  return { sdk: client(store), email }
}

/**
 * Registers a customer account and logs in, as a storefront does: register
 * an emailpass identity, create the customer with that token, log in again.
 */
export async function registerCustomer(
  store: Store,
  email: string
): Promise<Shopper> {
  const sdk = client(store)
  const password = "supersecret"
  await sdk.auth.register("customer", "emailpass", { email, password })
  const { customer } = await sdk.store.customer.create({
    email,
    first_name: email.split("@")[0],
    last_name: "Shopper",
  })
  await sdk.auth.login("customer", "emailpass", { email, password })
  return { sdk, email, customerId: customer.id }
}

/** Creates a cart with one item of the product. */
export async function cartWithItem(store: Store, shopper: Shopper) {
  const { cart } = await shopper.sdk.store.cart.create({
    region_id: store.regionId,
    sales_channel_id: store.salesChannelId,
    email: shopper.email,
  })
  const { cart: withItem } = await shopper.sdk.store.cart.createLineItem(
    cart.id,
    { variant_id: store.variantId, quantity: 1 },
    { fields: CART_FIELDS }
  )
  return withItem
}

/** Fields that show what a cart was discounted by, and why. */
export const CART_FIELDS =
  "id,total,subtotal,discount_total,item_total,*promotions,*items,*items.adjustments"

export async function getCart(shopper: Shopper, cartId: string) {
  const { cart } = await shopper.sdk.store.cart.retrieve(cartId, {
    fields: CART_FIELDS,
  })
  return cart
}

/** Promotion codes applied to a cart, sorted. */
export function appliedCodes(cart: {
  promotions?: ({ code?: string | null } | null)[] | null
}): string[] {
  return (cart.promotions ?? [])
    .map((p) => p?.code ?? "")
    .filter(Boolean)
    .sort()
}

/** Pays with the system provider and completes the cart into an order. */
export async function completeCart(shopper: Shopper, cartId: string) {
  const cart = await getCart(shopper, cartId)
  await shopper.sdk.store.payment.initiatePaymentSession(cart as never, {
    provider_id: "pp_system_default",
  })
  const result = await shopper.sdk.store.cart.complete(cartId)
  if (result.type !== "order") {
    throw new Error(
      `cart ${cartId} did not complete: ${JSON.stringify(result.error)}`
    )
  }
  return result.order
}

export { waitFor }
