/** What an explanation shows of the customer, for attribute conditions. */
export const explainedCustomerFields = [
  "id",
  "email",
  "first_name",
  "last_name",
  "phone",
  "company_name",
  "has_account",
  "created_at",
  "metadata",
  "groups.id",
  "groups.name",
  "addresses.country_code",
  "addresses.province",
  "addresses.city",
  "addresses.postal_code",
]
