/**
 * Compiling a measure: its target kind, baseline, target and direction reduced once to the plain
 * numbers (logs included) that judging a value needs, so the hot path does arithmetic only.
 */
import type { Comparator, Indicator, Measure, Plan, TargetKind } from '../model/plan.ts';
import { growthTarget } from './completion.ts';
import type { ProgressConfig } from './config.ts';
import { isRateMeasure, measureUnit } from './observations.ts';
import { choosePath, isMoneyUnit } from './path.ts';
import { baseYearLevel, type Series } from './series.ts';
import type { PathKind } from './types.ts';

/**
 * How a measure is judged:
 * path (level, cumulative, growth with a baseline: c against τ), hold (target equal to baseline:
 * met or not), unmet (level target with no baseline: achieved when met, else not assessable),
 * rates (growth target known only as yearly rates), threshold, external, relational, none (the
 * target could not be read).
 */
export type MeasureMode =
  | 'path'
  | 'hold'
  | 'unmet'
  | 'rates'
  | 'threshold'
  | 'external'
  | 'relational'
  | 'none';

/** A measure reduced to the numbers its judgement needs, computed once. */
export interface CompiledMeasure {
  code: string;
  /** 1-based measure number. */
  measure: number;
  area: string | null;
  kind: TargetKind;
  mode: MeasureMode;
  /** Path for path mode (linear otherwise, unused). */
  path: PathKind;
  /** +1 when up is better, −1 when down is. */
  dir: 1 | -1;
  /** The comparator is strict (> or <). */
  strict: boolean;
  baseYear: number;
  endYear: number;
  /** endYear − baseYear. */
  span: number;
  /** Baseline B (NaN when unknown). */
  baseline: number;
  /** Target T: level or total, B·(1+g)^n for growth, the bound of a threshold (NaN when unknown). */
  target: number;
  /** Target growth rate g in % (rates mode), NaN otherwise. */
  rate: number;
  /** ln(T/B), for the geometric path. */
  lnTB: number;
  /** 1/(T − B), for the linear path. */
  invTB: number;
  /** |CAGR(B → T)| for the Open SDG ratio; 0 when it cannot be computed. */
  cagrTarget: number;
  /** The measure's unit counts money (a flow: year-to-date levels are not used). */
  money: boolean;
  /** The measure's values are rates in %. */
  rateValued: boolean;
  /** For relational targets: the code of the indicator stated against. */
  relatesTo: string | null;
}

const NONE: PathKind = 'linear';

/** The comparator a relational target's words state (同步, in step, counts as at least as fast). */
function comparatorFromText(text: string): Comparator | null {
  if (/不低于|不慢于|不少于|同步/.test(text)) return '>=';
  if (/不高于|不快于|不超过/.test(text)) return '<=';
  if (/高于|快于|超过|大于|多于/.test(text)) return '>';
  if (/低于|慢于|小于|少于/.test(text)) return '<';
  return null;
}

/** Sets the direction and strictness a comparator means (>, >= up; <, <= down; others: the measure's direction). */
function setBound(cm: CompiledMeasure, comparator: Comparator | null | undefined, direction: 1 | -1): void {
  cm.dir =
    comparator === '>' || comparator === '>='
      ? 1
      : comparator === '<' || comparator === '<='
        ? -1
        : direction;
  cm.strict = comparator === '>' || comparator === '<';
}

/**
 * The indicator a relational target is stated against: the configured one, else, for 经济增长 /
 * GDP, the plan's GDP (地区生产总值, not 人均 or 单位GDP…), else an indicator whose name holds the
 * words of the target text (高于X增长 → X).
 */
export function relatedIndicator(plan: Plan, indicator: Indicator, config: ProgressConfig): Indicator | null {
  const override = config.relations[indicator.code];
  if (override !== undefined) return plan.indicators.find((i) => i.code === override) ?? null;
  const target = indicator.measures[0]?.target;
  const text = `${target?.relatesTo ?? ''} ${target?.text ?? ''}`;
  const others = plan.indicators.filter((i) => i !== indicator);
  if (/经济增长|经济增速|GDP|生产总值|经济发展/i.test(text)) {
    return (
      others.find(
        (i) => /生产总值|GDP/i.test(i.name) && !/人均|单位|每|亿元GDP|能耗|比重|占|增加值/.test(i.name),
      ) ?? null
    );
  }
  const stem = (target?.relatesTo ?? '')
    .replace(/^(不?高于|不?低于|快于|慢于|与|同)/, '')
    .replace(/(的)?(增长|增速|增幅|同步)$/, '');
  if (stem.length < 2) return null;
  return others.find((i) => i.name.includes(stem)) ?? null;
}

const MONEY_UNITS = new Map<string, boolean>();

/** isMoneyUnit, remembered per unit string (plans repeat a handful of units thousands of times). */
function moneyUnit(unit: string): boolean {
  let money = MONEY_UNITS.get(unit);
  if (money === undefined) {
    money = isMoneyUnit(unit);
    if (MONEY_UNITS.size < 10_000) MONEY_UNITS.set(unit, money);
  }
  return money;
}

