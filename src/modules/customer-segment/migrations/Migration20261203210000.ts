import { Migration } from "@medusajs/framework/mikro-orm/migrations"

/**
 * Customers waiting for a real-time re-evaluation, with the kinds of change
 * seen since the last one. A burst of events for one customer collapses into
 * one row, and so into one evaluation.
 */
export class Migration20261203210000 extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`create table if not exists "customer_segment_pending_evaluation" (
      "customer_id" text not null,
      "changes" text[] not null default '{}',
      "requested_at" timestamptz not null default now(),
      constraint "customer_segment_pending_evaluation_pkey" primary key ("customer_id"));`)
  }

  override async down(): Promise<void> {
    this.addSql(
      `drop table if exists "customer_segment_pending_evaluation" cascade;`
    )
  }
}
