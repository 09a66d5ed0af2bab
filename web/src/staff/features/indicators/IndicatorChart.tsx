/** One measure's chart (per sub-area when it is reported by area), from its assessment and approved values. */
import { type ReactNode, useMemo } from 'react';
import type { Assessment, ObservationReply } from '../../api/types.ts';
import { EChart } from '../../components/EChart.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';
import { indicatorChartOption, type YearValue } from './chartOption.ts';

/** Props of IndicatorChart. */
export interface IndicatorChartProps {
  name: string;
  unit: string;
  baseYear: number;
  targetYear: number;
  assessment: Assessment | null;
  /** The kind of the measure's target (level, growth, external …). */
  targetKind: string;
  measure: number;
  area: string | null;
  /** The item's values (any state: only approved ones are drawn). */
  observations: readonly ObservationReply[];
}

/** Approved annual values of one measure and area, one per year (the latest change wins). */
export function approvedSeries(
  observations: readonly ObservationReply[],
  measure: number,
  area: string | null,
  target: boolean,
): YearValue[] {
  const byYear = new Map<number, { value: number; at: string }>();
  for (const o of observations) {
    if (o.measure !== measure || (o.area ?? null) !== area || o.period !== null || o.approvedValue === null)
      continue;
    if ((o.kind === 'target') !== target) continue;
    const seen = byYear.get(o.year);
    if (!seen || o.updatedAt > seen.at) byYear.set(o.year, { value: o.approvedValue, at: o.updatedAt });
  }
  return [...byYear.entries()].map(([year, v]) => ({ year, value: v.value }));
}

/** The chart. */
export function IndicatorChart(props: IndicatorChartProps): ReactNode {
  const { t, num } = useLocale();
  const { observations, measure, area, assessment, baseYear, targetYear, unit, targetKind } = props;
  const option = useMemo(
    () =>
      indicatorChartOption({
        baseYear,
        targetYear,
        assessment,
        targetKind,
        actual: approvedSeries(observations, measure, area, false),
        // Targets set by the level above are for the whole area unless given per sub-area.
        assigned: (() => {
          const own = approvedSeries(observations, measure, area, true);
          return own.length > 0 || area === null ? own : approvedSeries(observations, measure, null, true);
        })(),
        unit,
        labels: {
          path: t('ind.series.path'),
          actual: t('ind.series.actual'),
          projection: t('ind.series.projection'),
          target: t('ind.series.target'),
          assigned: t('ind.series.assigned'),
        },
        format: (v) => num(v),
      }),
    [observations, measure, area, assessment, targetKind, baseYear, targetYear, unit, t, num],
  );
  return (
    <EChart
      option={option}
      height={320}
      ariaLabel={t('ind.chartAria', { name: props.name })}
      testId="indicator-chart"
    />
  );
}
