import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { resolveCategories } from "../../../modules/customer-segment/import"

export const resolveImportCategoriesStepId = "resolve-import-categories"

/**
 * Finds the product categories named in the file, by name or handle and
 * ignoring case. Names matching none are returned, not refused: their lines
 * are imported without a category.
 */
export const resolveImportCategoriesStep = createStep(
  resolveImportCategoriesStepId,
  async (names: string[], { container }) => {
    if (!names.length) {
      return new StepResponse(resolveCategories([], []))
    }
    const productModule = container.resolve(Modules.PRODUCT)

    // The module filters names and handles by exact case only. Stores have
    // categories by the hundreds, not millions, so all of them are read and
    // compared here.
    const categories = await productModule.listProductCategories(
      {},
      { select: ["id", "name", "handle"] }
    )

    return new StepResponse(resolveCategories(names, categories))
  }
)
