/**
 * Evaluations (中期评估 / 总结评估): one row per evaluation a planner made of a plan. `snapshot` is
 * the frozen JSON of everything its report is rendered from (the plan structure with the targets in
 * force, the approved values, the assessments, assignments, units, progress updates and reporting
 * record), so the report can be produced again identically after new data arrives. `narrative` is
 * the JSON of the texts a planner writes (主要成效 / 存在问题 / 下步举措); it is the only part that
 * changes, under `version`. `created_by` is null when the CLI made it (no signed-in user).
 * Imports nothing from the application; the same DDL serves SQLite and PostgreSQL.
 */
import type { Kysely } from 'kysely';

// A migration is frozen in time: it takes Kysely<any> and knows no application types.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('narrative', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createIndex('evaluations_plan_idx')
    .on('evaluations')
    .columns(['plan_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('evaluations').execute();
}
