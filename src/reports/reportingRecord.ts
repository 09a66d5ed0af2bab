/**
 * The reporting record of an evaluation (监督考核): what each lead unit owed the reporting rounds
 * whose deadline had passed, and whether it handed each value in on time, late, at a time not
 * recorded, or not at all. Frozen into the snapshot with everything else.
 */
import type { Plan } from '../model/plan.ts';
import { isItemsOwnValue } from '../progress/index.ts';
import type { HandIn } from '../store/evaluations.repository.ts';
import type { ObservationRecord } from '../store/observations.repository.ts';
import type { RoundRecord } from '../store/planning.repository.ts';
import type { PlanItem } from '../store/plans.repository.ts';
import type { Obligation, SnapshotItem, SnapshotRound } from './snapshot.ts';

/** The calendar day of an instant in China (UTC+8, no daylight saving), YYYY-MM-DD. */
export function chinaDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

const HANDED_IN = new Set(['submitted', 'reviewed', 'approved']);

/**
 * What each lead unit owed the reporting rounds whose deadline had passed (for the years up to the
 * year assessed), and how it was handed in: every measure of every item it leads, except items
 * already finished (100% approved in an earlier year) and commitments that restate an indicator
 * (reported as that indicator). A value counts as handed in when it was submitted (or reviewed,
 * approved, or has an approved value in force); on time when its first submission fell on or before
 * the deadline, China time; values loaded in bulk have no hand-in time.
 */
export function reportingOf(
  snapshotItems: readonly SnapshotItem[],
  items: readonly PlanItem[],
  plan: Plan,
  records: readonly ObservationRecord[],
  rounds: readonly RoundRecord[],
  handIns: readonly HandIn[],
  year: number,
  now: string,
): { rounds: SnapshotRound[]; obligations: Obligation[] } {
  const today = chinaDay(now);
  const due = rounds
    .filter((r) => r.year >= plan.period.startYear && r.year <= year && r.deadline < today)
    .sort((a, b) => a.year - b.year || (a.period ?? '').localeCompare(b.period ?? ''));
  const idOfKey = new Map(items.map((i) => [i.key, i.id]));
  const measures = new Map(plan.indicators.map((i) => [`ind:${i.code}`, Math.max(1, i.measures.length)]));
  const finishedIn = new Map<string, number>();
  for (const o of records) {
    // The item's own progress finishing, not a co-operating unit's part.
    if (o.kind !== 'progress' || !isItemsOwnValue(o) || o.approvedValue === null || o.approvedValue < 100)
      continue;
    finishedIn.set(o.itemId, Math.min(finishedIn.get(o.itemId) ?? Number.POSITIVE_INFINITY, o.year));
  }
  const handed = new Map<string, HandIn[]>();
  for (const h of handIns) {
    if (h.kind === 'target') continue;
    if (!(h.approved || HANDED_IN.has(h.status))) continue;
    const key = `${h.itemId}#${h.measure}#${h.year}#${h.period}`;
    const list = handed.get(key) ?? [];
    list.push(h);
    handed.set(key, list);
  }
  const obligations: Obligation[] = [];
  for (const round of due) {
    for (const item of snapshotItems) {
      if (!item.leadUnitId) continue;
      if (item.kind === 'commitment' && item.commitment?.indicatorCode) continue;
      const itemId = idOfKey.get(item.key)!;
      if ((finishedIn.get(itemId) ?? Number.POSITIVE_INFINITY) < round.year) continue;
      const count = item.kind === 'indicator' ? (measures.get(item.key) ?? 1) : 1;
      for (let m = 1; m <= count; m++) {
        const list = handed.get(`${itemId}#${m}#${round.year}#${round.period ?? ''}`) ?? [];
        const times = list.map((h) => h.firstSubmittedAt).filter((t): t is string => t !== null);
        // ISO times in UTC sort as text: the first is the earliest submission.
        const first = times.length > 0 ? [...times].sort()[0]! : null;
        const state: Obligation['state'] =
          list.length === 0
            ? 'missing'
            : first === null
              ? 'time_unknown'
              : chinaDay(first) <= round.deadline
                ? 'on_time'
                : 'late';
        obligations.push({
          unitId: item.leadUnitId,
          itemKey: item.key,
          measure: m,
          year: round.year,
          period: round.period,
          deadline: round.deadline,
          state,
          handedInAt: first,
        });
      }
    }
  }
  return {
    rounds: due.map((r) => ({ year: r.year, period: r.period, title: r.title, deadline: r.deadline })),
    obligations,
  };
}
