/**
 * The reporting workflow of observations (values of indicator measures) and progress updates
 * (percent done of tasks, projects, actions, commitments):
 *
 *   draft → submitted → reviewed → approved, or returned (with a comment) from submitted/reviewed;
 *   an approved value may be reopened for correction (its approved value stays in force).
 *
 * Nothing is overwritten: every change moves the version on by one, adds a revision (who, when,
 * what, why; the previous value is the previous revision's) and an audit event with before and
 * after, all in the caller's transaction. A write against a version other than the stored one
 * changes nothing and answers 409 LANTU_STALE_VERSION. Who may take a step is decided by the
 * `observation.*` rules of the policies (the route calls them); this module checks what only the
 * data can tell: the item, measure, kind, unit and value, and that the reporter's unit is assigned.
 */
import type {
  ObservationDetails,
  ObservationKind,
  ObservationStatus,
  TransitionAction,
} from '../../contract/observations.ts';
import type { Plan } from '../../model/plan.ts';
import { checkObservations, type ObservationKind as EngineKind } from '../../progress/observations.ts';
import { isPercentUnit, normaliseUnit } from '../../progress/units.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Executor } from '../../store/database.ts';
import { newId } from '../../store/ids.ts';
import {
  findApprovedValue,
  findObservationByKey,
  findReportableItem,
  indicatorCodeOf,
  insertObservation,
  insertRevision,
  type ObservationChanges,
  type ObservationRecord,
  type ReportableItem,
  updateObservationIfVersion,
} from '../../store/observations.repository.ts';
import { findPlanStructure } from '../../store/plans.repository.ts';
import { LantuError } from '../errors.ts';
import type { Action, Actor, ObservationFacts } from '../policies/index.ts';
import { auditActor } from './auditActor.ts';
import { duplicate, type RecordName, staleVersion } from './conflicts.ts';

/** A change of more than this share against last year's approved level raises a warning. */
export const PLAUSIBLE_CHANGE = 0.5;

/** A step of the workflow: the states it starts from, the state it leads to, the rule that allows it. */
interface Transition {
  from: readonly ObservationStatus[];
  to: ObservationStatus;
  policy: ObservationAction;
}

/** The policy actions about observations. */
export type ObservationAction = Extract<Action, `observation.${string}`>;

/** The workflow's state machine. The policy rules say who; this says from where to where. */
export const TRANSITIONS: Readonly<Record<TransitionAction, Transition>> = {
  submit: { from: ['draft', 'returned'], to: 'submitted', policy: 'observation.submit' },
  review: { from: ['submitted'], to: 'reviewed', policy: 'observation.review' },
  approve: { from: ['reviewed'], to: 'approved', policy: 'observation.approve' },
  return: { from: ['submitted', 'reviewed'], to: 'returned', policy: 'observation.return' },
  reopen: { from: ['approved'], to: 'draft', policy: 'observation.reopen' },
};

/** The policy action that decides a workflow step (the route authorises with it). */
export function transitionPolicy(action: TransitionAction): ObservationAction {
  return TRANSITIONS[action].policy;
}

/** What the policies need to know about a value: whose it is and where it stands. */
export function observationFacts(
  record: Pick<ObservationRecord, 'unitId' | 'status'> & { leadUnitId?: string | null },
): ObservationFacts {
  return { unitId: record.unitId, status: record.status, leadUnitId: record.leadUnitId ?? null };
}

/** How the shared conflict errors name a value. */
const VALUE: RecordName = { zh: '数据', en: 'value' };

/**
 * Answers 409 when the writer saw another version than the stored one. Routes call it before
 * authorising, so a reviewer acting on an outdated screen learns that it is outdated rather than
 * that the (changed) state no longer allows the step.
 */
export function assertVersion(record: Pick<ObservationRecord, 'version'>, version: number): void {
  if (record.version !== version) throw staleVersion(VALUE);
}

/** A plausibility warning: the value is kept, the reporter and the reviewer are asked to check it. */
export interface ObservationWarning {
  code: 'implausible_change';
  message: string;
  field: string;
}

