/**
 * Tasks, projects and commitments with a due date (倒排时间节点): percent done against the share of
 * time elapsed between start and due date, with the thresholds of the indicators; a milestone past
 * its date and not reached turns the item red.
 */
import type { Commitment, Plan } from '../model/plan.ts';
import { type ProgressConfig, type ProgressConfigInput, resolveConfig } from './config.ts';
import { judge, lightOf } from './status.ts';
import type { Light, Status } from './types.ts';

/** A dated step of a task or project (开工, 主体完工, 竣工验收). */
export interface Milestone {
  name: string;
  /** Due date, YYYY-MM-DD. */
  due: string;
  done: boolean;
}

/** Where a scheduled item stands on a given day. */
export interface ScheduleInput {
  /** Start date, YYYY-MM-DD. */
  start: string;
  /** Due date, YYYY-MM-DD. */
  due: string;
  /** The day judged, YYYY-MM-DD (passed in: the engine never reads the clock). */
  asOf: string;
  /** Percent done, 0–100; null when not reported. */
  percentDone: number | null;
  milestones?: readonly Milestone[];
}

/** The judgement of a scheduled item. */
export interface ScheduleAssessment {
  /** percentDone / 100. */
  completion: number | null;
  /** Share of the time from start to due date elapsed on asOf, in [0, 1]. */
  elapsed: number | null;
  status: Status;
  light: Light;
  /** Past the due date and not done. */
  overdue: boolean;
  /** Names of milestones past their date and not done. */
  overdueMilestones: string[];
}

/** Days since 1970-01-01 of a YYYY-MM-DD date, or null when it is not a real date. */
export function parseIsoDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

function config(input: ProgressConfig | ProgressConfigInput | undefined): ProgressConfig {
  return resolveConfig(input);
}

/**
 * Judges a scheduled item: achieved at 100%; off_track when a milestone is overdue or the due date
 * has passed; no_data without a percentage; otherwise c = percent/100 against τ = elapsed share of
 * start → due, with the thresholds of the indicators. Example: start 2021-01-01, due 2025-12-31,
 * asOf 2023-07-02, 40% done: τ = 912/1825 = 0.49973 (0.500 rounded), c = 0.4 ≥ 0.500 − 0.10 → on_track.
 * not_assessable when a date is not a real date.
 */
export function assessSchedule(
  input: ScheduleInput,
  settings?: ProgressConfig | ProgressConfigInput,
): ScheduleAssessment {
  const start = parseIsoDate(input.start);
  const due = parseIsoDate(input.due);
  const asOf = parseIsoDate(input.asOf);
  const pct = input.percentDone;
  const completion = pct !== null && Number.isFinite(pct) ? pct / 100 : null;
  const result = (
    status: Status,
    elapsed: number | null,
    overdue: boolean,
    late: string[],
  ): ScheduleAssessment => ({
    completion,
    elapsed,
    status,
    light: lightOf(status),
    overdue,
    overdueMilestones: late,
  });
  if (start === null || due === null || asOf === null) return result('not_assessable', null, false, []);
  let elapsed: number;
  if (due <= start) elapsed = asOf >= due ? 1 : 0;
  else elapsed = Math.min(1, Math.max(0, (asOf - start) / (due - start)));
  const late: string[] = [];
  for (const m of input.milestones ?? []) {
    const d = parseIsoDate(m.due);
    if (d !== null && d < asOf && !m.done) late.push(m.name);
  }
  if (completion !== null && completion >= 1) return result('achieved', elapsed, false, []);
  const overdue = asOf > due;
  if (late.length > 0 || overdue) return result('off_track', elapsed, overdue, late);
  if (completion === null) return result('no_data', elapsed, false, late);
  return result(judge(completion, elapsed, config(settings), false), elapsed, false, late);
}

/** What has been reported for a commitment. */
export interface CommitmentProgress {
  /** The day judged, YYYY-MM-DD. */
  asOf: string;
  /** How much of the promised quantity is done, in the commitment's own unit (20 of 34 所). */
  done?: number | null;
  /** Or the percentage done, when reported as such. */
  percentDone?: number | null;
  milestones?: readonly Milestone[];
}

/**
 * The schedule of a commitment: from 1 January of the plan's start year to 31 December of its
 * year (the plan's end year when it names none); percent done = done / promised quantity (the
 * lower end of a range such as 1-2家), for quantities counted up from zero (新建幼儿园 34 所).
 */
export function commitmentSchedule(
  commitment: Commitment,
  plan: Plan,
  progress: CommitmentProgress,
): ScheduleInput {
  const quantity = typeof commitment.quantity === 'number' ? commitment.quantity : commitment.quantity.min;
  let percentDone = progress.percentDone ?? null;
  if (percentDone === null && progress.done !== undefined && progress.done !== null && quantity > 0) {
    percentDone = (progress.done / quantity) * 100;
  }
  const input: ScheduleInput = {
    start: `${plan.period.startYear}-01-01`,
    due: `${commitment.year ?? plan.period.endYear}-12-31`,
    asOf: progress.asOf,
    percentDone,
  };
  if (progress.milestones) input.milestones = progress.milestones;
  return input;
}

/** Judges a commitment (承诺事项) as a scheduled item; see commitmentSchedule and assessSchedule. */
export function assessCommitment(
  commitment: Commitment,
  plan: Plan,
  progress: CommitmentProgress,
  settings?: ProgressConfig | ProgressConfigInput,
): ScheduleAssessment {
  return assessSchedule(commitmentSchedule(commitment, plan, progress), settings);
}
