/**
 * The engine: a plan plus observations → one assessment per measure (and sub-area) for a year.
 * Each measure is compiled once into plain numbers (compile.ts) so that judging a value is a
 * handful of arithmetic operations (evaluate.ts; see bench/progress.bench.ts).
 */
import type { Indicator, Plan } from '../model/plan.ts';
import { type CompiledMeasure, compileMeasure } from './compile.ts';
import { elapsedShare } from './completion.ts';
import { type ProgressConfig, type ProgressConfigInput, resolveConfig } from './config.ts';
import { assessPathValue, assessRates, fin, judgeBound, noDataRow, row } from './evaluate.ts';
import { describeMethod, type MethodDescription } from './method.ts';
import { isRateMeasure, type Observation } from './observations.ts';
import { rollup, type Summary } from './rollup.ts';
import {
  indexObservations,
  latestLevel,
  type ObservationIndex,
  type Series,
  seriesKey,
  yearlyRates,
} from './series.ts';
import type { Assessment } from './types.ts';

/** What assessPlan returns, and `lantu assess --json` prints. */
export interface PlanAssessment {
  /** The year assessed. */
  year: number;
  method: MethodDescription;
  assessments: Assessment[];
  summary: Summary;
}

/** Options of an assessment run. */
export interface AssessOptions {
  /** The year to assess; default the latest year of the observations, else the plan's start year. */
  year?: number;
  /** Thresholds and overrides; defaults of issue 3 for anything left out. */
  config?: ProgressConfigInput;
}

/** A compiled measure (or sub-area) with its data, ready to be judged at any year. */
export interface PreparedMeasure {
  cm: CompiledMeasure;
  /** The measure's observations for its area. */
  series: Series | undefined;
  /** For a sub-area: the whole-area series (target rows set for the whole area apply to each part). */
  shared: Series | undefined;
}

/** Everything an assessment run needs, prepared once: the plan, the indexed data, the config. */
export interface AssessContext {
  plan: Plan;
  config: ProgressConfig;
  index: ObservationIndex;
  /** Prepared measures by series key, filled on first use. */
  compiled: Map<string, PreparedMeasure>;
  /** Per indicator, per measure: the whole-area row and the sub-area rows, filled on first use. */
  byIndicator: Map<Indicator, { main: PreparedMeasure; areas: PreparedMeasure[] }[]>;
}

/** Prepares an assessment run: resolves the configuration and indexes the observations once. */
export function createAssessContext(
  plan: Plan,
  observations: readonly Observation[],
  config?: ProgressConfigInput,
): AssessContext {
  return {
    plan,
    config: resolveConfig(config),
    index: indexObservations(observations),
    compiled: new Map(),
    byIndicator: new Map(),
  };
}

/** The prepared form of one measure (and sub-area) of an indicator, compiled on first use. */
export function prepareMeasure(
  ctx: AssessContext,
  indicator: Indicator,
  measure: number,
  area: string | null,
): PreparedMeasure {
  const key = seriesKey(indicator.code, measure, area);
  let prepared = ctx.compiled.get(key);
  if (!prepared) {
    const series = ctx.index.series.get(key);
    prepared = {
      cm: compileMeasure(ctx.plan, indicator, measure, area, ctx.config, series),
      series,
      shared: area === null ? undefined : ctx.index.series.get(seriesKey(indicator.code, measure, null)),
    };
    ctx.compiled.set(key, prepared);
  }
  return prepared;
}

function start(cm: CompiledMeasure): number | null {
  return Number.isFinite(cm.baseline) ? cm.baseline : null;
}

/**
 * Assesses one measure (1-based) of an indicator, for the whole area or one sub-area, at a year:
 * takes the latest value in (base year, year] and judges it by the measure's target kind.
 */
export function assessMeasure(
  ctx: AssessContext,
  indicator: Indicator,
  measure: number,
  year: number,
  area: string | null = null,
): Assessment {
  return assessPrepared(ctx, prepareMeasure(ctx, indicator, measure, area), year);
}

