/**
 * Assigning plan items to units (分解目标、明确牵头单位、倒排时间节点): one item at a time, or a whole
 * decomposition table at once. A bulk assignment is all or nothing: every row is checked before
 * anything is written, and the reply lists every bad row by index and field; then all rows are
 * written in the caller's transaction, each version-checked and audited.
 */
import type { z } from 'zod';
import type { bulkAssignmentRowSchema, putAssignmentBodySchema, RowError } from '../../contract/planning.ts';
import { type AuditActor, appendAudit } from '../../store/audit.ts';
import { isUniqueViolation } from '../../store/constraints.ts';
import type { Executor } from '../../store/database.ts';
import { allOrgUnits } from '../../store/directory.repository.ts';
import { newId } from '../../store/ids.ts';
import type { OrgUnit } from '../../store/people.repository.ts';
import {
  type AssignmentFields,
  type AssignmentRecord,
  findAssignmentOfItem,
  insertAssignment,
  listAssignments,
  type MilestoneRecord,
  updateAssignment,
} from '../../store/planning.repository.ts';
import { listItems, type PlanItem } from '../../store/plans.repository.ts';
import type { Actor } from '../policies/index.ts';
import { auditActor } from './auditActor.ts';
import { invalid, staleVersion } from './conflicts.ts';

const ASSIGNMENT = { zh: '分工', en: 'assignment' };

export interface AssignItemProps {
  actor: Actor;
  planId: string;
  /** The item, as loaded before authorising. */
  item: PlanItem;
  /** The validated body: the whole assignment and the version seen (null: the item had none). */
  input: z.infer<typeof putAssignmentBodySchema>;
  now: string;
}

/** Creates or replaces one item's assignment. */
export async function assignItem(
  trx: Executor,
  props: AssignItemProps,
): Promise<{ record: AssignmentRecord; created: boolean }> {
  const { input, item } = props;
  const existing = await findAssignmentOfItem(trx, item.id);
  if ((existing?.version ?? null) !== input.version) throw staleVersion(ASSIGNMENT);
  const units = new Map((await allOrgUnits(trx)).map((u) => [u.id, u]));
  if (!units.has(input.leadUnitId)) throw invalid('牵头单位不存在', 'no such lead unit', 'body.leadUnitId');
  input.coUnitIds.forEach((id, k) => {
    if (!units.has(id)) throw invalid('配合单位不存在', 'no such co-operating unit', `body.coUnitIds.${k}`);
    if (id === input.leadUnitId)
      throw invalid(
        '牵头单位不能同时是配合单位',
        'the lead unit cannot also co-operate',
        `body.coUnitIds.${k}`,
      );
  });
  const fields: AssignmentFields = {
    leadUnitId: input.leadUnitId,
    coUnitIds: [...new Set(input.coUnitIds)],
    dueDate: input.dueDate,
    milestones: input.milestones,
    updatedAt: props.now,
  };
  const record = await writeAssignment(trx, {
    actor: auditActor(props.actor),
    planId: props.planId,
    item,
    existing,
    fields,
    now: props.now,
  });
  return { record, created: existing === null };
}

/** One row of a bulk assignment as received. */
export type BulkRow = z.infer<typeof bulkAssignmentRowSchema>;

export interface AssignInBulkProps {
  actor: Actor;
  planId: string;
  /** The plan's region: a unit named ambiguously is looked for there first. */
  regionCode: string;
  rows: BulkRow[];
  now: string;
}

/** What a bulk assignment did, or why it did nothing. */
export type BulkOutcome =
  | {
      ok: true;
      created: number;
      updated: number;
      unchanged: number;
      items: PlanItem[];
      records: AssignmentRecord[];
    }
  | { ok: false; code: 'LANTU_VALIDATION' | 'LANTU_STALE_VERSION'; errors: RowError[] };

/**
 * Checks every row, then (only if all are good) writes them. Rows equal to the assignment in place
 * are left alone (no new version, no audit event), so importing the same file twice changes nothing.
 */
