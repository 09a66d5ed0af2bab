/**
 * Observations (values of indicator measures) and progress updates (percent done of tasks,
 * projects, actions, commitments), their revisions, and the approved values the progress engine
 * reads. Nothing here is ever overwritten silently: updates are conditional on the version the
 * writer saw, and every change adds a revision row.
 *
 * Storage conventions: `area` and `period` are '' for none (they are part of a unique key, and
 * NULLs never compare equal in unique constraints); `details` is JSON text; `sample` is 0/1.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { ObservationDetails, ObservationKind, ObservationStatus } from '../contract/observations.ts';
import type { ProgressFact } from '../progress/itemProgress.ts';
import type { ObservationKind as EngineKind, Observation } from '../progress/observations.ts';
import type { Executor } from './database.ts';
import type { ItemKind } from './plans.repository.ts';

/** The prefix of an indicator item's key: 'ind:' + the indicator's code (序号). */
export const INDICATOR_KEY_PREFIX = 'ind:';

/** The indicator code an item key names, or null for items that are not indicators. */
export function indicatorCodeOf(itemKey: string): string | null {
  return itemKey.startsWith(INDICATOR_KEY_PREFIX) ? itemKey.slice(INDICATOR_KEY_PREFIX.length) : null;
}

/**
 * The item's own values, as a condition on the observations table (`o` when aliased so): every value
 * but a co-operating unit's own part of a task, project or commitment (a progress update with an
 * area). A part neither hands the item in nor counts as its progress; owed lists, reminders and the
 * evaluation's reporting record all ask this one question.
 */
export function itemsOwnValues(alias?: 'o'): RawBuilder<SqlBool> {
  const column = (name: string) => sql.ref(alias ? `${alias}.${name}` : name);
  return sql<SqlBool>`(${column('kind')} <> 'progress' or ${column('area')} = '')`;
}

/** What identifies a value: two values with the same key are the same value. */
export interface ObservationKey {
  itemId: string;
  measure: number;
  /** null for the whole plan area. */
  area: string | null;
  year: number;
  /** null for the whole year. */
  period: string | null;
  kind: ObservationKind;
}

