/**
 * Reminders: what each unit still owes a reporting round, told in the app, by email and by a chat
 * robot. Adds `users.email` (nullable: most accounts have none, and those are reminded in the app
 * only), `notifications` (the in-app reminders of a unit) and `reminders_sent` (one row per round,
 * unit, offset from the deadline and channel, so a reminder is delivered once and a failed channel is
 * retried on the next run). Imports nothing from the application; the same DDL serves SQLite and
 * PostgreSQL.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').addColumn('email', 'text').execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('round_id', 'text', (c) => c.references('reporting_rounds.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema
    .createIndex('notifications_unit_idx')
    .on('notifications')
    .columns(['unit_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('reminders_sent')
    .addColumn('round_id', 'text', (c) => c.notNull().references('reporting_rounds.id').onDelete('cascade'))
    .addColumn('unit_id', 'text', (c) => c.notNull().references('org_units.id').onDelete('cascade'))
    .addColumn('offset_days', 'integer', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('error', 'text')
    .addPrimaryKeyConstraint('reminders_sent_pk', ['round_id', 'unit_id', 'offset_days', 'channel'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('reminders_sent').execute();
  await db.schema.dropTable('notifications').execute();
  await db.schema.alterTable('users').dropColumn('email').execute();
}
