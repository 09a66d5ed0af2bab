/**
 * Planning a plan's implementation: assignments (items → lead and co-operating units, due dates,
 * milestones), reporting rounds and target revisions. Every query is scoped to a plan; updates
 * check the version so a stale write changes nothing.
 */
import type { Target } from '../model/plan.ts';
import type { Executor } from './database.ts';
import type { ItemKind, PlanItem } from './plans.repository.ts';

/** A time node of an assignment, as stored. */
export interface MilestoneRecord {
  title: string;
  due: string;
  done?: boolean;
}

/** An item's assignment. */
export interface AssignmentRecord {
  id: string;
  planId: string;
  itemId: string;
  leadUnitId: string;
  coUnitIds: string[];
  dueDate: string | null;
  milestones: MilestoneRecord[];
  version: number;
  updatedAt: string;
}

type AssignmentRow = {
  id: string;
  plan_id: string;
  item_id: string;
  lead_unit_id: string;
  co_unit_ids: string;
  due_date: string | null;
  milestones: string;
  version: number;
  updated_at: string;
};

function toAssignment(r: AssignmentRow): AssignmentRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    itemId: r.item_id,
    leadUnitId: r.lead_unit_id,
    coUnitIds: JSON.parse(r.co_unit_ids) as string[],
    dueDate: r.due_date,
    milestones: JSON.parse(r.milestones) as MilestoneRecord[],
    version: Number(r.version),
    updatedAt: r.updated_at,
  };
}

/** Every assignment of a plan. */
export async function listAssignments(db: Executor, planId: string): Promise<AssignmentRecord[]> {
  return (await db.selectFrom('assignments').selectAll().where('plan_id', '=', planId).execute()).map(
    toAssignment,
  );
}

/** The assignment of one item, or null when it has none. */
export async function findAssignmentOfItem(db: Executor, itemId: string): Promise<AssignmentRecord | null> {
  const row = await db.selectFrom('assignments').selectAll().where('item_id', '=', itemId).executeTakeFirst();
  return row ? toAssignment(row) : null;
}

export async function insertAssignment(db: Executor, a: Omit<AssignmentRecord, 'version'>): Promise<void> {
  await db
    .insertInto('assignments')
    .values({
      id: a.id,
      plan_id: a.planId,
      item_id: a.itemId,
      lead_unit_id: a.leadUnitId,
      co_unit_ids: JSON.stringify(a.coUnitIds),
      due_date: a.dueDate,
      milestones: JSON.stringify(a.milestones),
      version: 1,
      updated_at: a.updatedAt,
    })
    .execute();
}

/** What an assignment can be set to. */
export interface AssignmentFields {
  leadUnitId: string;
  coUnitIds: string[];
  dueDate: string | null;
  milestones: MilestoneRecord[];
  updatedAt: string;
}

