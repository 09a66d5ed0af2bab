/**
 * The indicator table's rows: each indicator of the plan with its item (lead unit, binding, unit)
 * and its assessments. A compound indicator (two measures) or one reported per sub-area gets a row
 * per measure or area beneath its own, which takes the indicator's worst light. Numbers sort with
 * the rows that have none last, whichever way.
 */
import type { Assessment, Item, Light, PlanAssessment, Status } from '../../api/types.ts';
import { measuresOf } from './targetText.ts';

/** One row of the table. */
export interface IndicatorRow {
  key: string;
  code: string;
  name: string;
  category: string;
  unit: string;
  binding: boolean;
  leadUnit: string | null;
  leadUnitId: string | null;
  /** The assessment shown on the row (the first measure's for an indicator with several). */
  assessment: Assessment | null;
  /** Measure number and sub-area of a child row. */
  measure: number;
  area?: string;
  /**
   * What a child row is of: the measure (when the indicator has several), with its name where the
   * plan's table gives one, and the sub-area.
   */
  part?: { measure: { n: number; name: string | null } | null; area: string | null };
  status: Status;
  light: Light;
  children?: IndicatorRow[];
}

/** Compares codes as numbers where they are (2 before 10), else as text. */
export function compareCodes(a: string, b: string): number {
  const x = Number(a);
  const y = Number(b);
  if (Number.isFinite(x) && Number.isFinite(y)) return x - y;
  return a.localeCompare(b, 'zh-CN', { numeric: true });
}

/**
 * Compares two numbers for a table column sorted `order`, rows without one (—) last either way: the
 * table reverses the result for a descending sort, so the missing ones are turned round to match.
 */
export function compareNullsLast(
  a: number | null | undefined,
  b: number | null | undefined,
  order: 'ascend' | 'descend' | null | undefined,
): number {
  const missingA = a === null || a === undefined || Number.isNaN(a);
  const missingB = b === null || b === undefined || Number.isNaN(b);
  if (missingA || missingB) {
    if (missingA && missingB) return 0;
    return (missingA ? 1 : -1) * (order === 'descend' ? -1 : 1);
  }
  return a - b;
}

/** Joins the plan's assessment with the indicator items. */
export function indicatorRows(assessment: PlanAssessment, items: readonly Item[]): IndicatorRow[] {
  const itemOf = new Map(items.filter((i) => i.indicator).map((i) => [i.indicator!.code, i]));
  const byCode = new Map<string, Assessment[]>();
  for (const a of assessment.assessments) {
    const list = byCode.get(a.indicator) ?? [];
    list.push(a);
    byCode.set(a.indicator, list);
  }
  return assessment.summary.items
    .map((summary) => {
      const item = itemOf.get(summary.indicator);
      const measures = measuresOf(item);
      const rows = byCode.get(summary.indicator) ?? [];
      const base = {
        code: summary.indicator,
        name: summary.name,
        category: summary.category,
        unit: item?.indicator?.unit ?? '',
        binding: summary.binding,
        leadUnit: item?.leadUnit?.shortName ?? null,
        leadUnitId: item?.leadUnit?.id ?? null,
      };
      const row: IndicatorRow = {
        ...base,
        key: summary.indicator,
        assessment: rows[0] ?? null,
        measure: rows[0]?.measure ?? 1,
        area: rows.length > 1 ? undefined : rows[0]?.area,
        status: summary.status,
        light: summary.light,
      };
      if (rows.length > 1) {
        row.children = rows.map((a) => ({
          ...base,
          key: `${summary.indicator}/${a.measure}/${a.area ?? ''}`,
          assessment: a,
          measure: a.measure,
          area: a.area,
          part: {
            measure:
              measures.length > 1 ? { n: a.measure, name: measures[a.measure - 1]?.name ?? null } : null,
            area: a.area ?? null,
          },
          status: a.status,
          light: a.light,
        }));
      }
      return row;
    })
    .sort((a, b) => compareCodes(a.code, b.code));
}
