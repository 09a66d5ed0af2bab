/** Plans and their trackable items (indicators, tasks, projects, actions, commitments). */
import type { Plan } from '../model/plan.ts';
import type { Executor } from './database.ts';

/** A stored plan with its structure from ingest. */
export interface PlanRecord {
  id: string;
  regionCode: string;
  level: string;
  title: string;
  issuer: string | null;
  issuedOn: string | null;
  baseYear: number;
  startYear: number;
  endYear: number;
  visionYear: number | null;
  parentId: string | null;
  sourceSha256: string;
  sourceFormat: string;
  status: 'draft' | 'confirmed';
  published: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type ItemKind = 'indicator' | 'task' | 'project' | 'action' | 'commitment';

export interface PlanItem {
  id: string;
  planId: string;
  kind: ItemKind;
  key: string;
  title: string;
  category: string | null;
  line: number;
  position: number;
}

const planColumns = [
  'id',
  'region_code',
  'level',
  'title',
  'issuer',
  'issued_on',
  'base_year',
  'start_year',
  'end_year',
  'vision_year',
  'parent_id',
  'source_sha256',
  'source_format',
  'status',
  'published',
  'version',
  'created_at',
  'updated_at',
] as const;

type PlanRow = {
  id: string;
  region_code: string;
  level: string;
  title: string;
  issuer: string | null;
  issued_on: string | null;
  base_year: number;
  start_year: number;
  end_year: number;
  vision_year: number | null;
  parent_id: string | null;
  source_sha256: string;
  source_format: string;
  status: string;
  published: number;
  version: number;
  created_at: string;
  updated_at: string;
};

function toPlan(row: PlanRow): PlanRecord {
  return {
    id: row.id,
    regionCode: row.region_code,
    level: row.level,
    title: row.title,
    issuer: row.issuer,
    issuedOn: row.issued_on,
    baseYear: Number(row.base_year),
    startYear: Number(row.start_year),
    endYear: Number(row.end_year),
    visionYear: row.vision_year === null ? null : Number(row.vision_year),
    parentId: row.parent_id,
    sourceSha256: row.source_sha256,
    sourceFormat: row.source_format,
    status: row.status as PlanRecord['status'],
    published: Boolean(Number(row.published)),
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listPlans(
  db: Executor,
  filter: { publishedOnly?: boolean } = {},
): Promise<PlanRecord[]> {
  let query = db.selectFrom('plans').select(planColumns).orderBy('created_at');
  if (filter.publishedOnly) query = query.where('published', '=', 1);
  return (await query.execute()).map(toPlan);
}

export async function findPlan(db: Executor, id: string): Promise<PlanRecord | null> {
  const row = await db.selectFrom('plans').select(planColumns).where('id', '=', id).executeTakeFirst();
  return row ? toPlan(row) : null;
}

/** The structure from ingest, as stored. */
export async function findPlanStructure(db: Executor, id: string): Promise<Plan | null> {
  const row = await db.selectFrom('plans').select('structure').where('id', '=', id).executeTakeFirst();
  return row ? (JSON.parse(row.structure) as Plan) : null;
}

export async function findPlanSource(db: Executor, id: string): Promise<string | null> {
  const row = await db.selectFrom('plans').select('source_text').where('id', '=', id).executeTakeFirst();
  return row?.source_text ?? null;
}

export async function insertPlan(
  db: Executor,
  plan: Omit<PlanRecord, 'version' | 'published'> & { structure: Plan; sourceText: string },
): Promise<void> {
  await db
    .insertInto('plans')
    .values({
      id: plan.id,
      region_code: plan.regionCode,
      level: plan.level,
      title: plan.title,
      issuer: plan.issuer,
      issued_on: plan.issuedOn,
      base_year: plan.baseYear,
      start_year: plan.startYear,
      end_year: plan.endYear,
      vision_year: plan.visionYear,
      parent_id: plan.parentId,
      source_text: plan.sourceText,
      source_sha256: plan.sourceSha256,
      source_format: plan.sourceFormat,
      structure: JSON.stringify(plan.structure),
      status: plan.status,
      published: 0,
      version: 1,
      created_at: plan.createdAt,
      updated_at: plan.updatedAt,
    })
    .execute();
}

/**
 * Updates plan fields only if the stored version is `version`; returns false on a stale version
 * (the caller answers 409), so two planners never overwrite each other silently.
 */
export async function updatePlan(
  db: Executor,
  id: string,
  version: number,
  changes: { status?: string; published?: boolean; structure?: Plan; updatedAt: string },
  /** Change it only while it is in this state (a structure is corrected on a draft only). */
  onlyWhile?: { status: string },
): Promise<boolean> {
  const result = await db
    .updateTable('plans')
    .set({
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.structure !== undefined ? { structure: JSON.stringify(changes.structure) } : {}),
      ...(changes.published !== undefined ? { published: changes.published ? 1 : 0 } : {}),
      updated_at: changes.updatedAt,
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .$if(onlyWhile !== undefined, (q) => q.where('status', '=', onlyWhile!.status))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertItems(db: Executor, items: PlanItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += 200) {
    await db
      .insertInto('plan_items')
      .values(
        items.slice(i, i + 200).map((item) => ({
          id: item.id,
          plan_id: item.planId,
          kind: item.kind,
          key: item.key,
          title: item.title,
          category: item.category,
          line: item.line,
          position: item.position,
        })),
      )
      .execute();
  }
}

/** Rewrites items in place (same ids, so assignments and values stay attached); keys may be permuted. */
export async function updateItems(db: Executor, items: readonly PlanItem[]): Promise<void> {
  // Two passes, because a re-numbering can hand one item's key to another (task:3.1.2 → task:3.1.1).
  for (const item of items) {
    await db
      .updateTable('plan_items')
      .set({ key: `~${item.id}` })
      .where('id', '=', item.id)
      .execute();
  }
  for (const item of items) {
    await db
      .updateTable('plan_items')
      .set({
        key: item.key,
        title: item.title,
        category: item.category,
        line: item.line,
        position: item.position,
      })
      .where('id', '=', item.id)
      .execute();
  }
}

export async function deleteItems(db: Executor, ids: readonly string[]): Promise<void> {
  if (ids.length)
    await db
      .deleteFrom('plan_items')
      .where('id', 'in', [...ids])
      .execute();
}

/** Which of these items have any value or progress update stored (in whatever state). */
export async function itemsWithData(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await db
    .selectFrom('observations')
    .select('item_id')
    .distinct()
    .where('item_id', 'in', [...ids])
    .execute();
  return new Set(rows.map((r) => r.item_id));
}

export async function listItems(db: Executor, planId: string, kind?: ItemKind): Promise<PlanItem[]> {
  let query = db.selectFrom('plan_items').selectAll().where('plan_id', '=', planId).orderBy('position');
  if (kind) query = query.where('kind', '=', kind);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    kind: r.kind as ItemKind,
    key: r.key,
    title: r.title,
    category: r.category,
    line: Number(r.line),
    position: Number(r.position),
  }));
}

/**
 * What a plan's public pages depend on: the plan record and its approved values. It changes
 * whenever either does, so a cached page is valid while the stamp is the same.
 */
export async function publicDataStamp(db: Executor, planId: string): Promise<string> {
  const plan = await db
    .selectFrom('plans')
    .select(['version', 'updated_at', 'published'])
    .where('id', '=', planId)
    .executeTakeFirst();
  const values = await db
    .selectFrom('observations')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('approved_at').as('last')])
    .where('plan_id', '=', planId)
    .where('approved_value', 'is not', null)
    .executeTakeFirst();
  const revisions = await db
    .selectFrom('target_revisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return JSON.stringify([plan, Number(values?.n ?? 0), values?.last ?? null, Number(revisions?.n ?? 0)]);
}