/** The fields a reporter enters, as the workflow stores them. */
interface CheckedValue {
  value: number;
  unit: string;
  /** The value and unit as typed, when they were converted. */
  original: { value: number; unit: string } | null;
}

const MEASURE_KINDS: readonly ObservationKind[] = ['level', 'growth', 'increment', 'target'];

/** Chinese for each column checkObservations names; the engine's English message follows. */
const FIELD_PROBLEM: Readonly<Record<string, string>> = {
  indicator: '该指标不在规划指标表中',
  measure: '该指标没有这一分项',
  kind: '数据类型与该指标的目标不符',
  unit: '单位与该指标的单位不符且无法换算',
};

/**
 * Checks a value against its item and converts it into the measure's unit. For an indicator: the
 * measure exists, the kind fits the measure's target (the progress engine's own rules, so the
 * server accepts exactly what the engine can assess), and the unit is the measure's or converts
 * to it. For a task, project, action or commitment: a progress update, percent done 0-100.
 */
export function checkValue(
  plan: Plan,
  item: Pick<ReportableItem, 'key' | 'kind'>,
  input: { measure: number; kind: ObservationKind; value: number; unit: string },
): CheckedValue {
  if (!Number.isFinite(input.value)) {
    throw new LantuError('LANTU_VALIDATION', '数值无效 · the value is not a finite number', 'body.value');
  }
  const code = indicatorCodeOf(item.key);
  if (item.kind !== 'indicator' || code === null) {
    if (input.kind !== 'progress') {
      throw new LantuError(
        'LANTU_VALIDATION',
        `任务、项目和承诺事项只填报进度 · a ${item.kind} takes progress updates (kind progress), not ${input.kind}`,
        'body.kind',
      );
    }
    if (input.measure !== 1) {
      throw new LantuError(
        'LANTU_VALIDATION',
        '进度没有分项 · a progress update has no measures (measure 1)',
        'body.measure',
      );
    }
    if (!isPercentUnit(input.unit)) {
      throw new LantuError(
        'LANTU_VALIDATION',
        `进度以百分比填报 · progress is percent done (%), not ${input.unit}`,
        'body.unit',
      );
    }
    if (input.value < 0 || input.value > 100) {
      throw new LantuError(
        'LANTU_VALIDATION',
        `完成进度应在 0 到 100 之间 · percent done is 0 to 100, not ${input.value}`,
        'body.value',
      );
    }
    return { value: input.value, unit: '%', original: null };
  }
  if (!MEASURE_KINDS.includes(input.kind)) {
    throw new LantuError(
      'LANTU_VALIDATION',
      '指标填报数值,不填报进度 · an indicator takes values (level, growth, increment, target), not progress',
      'body.kind',
    );
  }
  const checked = checkObservations(plan, [
    {
      indicator: code,
      measure: input.measure,
      year: 0,
      value: input.value,
      kind: input.kind as EngineKind,
      unit: input.unit,
    },
  ]);
  const error = checked.errors[0];
  const observation = checked.observations[0];
  if (error || !observation) {
    const column = error?.column ?? 'value';
    const problem = FIELD_PROBLEM[column] ?? '数值无效';
    throw new LantuError(
      'LANTU_VALIDATION',
      `${problem} · ${error?.message ?? 'invalid value'}`,
      `body.${column}`,
    );
  }
  const unit = observation.unit ?? input.unit;
  const converted = observation.value !== input.value || normaliseUnit(unit) !== normaliseUnit(input.unit);
  return {
    value: observation.value,
    unit,
    original: converted ? { value: input.value, unit: input.unit } : null,
  };
}

/**
 * Answers 403 unless the actor's unit may write this value (the server refuses, not just the UI):
 * the lead unit (牵头单位) writes the item's values — for a task, project or commitment only the
 * item's own, with no area; a co-operating unit (配合单位) writes only the progress of its own part of
 * a task, project or commitment — a new one under its short name as the area, or one it already holds
 * (`existing`: a record of the actor's unit, by the write policies, whatever the unit is called now).
 */
