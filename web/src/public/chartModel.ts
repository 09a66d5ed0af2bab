/**
 * What a measure's chart shows, computed without ECharts (so the page can describe the chart in
 * words before, or without, drawing it): the approved values, the target path from the baseline to
 * the target (linear or geometric, as the assessment says), the projection to the end year, a
 * constant target line, annual targets set by the level above, and one line per sub-area.
 */
import type { Locale } from '../shared/i18n.ts';
import { formatWithUnit } from './format.ts';
import type { Translate } from './I18n.tsx';
import type { PublicMeasure, PublicPoint } from './types.ts';

export type LineStyle = 'actual' | 'path' | 'projection' | 'annualTarget' | 'area';

export interface ChartLine {
  id: string;
  label: string;
  style: LineStyle;
  /** One value per year of the model (null where there is none). */
  values: (number | null)[];
  /** Whether each value is sample data. */
  sample: boolean[];
}

export interface ChartModel {
  years: number[];
  lines: ChartLine[];
  /** A target that holds every year (a rate, a bound), drawn as a horizontal line. */
  targetLine: { value: number; label: string } | null;
  /** The target at the end of the path, marked. */
  target: { year: number; value: number } | null;
  unit: string;
}

const range = (from: number, to: number): number[] =>
  Array.from({ length: to - from + 1 }, (_, k) => from + k);

/** The measure's own values (whole area): running totals for increments, else levels or rates. */
function actualRows(measure: PublicMeasure): { year: number; value: number; sample: boolean }[] {
  const rows = measure.series.filter((p) => p.area === null && p.kind !== 'target');
  const hasLevels = rows.some((p) => p.kind === 'level' || p.kind === 'increment');
  const kept = rows.filter((p) => (hasLevels ? p.kind !== 'growth' : p.kind === 'growth'));
  if (!kept.some((p) => p.kind === 'increment'))
    return kept.map((p) => ({ year: p.year, value: p.value, sample: p.sample }));
  let total = measure.baseline.value ?? 0;
  return [...kept]
    .sort((a, b) => a.year - b.year)
    .map((p) => {
      total = p.kind === 'increment' ? total + p.value : p.value;
      return { year: p.year, value: total, sample: p.sample };
    });
}

/** Builds the chart of a measure. */
export function buildChartModel(measure: PublicMeasure, t: Translate): ChartModel {
  const a = measure.assessment;
  const y0 = measure.baseline.year;
  const yT = measure.target.year;
  const actual = actualRows(measure);
  const areaRows = measure.series.filter((p) => p.area !== null && p.kind !== 'target');
  const annualTargets = measure.series.filter((p) => p.area === null && p.kind === 'target');
  const seriesYears = measure.series.map((p) => p.year);
  const years = range(Math.min(y0, ...seriesYears), Math.max(yT, ...seriesYears));
  const at = (year: number): number => years.indexOf(year);
  const empty = (): (number | null)[] => years.map(() => null);
  const lines: ChartLine[] = [];

  const rates = measure.series
    .filter((p) => p.area === null && p.kind !== 'target')
    .every((p) => p.kind === 'growth');
  const baseline = a?.baseline ?? measure.baseline.value;
  if (actual.length > 0) {
    const values = empty();
    const sample = years.map(() => false);
    if (baseline !== null && !rates && !actual.some((p) => p.year === y0)) values[at(y0)] = baseline;
    for (const p of actual) {
      values[at(p.year)] = p.value;
      sample[at(p.year)] = p.sample;
    }
    lines.push({ id: 'actual', label: t('chart.actual'), style: 'actual', values, sample });
  }

  const byArea = new Map<string, PublicPoint[]>();
  for (const p of areaRows) byArea.set(p.area!, [...(byArea.get(p.area!) ?? []), p]);
  for (const [area, rows] of byArea) {
    const values = empty();
    const sample = years.map(() => false);
    const base = measure.baseline.byArea?.[area];
    if (base !== undefined) values[at(y0)] = base;
    for (const p of rows) {
      values[at(p.year)] = p.value;
      sample[at(p.year)] = p.sample;
    }
    lines.push({ id: `area:${area}`, label: area, style: 'area', values, sample });
  }

  let target: ChartModel['target'] = null;
  let targetLine: ChartModel['targetLine'] = null;
  const B = a?.baseline ?? null;
  const T = a?.target ?? null;
  if (a?.path && B !== null && T !== null && yT > y0) {
    const geometric = a.path === 'geometric' && B > 0 && T > 0;
    const values = empty();
    for (const year of range(y0, yT)) {
      const share = (year - y0) / (yT - y0);
      values[at(year)] = geometric ? B * (T / B) ** share : B + (T - B) * share;
    }
    lines.push({ id: 'path', label: t('chart.path'), style: 'path', values, sample: years.map(() => false) });
    target = { year: yT, value: T };
    if (a.projected !== null && a.value !== null && a.year < yT) {
      const projection = empty();
      projection[at(a.year)] = a.value;
      projection[at(yT)] = a.projected;
      lines.push({
        id: 'projection',
        label: t('chart.projection'),
        style: 'projection',
        values: projection,
        sample: years.map(() => false),
      });
    }
  } else if (annualTargets.length > 0) {
    const values = empty();
    for (const p of annualTargets) values[at(p.year)] = p.value;
    lines.push({
      id: 'annualTarget',
      label: t('chart.annualTarget'),
      style: 'annualTarget',
      values,
      sample: years.map((y) => annualTargets.some((p) => p.year === y && p.sample)),
    });
  } else if (measure.target.kind !== 'relational') {
    const value =
      measure.target.kind === 'growth' ? (measure.target.annualRate ?? T) : (measure.target.value ?? T);
    if (value !== null && value !== undefined) targetLine = { value, label: t('chart.target') };
  }
  return { years, lines, targetLine, target, unit: measure.unit };
}

/** The chart in words, for screen readers and for anyone the canvas does not reach. */
export function describeChart(model: ChartModel, name: string, t: Translate, locale: Locale): string {
  const fmt = (v: number): string => formatWithUnit(v, model.unit, locale);
  const parts: string[] = [];
  for (const line of model.lines) {
    if (line.style !== 'actual' && line.style !== 'area') continue;
    const points = model.years
      .map((year, k) => {
        const value = line.values[k];
        if (value === null || value === undefined) return null;
        return t(line.sample[k] ? 'chart.samplePoint' : 'chart.point', { year, value: fmt(value) });
      })
      .filter((p): p is string => p !== null)
      .join(t('sentence.listSeparator'));
    const label = line.style === 'area' ? `${line.label} ` : '';
    parts.push(t('chart.summaryActual', { points: `${label}${points}` }));
  }
  if (model.target)
    parts.push(t('chart.summaryTarget', { year: model.target.year, value: fmt(model.target.value) }));
  if (model.targetLine) parts.push(t('chart.summaryLine', { value: fmt(model.targetLine.value) }));
  const projection = model.lines.find((l) => l.style === 'projection');
  const last = projection?.values[projection.values.length - 1];
  if (last !== null && last !== undefined)
    parts.push(
      t('chart.summaryProjection', { year: model.years[model.years.length - 1]!, value: fmt(last) }),
    );
  return t('chart.label', { name, summary: parts.join('') });
}
