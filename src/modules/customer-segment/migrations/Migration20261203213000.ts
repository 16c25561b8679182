import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Browsing activity and wishlists, which Medusa does not record: written by
 * the plugin's store routes for logged-in customers and read by the
 * `viewed_*` and `wishlist*` conditions. Views older than the retention
 * period are pruned daily.
 */
export class Migration20261203213000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table if not exists "customer_segment_activity" (
      "id" text not null,
      "customer_id" text not null,
      "kind" text not null check ("kind" in ('product_view', 'category_view')),
      "product_id" text null,
      "category_id" text null,
      "created_at" timestamptz not null default now(),
      constraint "customer_segment_activity_pkey" primary key ("id"));`)
    this.addSql(
      `create index if not exists "IDX_customer_segment_activity_customer_kind" on "customer_segment_activity" ("customer_id", "kind", "created_at");`
    )
    this.addSql(
      `create index if not exists "IDX_customer_segment_activity_created_at" on "customer_segment_activity" ("created_at");`
    )

    this.addSql(`create table if not exists "customer_segment_wishlist_item" (
      "customer_id" text not null,
      "product_id" text not null,
      "created_at" timestamptz not null default now(),
      constraint "customer_segment_wishlist_item_pkey" primary key ("customer_id", "product_id"));`)
  }

  override async down(): Promise<void> {
    this.addSql(
      `drop table if exists "customer_segment_wishlist_item" cascade;`
    )
    this.addSql(`drop table if exists "customer_segment_activity" cascade;`)
  }
}
