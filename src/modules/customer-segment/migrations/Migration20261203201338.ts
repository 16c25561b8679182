import { Migration } from "@medusajs/framework/mikro-orm/migrations"

export class Migration20261203201338 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table if exists "customer_segment_membership" drop constraint if exists "customer_segment_membership_segment_id_customer_id_unique";`
    )
    this.addSql(
      `create table if not exists "customer_segment" ("id" text not null, "name" text not null, "description" text null, "rule" jsonb not null, "refresh_mode" text check ("refresh_mode" in ('manual', 'scheduled', 'realtime')) not null default 'manual', "cron" text null, "is_active" boolean not null default true, "audience" text check ("audience" in ('registered', 'guests', 'all')) not null default 'all', "member_count" integer not null default 0, "last_refreshed_at" timestamptz null, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_segment_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_customer_segment_deleted_at" ON "customer_segment" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_customer_segment_refresh_mode_is_active" ON "customer_segment" ("refresh_mode", "is_active") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "customer_segment_membership" ("id" text not null, "customer_id" text not null, "segment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_segment_membership_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_customer_segment_membership_segment_id" ON "customer_segment_membership" ("segment_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_customer_segment_membership_deleted_at" ON "customer_segment_membership" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE UNIQUE INDEX IF NOT EXISTS "IDX_customer_segment_membership_segment_id_customer_id_unique" ON "customer_segment_membership" ("segment_id", "customer_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_customer_segment_membership_customer_id" ON "customer_segment_membership" ("customer_id") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `create table if not exists "customer_segment_refresh" ("id" text not null, "trigger" text check ("trigger" in ('manual', 'scheduled', 'realtime', 'created', 'updated', 'cli')) not null, "started_at" timestamptz not null, "finished_at" timestamptz null, "added" integer not null default 0, "removed" integer not null default 0, "total" integer not null default 0, "error" text null, "segment_id" text not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "customer_segment_refresh_pkey" primary key ("id"));`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_customer_segment_refresh_segment_id" ON "customer_segment_refresh" ("segment_id") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_customer_segment_refresh_deleted_at" ON "customer_segment_refresh" ("deleted_at") WHERE deleted_at IS NULL;`
    )
    this.addSql(
      `CREATE INDEX IF NOT EXISTS "IDX_customer_segment_refresh_segment_id_started_at" ON "customer_segment_refresh" ("segment_id", "started_at") WHERE deleted_at IS NULL;`
    )

    this.addSql(
      `alter table if exists "customer_segment_membership" add constraint "customer_segment_membership_segment_id_foreign" foreign key ("segment_id") references "customer_segment" ("id") on update cascade on delete cascade;`
    )

    this.addSql(
      `alter table if exists "customer_segment_refresh" add constraint "customer_segment_refresh_segment_id_foreign" foreign key ("segment_id") references "customer_segment" ("id") on update cascade on delete cascade;`
    )
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table if exists "customer_segment_membership" drop constraint if exists "customer_segment_membership_segment_id_foreign";`
    )

    this.addSql(
      `alter table if exists "customer_segment_refresh" drop constraint if exists "customer_segment_refresh_segment_id_foreign";`
    )

    this.addSql(`drop table if exists "customer_segment" cascade;`)

    this.addSql(`drop table if exists "customer_segment_membership" cascade;`)

    this.addSql(`drop table if exists "customer_segment_refresh" cascade;`)
  }
}
