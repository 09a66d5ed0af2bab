/**
 * Making an evaluation (中期评估 / 总结评估): reads the plan, its approved values, revisions of its
 * targets, assignments, progress updates, units and reporting record once, judges everything at
 * the year assessed, and stores the result as a frozen snapshot with an empty narrative, in the
 * caller's transaction with its audit event. Everything a report prints is decided here; the
 * renderers only lay it out, so the report of an evaluation never changes when the data does.
 */
import { keyedColumnItems, keyedCommitments, keyedTasks } from '../model/keys.ts';
import type { Commitment, Plan, Quantity } from '../model/plan.ts';
import {
  type Assessment,
  assessPlan,
  elapsedShare,
  expectedValue,
  isItemsOwnValue,
  judgeItemSchedule,
  latestProgress,
  type ProgressFact,
  reachedMilestones,
} from '../progress/index.ts';
import { LantuError } from '../server/errors.ts';
import { assessStoredPlan } from '../server/services/assessPlanFromStore.ts';
import { planWithTargetsInForce } from '../server/services/targetsInForce.ts';
import { type AuditActor, appendAudit } from '../store/audit.ts';
import type { Executor } from '../store/database.ts';
import { type EvaluationRecord, insertEvaluation, listHandIns } from '../store/evaluations.repository.ts';
import { newId } from '../store/ids.ts';
import {
  approvedObservations,
  indicatorCodeOf,
  listObservations,
  type ObservationRecord,
} from '../store/observations.repository.ts';
import { listOrgUnits } from '../store/people.repository.ts';
import { listAssignments, listRounds, listTargetRevisions } from '../store/planning.repository.ts';
import { findPlan, findPlanStructure, listItems, type PlanRecord } from '../store/plans.repository.ts';
import { chineseNumber } from './format.ts';
import { reportingOf } from './reportingRecord.ts';
import {
  defaultTitle,
  type EvaluationKind,
  type EvaluationSnapshot,
  type MeasureChart,
  SNAPSHOT_FORMAT,
  type SnapshotItem,
  type SnapshotProgress,
  type SnapshotValue,
} from './snapshot.ts';

/** What createEvaluation needs. */
export interface CreateEvaluationProps {
  planId: string;
  kind: EvaluationKind;
  /** The year assessed: values up to and including it are used; must lie in the plan period. */
  year: number;
  /** The report's title; default 《plan title》实施情况中期评估报告 (总结评估报告). */
  title?: string;
  /** Who makes it (the system actor, id null, for the CLI). */
  actor: AuditActor;
  /** The time it is made (ISO). */
  now: string;
}

/** A new evaluation and the snapshot it froze. */
export interface CreatedEvaluation {
  record: EvaluationRecord;
  snapshot: EvaluationSnapshot;
}

/** Makes an evaluation in the caller's transaction: snapshot, row, audit event. */
export async function createEvaluation(
  trx: Executor,
  props: CreateEvaluationProps,
): Promise<CreatedEvaluation> {
  const record = await findPlan(trx, props.planId);
  const structure = record ? await findPlanStructure(trx, props.planId) : null;
  if (!record || !structure) {
    throw new LantuError('LANTU_PLAN_NOT_FOUND', `规划不存在 · plan ${props.planId} not found`);
  }
  if (props.year < record.startYear || props.year > record.endYear) {
    throw new LantuError(
      'LANTU_VALIDATION',
      `评估年份应在规划期内(${record.startYear}–${record.endYear}) · the year assessed must lie in the plan period (${record.startYear}–${record.endYear}), not ${props.year}`,
      'body.year',
    );
  }
  const snapshot = await freezeSnapshot(trx, {
    record,
    structure,
    kind: props.kind,
    year: props.year,
    now: props.now,
    createdBy: { id: props.actor.id, name: props.actor.name ?? '系统' },
    unit: props.actor.unit,
  });
  const evaluation: EvaluationRecord = {
    id: newId(),
    planId: record.id,
    kind: props.kind,
    year: props.year,
    title: props.title ?? defaultTitle(record.title, props.kind),
    narrative: { achievements: '', problems: '', nextSteps: '' },
    createdBy: props.actor.id,
    createdAt: props.now,
    updatedAt: props.now,
    version: 1,
  };
  await insertEvaluation(trx, { ...evaluation, snapshot: JSON.stringify(snapshot) });
  await appendAudit(trx, {
    actor: props.actor,
    action: 'evaluation.create',
    entity: 'evaluation',
    entityId: evaluation.id,
    planId: record.id,
    after: {
      kind: evaluation.kind,
      year: evaluation.year,
      title: evaluation.title,
      indicators: snapshot.summary.indicators.byLight,
      values: snapshot.values.length,
    },
    at: props.now,
  });
  return { record: evaluation, snapshot };
}

interface FreezeInput {
  record: PlanRecord;
  structure: Plan;
  kind: EvaluationKind;
  year: number;
  now: string;
  createdBy: { id: string | null; name: string };
  /** The short name of the maker's unit (null for the CLI). */
  unit: string | null;
}