export function assertAssigned(
  item: ReportableItem,
  actor: Actor,
  area: string | null,
  existing = false,
): void {
  const progress = item.kind !== 'indicator';
  if (item.leadUnitId === actor.unitId) {
    if (!progress || area === null) return;
    throw new LantuError(
      'LANTU_FORBIDDEN',
      '牵头单位报送事项总体进展,区域留空;配合单位的承担部分由其自行报送 · the lead unit reports the item’s own progress, with no area; a co-operating unit reports its own part',
    );
  }
  if (item.coUnitIds.includes(actor.unitId)) {
    if (progress && (existing ? area !== null : area === actor.unitShortName)) return;
    throw new LantuError(
      'LANTU_FORBIDDEN',
      `配合单位只报送本单位承担部分的进展(区域填“${actor.unitShortName}”),指标数值和事项总体进展由牵头单位报送 · a co-operating unit reports the progress of its own part only (area “${actor.unitShortName}”); the item's values are the lead unit's`,
    );
  }
  throw new LantuError(
    'LANTU_FORBIDDEN',
    `本单位未承担该事项 · ${actor.unitShortName} is neither the lead nor a co-operating unit of ${item.key}`,
  );
}

async function loadPlanStructure(trx: Executor, planId: string): Promise<Plan> {
  const plan = await findPlanStructure(trx, planId);
  if (!plan) throw new LantuError('LANTU_PLAN_NOT_FOUND', `plan ${planId} not found`);
  return plan;
}

async function loadItem(trx: Executor, planId: string, itemId: string): Promise<ReportableItem> {
  const item = await findReportableItem(trx, planId, itemId);
  if (!item)
    throw new LantuError(
      'LANTU_VALIDATION',
      `规划中没有该事项 · the plan has no item ${itemId}`,
      'body.itemId',
    );
  return item;
}

/** The record as the audit trail keeps it before and after a change. */
function snapshot(o: {
  status: ObservationStatus;
  value: number | null;
  unit: string;
  details: ObservationDetails;
  approvedValue: number | null;
  comment: string | null;
  source: string;
  sample: boolean;
  version: number;
}): Record<string, unknown> {
  return {
    status: o.status,
    value: o.value,
    unit: o.unit,
    details: o.details,
    approvedValue: o.approvedValue,
    comment: o.comment,
    source: o.source,
    sample: o.sample,
    version: o.version,
  };
}

function withOriginal(details: ObservationDetails, original: CheckedValue['original']): ObservationDetails {
  const { original: _, ...rest } = details;
  return original ? { ...rest, original } : rest;
}

/** What creating a draft value needs. */
export interface CreateObservationProps {
  planId: string;
  /** The plan item: an indicator (values) or a task, project, action or commitment (progress). */
  itemId: string;
  /** 1-based measure of a compound indicator; 1 for progress updates. */
  measure: number;
  /** Sub-area, or null for the whole plan area. */
  area: string | null;
  year: number;
  /** Q1–Q4 or M01–M12 (year to date), or null for the year. */
  period: string | null;
  kind: ObservationKind;
  /** The value in `unit`; stored in the measure's unit. */
  value: number;
  unit: string;
  details: ObservationDetails;
  /** Where the figure comes from (统计年鉴, 部门台账 …). */
  source: string;
  /** Whether it is sample data rather than a real figure. */
  sample: boolean;
  /** The reporter; the value belongs to their unit. */
  actor: Actor;
  now: string;
}

/**
 * Creates a draft value of the actor's unit, with its first revision and an audit event. The same
 * key twice (item, measure, area, year, period, kind) is 409 LANTU_DUPLICATE naming the existing
 * record, so two people of a unit never enter the same figure twice.
 */