/**
 * Compiles one measure (and sub-area) of an indicator: chooses its mode, path and direction and
 * precomputes the logs. `series` is the measure's data, used only for a base-year value when the
 * plan prints no baseline.
 */
export function compileMeasure(
  plan: Plan,
  indicator: Indicator,
  measureNumber: number,
  area: string | null,
  config: ProgressConfig,
  series?: Series,
): CompiledMeasure {
  const measure = indicator.measures[measureNumber - 1] as Measure | undefined;
  const baseYear = measure?.baseline.year ?? plan.period.baseYear;
  const endYear = measure?.target.year ?? plan.period.endYear;
  const direction: 1 | -1 = measure?.direction === 'down' ? -1 : 1;
  const cm: CompiledMeasure = {
    code: indicator.code,
    measure: measureNumber,
    area,
    kind: measure?.target.kind ?? 'level',
    mode: 'none',
    path: NONE,
    dir: direction,
    strict: false,
    baseYear,
    endYear,
    span: endYear - baseYear,
    baseline: Number.NaN,
    target: Number.NaN,
    rate: Number.NaN,
    lnTB: Number.NaN,
    invTB: Number.NaN,
    cagrTarget: 0,
    money: false,
    rateValued: false,
    relatesTo: null,
  };
  if (!measure || !(cm.span > 0)) return cm;
  const unit = measureUnit(measure);
  cm.money = moneyUnit(unit);
  cm.rateValued = isRateMeasure(measure);
  const target = measure.target;
  const printed = area === null ? measure.baseline.value : (measure.baseline.byArea?.[area] ?? null);
  const fromData = cm.rateValued ? null : baseYearLevel(series, baseYear);
  let b: number | null = printed !== null && Number.isFinite(printed) ? printed : fromData;
  const t = target.value !== null && Number.isFinite(target.value) ? target.value : null;
  const override = config.paths[`${indicator.code}/${measureNumber}`] ?? config.paths[indicator.code];

  switch (target.kind) {
    case 'cumulative':
    case 'level': {
      // A running total with no printed baseline starts from zero at the base year (康养联合体 0 → [10]);
      // for a sub-area the plan-wide target says nothing, so it needs the area's own baseline.
      if (target.kind === 'cumulative' && b === null && area === null) b = 0;
      if (t === null || (b === null && target.kind === 'cumulative')) return cm;
      cm.target = t;
      if (b === null) {
        cm.mode = 'unmet';
        setBound(cm, target.comparator, direction);
        return cm;
      }
      cm.baseline = b;
      if (t === b) {
        cm.mode = 'hold';
        setBound(cm, target.comparator, direction);
        return cm;
      }
      cm.mode = 'path';
      cm.dir = t > b ? 1 : -1;
      cm.strict = target.comparator === '>' || target.comparator === '<';
      if (override !== undefined) cm.path = choosePath(unit, b, t, override);
      else cm.path = target.kind !== 'cumulative' && b > 0 && t > 0 && cm.money ? 'geometric' : 'linear';
      break;
    }
    case 'growth': {
      let g = target.annualRate ?? Number.NaN;
      if (!Number.isFinite(g)) return cm;
      // "年均下降 g%" read with direction down and a positive rate: a fall of g% a year.
      if (direction === -1 && g > 0) g = -g;
      if (g !== 0) cm.dir = g > 0 ? 1 : -1;
      cm.rate = g;
      if (!cm.rateValued && b !== null && b > 0 && g > -100) {
        cm.baseline = b;
        cm.target = growthTarget(b, g, cm.span);
        if (!Number.isFinite(cm.target)) {
          cm.target = Number.NaN;
          return cm;
        }
        if (g === 0) {
          cm.mode = 'hold';
          return cm;
        }
        cm.mode = 'path';
        cm.path = override === 'linear' ? 'linear' : 'geometric';
      } else {
        if (b !== null && !cm.rateValued) cm.baseline = b;
        cm.mode = g > -100 ? 'rates' : 'none';
        return cm;
      }
      break;
    }
    case 'threshold': {
      if (t === null) return cm;
      cm.mode = 'threshold';
      cm.target = t;
      if (b !== null) cm.baseline = b;
      setBound(cm, target.comparator, direction);
      return cm;
    }
    case 'external': {
      cm.mode = 'external';
      if (b !== null) cm.baseline = b;
      setBound(cm, target.comparator, direction);
      return cm;
    }
    case 'relational': {
      cm.mode = 'relational';
      if (b !== null && !cm.rateValued) cm.baseline = b;
      const related = relatedIndicator(plan, indicator, config);
      cm.relatesTo = related?.code ?? null;
      setBound(
        cm,
        target.comparator ?? comparatorFromText(`${target.text ?? ''}${target.relatesTo ?? ''}`),
        1,
      );
      return cm;
    }
  }
  // Path mode: precompute ln(T/B), 1/(T − B) and the Open SDG required growth |CAGR(B → T)|.
  cm.invTB = 1 / (cm.target - cm.baseline);
  if (cm.baseline > 0 && cm.target > 0) {
    cm.lnTB = Math.log(cm.target / cm.baseline);
    const required = Math.abs(Math.expm1(cm.lnTB / cm.span));
    cm.cagrTarget = Number.isFinite(required) ? required : 0;
  }
  return cm;
}
