/**
 * What a reviewer compares a queued value with: last year's approved value of the same measure, area,
 * kind and period, and the change from it (flagged when implausibly large, as the reporting form does).
 */
import type { ObservationReply } from '../../api/types.ts';
import { implausibleChange } from '../reporting/reportRows.ts';

type Keyed = Pick<ObservationReply, 'itemId' | 'measure' | 'area' | 'kind' | 'period'>;

/** The key of a value in a given year (its own year, or the one before to find last year's). */
export function valueKey(o: Keyed, year: number): string {
  return `${o.itemId}|${o.measure}|${o.area ?? ''}|${o.kind}|${o.period ?? ''}|${year}`;
}

/** Approved values by key, from the plan's approved values. */
export function approvedByKey(
  approved: readonly (Keyed & Pick<ObservationReply, 'year' | 'approvedValue'>)[],
): Map<string, number> {
  const map = new Map<string, number>();
  for (const o of approved) if (o.approvedValue !== null) map.set(valueKey(o, o.year), o.approvedValue);
  return map;
}

/** A queued value against last year's. */
export interface YearOnYear {
  /** Last year's approved value; null when there is none. */
  previous: number | null;
  /** The relative change (0.08 for +8%) for a level with a non-zero previous value; else null. */
  change: number | null;
  /** Whether the change is implausibly large (over 50% either way). */
  implausible: boolean;
}

/** Last year's approved value of a queued value, and the change from it. */
export function yearOnYear(
  o: Keyed & Pick<ObservationReply, 'year' | 'value'>,
  approved: ReadonlyMap<string, number>,
): YearOnYear {
  const previous = approved.get(valueKey(o, o.year - 1)) ?? null;
  if (previous === null || o.value === null || o.kind !== 'level' || previous === 0)
    return { previous, change: null, implausible: false };
  return {
    previous,
    change: (o.value - previous) / Math.abs(previous),
    implausible: implausibleChange(o.kind, o.value, previous) !== null,
  };
}

/** A change as a signed whole percentage: +8%, −62%, 0%. */
export function changeText(change: number): string {
  const percent = Math.round(change * 100);
  return `${percent > 0 ? '+' : percent < 0 ? '−' : ''}${Math.abs(percent)}%`;
}
