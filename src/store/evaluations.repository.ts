/**
 * Evaluations in the database, and the reporting record their scorecard is made from: when each
 * value was first handed in (its first `submit` revision) or that it was loaded in bulk with no
 * hand-in time. Every function takes the connection or a transaction first, so callers decide the
 * transaction. The snapshot stays JSON text here: src/reports owns its shape.
 */
import type { Kysely } from 'kysely';
import type { Executor } from './database.ts';
import type { EvaluationDB, EvaluationTables } from './evaluations.table.ts';
import { itemsOwnValues } from './observations.repository.ts';

/** The narrative texts of an evaluation, as stored (JSON of this shape). */
export interface StoredNarrative {
  achievements: string;
  problems: string;
  nextSteps: string;
}

/** An evaluation without its snapshot. */
export interface EvaluationRecord {
  id: string;
  planId: string;
  kind: 'midterm' | 'final';
  year: number;
  title: string;
  narrative: StoredNarrative;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** A value's facts for the reporting record: whose, for which period, and when it was handed in. */
export interface HandIn {
  observationId: string;
  itemId: string;
  measure: number;
  year: number;
  /** '' for the whole year. */
  period: string;
  kind: string;
  status: string;
  unitId: string;
  /** Whether an approved value is in force (kept while a correction is pending). */
  approved: boolean;
  /** The first time it was submitted (ISO), or null when it never was through the workflow. */
  firstSubmittedAt: string | null;
  /** Whether it was loaded in bulk (a `load` revision): handed in, at a time not recorded. */
  loaded: boolean;
}

/** The connection seen with the evaluations table (a transaction stays a transaction). */
function view(db: Executor): Kysely<EvaluationDB> {
  return (db as Kysely<EvaluationDB>).withTables<EvaluationTables>();
}

const EMPTY_NARRATIVE: StoredNarrative = { achievements: '', problems: '', nextSteps: '' };

/** Reads a stored narrative leniently: a missing or malformed field is an empty text. */
export function parseNarrative(text: string | null): StoredNarrative {
  try {
    const raw = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    const field = (v: unknown): string => (typeof v === 'string' ? v : '');
    return {
      achievements: field(raw.achievements),
      problems: field(raw.problems),
      nextSteps: field(raw.nextSteps),
    };
  } catch {
    return { ...EMPTY_NARRATIVE };
  }
}

const columns = [
  'id',
  'plan_id',
  'kind',
  'year',
  'title',
  'narrative',
  'created_by',
  'created_at',
  'updated_at',
  'version',
] as const;

function toRecord(r: {
  id: string;
  plan_id: string;
  kind: string;
  year: number;
  title: string;
  narrative: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  version: number;
}): EvaluationRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    kind: r.kind === 'final' ? 'final' : 'midterm',
    year: Number(r.year),
    title: r.title,
    narrative: parseNarrative(r.narrative),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    version: Number(r.version),
  };
}

/** Stores a new evaluation at version 1. */
export async function insertEvaluation(
  db: Executor,
  e: Omit<EvaluationRecord, 'version' | 'updatedAt'> & { snapshot: string },
): Promise<void> {
  await view(db)
    .insertInto('evaluations')
    .values({
      id: e.id,
      plan_id: e.planId,
      kind: e.kind,
      year: e.year,
      title: e.title,
      snapshot: e.snapshot,
      narrative: JSON.stringify(e.narrative),
      created_by: e.createdBy,
      created_at: e.createdAt,
      updated_at: e.createdAt,
      version: 1,
    })
    .execute();
}

/** One evaluation without its snapshot, or null. */
export async function findEvaluation(db: Executor, id: string): Promise<EvaluationRecord | null> {
  const row = await view(db)
    .selectFrom('evaluations')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The stored snapshot of an evaluation (JSON text), or null. */
export async function findEvaluationSnapshot(db: Executor, id: string): Promise<string | null> {
  const row = await view(db)
    .selectFrom('evaluations')
    .select('snapshot')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.snapshot ?? null;
}

/** A plan's evaluations, newest first, with their snapshots (the list shows their counts). */
export async function listEvaluations(
  db: Executor,
  planId: string,
): Promise<Array<EvaluationRecord & { snapshot: string }>> {
  const rows = await view(db)
    .selectFrom('evaluations')
    .select([...columns, 'snapshot'])
    .where('plan_id', '=', planId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ ...toRecord(r), snapshot: r.snapshot }));
}

/** Replaces the narrative only if the stored version is `version`; false when stale. */
export async function updateNarrativeIfVersion(
  db: Executor,
  id: string,
  version: number,
  narrative: StoredNarrative,
  updatedAt: string,
): Promise<boolean> {
  const result = await view(db)
    .updateTable('evaluations')
    .set({ narrative: JSON.stringify(narrative), updated_at: updatedAt, version: version + 1 })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Every value of a plan with the time it was first handed in: the earliest `submit` revision, and
 * whether a `load` revision put it in without one. One query over the plan's values and their
 * submit and load revisions, folded here (a plan has a few thousand values a year at most).
 */
export async function listHandIns(db: Executor, planId: string): Promise<HandIn[]> {
  const rows = await db
    .selectFrom('observations as o')
    .leftJoin('observation_revisions as r', (join) =>
      join.onRef('r.observation_id', '=', 'o.id').on('r.action', 'in', ['submit', 'load']),
    )
    .select([
      'o.id',
      'o.item_id',
      'o.measure',
      'o.year',
      'o.period',
      'o.kind',
      'o.status',
      'o.unit_id',
      'o.approved_value',
      'r.action',
      'r.created_at as revised_at',
    ])
    .where('o.plan_id', '=', planId)
    .where(itemsOwnValues('o'))
    .orderBy('o.id')
    .execute();
  const byId = new Map<string, HandIn>();
  for (const r of rows) {
    let h = byId.get(r.id);
    if (!h) {
      h = {
        observationId: r.id,
        itemId: r.item_id,
        measure: Number(r.measure),
        year: Number(r.year),
        period: r.period,
        kind: r.kind,
        status: r.status,
        unitId: r.unit_id,
        approved: r.approved_value !== null,
        firstSubmittedAt: null,
        loaded: false,
      };
      byId.set(r.id, h);
    }
    if (r.action === 'load') h.loaded = true;
    if (r.action === 'submit' && r.revised_at !== null) {
      if (h.firstSubmittedAt === null || r.revised_at < h.firstSubmittedAt) h.firstSubmittedAt = r.revised_at;
    }
  }
  return [...byId.values()];
}