/** A stored observation with the names of its item and unit, camelCase, nulls for ''. */
export interface ObservationRecord extends ObservationKey {
  id: string;
  planId: string;
  itemKey: string;
  itemKind: ItemKind;
  itemTitle: string;
  value: number | null;
  unit: string;
  details: ObservationDetails;
  status: ObservationStatus;
  approvedValue: number | null;
  approvedDetails: ObservationDetails | null;
  approvedAt: string | null;
  comment: string | null;
  source: string;
  sample: boolean;
  unitId: string;
  unitName: string;
  /** The item's lead unit (牵头单位), null while the item has no assignment. */
  leadUnitId: string | null;
  roundId: string | null;
  version: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A new observation as the workflow creates it (version 1). */
export type NewObservation = Omit<
  ObservationRecord,
  | 'itemKey'
  | 'itemKind'
  | 'itemTitle'
  | 'unitName'
  | 'leadUnitId'
  | 'version'
  | 'approvedValue'
  | 'approvedDetails'
  | 'approvedAt'
>;

/** The fields a workflow step may change. */
export interface ObservationChanges {
  value?: number | null;
  unit?: string;
  details?: ObservationDetails;
  status?: ObservationStatus;
  approvedValue?: number | null;
  approvedDetails?: ObservationDetails | null;
  approvedAt?: string | null;
  comment?: string | null;
  source?: string;
  sample?: boolean;
  updatedAt: string;
}

/** One stored revision, with the acting user's name (and current role) from the user directory. */
export interface ObservationRevision {
  revision: number;
  action: string;
  status: ObservationStatus;
  value: number | null;
  details: ObservationDetails;
  comment: string | null;
  actorId: string;
  actorName: string;
  actorRole: string;
  at: string;
}

/** Filters of a plan's list of values; `unitId` is also how reporters are kept to their unit. */
export interface ObservationFilter {
  unitId?: string;
  /** What a unit may read: its own values, and the co-operating units' parts of items it leads. */
  visibleToUnit?: string;
  status?: ObservationStatus;
  itemId?: string;
  year?: number;
}

/** An item as reporting needs it: what it is and who is assigned to it. */
export interface ReportableItem {
  id: string;
  planId: string;
  kind: ItemKind;
  key: string;
  title: string;
  /** The lead unit (牵头单位), or null while the item is not assigned. */
  leadUnitId: string | null;
  /** The co-operating units (配合单位). */
  coUnitIds: string[];
  dueDate: string | null;
}

/** An approved value as the public pages chart it: no names of people. */
export interface SeriesPoint {
  indicator: string;
  measure: number;
  year: number;
  kind: string;
  area: string | null;
  value: number;
  sample: boolean;
  source: string;
}

/** Reads stored details leniently: rows written by loaders may lack fields or hold nulls. */
export function parseDetails(text: string | null): ObservationDetails {
  let raw: Record<string, unknown> = {};
  try {
    const parsed: unknown = text ? JSON.parse(text) : {};
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      raw = parsed as Record<string, unknown>;
  } catch {
    raw = {};
  }
  const text_ = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
  const details: ObservationDetails = { note: text_(raw.note) ?? '', evidence: text_(raw.evidence) ?? '' };
  const narrative = text_(raw.narrative);
  if (narrative !== undefined) details.narrative = narrative;
  if (typeof raw.investment === 'number' && Number.isFinite(raw.investment))
    details.investment = raw.investment;
  const milestone = text_(raw.milestone);
  if (milestone !== undefined) details.milestone = milestone;
  const original = raw.original as { value?: unknown; unit?: unknown } | undefined;
  if (original && typeof original.value === 'number' && typeof original.unit === 'string') {
    details.original = { value: original.value, unit: original.unit };
  }
  return details;
}

const nullIfEmpty = (s: string): string | null => (s === '' ? null : s);
const numberOrNull = (n: number | string | null): number | null => (n === null ? null : Number(n));

function observationQuery(db: Executor) {
  return db
    .selectFrom('observations as o')
    .innerJoin('plan_items as i', 'i.id', 'o.item_id')
    .innerJoin('org_units as u', 'u.id', 'o.unit_id')
    .leftJoin('assignments as a', 'a.item_id', 'o.item_id')
    .selectAll('o')
    .select([
      'a.lead_unit_id as lead_unit_id',
      'i.key as item_key',
      'i.kind as item_kind',
      'i.title as item_title',
      'i.position as item_position',
      'u.name as unit_name',
    ]);
}

type ObservationRow = Awaited<ReturnType<ReturnType<typeof observationQuery>['executeTakeFirstOrThrow']>>;

function toRecord(r: ObservationRow): ObservationRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    itemId: r.item_id,
    itemKey: r.item_key,
    itemKind: r.item_kind as ItemKind,
    itemTitle: r.item_title,
    measure: Number(r.measure),
    area: nullIfEmpty(r.area),
    year: Number(r.year),
    period: nullIfEmpty(r.period),
    kind: r.kind as ObservationKind,
    value: numberOrNull(r.value),
    unit: r.unit,
    details: parseDetails(r.details),
    status: r.status as ObservationStatus,
    approvedValue: numberOrNull(r.approved_value),
    approvedDetails: r.approved_details === null ? null : parseDetails(r.approved_details),
    approvedAt: r.approved_at,
    comment: r.comment,
    source: r.source,
    sample: Boolean(Number(r.sample)),
    unitId: r.unit_id,
    unitName: r.unit_name,
    leadUnitId: r.lead_unit_id ?? null,
    roundId: r.round_id,
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Stores a new value at version 1. */
export async function insertObservation(
  db: Executor,
  o: NewObservation,
  /** For values loaded already approved (demo data, bulk imports): the approval they carry. */
  approval?: { value: number; details: ObservationDetails; at: string },
): Promise<void> {
  await db
    .insertInto('observations')
    .values({
      id: o.id,
      plan_id: o.planId,
      item_id: o.itemId,
      measure: o.measure,
      area: o.area ?? '',
      year: o.year,
      period: o.period ?? '',
      kind: o.kind,
      value: o.value,
      unit: o.unit,
      details: JSON.stringify(o.details),
      status: o.status,
      approved_value: approval?.value ?? null,
      approved_details: approval ? JSON.stringify(approval.details) : null,
      approved_at: approval?.at ?? null,
      comment: o.comment,
      source: o.source,
      sample: o.sample ? 1 : 0,
      unit_id: o.unitId,
      round_id: o.roundId,
      version: 1,
      created_by: o.createdBy,
      created_at: o.createdAt,
      updated_at: o.updatedAt,
    })
    .execute();
}

/** One value by id, with its item and unit names; null when there is none. */
export async function findObservation(db: Executor, id: string): Promise<ObservationRecord | null> {
  const row = await observationQuery(db).where('o.id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** The value with this key, if one exists: creating the same key twice is a duplicate. */
export async function findObservationByKey(
  db: Executor,
  key: ObservationKey,
): Promise<ObservationRecord | null> {
  const row = await observationQuery(db)
    .where('o.item_id', '=', key.itemId)
    .where('o.measure', '=', key.measure)
    .where('o.area', '=', key.area ?? '')
    .where('o.year', '=', key.year)
    .where('o.period', '=', key.period ?? '')
    .where('o.kind', '=', key.kind)
    .executeTakeFirst();
  return row ? toRecord(row) : null;
}

/** A plan's values in the plan's order (item, measure, area, year, period), filtered in the query. */
export async function listObservations(
  db: Executor,
  planId: string,
  filter: ObservationFilter = {},
): Promise<ObservationRecord[]> {
  let query = observationQuery(db).where('o.plan_id', '=', planId);
  if (filter.unitId !== undefined) query = query.where('o.unit_id', '=', filter.unitId);
  const visible = filter.visibleToUnit;
  if (visible !== undefined)
    query = query.where((eb) => eb.or([eb('o.unit_id', '=', visible), eb('a.lead_unit_id', '=', visible)]));
  if (filter.status !== undefined) query = query.where('o.status', '=', filter.status);
  if (filter.itemId !== undefined) query = query.where('o.item_id', '=', filter.itemId);
  if (filter.year !== undefined) query = query.where('o.year', '=', filter.year);
  const rows = await query
    .orderBy('i.position')
    .orderBy('o.measure')
    .orderBy('o.area')
    .orderBy('o.year')
    .orderBy('o.period')
    .orderBy('o.kind')
    .execute();
  return rows.map(toRecord);
}

/**
 * Applies changes only if the stored version is `version`, and moves it to version + 1. Returns
 * false on a stale version: the caller answers 409 and nothing changed.
 */
export async function updateObservationIfVersion(
  db: Executor,
  id: string,
  version: number,
  changes: ObservationChanges,
): Promise<boolean> {
  const result = await db
    .updateTable('observations')
    .set({
      ...(changes.value !== undefined ? { value: changes.value } : {}),
      ...(changes.unit !== undefined ? { unit: changes.unit } : {}),
      ...(changes.details !== undefined ? { details: JSON.stringify(changes.details) } : {}),
      ...(changes.status !== undefined ? { status: changes.status } : {}),
      ...(changes.approvedValue !== undefined ? { approved_value: changes.approvedValue } : {}),
      ...(changes.approvedDetails !== undefined
        ? {
            approved_details:
              changes.approvedDetails === null ? null : JSON.stringify(changes.approvedDetails),
          }
        : {}),
      ...(changes.approvedAt !== undefined ? { approved_at: changes.approvedAt } : {}),
      ...(changes.comment !== undefined ? { comment: changes.comment } : {}),
      ...(changes.source !== undefined ? { source: changes.source } : {}),
      ...(changes.sample !== undefined ? { sample: changes.sample ? 1 : 0 } : {}),
      updated_at: changes.updatedAt,
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Adds a revision: the state of the value after a change, who made it, when and why. */
export async function insertRevision(
  db: Executor,
  revision: {
    id: string;
    observationId: string;
    revision: number;
    action: string;
    status: ObservationStatus;
    value: number | null;
    details: ObservationDetails;
    comment: string | null;
    actorId: string;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('observation_revisions')
    .values({
      id: revision.id,
      observation_id: revision.observationId,
      revision: revision.revision,
      action: revision.action,
      status: revision.status,
      value: revision.value,
      details: JSON.stringify(revision.details),
      comment: revision.comment,
      actor_id: revision.actorId,
      created_at: revision.at,
    })
    .execute();
}

/** A value's revisions, oldest first, with each actor's display name. */
export async function listRevisions(db: Executor, observationId: string): Promise<ObservationRevision[]> {
  const rows = await db
    .selectFrom('observation_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.actor_id')
    .select([
      'r.revision',
      'r.action',
      'r.status',
      'r.value',
      'r.details',
      'r.comment',
      'r.actor_id',
      'r.created_at',
      'u.display_name',
      'u.role',
    ])
    .where('r.observation_id', '=', observationId)
    .orderBy('r.revision')
    .execute();
  return rows.map((r) => ({
    revision: Number(r.revision),
    action: r.action,
    status: r.status as ObservationStatus,
    value: numberOrNull(r.value),
    details: parseDetails(r.details),
    comment: r.comment,
    actorId: r.actor_id,
    actorName: r.display_name,
    actorRole: r.role,
    at: r.created_at,
  }));
}

/**
 * The approved value of the same measure, area, period and kind in another year, if there is one:
 * for the plausibility check against last year.
 */
export async function findApprovedValue(db: Executor, key: ObservationKey): Promise<number | null> {
  const row = await db
    .selectFrom('observations')
    .select('approved_value')
    .where('item_id', '=', key.itemId)
    .where('measure', '=', key.measure)
    .where('area', '=', key.area ?? '')
    .where('year', '=', key.year)
    .where('period', '=', key.period ?? '')
    .where('kind', '=', key.kind)
    .where('approved_value', 'is not', null)
    .executeTakeFirst();
  return row ? numberOrNull(row.approved_value) : null;
}

/** The approved values of a plan's indicators, in the plan's order: what assessments and the public read. */
export function approvedIndicatorRows(db: Executor, planId: string) {
  return db
    .selectFrom('observations as o')
    .innerJoin('plan_items as i', 'i.id', 'o.item_id')
    .select([
      'i.key',
      'i.position',
      'o.measure',
      'o.area',
      'o.year',
      'o.period',
      'o.kind',
      'o.approved_value',
      'o.unit',
      'o.source',
      'o.sample',
      'o.approved_details',
    ])
    .where('o.plan_id', '=', planId)
    .where('i.kind', '=', 'indicator')
    .where('o.kind', '!=', 'progress')
    .where('o.approved_value', 'is not', null)
    .orderBy('i.position')
    .orderBy('o.measure')
    .orderBy('o.area')
    .orderBy('o.year')
    .orderBy('o.period')
    .execute();
}

/**
 * The approved values of a plan's indicators, as the progress engine reads them: assessments use
 * approved values only. A value reopened for correction after approval keeps feeding its approved
 * value until the corrected one is approved. Progress updates of tasks and projects are not
 * indicator observations and are left out.
 */
export async function approvedObservations(db: Executor, planId: string): Promise<Observation[]> {
  const rows = await approvedIndicatorRows(db, planId);
  return rows.map((r) => ({
    indicator: indicatorCodeOf(r.key) ?? r.key,
    measure: Number(r.measure),
    area: nullIfEmpty(r.area),
    year: Number(r.year),
    period: nullIfEmpty(r.period),
    kind: r.kind as EngineKind,
    value: Number(r.approved_value),
    unit: r.unit,
    status: 'approved',
    source: r.source,
    note: parseDetails(r.approved_details).note || null,
  }));
}

/** The approved values of a plan's indicators for public charts: values and sources, no people. */
export async function publishedSeries(db: Executor, planId: string): Promise<SeriesPoint[]> {
  const rows = await approvedIndicatorRows(db, planId);
  return rows.map((r) => ({
    indicator: indicatorCodeOf(r.key) ?? r.key,
    measure: Number(r.measure),
    year: Number(r.year),
    kind: r.kind,
    area: nullIfEmpty(r.area),
    value: Number(r.approved_value),
    sample: Boolean(Number(r.sample)),
    source: r.source,
  }));
}

function reportableQuery(db: Executor) {
  return db
    .selectFrom('plan_items as i')
    .leftJoin('assignments as a', 'a.item_id', 'i.id')
    .select([
      'i.id',
      'i.plan_id',
      'i.kind',
      'i.key',
      'i.title',
      'i.position',
      'a.lead_unit_id',
      'a.co_unit_ids',
      'a.due_date',
    ]);
}

type ReportableRow = Awaited<ReturnType<ReturnType<typeof reportableQuery>['executeTakeFirstOrThrow']>>;

function toReportable(r: ReportableRow): ReportableItem {
  let coUnitIds: string[] = [];
  try {
    const parsed: unknown = r.co_unit_ids ? JSON.parse(r.co_unit_ids) : [];
    if (Array.isArray(parsed)) coUnitIds = parsed.filter((x): x is string => typeof x === 'string');
  } catch {
    coUnitIds = [];
  }
  return {
    id: r.id,
    planId: r.plan_id,
    kind: r.kind as ItemKind,
    key: r.key,
    title: r.title,
    leadUnitId: r.lead_unit_id,
    coUnitIds,
    dueDate: r.due_date,
  };
}

/** An item of a plan with its assignment, or null when the plan has no such item. */
export async function findReportableItem(
  db: Executor,
  planId: string,
  itemId: string,
): Promise<ReportableItem | null> {
  const row = await reportableQuery(db)
    .where('i.plan_id', '=', planId)
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  return row ? toReportable(row) : null;
}

/**
 * What a unit leads in a plan, with the annual values already entered for a year (any unit's), in
 * the plan's order: the raw material of "what my unit still owes".
 */
export async function listLeadItemsWithValues(
  db: Executor,
  planId: string,
  unitId: string,
  year: number,
): Promise<
  {
    item: ReportableItem;
    values: { id: string; measure: number; status: ObservationStatus; version: number }[];
  }[]
> {
  const items = (
    await reportableQuery(db)
      .where('i.plan_id', '=', planId)
      .where('a.lead_unit_id', '=', unitId)
      .orderBy('i.position')
      .execute()
  ).map(toReportable);
  if (items.length === 0) return [];
  const values = await db
    .selectFrom('observations as o')
    .innerJoin('assignments as a', 'a.item_id', 'o.item_id')
    .select(['o.id', 'o.item_id', 'o.measure', 'o.status', 'o.version'])
    .where('o.plan_id', '=', planId)
    .where('a.lead_unit_id', '=', unitId)
    // The item's values, whoever handed them in (a former lead too), but no co-operating unit's part.
    .where(itemsOwnValues('o'))
    .where('o.year', '=', year)
    .where('o.period', '=', '')
    .orderBy('o.measure')
    .execute();
  const byItem = new Map<
    string,
    { id: string; measure: number; status: ObservationStatus; version: number }[]
  >();
  for (const v of values) {
    const list = byItem.get(v.item_id) ?? [];
    list.push({
      id: v.id,
      measure: Number(v.measure),
      status: v.status as ObservationStatus,
      version: Number(v.version),
    });
    byItem.set(v.item_id, list);
  }
  return items.map((item) => ({ item, values: byItem.get(item.id) ?? [] }));
}

/**
 * The approved progress updates of a plan's tasks, projects, actions and commitments, as the item
 * rule reads them: the lead unit's, for the whole item (a co-operating unit's part has an area).
 */
export async function approvedProgressFacts(db: Executor, planId: string): Promise<ProgressFact[]> {
  const rows = await db
    .selectFrom('observations')
    .select(['item_id', 'year', 'period', 'approved_value', 'approved_details'])
    .where('plan_id', '=', planId)
    .where('kind', '=', 'progress')
    .where(itemsOwnValues())
    .where('approved_value', 'is not', null)
    .execute();
  return rows.map((r) => ({
    itemId: r.item_id,
    year: Number(r.year),
    period: nullIfEmpty(r.period),
    percent: Number(r.approved_value),
    milestone: parseDetails(r.approved_details).milestone ?? null,
  }));
}
