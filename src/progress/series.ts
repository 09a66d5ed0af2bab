/**
 * Observations arranged for judging: one series per measure and sub-area, one bucket per year,
 * and the two readings the engine takes from a series: the latest level (a running total for
 * cumulative targets) and the yearly growth rates.
 */
import type { Observation, ObservationKind } from './observations.ts';
import { periodFraction } from './observations.ts';

/** One usable observation in a series. */
export interface SeriesRow {
  value: number;
  /** Share of the year covered: 1 for a full-year value, 0.5 for Q2 or M06 (year-to-date). */
  frac: number;
  period: string | null;
}

/** The observations of one year: at most one full-year row and one latest sub-annual row per kind. */
export interface YearBucket {
  year: number;
  level: SeriesRow | null;
  growth: SeriesRow | null;
  increment: SeriesRow | null;
  target: SeriesRow | null;
  subLevel: SeriesRow | null;
  subGrowth: SeriesRow | null;
  subIncrement: SeriesRow | null;
  subTarget: SeriesRow | null;
}

/** A measure's (or sub-area's) observations by year, ascending. */
export type Series = YearBucket[];

/** The latest value of a series: where it stands and when. */
export interface SeriesPoint {
  value: number;
  year: number;
  /** 1 for a full-year value; the period's share of the year otherwise. */
  frac: number;
  period: string | null;
}

/** Yearly growth rates (%) of a series, with the year (and period, for year-to-date rates) of each. */
export interface SeriesRates {
  years: number[];
  rates: number[];
  periods: (string | null)[];
}

/** Observations indexed by indicator, measure and sub-area. */
export interface ObservationIndex {
  series: Map<string, Series>;
  /** Sub-areas present per indicator and measure (key seriesKey(code, measure, null)). */
  areas: Map<string, string[]>;
  /** The latest year of any observation, or null when there are none. */
  latestYear: number | null;
}

/** The key of a series in the index. */
export function seriesKey(code: string, measure: number, area: string | null): string {
  return area === null ? `${code}\u0001${measure}` : `${code}\u0001${measure}\u0001${area}`;
}

function emptyBucket(year: number): YearBucket {
  return {
    year,
    level: null,
    growth: null,
    increment: null,
    target: null,
    subLevel: null,
    subGrowth: null,
    subIncrement: null,
    subTarget: null,
  };
}

const ANNUAL: Readonly<Record<ObservationKind, 'level' | 'growth' | 'increment' | 'target'>> = {
  level: 'level',
  growth: 'growth',
  increment: 'increment',
  target: 'target',
};
const SUB: Readonly<Record<ObservationKind, 'subLevel' | 'subGrowth' | 'subIncrement' | 'subTarget'>> = {
  level: 'subLevel',
  growth: 'subGrowth',
  increment: 'subIncrement',
  target: 'subTarget',
};

/**
 * Builds the index once per data set. Rows that cannot be used (a value or year that is not a
 * finite number, an unknown period or kind) are left out rather than read as anything; later
 * rows of the same year, kind and period replace earlier ones (the CSV reader rejects such
 * duplicates before they get here).
 */
export function indexObservations(observations: readonly Observation[]): ObservationIndex {
  const series = new Map<string, Series>();
  const areas = new Map<string, string[]>();
  let latestYear: number | null = null;
  for (const o of observations) {
    const kind = o.kind ?? 'level';
    const measure = o.measure ?? 1;
    if (!Number.isFinite(o.value) || !Number.isInteger(o.year) || !Number.isInteger(measure)) continue;
    if (ANNUAL[kind] === undefined) continue;
    const frac = periodFraction(o.period);
    if (Number.isNaN(frac)) continue;
    const area = o.area === undefined || o.area === null || o.area === '' ? null : o.area;
    const key = seriesKey(o.indicator, measure, area);
    let years = series.get(key);
    if (!years) {
      years = [];
      series.set(key, years);
      if (area !== null) {
        const mainKey = seriesKey(o.indicator, measure, null);
        const list = areas.get(mainKey);
        if (list) list.push(area);
        else areas.set(mainKey, [area]);
      }
    }
    // A series holds a handful of years, usually arriving in order: scan from the end.
    let bucket: YearBucket | undefined;
    for (let i = years.length - 1; i >= 0; i--) {
      if (years[i]!.year === o.year) {
        bucket = years[i];
        break;
      }
    }
    if (!bucket) {
      bucket = emptyBucket(o.year);
      const last = years[years.length - 1];
      years.push(bucket);
      if (last !== undefined && last.year > o.year) years.sort((a, b) => a.year - b.year);
    }
    const row: SeriesRow = { value: o.value, frac, period: frac === 1 ? null : (o.period ?? null) };
    if (frac === 1) {
      bucket[ANNUAL[kind]] = row;
    } else {
      const slot = SUB[kind];
      const current = bucket[slot];
      if (current === null || row.frac >= current.frac) bucket[slot] = row;
    }
    if (latestYear === null || o.year > latestYear) latestYear = o.year;
  }
  return { series, areas, latestYear };
}

