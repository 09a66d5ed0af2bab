/**
 * What a plan's open data reads: its approved indicator values with their period, unit, source and
 * whether they are sample data. No person: the query selects no user, no unit and no comment.
 */
import type { Executor } from './database.ts';

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
  const rows = await db
    .selectFrom('observations as o')
    .innerJoin('plan_items as i', 'i.id', 'o.item_id')
    .select([
      'i.key',
      'o.measure',
      'o.area',
      'o.year',
      'o.period',
      'o.kind',
      'o.approved_value',
      'o.unit',
      'o.source',
      'o.sample',
    ])
    .where('o.plan_id', '=', planId)
    .where('i.kind', '=', 'indicator')
    .where('o.kind', '!=', 'progress')
    .where('o.approved_value', 'is not', null)
    .orderBy('i.position')
    .orderBy('o.measure')
    .orderBy('o.area')
    .orderBy('o.year')
    .orderBy('o.period')
    .execute();
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