/** Replaces an assignment only if its stored version is `version`; false when stale. */
export async function updateAssignment(
  db: Executor,
  id: string,
  version: number,
  fields: AssignmentFields,
): Promise<boolean> {
  const result = await db
    .updateTable('assignments')
    .set({
      lead_unit_id: fields.leadUnitId,
      co_unit_ids: JSON.stringify(fields.coUnitIds),
      due_date: fields.dueDate,
      milestones: JSON.stringify(fields.milestones),
      updated_at: fields.updatedAt,
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A plan's item by its id or its key (ind:10), or null. */
export async function findItem(db: Executor, planId: string, idOrKey: string): Promise<PlanItem | null> {
  const row = await db
    .selectFrom('plan_items')
    .selectAll()
    .where('plan_id', '=', planId)
    .where((eb) => eb.or([eb('id', '=', idOrKey), eb('key', '=', idOrKey)]))
    .executeTakeFirst();
  return row
    ? {
        id: row.id,
        planId: row.plan_id,
        kind: row.kind as ItemKind,
        key: row.key,
        title: row.title,
        category: row.category,
        line: Number(row.line),
        position: Number(row.position),
      }
    : null;
}

/** A reporting round. */
export interface RoundRecord {
  id: string;
  planId: string;
  year: number;
  period: string | null;
  title: string;
  opensOn: string;
  deadline: string;
  status: 'open' | 'closed';
  version: number;
  createdAt: string;
}

type RoundRow = {
  id: string;
  plan_id: string;
  year: number;
  period: string | null;
  title: string;
  opens_on: string;
  deadline: string;
  status: string;
  version: number;
  created_at: string;
};

function toRound(r: RoundRow): RoundRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    year: Number(r.year),
    period: r.period,
    title: r.title,
    opensOn: r.opens_on,
    deadline: r.deadline,
    status: r.status as RoundRecord['status'],
    version: Number(r.version),
    createdAt: r.created_at,
  };
}

/** A plan's rounds, newest period first. */
export async function listRounds(db: Executor, planId: string): Promise<RoundRecord[]> {
  const rows = await db
    .selectFrom('reporting_rounds')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('year', 'desc')
    .orderBy('period', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(toRound);
}

export async function findRound(db: Executor, planId: string, id: string): Promise<RoundRecord | null> {
  const row = await db
    .selectFrom('reporting_rounds')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toRound(row) : null;
}

/** The plan's round for a year and period (null: the whole year), if one exists. */
export async function findRoundForPeriod(
  db: Executor,
  planId: string,
  year: number,
  period: string | null,
): Promise<RoundRecord | null> {
  const row = await db
    .selectFrom('reporting_rounds')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('year', '=', year)
    .where((eb) => (period === null ? eb('period', 'is', null) : eb('period', '=', period)))
    .executeTakeFirst();
  return row ? toRound(row) : null;
}

export async function insertRound(db: Executor, round: Omit<RoundRecord, 'version'>): Promise<void> {
  await db
    .insertInto('reporting_rounds')
    .values({
      id: round.id,
      plan_id: round.planId,
      year: round.year,
      period: round.period,
      title: round.title,
      opens_on: round.opensOn,
      deadline: round.deadline,
      status: round.status,
      version: 1,
      created_at: round.createdAt,
    })
    .execute();
}

/** The fields of a round that can change. */
export interface RoundChanges {
  status?: 'open' | 'closed';
  title?: string;
  opensOn?: string;
  deadline?: string;
}

/** Updates a round only if its stored version is `version`; false when stale. */
export async function updateRound(
  db: Executor,
  id: string,
  version: number,
  changes: RoundChanges,
): Promise<boolean> {
  const result = await db
    .updateTable('reporting_rounds')
    .set({
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.opensOn !== undefined ? { opens_on: changes.opensOn } : {}),
      ...(changes.deadline !== undefined ? { deadline: changes.deadline } : {}),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A target revision (调整修订): the original target stays in the plan; this says what replaced it from when. */
export interface TargetRevisionRecord {
  id: string;
  planId: string;
  indicatorCode: string;
  /** 1-based measure of the indicator. */
  measure: number;
  /** 1-based number of this revision among its measure's revisions. */
  revision: number;
  effectiveYear: number;
  target: Target;
  /** The target in force for `effectiveYear` just before this revision. */
  previousTarget: Target;
  reason: string;
  /** The approving document. */
  document: string;
  createdBy: string;
  /** The display name of the planner who made it (null if the user is gone). */
  createdByName: string | null;
  createdAt: string;
}

/** A plan's revisions (of one indicator, when given), by indicator, measure and revision. */
export async function listTargetRevisions(
  db: Executor,
  planId: string,
  filter: { indicatorCode?: string; measure?: number } = {},
): Promise<TargetRevisionRecord[]> {
  let query = db
    .selectFrom('target_revisions as r')
    .leftJoin('users as u', 'u.id', 'r.created_by')
    .selectAll('r')
    .select('u.display_name as created_by_name')
    .where('r.plan_id', '=', planId)
    .orderBy('r.indicator_code')
    .orderBy('r.measure')
    .orderBy('r.revision');
  if (filter.indicatorCode !== undefined) query = query.where('r.indicator_code', '=', filter.indicatorCode);
  if (filter.measure !== undefined) query = query.where('r.measure', '=', filter.measure);
  return (await query.execute()).map((r) => ({
    id: r.id,
    planId: r.plan_id,
    indicatorCode: r.indicator_code,
    measure: Number(r.measure),
    revision: Number(r.revision),
    effectiveYear: Number(r.effective_year),
    target: JSON.parse(r.target) as Target,
    previousTarget: JSON.parse(r.previous_target) as Target,
    reason: r.reason,
    document: r.document,
    createdBy: r.created_by,
    createdByName: r.created_by_name ?? null,
    createdAt: r.created_at,
  }));
}

export async function insertTargetRevision(
  db: Executor,
  r: Omit<TargetRevisionRecord, 'createdByName'>,
): Promise<void> {
  await db
    .insertInto('target_revisions')
    .values({
      id: r.id,
      plan_id: r.planId,
      indicator_code: r.indicatorCode,
      measure: r.measure,
      revision: r.revision,
      effective_year: r.effectiveYear,
      target: JSON.stringify(r.target),
      previous_target: JSON.stringify(r.previousTarget),
      reason: r.reason,
      document: r.document,
      created_by: r.createdBy,
      created_at: r.createdAt,
    })
    .execute();
}

/** Removes the assignments of these items (an item a planner has struck from the plan). */
export async function deleteAssignmentsOfItems(db: Executor, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length)
    await db
      .deleteFrom('assignments')
      .where('item_id', 'in', [...itemIds])
      .execute();
}
