import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/** Each segment names the customer group the plugin keeps in step with it. */
export class Migration20261203204942 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "customer_segment" add column if not exists "customer_group_id" text null;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "customer_segment" drop column if exists "customer_group_id";`
    )
  }
}
