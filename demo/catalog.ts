import { faker } from "@faker-js/faker"
import {
  createCollectionsWorkflow,
  createProductCategoriesWorkflow,
  createProductsWorkflow,
  createProductTagsWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"

import type { Currency } from "./countries"
import { chance } from "./random"

type CategorySpec = {
  name: string
  option: string
  values: string[]
  /** Price range in USD, whole units. */
  price: [number, number]
  products: string[]
}

const CATEGORIES: CategorySpec[] = [
  {
    name: "Apparel",
    option: "Size",
    values: ["S", "M", "L", "XL"],
    price: [25, 140],
    products: [
      "Merino Crew Tee",
      "Heavyweight Hoodie",
      "Linen Button-Down Shirt",
      "Selvedge Denim Jacket",
      "Organic Cotton Chinos",
      "Quilted Vest",
      "Wool Overshirt",
      "Performance Polo",
    ],
  },
  {
    name: "Shoes",
    option: "EU size",
    values: ["39", "40", "41", "42", "43", "44", "45"],
    price: [60, 190],
    products: [
      "Trail Running Shoe",
      "Leather Chelsea Boot",
      "Canvas Low-Top Sneaker",
      "Suede Desert Boot",
      "Waterproof Hiking Boot",
      "Minimalist Road Runner",
      "Slip-On Loafer",
      "Court Classic Sneaker",
    ],
  },
  {
    name: "Outdoor",
    option: "Color",
    values: ["Forest", "Slate", "Sand"],
    price: [20, 420],
    products: [
      "Ultralight 2-Person Tent",
      "Down Sleeping Bag",
      "35L Daypack",
      "Insulated Water Bottle",
      "Carbon Trekking Poles",
      "Compact Camp Stove",
      "Rechargeable Headlamp",
      "Packable Rain Shell",
    ],
  },
  {
    name: "Home",
    option: "Color",
    values: ["Natural", "Charcoal", "Sage"],
    price: [15, 260],
    products: [
      "Stoneware Mug Set",
      "Linen Duvet Cover",
      "Cast Iron Skillet",
      "Ceramic Table Lamp",
      "Wool Throw Blanket",
      "Oak Cutting Board",
      "Glass Pour-Over Kettle",
      "Soy Wax Candle",
    ],
  },
  {
    name: "Electronics",
    option: "Color",
    values: ["Black", "White"],
    price: [30, 650],
    products: [
      "Noise-Cancelling Headphones",
      "Wireless Earbuds",
      "Portable Bluetooth Speaker",
      "Smart Fitness Watch",
      "USB-C Charging Hub",
      "Mechanical Keyboard",
      "4K Action Camera",
      "E-Reader",
    ],
  },
]

const COLLECTIONS = ["Summer Essentials", "Winter Warmers", "Gift Guide"]
const TAGS = ["bestseller", "eco", "new-arrival", "limited"]

/** What the order generator needs to know about a sellable variant. */
export type CatalogVariant = {
  id: string
  title: string
  sku: string
  prices: Record<Currency, number>
}

export type CatalogProduct = {
  id: string
  title: string
  handle: string
  categoryId: string
  variants: CatalogVariant[]
}

export type SeededCatalog = {
  categoryIds: Record<string, string>
  products: CatalogProduct[]
}

const toHandle = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")

/** Shop-style prices: 49, 79, 129 rather than 47.31. */
const shopPrice = (amount: number): number =>
  Math.max(9, Math.round(amount / 5) * 5 - 1)

export const seedCatalog = async (
  container: MedusaContainer,
  salesChannelId: string
): Promise<SeededCatalog> => {
  const { result: categories } = await createProductCategoriesWorkflow(
    container
  ).run({
    input: {
      product_categories: CATEGORIES.map((category) => ({
        name: category.name,
        handle: toHandle(category.name),
        is_active: true,
      })),
    },
  })
  const categoryIds = Object.fromEntries(
    categories.map((category) => [category.name, category.id])
  )

  const { result: collections } = await createCollectionsWorkflow(
    container
  ).run({
    input: {
      collections: COLLECTIONS.map((title) => ({
        title,
        handle: toHandle(title),
      })),
    },
  })
  const { result: tags } = await createProductTagsWorkflow(container).run({
    input: { product_tags: TAGS.map((value) => ({ value })) },
  })
  // Results come back in no promised order; random picks need a fixed one.
  collections.sort((a, b) => a.title.localeCompare(b.title))
  tags.sort((a, b) => a.value.localeCompare(b.value))

  const input = CATEGORIES.flatMap((category) =>
    category.products.map((title) => {
      const usd = shopPrice(
        faker.number.int({ min: category.price[0], max: category.price[1] })
      )
      // EUR list prices are set by hand in real shops, not converted daily.
      const eur = shopPrice(usd * 0.95)
      const handle = toHandle(title)
      return {
        title,
        handle,
        description: faker.commerce.productDescription(),
        status: "published" as const,
        category_ids: [categoryIds[category.name]],
        collection_id: chance(0.5)
          ? faker.helpers.arrayElement(collections).id
          : undefined,
        tag_ids: faker.helpers
          .arrayElements(tags, { min: 0, max: 2 })
          .map((tag) => tag.id),
        weight: faker.number.int({ min: 100, max: 4000 }),
        options: [{ title: category.option, values: category.values }],
        variants: category.values.map((value) => ({
          title: `${title} / ${value}`,
          sku: `${handle}-${toHandle(value)}`.toUpperCase(),
          options: { [category.option]: value },
          manage_inventory: false,
          prices: [
            { currency_code: "usd", amount: usd },
            { currency_code: "eur", amount: eur },
          ],
        })),
        sales_channels: [{ id: salesChannelId }],
      }
    })
  )

  const { result: products } = await createProductsWorkflow(container).run({
    input: { products: input },
  })

  const byHandle = new Map(input.map((product) => [product.handle, product]))
  const position = new Map(input.map((product, i) => [product.handle, i]))
  const inInputOrder = [...products].sort(
    (a, b) => position.get(a.handle)! - position.get(b.handle)!
  )
  return {
    categoryIds,
    products: inInputOrder.map((product) => {
      const spec = byHandle.get(product.handle)!
      return {
        id: product.id,
        title: product.title,
        handle: product.handle,
        categoryId: spec.category_ids[0],
        variants: spec.variants.map((wanted) => {
          const variant = product.variants!.find((v) => v.sku === wanted.sku)!
          return {
            id: variant.id,
            title: wanted.title,
            sku: wanted.sku,
            prices: {
              usd: wanted.prices[0].amount,
              eur: wanted.prices[1].amount,
            },
          }
        }),
      }
    }),
  }
}
