/**
 * Directory and planning: what the routes for org units, users, assignments, reporting rounds,
 * target revisions and the audit log need beyond the first schema. Frozen once shipped; imports
 * nothing from the application; the same DDL serves SQLite and PostgreSQL.
 *
 * - `target_revisions.revision`: the 1-based number of a revision among those of its measure, so the
 *   order of revisions never depends on clock ties, and a unique index turns two planners revising
 *   the same measure at once into one success and one conflict (409), never two "latest" revisions.
 * - One reporting round per plan, year and period: the index is on `coalesce(period, '')` because
 *   both databases treat NULLs as distinct in a unique index, and an annual round has period NULL.
 * - Indexes for the audit log's filters by plan and by actor, newest first by seq.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('target_revisions')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('target_revisions_measure_unique')
    .on('target_revisions')
    .columns(['plan_id', 'indicator_code', 'measure', 'revision'])
    .unique()
    .execute();

  // Parenthesised expression: PostgreSQL requires the parentheses, SQLite accepts them.
  await sql`create unique index reporting_rounds_period_unique on reporting_rounds (plan_id, year, (coalesce(period, '')))`.execute(
    db,
  );

  await db.schema
    .createIndex('audit_events_plan_idx')
    .on('audit_events')
    .columns(['plan_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('audit_events_actor_idx')
    .on('audit_events')
    .columns(['actor_id', 'seq'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_events_actor_idx').execute();
  await db.schema.dropIndex('audit_events_plan_idx').execute();
  await db.schema.dropIndex('reporting_rounds_period_unique').execute();
  await db.schema.dropIndex('target_revisions_measure_unique').execute();
  await db.schema.alterTable('target_revisions').dropColumn('revision').execute();
}
