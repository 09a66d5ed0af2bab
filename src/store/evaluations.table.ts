/**
 * The Kysely types of the evaluations table (migration 2026_11_26_0005_evaluations), kept beside the
 * shared schema like the reminder tables, so the reports work lands without touching a file others
 * edit. `EvaluationDB` is the shared DB with this table added.
 */
import type { Generated } from 'kysely';
import type { DB } from './schema.ts';

/** One evaluation: its frozen snapshot (JSON text) and the narrative a planner edits (JSON text). */
export interface EvaluationsTable {
  id: string;
  plan_id: string;
  /** midterm (中期评估) or final (总结评估). */
  kind: string;
  /** The year assessed: values up to and including it were used. */
  year: number;
  title: string;
  snapshot: string;
  narrative: string;
  /** The planner who made it; null when the CLI did. */
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: Generated<number>;
}

/** The table migration 0005 adds. */
export type EvaluationTables = { evaluations: EvaluationsTable };

/** The database as the reports code sees it. */
export type EvaluationDB = DB & EvaluationTables;