/** Judges a prepared measure at a year (see assessMeasure). */
export function assessPrepared(ctx: AssessContext, prepared: PreparedMeasure, year: number): Assessment {
  const { cm, series, shared } = prepared;
  const config = ctx.config;
  const elapsedAtYear = elapsedShare(year, cm.baseYear, cm.endYear);
  if (year < cm.baseYear || !(cm.span > 0))
    return row(cm, year, null, null, fin(cm.target), 'not_assessable', null);

  switch (cm.mode) {
    case 'path':
    case 'hold':
    case 'unmet':
    case 'threshold':
    case 'none': {
      const point = latestLevel(series, cm.baseYear, year, start(cm), cm.money);
      if (point === null) {
        if (cm.kind === 'growth' && cm.mode === 'path') {
          const r = yearlyRates(series, cm.baseYear, year, null, false);
          const last = r.years.length - 1;
          if (last >= 0) {
            const a = assessRates(cm, r.rates, r.years[last]!, r.periods[last]!, config);
            a.baseline = fin(cm.baseline);
            return a;
          }
        }
        return noDataRow(cm, year, elapsedAtYear);
      }
      if (cm.mode === 'path')
        return assessPathValue(cm, point.value, point.year, point.frac, point.period, config);
      const elapsed = elapsedShare(point.year - 1 + point.frac, cm.baseYear, cm.endYear);
      if (cm.mode === 'none')
        return row(cm, point.year, point.period, point.value, null, 'not_assessable', elapsed);
      if (cm.mode === 'unmet') {
        return judgeBound(
          cm,
          point.value,
          cm.target,
          point.year,
          point.period,
          elapsed,
          config,
          'not_assessable',
          false,
        );
      }
      // hold and threshold: met in the latest period → achieved, else lagging.
      return judgeBound(
        cm,
        point.value,
        cm.target,
        point.year,
        point.period,
        elapsed,
        config,
        'lagging',
        true,
      );
    }
    case 'rates': {
      const r = yearlyRates(series, cm.baseYear, year, start(cm), cm.rateValued);
      const last = r.years.length - 1;
      if (last < 0) return noDataRow(cm, year, elapsedAtYear);
      return assessRates(cm, r.rates, r.years[last]!, r.periods[last]!, config);
    }
    case 'external': {
      // The latest year with both a value and the target the level above set for it; a target row
      // without an area applies to every sub-area.
      if (!series || series.length === 0) return noDataRow(cm, year, elapsedAtYear);
      let latestValue: { value: number; year: number; period: string | null } | null = null;
      for (let i = series.length - 1; i >= 0; i--) {
        const b = series[i]!;
        if (b.year > year || b.year <= cm.baseYear) continue;
        const v = b.level ?? b.subLevel;
        if (!v) continue;
        if (latestValue === null) latestValue = { value: v.value, year: b.year, period: v.period };
        let t = b.target ?? b.subTarget;
        if (!t && shared) {
          const sb = shared.find((s) => s.year === b.year);
          t = sb ? (sb.target ?? sb.subTarget) : null;
        }
        if (!t) continue;
        const elapsed = elapsedShare(b.year - 1 + v.frac, cm.baseYear, cm.endYear);
        return judgeBound(cm, v.value, t.value, b.year, v.period, elapsed, config, 'lagging', false);
      }
      if (latestValue === null) return noDataRow(cm, year, elapsedAtYear);
      const elapsed = elapsedShare(latestValue.year, cm.baseYear, cm.endYear);
      return row(
        cm,
        latestValue.year,
        latestValue.period,
        latestValue.value,
        null,
        'not_assessable',
        elapsed,
      );
    }
    case 'relational': {
      // The latest year in which both this indicator's rate and the related indicator's growth are known.
      const own = yearlyRates(series, cm.baseYear, year, null, cm.rateValued);
      if (own.years.length === 0) return noDataRow(cm, year, elapsedAtYear);
      const related = cm.relatesTo === null ? null : ctx.plan.indicators.find((i) => i.code === cm.relatesTo);
      const relatedSeries = related ? ctx.index.series.get(seriesKey(related.code, 1, null)) : undefined;
      const relatedBase = related?.measures[0]?.baseline.value ?? null;
      const theirs = related
        ? yearlyRates(
            relatedSeries,
            cm.baseYear,
            year,
            relatedBase,
            related.measures[0] ? isRateMeasure(related.measures[0]) : false,
          )
        : { years: [], rates: [], periods: [] };
      for (let i = own.years.length - 1; i >= 0; i--) {
        const j = theirs.years.indexOf(own.years[i]!);
        if (j < 0) continue;
        const y = own.years[i]!;
        const elapsed = elapsedShare(y, cm.baseYear, cm.endYear);
        return judgeBound(
          cm,
          own.rates[i]!,
          theirs.rates[j]!,
          y,
          own.periods[i]!,
          elapsed,
          config,
          'lagging',
          false,
        );
      }
      const last = own.years.length - 1;
      const y = own.years[last]!;
      return row(
        cm,
        y,
        own.periods[last]!,
        own.rates[last]!,
        null,
        'not_assessable',
        elapsedShare(y, cm.baseYear, cm.endYear),
      );
    }
  }
}

/**
 * Assesses every measure of an indicator at a year: the whole-area row of each measure, then one
 * row per sub-area found in the data. A whole-area row with no data is left out when sub-area rows
 * exist (the data comes by area, as for 原上城 / 原江干).
 */
export function assessIndicator(ctx: AssessContext, indicator: Indicator, year: number): Assessment[] {
  let measures = ctx.byIndicator.get(indicator);
  if (!measures) {
    measures = [];
    for (let m = 1; m <= indicator.measures.length; m++) {
      const areas = ctx.index.areas.get(seriesKey(indicator.code, m, null)) ?? [];
      measures.push({
        main: prepareMeasure(ctx, indicator, m, null),
        areas: areas.map((area) => prepareMeasure(ctx, indicator, m, area)),
      });
    }
    ctx.byIndicator.set(indicator, measures);
  }
  const out: Assessment[] = [];
  for (const { main, areas } of measures) {
    const whole = assessPrepared(ctx, main, year);
    if (!(whole.status === 'no_data' && areas.length > 0)) out.push(whole);
    for (const area of areas) out.push(assessPrepared(ctx, area, year));
  }
  return out;
}

/** The year assessed when none is asked for: the latest year of the data, else the plan's start year. */
export function defaultYear(plan: Plan, index: ObservationIndex): number {
  return index.latestYear ?? plan.period.startYear;
}

/**
 * Assesses a whole plan at a year: every measure of every indicator, the roll-ups and the method
 * the judgement used (the JSON of `lantu assess --json`).
 */
export function assessPlan(
  plan: Plan,
  observations: readonly Observation[],
  options: AssessOptions = {},
): PlanAssessment {
  const ctx = createAssessContext(plan, observations, options.config);
  const year = options.year ?? defaultYear(plan, ctx.index);
  const assessments: Assessment[] = [];
  for (const indicator of plan.indicators) assessments.push(...assessIndicator(ctx, indicator, year));
  return { year, method: describeMethod(ctx.config), assessments, summary: rollup(plan, assessments) };
}