/** The full-year level a series gives for the base year (used when the plan prints no baseline). */
export function baseYearLevel(series: Series | undefined, baseYear: number): number | null {
  if (!series) return null;
  for (const b of series) if (b.year === baseYear) return b.level?.value ?? null;
  return null;
}

/**
 * The latest level of a series in (base year, year]: a full-year level row; else the previous
 * year's full-year level grown by the year's growth row (the chain needs consecutive years); else
 * the last known full-year level plus the year's increment (running totals). A year with only
 * sub-annual rows gives a year-to-date reading: a growth rate grows the previous full year into
 * an estimate of this one; a level (a stock: not for money flows, whose year-to-date totals are
 * not comparable with a full-year target) or an increment stands at its share of the year.
 * `start` is the baseline (null when unknown). Null when no value is known.
 */
export function latestLevel(
  series: Series | undefined,
  baseYear: number,
  year: number,
  start: number | null,
  money: boolean,
): SeriesPoint | null {
  if (!series) return null;
  let fullValue = start;
  let fullYear = baseYear;
  let latest: SeriesPoint | null = null;
  for (const b of series) {
    if (b.year <= baseYear) continue;
    if (b.year > year) break;
    let v: number | null = null;
    if (b.level) v = b.level.value;
    else if (b.growth && fullValue !== null && fullYear === b.year - 1)
      v = fullValue * (1 + b.growth.value / 100);
    else if (b.increment && fullValue !== null) v = fullValue + b.increment.value;
    if (v !== null && Number.isFinite(v)) {
      fullValue = v;
      fullYear = b.year;
      latest = { value: v, year: b.year, frac: 1, period: null };
      continue;
    }
    let best: SeriesPoint | null = null;
    if (b.subGrowth && fullValue !== null && fullYear === b.year - 1) {
      best = {
        value: fullValue * (1 + b.subGrowth.value / 100),
        year: b.year,
        frac: 1,
        period: b.subGrowth.period,
      };
    }
    if (b.subLevel && !money && (best === null || b.subLevel.frac > best.frac)) {
      best = { value: b.subLevel.value, year: b.year, frac: b.subLevel.frac, period: b.subLevel.period };
    }
    if (b.subIncrement && fullValue !== null && best === null) {
      best = {
        value: fullValue + b.subIncrement.value,
        year: b.year,
        frac: b.subIncrement.frac,
        period: b.subIncrement.period,
      };
    }
    if (best !== null && Number.isFinite(best.value)) latest = best;
  }
  return latest;
}

/**
 * The yearly growth rates (%) of a series in (base year, year]: a growth row; for a measure whose
 * values are rates (`rateValued`), its level row; else the change between consecutive full-year
 * levels (the baseline standing for the base year); failing those, a year-to-date growth rate
 * (or rate level) standing for the year.
 */
export function yearlyRates(
  series: Series | undefined,
  baseYear: number,
  year: number,
  start: number | null,
  rateValued: boolean,
): SeriesRates {
  const out: SeriesRates = { years: [], rates: [], periods: [] };
  if (!series) return out;
  let prevValue = rateValued ? null : start;
  let prevYear = baseYear;
  for (const b of series) {
    if (b.year <= baseYear) continue;
    if (b.year > year) break;
    let r: number | null = null;
    let period: string | null = null;
    if (b.growth) r = b.growth.value;
    else if (rateValued && b.level) r = b.level.value;
    else if (!rateValued && b.level && prevValue !== null && prevValue > 0 && prevYear === b.year - 1) {
      r = (b.level.value / prevValue - 1) * 100;
    } else if (b.subGrowth) {
      r = b.subGrowth.value;
      period = b.subGrowth.period;
    } else if (rateValued && b.subLevel) {
      r = b.subLevel.value;
      period = b.subLevel.period;
    }
    if (!rateValued && b.level) {
      prevValue = b.level.value;
      prevYear = b.year;
    }
    if (r !== null && Number.isFinite(r)) {
      out.years.push(b.year);
      out.rates.push(r);
      out.periods.push(period);
    }
  }
  return out;
}