export async function assignItemsInBulk(trx: Executor, props: AssignInBulkProps): Promise<BulkOutcome> {
  const units = await allOrgUnits(trx);
  const items = await listItems(trx, props.planId);
  const existing = new Map((await listAssignments(trx, props.planId)).map((a) => [a.itemId, a]));
  const itemByRef = new Map<string, PlanItem>();
  for (const item of items) {
    itemByRef.set(item.id, item);
    itemByRef.set(item.key, item);
  }
  const resolveUnit = unitResolver(units, props.regionCode);

  const errors: RowError[] = [];
  const planned: { item: PlanItem; fields: AssignmentFields }[] = [];
  const seenItems = new Map<string, number>();
  props.rows.forEach((row, index) => {
    const fail = (field: string, zh: string, en: string): void => {
      errors.push({ index, field, message: `${zh} · ${en}` });
    };
    const item = itemByRef.get(row.item.trim());
    if (!item) fail('item', `未知条目“${row.item}”`, `unknown item "${row.item}"`);
    else if (seenItems.has(item.id))
      fail('item', `与第${seenItems.get(item.id)! + 1}行重复`, `repeats row ${seenItems.get(item.id)! + 1}`);
    else seenItems.set(item.id, index);

    const lead = resolveUnit(row.leadUnit);
    if (typeof lead === 'string') fail('leadUnit', ...unitProblem(lead, row.leadUnit));
    const coUnitIds: string[] = [];
    row.coUnits.forEach((ref, k) => {
      const unit = resolveUnit(ref);
      if (typeof unit === 'string') fail(`coUnits.${k}`, ...unitProblem(unit, ref));
      else if (typeof lead !== 'string' && unit.id === lead.id)
        fail(`coUnits.${k}`, '牵头单位不能同时是配合单位', 'the lead unit cannot also co-operate');
      else if (!coUnitIds.includes(unit.id)) coUnitIds.push(unit.id);
    });

    const dueText = row.dueDate?.trim() ?? '';
    if (dueText !== '' && !isCalendarDate(dueText))
      fail(
        'dueDate',
        `日期“${row.dueDate}”无效,应为 YYYY-MM-DD`,
        `"${row.dueDate}" is not a date as YYYY-MM-DD`,
      );
    const milestones: MilestoneRecord[] = [];
    row.milestones.forEach((m, k) => {
      const title = m.title.trim();
      if (!title) fail(`milestones.${k}.title`, '节点名称为空', 'the milestone has no title');
      if (!isCalendarDate(m.due.trim()))
        fail(
          `milestones.${k}.due`,
          `日期“${m.due}”无效,应为 YYYY-MM-DD`,
          `"${m.due}" is not a date as YYYY-MM-DD`,
        );
      milestones.push({ title, due: m.due.trim(), ...(m.done === undefined ? {} : { done: m.done }) });
    });

    if (item && typeof lead !== 'string') {
      planned.push({
        item,
        fields: {
          leadUnitId: lead.id,
          coUnitIds,
          dueDate: dueText || null,
          milestones,
          updatedAt: props.now,
        },
      });
    }
    if (item && row.version !== undefined && (existing.get(item.id)?.version ?? null) !== row.version) {
      fail('version', '该条目的分工已被他人修改', 'the assignment changed meanwhile');
    }
  });
  if (errors.length > 0) {
    const stale = errors.every((e) => e.field === 'version');
    return { ok: false, code: stale ? 'LANTU_STALE_VERSION' : 'LANTU_VALIDATION', errors };
  }

  const actor = auditActor(props.actor);
  let created = 0;
  let updated = 0;
  let unchanged = 0;
  const records: AssignmentRecord[] = [];
  for (const { item, fields } of planned) {
    const before = existing.get(item.id) ?? null;
    if (before && sameAssignment(before, fields)) {
      unchanged++;
      records.push(before);
      continue;
    }
    records.push(
      await writeAssignment(trx, {
        actor,
        planId: props.planId,
        item,
        existing: before,
        fields,
        now: props.now,
        bulk: true,
      }),
    );
    if (before) updated++;
    else created++;
  }
  return { ok: true, created, updated, unchanged, items: planned.map((p) => p.item), records };
}

