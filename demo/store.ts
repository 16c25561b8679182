import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

import { COUNTRIES, type Currency } from "./countries"

export type SeededStore = {
  salesChannelId: string
  regionIds: Record<Currency, string>
  publishableKey: string
}

export const seedStore = async (
  container: MedusaContainer
): Promise<SeededStore> => {
  const storeModule = container.resolve(Modules.STORE)
  // Medusa's loaders create the one default store on first boot.
  const [store] = await storeModule.listStores()

  const { result: salesChannels } = await createSalesChannelsWorkflow(
    container
  ).run({
    input: {
      salesChannelsData: [
        { name: "Webshop", description: "The demo storefront" },
      ],
    },
  })
  const salesChannelId = salesChannels[0].id

  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Segments Demo Store",
        supported_currencies: [
          { currency_code: "usd", is_default: true },
          { currency_code: "eur" },
        ],
        default_sales_channel_id: salesChannelId,
      },
    },
  })

  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: (["usd", "eur"] as const).map((currency) => ({
        name: currency === "usd" ? "US" : "Europe",
        currency_code: currency,
        countries: COUNTRIES.filter((c) => c.currency === currency).map(
          (c) => c.code
        ),
        payment_providers: ["pp_system_default"],
      })),
    },
  })
  const regionIds = {
    usd: regions.find((r) => r.currency_code === "usd")!.id,
    eur: regions.find((r) => r.currency_code === "eur")!.id,
  }

  await createTaxRegionsWorkflow(container).run({
    input: COUNTRIES.map((c) => ({
      country_code: c.code,
      provider_id: "tp_system",
    })),
  })

  const { result: apiKeys } = await createApiKeysWorkflow(container).run({
    input: {
      api_keys: [{ title: "Webshop", type: "publishable", created_by: "" }],
    },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: apiKeys[0].id, add: [salesChannelId] },
  })

  return { salesChannelId, regionIds, publishableKey: apiKeys[0].token }
}
