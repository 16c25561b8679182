export const defaultAdminCustomerSegmentFields = [
  "id",
  "name",
  "description",
  "rule",
  "refresh_mode",
  "cron",
  "is_active",
  "audience",
  "member_count",
  "last_refreshed_at",
  "metadata",
  "customer_group_id",
  "created_at",
  "updated_at",
]

export const retrieveTransformQueryConfig = {
  defaults: defaultAdminCustomerSegmentFields,
  isList: false,
}

export const listTransformQueryConfig = {
  ...retrieveTransformQueryConfig,
  defaultLimit: 20,
  isList: true,
}

export const defaultSegmentCustomerFields = [
  "id",
  "email",
  "first_name",
  "last_name",
  "phone",
  "company_name",
  "has_account",
  "created_at",
]

export const listSegmentCustomersQueryConfig = {
  defaults: defaultSegmentCustomerFields,
  defaultLimit: 20,
  isList: true,
}