/** Inserts or updates (version-checked) one assignment and audits it. */
async function writeAssignment(
  trx: Executor,
  w: {
    actor: AuditActor;
    planId: string;
    item: PlanItem;
    existing: AssignmentRecord | null;
    fields: AssignmentFields;
    now: string;
    bulk?: boolean;
  },
): Promise<AssignmentRecord> {
  let record: AssignmentRecord;
  if (w.existing) {
    if (!(await updateAssignment(trx, w.existing.id, w.existing.version, w.fields)))
      throw staleVersion(ASSIGNMENT);
    record = { ...w.existing, ...w.fields, version: w.existing.version + 1 };
  } else {
    record = { id: newId(), planId: w.planId, itemId: w.item.id, ...w.fields, version: 1 };
    await insertAssignment(trx, record).catch((error: unknown) => {
      // The unique index on item_id: another planner assigned the item meanwhile.
      if (isUniqueViolation(error)) throw staleVersion(ASSIGNMENT);
      throw error;
    });
  }
  await appendAudit(trx, {
    actor: w.actor,
    action: w.existing ? 'assignment.update' : 'assignment.create',
    entity: 'assignment',
    entityId: record.id,
    planId: w.planId,
    before: w.existing ? snapshot(w.item, w.existing) : null,
    after: { ...snapshot(w.item, record), ...(w.bulk ? { bulk: true } : {}) },
    at: w.now,
  });
  return record;
}

function snapshot(item: PlanItem, a: Omit<AssignmentRecord, 'id' | 'planId' | 'itemId'>) {
  return {
    itemKey: item.key,
    leadUnitId: a.leadUnitId,
    coUnitIds: a.coUnitIds,
    dueDate: a.dueDate,
    milestones: a.milestones,
    version: a.version,
  };
}

function sameAssignment(a: AssignmentRecord, f: AssignmentFields): boolean {
  return (
    a.leadUnitId === f.leadUnitId &&
    a.dueDate === f.dueDate &&
    JSON.stringify(a.coUnitIds) === JSON.stringify(f.coUnitIds) &&
    JSON.stringify(a.milestones) === JSON.stringify(f.milestones)
  );
}

/**
 * Finds a unit by id, code, short name or full name (what a spreadsheet says); a name shared by
 * units of several regions is looked for in the plan's region. Answers 'unknown' or 'ambiguous'
 * when it cannot name exactly one.
 */
function unitResolver(
  units: OrgUnit[],
  regionCode: string,
): (ref: string) => OrgUnit | 'unknown' | 'ambiguous' {
  return (raw) => {
    const ref = raw.trim();
    const byId = units.find((u) => u.id === ref);
    if (byId) return byId;
    let matches = units.filter((u) => u.code === ref || u.shortName === ref || u.name === ref);
    if (matches.length > 1) {
      const local = matches.filter((u) => u.regionCode === regionCode);
      if (local.length > 0) matches = local;
    }
    if (matches.length === 0) return 'unknown';
    return matches.length === 1 ? matches[0]! : 'ambiguous';
  };
}

function unitProblem(problem: 'unknown' | 'ambiguous', ref: string): [string, string] {
  return problem === 'unknown'
    ? [`未知单位“${ref}”`, `unknown unit "${ref}"`]
    : [`单位“${ref}”不唯一,请用单位代码`, `"${ref}" names several units: use the unit code`];
}

/** A real calendar day written as YYYY-MM-DD. */
function isCalendarDate(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return (
    date.getUTCFullYear() === Number(m[1]) &&
    date.getUTCMonth() === Number(m[2]) - 1 &&
    date.getUTCDate() === Number(m[3])
  );
}
