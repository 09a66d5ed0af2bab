/**
 * Completion c (完成度) and elapsed share τ (序时进度): the two numbers every status is decided from.
 */
import type { PathKind } from './types.ts';

/** Relative tolerance of "the target is met": a value equal to T up to float noise counts as equal. */
export const MEET_TOLERANCE = 1e-9;

/**
 * τ = (y − y0)/(yT − y0), the share of the plan period elapsed at year y (fractional years allowed
 * for sub-annual data), clamped to at most 1 (after the end year the end-year judgement stands).
 * Null before the base year or when the period is empty. Example: 2024 in 2020–2025 → 0.8.
 */
export function elapsedShare(year: number, baseYear: number, endYear: number): number | null {
  const span = endYear - baseYear;
  if (!(span > 0) || !(year >= baseYear)) return null;
  const tau = (year - baseYear) / span;
  return tau > 1 ? 1 : Number.isFinite(tau) ? tau : null;
}

/**
 * c on the target path: linear (A − B)/(T − B); geometric ln(A/B)/ln(T/B).
 * Examples: GDP geometric ln(2803.5/2218.6)/ln(3250/2218.6) = 0.23401/0.38178 = 0.613;
 * 事故死亡率 linear (0.005 − 0.0068)/(0.0035 − 0.0068) = 0.545.
 * Null when T = B (no distance to cover), when the geometric path meets a value ≤ 0, or when the
 * result is not finite.
 */
export function completion(path: PathKind, baseline: number, target: number, value: number): number | null {
  let c: number;
  if (path === 'geometric') {
    if (!(baseline > 0 && target > 0 && value > 0) || target === baseline) return null;
    c = Math.log(value / baseline) / Math.log(target / baseline);
  } else {
    if (target === baseline) return null;
    c = (value - baseline) / (target - baseline);
  }
  return Number.isFinite(c) ? c : null;
}

/**
 * T = B·(1 + g)^n for a growth target of g% a year over n years (年均增长).
 * Example: 社会消费品零售总额 877 × 1.075^5 = 1259.0.
 */
export function growthTarget(baseline: number, annualRatePct: number, years: number): number {
  return baseline * (1 + annualRatePct / 100) ** years;
}

/**
 * c for a growth target reported only as yearly rates gᵢ (%): Σ ln(1 + gᵢ) / (n·ln(1 + g)), n the
 * years of the period. Example: 8% target, rates 7% and 9% over a 5-year period:
 * (ln 1.07 + ln 1.09)/(5·ln 1.08) = (0.06766 + 0.08618)/0.38481 = 0.400.
 * Null when a rate is −100% or below, the target rate is 0 or the result is not finite.
 */
export function completionFromRates(
  ratesPct: readonly number[],
  annualRatePct: number,
  years: number,
): number | null {
  const lnTarget = Math.log1p(annualRatePct / 100);
  if (!(years > 0) || lnTarget === 0 || !Number.isFinite(lnTarget)) return null;
  let sum = 0;
  for (const r of ratesPct) {
    if (!(r > -100)) return null;
    sum += Math.log1p(r / 100);
  }
  const c = sum / (years * lnTarget);
  return Number.isFinite(c) ? c : null;
}

/**
 * The geometric mean of yearly rates in %: (Π(1 + gᵢ))^(1/k) − 1. Example: 7% and 9% → 7.995%.
 * Null for no rates, a rate of −100% or below, or a non-finite result.
 */
export function averageRate(ratesPct: readonly number[]): number | null {
  if (ratesPct.length === 0) return null;
  let sum = 0;
  for (const r of ratesPct) {
    if (!(r > -100)) return null;
    sum += Math.log1p(r / 100);
  }
  const avg = Math.expm1(sum / ratesPct.length) * 100;
  return Number.isFinite(avg) ? avg : null;
}

/**
 * Whether value A meets bound T in direction dir (+1: at least T, −1: at most T); strict for the
 * comparators > and <. Equality is judged to a relative tolerance of 1e-9, so 100·1.1² meets 121.
 * Nothing infinite or NaN meets anything.
 */
export function meets(value: number, bound: number, dir: 1 | -1, strict: boolean): boolean {
  if (!Number.isFinite(value) || !Number.isFinite(bound)) return false;
  const d = (value - bound) * dir;
  const tol = MEET_TOLERANCE * Math.max(1, Math.abs(bound));
  return strict ? d > tol : d >= -tol;
}
