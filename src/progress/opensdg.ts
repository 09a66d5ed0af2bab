/**
 * The Open SDG progress measure (Statistics Canada method, used by the Open SDG platforms):
 * the observed compound annual growth rate against the one the target needs.
 */
import type { ProgressConfig } from './config.ts';
import type { OpenSdgStatus } from './types.ts';

/**
 * Compound annual growth rate from `from` to `to` over `years`: (to/from)^(1/years) − 1.
 * Example: GDP 2218.6 → 2803.5 over 4 years = 1.26364^(1/4) − 1 = 0.0602.
 * Null unless both values and the years are positive.
 */
export function cagr(from: number, to: number, years: number): number | null {
  if (!(from > 0 && to > 0 && years > 0)) return null;
  const r = Math.expm1(Math.log(to / from) / years);
  return Number.isFinite(r) ? r : null;
}

/**
 * p = d·CAGR(B → A) / |CAGR(B → T)|, d = +1 when up is better, −1 when down is.
 * Example: GDP d = 1, CAGR(2218.6 → 2803.5, 4 years) = 0.06024, CAGR(2218.6 → 3250, 5 years) = 0.07930,
 * p = 0.759. Null when a CAGR cannot be computed or the target needs no growth (CAGR(B → T) = 0).
 */
export function openSdgRatio(
  baseline: number,
  target: number,
  value: number,
  baseYear: number,
  endYear: number,
  year: number,
  dir: 1 | -1,
): number | null {
  const observed = cagr(baseline, value, year - baseYear);
  const required = cagr(baseline, target, endYear - baseYear);
  if (observed === null || required === null || required === 0) return null;
  const p = (dir * observed) / Math.abs(required);
  return Number.isFinite(p) ? p : null;
}

/**
 * The Open SDG category: target_achieved when the target is met, else from the ratio:
 * substantial ≥ 0.95, moderate ≥ 0.60, limited ≥ 0, deterioration below. Example: p = 0.759 → moderate.
 * Null when the target is not met and there is no ratio.
 */
export function openSdgCategory(
  ratio: number | null,
  met: boolean,
  config: ProgressConfig,
): OpenSdgStatus | null {
  if (met) return 'target_achieved';
  if (ratio === null) return null;
  const t = config.openSdg;
  if (ratio >= t.substantial) return 'substantial';
  if (ratio >= t.moderate) return 'moderate';
  if (ratio >= t.limited) return 'limited';
  return 'deterioration';
}