export async function createObservation(
  trx: Executor,
  props: CreateObservationProps,
): Promise<{ id: string }> {
  const plan = await loadPlanStructure(trx, props.planId);
  const item = await loadItem(trx, props.planId, props.itemId);
  assertAssigned(item, props.actor, props.area);
  if (props.year < plan.period.baseYear || props.year > plan.period.endYear) {
    throw new LantuError(
      'LANTU_VALIDATION',
      `年份应在 ${plan.period.baseYear} 到 ${plan.period.endYear} 之间 · the year must be within the plan, ${plan.period.baseYear}–${plan.period.endYear}`,
      'body.year',
    );
  }
  const checked = checkValue(plan, item, props);
  const key = {
    itemId: item.id,
    measure: props.measure,
    area: props.area,
    year: props.year,
    period: props.period,
    kind: props.kind,
  };
  const existing = await findObservationByKey(trx, key);
  if (existing) {
    throw duplicate(
      `该数据已录入(${existing.id},${existing.unitName},状态 ${existing.status}),请修改原记录`,
      `this value already exists as ${existing.id} (${existing.status}): edit that one`,
      'body.itemId',
    );
  }
  const id = newId();
  const details = withOriginal(props.details, checked.original);
  const record = {
    id,
    planId: props.planId,
    ...key,
    value: checked.value,
    unit: checked.unit,
    details,
    status: 'draft' as const,
    comment: null,
    source: props.source,
    sample: props.sample,
    unitId: props.actor.unitId,
    roundId: null,
    createdBy: props.actor.id,
    createdAt: props.now,
    updatedAt: props.now,
  };
  await insertObservation(trx, record);
  await insertRevision(trx, {
    id: newId(),
    observationId: id,
    revision: 1,
    action: 'create',
    status: 'draft',
    value: checked.value,
    details,
    comment: null,
    actorId: props.actor.id,
    at: props.now,
  });
  await appendAudit(trx, {
    actor: auditActor(props.actor),
    action: 'observation.create',
    entity: 'observation',
    entityId: id,
    planId: props.planId,
    after: {
      key: { itemKey: item.key, ...key },
      ...snapshot({ ...record, approvedValue: null, version: 1 }),
    },
    at: props.now,
  });
  return { id };
}

/** What editing a draft or returned value needs. Absent fields stay as they are. */
export interface EditObservationProps {
  /** The value as loaded (and authorised) by the route. */
  record: ObservationRecord;
  /** The version the editor saw. */
  version: number;
  /** A new value, in `unit` (the measure's unit when absent). */
  value?: number;
  unit?: string;
  /** New details as a whole. */
  details?: ObservationDetails;
  source?: string;
  sample?: boolean;
  /** Why it changed, kept with the revision. */
  reason?: string;
  actor: Actor;
  now: string;
}

/** Changes a draft or returned value, as a new revision; a stale version is 409 and changes nothing. */
export async function editObservation(trx: Executor, props: EditObservationProps): Promise<void> {
  const { record } = props;
  const item = await loadItem(trx, record.planId, record.itemId);
  assertAssigned(item, props.actor, record.area, true);
  let value = record.value;
  let unit = record.unit;
  let details = props.details ?? record.details;
  if (props.value !== undefined) {
    const plan = await loadPlanStructure(trx, record.planId);
    const checked = checkValue(plan, item, {
      measure: record.measure,
      kind: record.kind,
      value: props.value,
      unit: props.unit ?? record.unit,
    });
    value = checked.value;
    unit = checked.unit;
    details = withOriginal(details, checked.original);
  } else if (props.details) {
    // New details without a new value keep the note of how the stored value was converted.
    details = withOriginal(props.details, record.details.original ?? null);
  }
  const changes: ObservationChanges = {
    value,
    unit,
    details,
    updatedAt: props.now,
    ...(props.source !== undefined ? { source: props.source } : {}),
    ...(props.sample !== undefined ? { sample: props.sample } : {}),
  };
  const after = {
    ...record,
    value,
    unit,
    details,
    source: changes.source ?? record.source,
    sample: changes.sample ?? record.sample,
  };
  await commit(trx, props, 'edit', changes, after, props.reason ?? null);
}