/** Reads and judges everything the report needs; see EvaluationSnapshot. */
export async function freezeSnapshot(db: Executor, input: FreezeInput): Promise<EvaluationSnapshot> {
  const { record, structure, year } = input;
  const planId = record.id;
  const [stored, observations, revisions, records, items, assignments, units, rounds, handIns] =
    await Promise.all([
      assessStoredPlan(db, planId, structure, year),
      approvedObservations(db, planId),
      listTargetRevisions(db, planId),
      listObservations(db, planId),
      listItems(db, planId),
      listAssignments(db, planId),
      listOrgUnits(db),
      listRounds(db, planId),
      listHandIns(db, planId),
    ]);
  const inForce = planWithTargetsInForce(structure, revisions, year);
  const { revisedTargets: _revised, ...plainInForce } = inForce;
  const asOf = `${year}-12-31`;

  const values: SnapshotValue[] = records
    .filter((o) => o.itemKind === 'indicator' && o.kind !== 'progress' && o.approvedValue !== null)
    .filter((o) => o.year <= year)
    .map((o) => ({
      indicator: indicatorCodeOf(o.itemKey) ?? o.itemKey,
      measure: o.measure,
      area: o.area,
      year: o.year,
      period: o.period,
      kind: o.kind,
      value: o.approvedValue!,
      unit: o.unit,
      sample: o.sample,
      source: o.source,
    }));

  const charts = chartsOf(inForce, observations, stored.assessments, year);
  const snapshotItems = itemsOf(structure, items, assignments, records, year, asOf);
  const reporting = reportingOf(snapshotItems, items, structure, records, rounds, handIns, year, input.now);

  return {
    format: SNAPSHOT_FORMAT,
    kind: input.kind,
    year,
    asOf,
    madeAt: input.now,
    createdBy: input.createdBy,
    issuingBody: issuingBody(units, record, input.unit),
    plan: {
      id: planId,
      title: record.title,
      regionCode: record.regionCode,
      level: record.level,
      issuer: record.issuer,
      issuedOn: record.issuedOn,
      period: {
        baseYear: record.baseYear,
        startYear: record.startYear,
        endYear: record.endYear,
        visionYear: record.visionYear,
      },
      sourceSha256: record.sourceSha256,
    },
    structure: plainInForce,
    revisedTargets: stored.revisedTargets.map((r) => ({
      indicatorCode: r.indicatorCode,
      measure: r.measure,
      original: r.original,
      inForce: r.inForce,
      effectiveYear: r.effectiveYear,
      reason: r.reason,
      document: r.document,
    })),
    method: stored.method,
    values,
    assessments: stored.assessments,
    summary: stored.summary,
    charts,
    items: snapshotItems,
    units: units.map((u) => ({ id: u.id, name: u.name, shortName: u.shortName, kind: u.kind })),
    reporting,
    containsSampleData: values.some((v) => v.sample) || snapshotItems.some((i) => i.progress?.sample),
  };
}

/**
 * Who hands the report in: the maker's unit; for the CLI, the region's development and reform
 * bureau (发展和改革局, whose job the evaluation is), else the plan's issuer.
 */
function issuingBody(
  units: Awaited<ReturnType<typeof listOrgUnits>>,
  plan: PlanRecord,
  unitShortName: string | null,
): string {
  const own = unitShortName ? units.find((u) => u.shortName === unitShortName) : undefined;
  if (own) return own.name;
  const bureau = units.find((u) => u.regionCode === plan.regionCode && /发展和改革局|发改局/.test(u.name));
  return bureau?.name ?? plan.issuer ?? '';
}

function rowKey(a: { indicator: string; measure: number; area?: string | null }): string {
  return `${a.indicator}#${a.measure}#${a.area ?? ''}`;
}

/**
 * The chart of every assessment row: the value judged in each year from the start year to the year
 * assessed (each year assessed on its own, as a report of that year would have), the baseline at
 * the base year, the target path E(y) over the whole period, and the projection.
 */
