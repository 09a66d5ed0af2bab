/**
 * Where each task, project, action and commitment stands: its latest approved percent done judged
 * by the engine's own schedule rule (src/progress/schedule.ts: percent done against the share of
 * time elapsed from the plan's start to the item's due date; an overdue milestone turns it red).
 *
 * The API has no such reply yet (items carry no progress or light), so the workspace computes it
 * from the items and their approved progress updates, with the engine's pure function, as of the
 * end of the year the percentage was reported for (so a value for 2024 is not judged against today).
 *
 * Milestones: one counts as reached when the assignment marks it done or an approved progress update
 * names it as the milestone reached. A milestone whose completion nobody has recorded either way
 * (`done` absent) is not judged: otherwise every item whose assignment never tracks milestones would
 * turn red on its first date.
 */
import { assessSchedule } from '../../../../../src/progress/schedule.ts';
import type { Item, Light, ObservationReply, Status } from '../../api/types.ts';

/** One item's latest progress and its judgement. */
export interface ItemProgress {
  /** Latest approved percent done (0–100). */
  percent: number;
  /** The year it was reported for. */
  year: number;
  status: Status;
  light: Light;
  /** Titles of milestones past their date and not done. */
  overdueMilestones: string[];
}

/** The latest approved annual progress per item, judged; items without one are absent. */
export function itemProgress(
  items: readonly Item[],
  observations: readonly ObservationReply[],
  startYear: number,
): Map<string, ItemProgress> {
  const latest = new Map<string, ObservationReply>();
  const reached = new Map<string, Set<string>>();
  for (const o of observations) {
    if (o.kind === 'progress' && o.approvedValue !== null && o.details.milestone) {
      const names = reached.get(o.itemId) ?? new Set<string>();
      names.add(o.details.milestone);
      reached.set(o.itemId, names);
    }
    if (o.kind !== 'progress' || o.period !== null || o.approvedValue === null) continue;
    const seen = latest.get(o.itemId);
    if (!seen || o.year > seen.year) latest.set(o.itemId, o);
  }
  const result = new Map<string, ItemProgress>();
  for (const item of items) {
    const o = latest.get(item.id);
    if (!o || o.approvedValue === null) continue;
    const asOf = `${o.year}-12-31`;
    const judged = assessSchedule({
      start: `${startYear}-01-01`,
      due: item.dueDate ?? `${o.year}-12-31`,
      asOf,
      percentDone: o.approvedValue,
      milestones: item.milestones
        .map((m) => ({
          name: m.title,
          due: m.due,
          done: m.done ?? (reached.get(item.id)?.has(m.title) || undefined),
        }))
        .filter((m): m is { name: string; due: string; done: boolean } => m.done !== undefined),
    });
    result.set(item.id, {
      percent: o.approvedValue,
      year: o.year,
      status: judged.status,
      light: judged.light,
      overdueMilestones: judged.overdueMilestones,
    });
  }
  return result;
}