/** What a workflow step needs. */
export interface TransitionObservationProps {
  /** The value as loaded (and authorised) by the route. */
  record: ObservationRecord;
  action: TransitionAction;
  /** The version the actor saw. */
  version: number;
  /** Why: required to return or reopen (the reporter sees it), optional otherwise. */
  comment?: string;
  actor: Actor;
  now: string;
}

/**
 * Takes one step of the workflow. Approval copies the value into the approved value the
 * assessments read; reopening leaves the approved value in force until the correction is approved.
 * A step from a state it does not start from is 409 LANTU_INVALID_STATE (the policies normally
 * refuse it first with 403).
 */
export async function transitionObservation(trx: Executor, props: TransitionObservationProps): Promise<void> {
  const { record, action } = props;
  const step = TRANSITIONS[action];
  if (!step.from.includes(record.status)) {
    throw new LantuError(
      'LANTU_INVALID_STATE',
      `当前状态(${record.status})不能执行该操作 · cannot ${action} a value that is ${record.status}`,
    );
  }
  const comment = props.comment && props.comment !== '' ? props.comment : null;
  if ((action === 'return' || action === 'reopen') && comment === null) {
    throw new LantuError(
      'LANTU_VALIDATION',
      '退回或重新打开须说明理由 · returning or reopening needs a comment',
      'body.comment',
    );
  }
  if (action === 'submit')
    assertAssigned(await loadItem(trx, record.planId, record.itemId), props.actor, record.area, true);
  const changes: ObservationChanges = { status: step.to, comment, updatedAt: props.now };
  if (action === 'approve') {
    changes.approvedValue = record.value;
    changes.approvedDetails = record.details;
    changes.approvedAt = props.now;
  }
  const after = {
    ...record,
    status: step.to,
    comment,
    approvedValue: changes.approvedValue === undefined ? record.approvedValue : changes.approvedValue,
  };
  await commit(trx, props, action, changes, after, comment);
}

/** Writes a change if the version still holds, then its revision and audit event. */
async function commit(
  trx: Executor,
  props: { record: ObservationRecord; version: number; actor: Actor; now: string },
  action: string,
  changes: ObservationChanges,
  after: ObservationRecord,
  why: string | null,
): Promise<void> {
  const { record } = props;
  if (!(await updateObservationIfVersion(trx, record.id, props.version, changes))) throw staleVersion(VALUE);
  const version = props.version + 1;
  await insertRevision(trx, {
    id: newId(),
    observationId: record.id,
    revision: version,
    action,
    status: after.status,
    value: after.value,
    details: after.details,
    comment: why,
    actorId: props.actor.id,
    at: props.now,
  });
  await appendAudit(trx, {
    actor: auditActor(props.actor),
    action: `observation.${action}`,
    entity: 'observation',
    entityId: record.id,
    planId: record.planId,
    before: snapshot(record),
    after: { ...snapshot({ ...after, version }), ...(why === null ? {} : { why }) },
    at: props.now,
  });
}

/**
 * Plausibility warnings (not errors): a level that differs from last year's approved value of the
 * same measure, area and period by more than half is probably a typo or a unit slip (万 for 亿).
 */
export async function plausibilityWarnings(
  db: Executor,
  record: ObservationRecord,
): Promise<ObservationWarning[]> {
  if (record.kind !== 'level' || record.value === null) return [];
  const previous = await findApprovedValue(db, { ...record, year: record.year - 1 });
  if (previous === null || previous === 0) return [];
  const change = (record.value - previous) / Math.abs(previous);
  if (Math.abs(change) <= PLAUSIBLE_CHANGE) return [];
  const percent = Math.round(change * 100);
  const signed = percent > 0 ? `+${percent}` : String(percent);
  return [
    {
      code: 'implausible_change',
      field: 'value',
      message: `${record.itemTitle}:与 ${record.year - 1} 年审定值 ${previous} ${record.unit} 相比变化 ${signed}%,请核实 · differs from the approved ${record.year - 1} value ${previous} ${record.unit} by ${signed}%: please check`,
    },
  ];
}
