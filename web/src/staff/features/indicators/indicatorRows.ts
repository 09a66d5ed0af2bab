/**
 * The indicator table's rows: each indicator of the plan with its item (lead unit, binding, unit)
 * and its assessments. A compound indicator (two measures) or one reported per sub-area gets a row
 * per measure or area beneath its own, which takes the indicator's worst light.
 */
import type { Assessment, Item, Light, PlanAssessment, Status } from '../../api/types.ts';

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
          status: a.status,
          light: a.light,
        }));
      }
      return row;
    })
    .sort((a, b) => compareCodes(a.code, b.code));
}
