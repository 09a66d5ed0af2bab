/**
 * A planner's corrections to a draft plan's structure (paragraphs moved to the right section,
 * commitments confirmed or rejected), in one transaction: the corrected structure becomes the plan's
 * next version, its items are re-keyed in place (same ids, so assignments and values stay with the
 * paragraph they belong to), a rejected commitment's item and assignment go, a commitment taken
 * back gets its item again, and one audit event records what changed. A confirmed plan is not
 * restructured (take the confirmation back first); an item that already holds values is never
 * dropped.
 */
import { applyCorrections, type StructureCorrection } from '../../ingest/corrections.ts';
import type { Plan } from '../../model/plan.ts';
import { type AuditActor, appendAudit } from '../../store/audit.ts';
import type { Executor } from '../../store/database.ts';
import { deleteAssignmentsOfItems, listAssignments } from '../../store/planning.repository.ts';
import {
  deleteItems,
  findPlanStructure,
  insertItems,
  itemsWithData,
  listItems,
  type PlanItem,
  type PlanRecord,
  updateItems,
  updatePlan,
} from '../../store/plans.repository.ts';
import { LantuError } from '../errors.ts';
import { planItems } from './importPlan.ts';

export interface CorrectPlanStructureProps {
  record: PlanRecord;
  /** The plan version the planner saw. */
  version: number;
  corrections: readonly StructureCorrection[];
  actor: AuditActor;
  now: string;
}

export interface StructureChanges {
  /** Items whose key changed (a task re-numbered after a move). */
  rekeyed: { from: string; to: string; title: string }[];
  /** Items struck from the plan (rejected commitments, paragraphs that stopped being tasks), with their assignment. */
  removed: {
    key: string;
    title: string;
    leadUnitId: string | null;
    assignment: {
      leadUnitId: string;
      coUnitIds: string[];
      dueDate: string | null;
      milestones: { title: string; due: string; done?: boolean }[];
    } | null;
  }[];
  /** Items that came back (a rejection taken back). */
  added: { key: string; title: string }[];
}

export async function correctPlanStructure(
  trx: Executor,
  props: CorrectPlanStructureProps,
): Promise<{ structure: Plan; changes: StructureChanges }> {
  const { record, now } = props;
  if (record.status !== 'draft') {
    throw new LantuError(
      'LANTU_INVALID_STATE',
      '规划结构已确认,不能再调整;如需调整请先撤销确认 · the structure is confirmed: take the confirmation back before correcting it',
    );
  }
  const before = await findPlanStructure(trx, record.id);
  if (!before) throw new LantuError('LANTU_PLAN_NOT_FOUND', `plan ${record.id} not found`);
  const result = applyCorrections(before, props.corrections);
  if (!result.ok) {
    throw new LantuError(
      'LANTU_VALIDATION',
      `第${result.index + 1}项调整:${result.message} · correction ${result.index + 1}: ${result.messageEn}`,
      `corrections.${result.index}`,
    );
  }
  const structure = result.plan;
  // The state is checked again in the write itself: a confirmation between reading and writing wins.
  if (
    !(await updatePlan(trx, record.id, props.version, { structure, updatedAt: now }, { status: 'draft' }))
  ) {
    throw new LantuError(
      'LANTU_STALE_VERSION',
      '该规划已被他人修改,请刷新后重试 · the plan changed meanwhile: reload and try again',
    );
  }
  const changes = await rekeyItems(trx, record.id, structure);
  await appendAudit(trx, {
    actor: props.actor,
    action: 'plan.correct',
    entity: 'plan',
    entityId: record.id,
    planId: record.id,
    before: { version: props.version },
    after: { version: props.version + 1, corrections: props.corrections, ...changes },
    at: now,
  });
  return { structure, changes };
}

/**
 * Brings the stored items in line with the corrected structure. A task is the same item as long as
 * it is the same paragraph (its line), wherever it moved; everything else keeps its key.
 */
async function rekeyItems(trx: Executor, planId: string, structure: Plan): Promise<StructureChanges> {
  const stored = await listItems(trx, planId);
  const identity = (item: PlanItem): string =>
    item.kind === 'task' ? `task@${item.line}` : `${item.kind}:${item.key}`;
  const storedBy = new Map(stored.map((item) => [identity(item), item]));
  const changes: StructureChanges = { rekeyed: [], removed: [], added: [] };
  const changed: PlanItem[] = [];
  const fresh: PlanItem[] = [];
  const kept = new Set<string>();
  for (const wanted of planItems(planId, structure)) {
    const old = storedBy.get(identity(wanted));
    if (!old) {
      fresh.push(wanted);
      changes.added.push({ key: wanted.key, title: wanted.title });
      continue;
    }
    kept.add(old.id);
    const next = { ...wanted, id: old.id };
    if (old.key !== next.key) changes.rekeyed.push({ from: old.key, to: next.key, title: next.title });
    if (
      old.key !== next.key ||
      old.title !== next.title ||
      old.category !== next.category ||
      old.position !== next.position
    ) {
      changed.push(next);
    }
  }
  const gone = stored.filter((item) => !kept.has(item.id));
  const holding = await itemsWithData(
    trx,
    gone.map((item) => item.id),
  );
  const blocked = gone.find((item) => holding.has(item.id));
  if (blocked) {
    throw new LantuError(
      'LANTU_INVALID_STATE',
      `「${blocked.title}」(${blocked.key})已有填报数据,不能移出规划 · ${blocked.key} already holds reported values and cannot be struck from the plan`,
    );
  }
  const assignments = new Map((await listAssignments(trx, planId)).map((a) => [a.itemId, a]));
  // A task that stops being one (moved where a titled paragraph is not a task) would lose its
  // assignment with it: refused, so nothing a planner set up disappears by a slip of the mouse.
  const assignedTask = gone.find((item) => item.kind === 'task' && assignments.has(item.id));
  if (assignedTask) {
    throw new LantuError(
      'LANTU_INVALID_STATE',
      `「${assignedTask.title}」(${assignedTask.key})已有分工,移到该处后不再是任务,分工将丢失;请移到行动类小节 · ${assignedTask.key} is assigned and would stop being a task there: move it to an action section`,
    );
  }
  for (const item of gone) {
    const a = assignments.get(item.id);
    changes.removed.push({
      key: item.key,
      title: item.title,
      leadUnitId: a?.leadUnitId ?? null,
      // The whole assignment goes into the audit event, so it can be set up again from there.
      assignment: a
        ? { leadUnitId: a.leadUnitId, coUnitIds: a.coUnitIds, dueDate: a.dueDate, milestones: a.milestones }
        : null,
    });
  }
  await deleteAssignmentsOfItems(
    trx,
    gone.map((item) => item.id),
  );
  await deleteItems(
    trx,
    gone.map((item) => item.id),
  );
  await updateItems(trx, changed);
  await insertItems(trx, fresh);
  return changes;
}
