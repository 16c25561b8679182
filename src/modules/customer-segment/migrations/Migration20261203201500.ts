import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * The order-history read model. It is written only by the module's own
 * set-based statements (`statements.ts`), from Medusa orders and from CSV
 * imports, and read only by compiled segment rules, so it is declared here
 * rather than as data models: the column types (numeric money, text[] ids
 * with GIN indexes) are what the compiled queries are tuned for.
 */
export class Migration20261203201500 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_segment_order" (
      "id" text not null,
      "customer_id" text not null,
      "email" text null,
      "placed_at" timestamptz not null,
      "currency_code" text not null,
      "total" numeric not null default 0,
      "refunded_total" numeric not null default 0,
      "net_total" numeric not null default 0,
      "status" text not null,
      "source" text not null check ("source" in ('medusa', 'import')),
      "synced_at" timestamptz not null default now(),
      constraint "customer_segment_order_pkey" primary key ("id"));`)
    this.addSql(
      `create index if not exists "IDX_customer_segment_order_customer_id" on "customer_segment_order" ("customer_id");`
    )
    this.addSql(
      `create index if not exists "IDX_customer_segment_order_placed_at" on "customer_segment_order" ("placed_at");`
    )

    this.addSql(`create table if not exists "customer_segment_order_line" (
      "id" text not null,
      "order_id" text not null references "customer_segment_order" ("id") on delete cascade,
      "customer_id" text not null,
      "placed_at" timestamptz not null,
      "status" text not null,
      "currency_code" text not null,
      "product_id" text null,
      "variant_id" text null,
      "product_title" text null,
      "category_ids" text[] not null default '{}',
      "collection_id" text null,
      "type_id" text null,
      "tag_ids" text[] not null default '{}',
      "quantity" integer not null default 1,
      "amount" numeric not null default 0,
      constraint "customer_segment_order_line_pkey" primary key ("id"));`)
    this.addSql(
      `create index if not exists "IDX_customer_segment_order_line_order_id" on "customer_segment_order_line" ("order_id");`
    )
    this.addSql(
      `create index if not exists "IDX_customer_segment_order_line_customer_id" on "customer_segment_order_line" ("customer_id");`
    )
    this.addSql(
      `create index if not exists "IDX_customer_segment_order_line_product_id" on "customer_segment_order_line" ("product_id");`
    )
    this.addSql(
      `create index if not exists "IDX_customer_segment_order_line_variant_id" on "customer_segment_order_line" ("variant_id");`
    )
    this.addSql(
      `create index if not exists "IDX_customer_segment_order_line_category_ids" on "customer_segment_order_line" using gin ("category_ids");`
    )
    this.addSql(
      `create index if not exists "IDX_customer_segment_order_line_tag_ids" on "customer_segment_order_line" using gin ("tag_ids");`
    )
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "customer_segment_order_line" cascade;`)
    this.addSql(`drop table if exists "customer_segment_order" cascade;`)
  }
}
