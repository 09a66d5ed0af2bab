/**
 * Where a task, project, action or commitment stands, from its approved progress updates and its
 * assignment: the one rule the workspace, the API and the evaluation reports share.
 *
 * - The latest update counts: the latest year up to the year asked for, a whole-year update before a
 *   quarter or month of the same year.
 * - A milestone counts as reached when the assignment marks it done or an approved update names it.
 *   A milestone whose state nobody recorded is not judged (an unrecorded node is not evidence of
 *   delay; otherwise every item whose assignment never tracks milestones would turn red).
 * - The due date is the assignment's, else the commitment's year, else the plan's end year.
 */
import { assessSchedule, type ScheduleAssessment } from './schedule.ts';

/**
 * Whether a value is the item's own, not a co-operating unit's part of a task, project or
 * commitment (a progress update with an area): a part never hands the item in nor counts as its
 * progress. The store asks the same in SQL (itemsOwnValues).
 */
export function isItemsOwnValue(o: { kind: string; area: string | null }): boolean {
  return o.kind !== 'progress' || o.area === null;
}

/** An approved progress update as the rule needs it. */
export interface ProgressFact {
  itemId: string;
  year: number;
  /** null for the whole year, else Q1–Q4 / M01–M12. */
  period: string | null;
  /** Percent done, 0–100. */
  percent: number;
  /** The milestone the update says was reached, if any. */
  milestone: string | null;
}

/** The latest update per item up to `year` (a whole-year one before a part of the same year). */
export function latestProgress<F extends ProgressFact>(facts: readonly F[], year: number): Map<string, F> {
  const out = new Map<string, F>();
  for (const f of facts) {
    if (f.year > year) continue;
    const held = out.get(f.itemId);
    const better =
      !held || f.year > held.year || (f.year === held.year && held.period !== null && f.period === null);
    if (better) out.set(f.itemId, f);
  }
  return out;
}

/** The milestones each item's updates up to `year` say were reached. */
export function reachedMilestones(facts: readonly ProgressFact[], year: number): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const f of facts) {
    if (f.year > year || !f.milestone) continue;
    const set = out.get(f.itemId) ?? new Set<string>();
    set.add(f.milestone);
    out.set(f.itemId, set);
  }
  return out;
}

export interface ItemScheduleInput {
  startYear: number;
  endYear: number;
  /** The day judged, YYYY-MM-DD. */
  asOf: string;
  /** The assignment's due date, if any. */
  dueDate: string | null;
  /** For a commitment, the year it is due by, if the plan says. */
  commitmentYear: number | null;
  /** The latest approved percent done; null when none. */
  percentDone: number | null;
  /** The assignment's milestones (`done` absent when nobody recorded it). */
  milestones: readonly { title: string; due: string; done?: boolean }[];
  /** Milestones approved updates say were reached. */
  reached: ReadonlySet<string>;
}

/** Judges an item's schedule by the rule above (see assessSchedule for the thresholds). */
export function judgeItemSchedule(input: ItemScheduleInput): ScheduleAssessment {
  return assessSchedule({
    start: `${input.startYear}-01-01`,
    due: input.dueDate ?? `${input.commitmentYear ?? input.endYear}-12-31`,
    asOf: input.asOf,
    percentDone: input.percentDone,
    milestones: input.milestones
      .filter((m) => m.done !== undefined || input.reached.has(m.title))
      .map((m) => ({ name: m.title, due: m.due, done: m.done === true || input.reached.has(m.title) })),
  });
}