function chartsOf(
  plan: Plan,
  observations: Parameters<typeof assessPlan>[1],
  current: readonly Assessment[],
  year: number,
): MeasureChart[] {
  const { baseYear, startYear, endYear } = plan.period;
  const judgedByYear = new Map<number, Map<string, Assessment>>();
  for (let y = startYear; y <= year; y++) {
    const rows = y === year ? current : assessPlan(plan, observations, { year: y }).assessments;
    const map = new Map<string, Assessment>();
    for (const a of rows) {
      if (a.year === y && a.period === undefined && a.value !== null) map.set(rowKey(a), a);
    }
    judgedByYear.set(y, map);
  }
  return current.map((a) => {
    const key = rowKey(a);
    const isPath = a.path !== null && a.baseline !== null && a.target !== null;
    const points = [];
    for (let y = baseYear; y <= endYear; y++) {
      const judged = y > baseYear && y <= year ? judgedByYear.get(y)?.get(key) : undefined;
      const actual = y === baseYear ? (isPath ? a.baseline : null) : (judged?.value ?? null);
      const tau = elapsedShare(y, baseYear, endYear);
      const expected =
        isPath && tau !== null ? expectedValue(a.path!, a.baseline!, a.target!, Math.min(1, tau)) : null;
      // A bound of the year where one was judged; a threshold holds over the whole period.
      let bound: number | null = null;
      if (!isPath && a.target !== null) {
        const kind = plan.indicators.find((i) => i.code === a.indicator)?.measures[a.measure - 1]?.target
          .kind;
        if (kind === 'threshold') bound = y >= startYear ? a.target : null;
        else bound = judged?.target ?? null;
      }
      points.push({ year: y, actual, expected, bound });
    }
    return {
      indicator: a.indicator,
      measure: a.measure,
      area: a.area ?? null,
      path: a.path,
      points,
      projected: a.projected,
    };
  });
}

const CN_COMPARATOR: Readonly<Record<string, string>> = {
  '=': '',
  '>': '超过',
  '>=': '不少于',
  '<': '低于',
  '<=': '不超过',
  about: '约',
  range: '',
};

function quantityText(q: Quantity): string {
  return typeof q === 'number' ? String(q) : `${q.min}–${q.max}`;
}

function commitmentText(c: Commitment): string {
  return `${CN_COMPARATOR[c.comparator] ?? ''}${quantityText(c.quantity)}${c.unit}`;
}

/** The latest approved progress update of each item, up to the year assessed (full-year values first). */
/** The approved progress updates of the records, as the item rule reads them, with what the report shows. */
function progressFacts(records: readonly ObservationRecord[]): (ProgressFact & SnapshotProgress)[] {
  return (
    records
      // The whole item's progress: a co-operating unit's part (with an area) is not the item's.
      .filter((o) => o.kind === 'progress' && o.approvedValue !== null && isItemsOwnValue(o))
      .map((o) => {
        const details = o.approvedDetails ?? o.details;
        return {
          itemId: o.itemId,
          year: o.year,
          period: o.period,
          percent: o.approvedValue!,
          milestone: details.milestone ?? null,
          narrative: details.narrative ?? null,
          investment: details.investment ?? null,
          sample: o.sample,
        };
      })
  );
}

function itemsOf(
  plan: Plan,
  items: Awaited<ReturnType<typeof listItems>>,
  assignments: Awaited<ReturnType<typeof listAssignments>>,
  records: readonly ObservationRecord[],
  year: number,
  asOf: string,
): SnapshotItem[] {
  const byItem = new Map(assignments.map((a) => [a.itemId, a]));
  const facts = progressFacts(records);
  const progress = latestProgress(facts, year);
  const reached = reachedMilestones(facts, year);
  const place = new Map<string, string>();
  for (const t of keyedTasks(plan)) {
    place.set(
      t.key,
      `第${chineseNumber(t.chapter)}章${t.section === null ? '' : `第${chineseNumber(t.section)}节`}`,
    );
  }
  for (const c of keyedColumnItems(plan)) place.set(c.key, `专栏${c.column}`);
  const commitments = new Map(keyedCommitments(plan).map((c) => [c.key, c.commitment]));
  for (const [key, c] of commitments) {
    place.set(
      key,
      c.column !== null
        ? `专栏${c.column}`
        : c.chapter !== null
          ? `第${chineseNumber(c.chapter)}章${c.section === null ? '' : `第${chineseNumber(c.section)}节`}`
          : `第${c.line}行`,
    );
  }
  const { startYear, endYear } = plan.period;
  return items.map((item): SnapshotItem => {
    const a = byItem.get(item.id);
    const com = commitments.get(item.key);
    const latest = progress.get(item.id);
    const p: SnapshotProgress | null = latest
      ? {
          year: latest.year,
          percent: latest.percent,
          narrative: latest.narrative,
          investment: latest.investment,
          sample: latest.sample,
        }
      : null;
    const milestones = (a?.milestones ?? []).map((m) => ({ ...m }));
    const schedule: SnapshotItem['schedule'] =
      item.kind === 'indicator'
        ? null
        : judgeItemSchedule({
            startYear,
            endYear,
            asOf,
            dueDate: a?.dueDate ?? null,
            commitmentYear: com?.year ?? null,
            percentDone: p?.percent ?? null,
            milestones,
            reached: reached.get(item.id) ?? new Set(),
          });
    return {
      key: item.key,
      kind: item.kind,
      title: item.title,
      place: place.get(item.key) ?? item.category ?? '',
      leadUnitId: a?.leadUnitId ?? null,
      coUnitIds: a?.coUnitIds ?? [],
      dueDate: a?.dueDate ?? null,
      milestones,
      progress: p,
      schedule,
      commitment: com
        ? { quantity: commitmentText(com), year: com.year, indicatorCode: com.indicatorCode }
        : null,
    };
  });
}
