/**
 * What a plan's open data reads: its approved indicator values with their period, unit, source and
 * whether they are sample data. No person: the query selects no user, no unit and no comment.
 */
import type { Executor } from './database.ts';
import { approvedIndicatorRows } from './observations.repository.ts';

/** An approved value as the public may see it: the figure, where it is from, no person. */
export interface PublishedValue {
  indicator: string;
  measure: number;
  year: number;
  /** Q1–Q4, M01–M12, or null for the year. */
  period: string | null;
  kind: string;
  /** A sub-area, or null for the whole plan area. */
  area: string | null;
  value: number;
  unit: string;
  source: string;
  /** Sample data rather than a published figure. */
  sample: boolean;
}

/** The approved values of a plan's indicators (progress updates of tasks are not indicator data). */
export async function publishedValues(db: Executor, planId: string): Promise<PublishedValue[]> {
  const rows = await approvedIndicatorRows(db, planId);
  return rows.map((r) => ({
    indicator: r.key.startsWith('ind:') ? r.key.slice(4) : r.key,
    measure: Number(r.measure),
    year: Number(r.year),
    period: r.period === '' ? null : r.period,
    kind: r.kind,
    area: r.area === '' ? null : r.area,
    value: Number(r.approved_value),
    unit: r.unit,
    source: r.source,
    sample: Boolean(Number(r.sample)),
  }));
}
