/**
 * Judging one value of a compiled measure: the path rule (序时进度), the rates rule for growth
 * targets reported as yearly rates, and the met-or-not rule of bounds. Each returns the
 * assessment record of the JSON contract.
 */

import type { CompiledMeasure } from './compile.ts';
import { averageRate, completionFromRates, meets } from './completion.ts';
import type { ProgressConfig } from './config.ts';
import { openSdgCategory } from './opensdg.ts';
import { judge, lightOf, roundTo } from './status.ts';
import type { Assessment, Status } from './types.ts';

/** x when finite, else null: no NaN or ±Infinity ever leaves the engine. */
export function fin(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** An assessment with only the numbers every kind has; the judging functions fill the rest. */
export function row(
  cm: CompiledMeasure,
  year: number,
  period: string | null,
  value: number | null,
  target: number | null,
  status: Status,
  elapsed: number | null,
): Assessment {
  const a: Assessment = {
    indicator: cm.code,
    measure: cm.measure,
    year,
    value: value === null ? null : fin(value),
    baseline: fin(cm.baseline),
    target: target === null ? null : fin(target),
    path: null,
    expected: null,
    completion: null,
    elapsed,
    status,
    light: lightOf(status),
    projected: null,
    willReach: null,
    openSdg: { ratio: null, status: null },
  };
  if (cm.area !== null) a.area = cm.area;
  if (period !== null) a.period = period;
  return a;
}

/**
 * Judges one value of a path measure (序时进度): the hot path, a few arithmetic operations and
 * three logarithms on precomputed numbers. `year` and `frac` place the value in time (frac 1 for
 * a full-year value, 0.5 for a half-year reading: t = year − 1 + frac).
 * Example: GDP 2803.5 in 2024 → c 0.613, τ 0.8, lagging, projected 2972.4, Open SDG 0.759 moderate.
 */
export function assessPathValue(
  cm: CompiledMeasure,
  value: number,
  year: number,
  frac: number,
  period: string | null,
  config: ProgressConfig,
): Assessment {
  const t = year - 1 + frac;
  const years = t - cm.baseYear;
  let tau = years / cm.span;
  if (!(tau >= 0) || !Number.isFinite(value))
    return row(cm, year, period, value, cm.target, 'not_assessable', null);
  if (tau > 1) tau = 1;
  const B = cm.baseline;
  const T = cm.target;
  let c: number;
  let expected: number;
  let projected: number;
  let ratio = Number.NaN;
  if (cm.path === 'geometric') {
    // c = ln(A/B)/ln(T/B); E = B·e^(τ·ln(T/B)); projection B·e^(ln(A/B)/τ) = A·(1 + r)^(yT − y).
    const lnAB = value > 0 ? Math.log(value / B) : Number.NaN;
    c = lnAB / cm.lnTB;
    expected = B * Math.exp(tau * cm.lnTB);
    projected = tau > 0 ? B * Math.exp(lnAB / tau) : Number.NaN;
    if (cm.cagrTarget > 0 && years > 0) ratio = (cm.dir * Math.expm1(lnAB / years)) / cm.cagrTarget;
  } else {
    // c = (A − B)/(T − B); E = B + (T − B)·τ; projection B + (A − B)/τ.
    c = (value - B) * cm.invTB;
    expected = B + (T - B) * tau;
    projected = tau > 0 ? B + (value - B) / tau : Number.NaN;
    if (cm.cagrTarget > 0 && years > 0 && value > 0) {
      ratio = (cm.dir * Math.expm1(Math.log(value / B) / years)) / cm.cagrTarget;
    }
  }
  const completion = fin(c);
  // Met: A reaches T, or (unless the comparator is strict) c reaches 1 at the printed precision, so
  // 1259.0 meets the growth target 877 × 1.075⁵ = 1259.047 (c = 0.99990 → 1.000).
  const met =
    meets(value, T, cm.dir, cm.strict) ||
    (!cm.strict && completion !== null && roundTo(completion, config.decimals) >= 1);
  // A geometric path cannot take a value ≤ 0: that is a move away from a positive baseline.
  const status: Status = met
    ? 'achieved'
    : completion === null
      ? 'off_track'
      : judge(completion, tau, config, false);
  const projectedValue = fin(projected);
  const ratioValue = fin(ratio);
  const a: Assessment = {
    indicator: cm.code,
    measure: cm.measure,
    year,
    value,
    baseline: B,
    target: T,
    path: cm.path,
    expected: fin(expected),
    completion,
    elapsed: tau,
    status,
    light: lightOf(status),
    projected: projectedValue,
    willReach: projectedValue === null ? null : meets(projectedValue, T, cm.dir, cm.strict),
    openSdg: { ratio: ratioValue, status: openSdgCategory(ratioValue, met, config) },
  };
  if (cm.area !== null) a.area = cm.area;
  if (period !== null) a.period = period;
  return a;
}

/**
 * Judges a growth target known only as yearly rates gᵢ (数字经济核心产业增加值 8%):
 * c = Σ ln(1 + gᵢ)/((yT − y0)·ln(1 + g)), τ = (years reported)/(yT − y0); the value is the
 * geometric mean rate, the projection keeps it, Open SDG p = d·mean/|g|.
 * Example: 8% target, 2021 7% and 2022 9% → c 0.400, τ 0.4, on track, mean 7.995%.
 */
export function assessRates(
  cm: CompiledMeasure,
  rates: readonly number[],
  year: number,
  period: string | null,
  config: ProgressConfig,
): Assessment {
  const n = rates.length;
  let tau = n / cm.span;
  if (tau > 1) tau = 1;
  const mean = averageRate(rates);
  const c = completionFromRates(rates, cm.rate, cm.span);
  const met = c !== null && roundTo(c, config.decimals) >= 1;
  // A fall of 100% or more (no mean, no completion) is a move away from any growth target.
  const status: Status = met ? 'achieved' : c === null ? 'off_track' : judge(c, tau, config, false);
  const a = row(cm, year, period, mean, cm.rate, status, tau);
  a.path = 'geometric';
  a.expected = cm.rate;
  a.completion = c;
  a.projected = mean;
  a.willReach = mean === null ? null : meets(mean, cm.rate, cm.dir, false);
  const ratio = mean === null || cm.rate === 0 ? null : fin((cm.dir * mean) / Math.abs(cm.rate));
  a.openSdg = { ratio, status: openSdgCategory(ratio, met, config) };
  return a;
}

/** Judges a value against a bound (threshold, maintain, external, relational, a level with no baseline): met → achieved, else `unmet`. */
export function judgeBound(
  cm: CompiledMeasure,
  value: number,
  bound: number,
  year: number,
  period: string | null,
  elapsed: number | null,
  config: ProgressConfig,
  unmet: Status,
  project: boolean,
): Assessment {
  const met = meets(value, bound, cm.dir, cm.strict);
  const status: Status = met ? 'achieved' : unmet;
  const a = row(cm, year, period, value, bound, status, elapsed);
  a.expected = bound;
  if (project) {
    a.projected = value;
    a.willReach = met;
  }
  a.openSdg = { ratio: null, status: openSdgCategory(null, met, config) };
  return a;
}

/** The row of a measure with no value in the period. */
export function noDataRow(cm: CompiledMeasure, year: number, elapsed: number | null): Assessment {
  return row(cm, year, null, null, fin(cm.mode === 'rates' ? cm.rate : cm.target), 'no_data', elapsed);
}
