/**
 * Projection to the end year at the pace so far: "if things go on as they have, where do we end?"
 */
import { meets } from './completion.ts';
import type { PathKind } from './types.ts';

/**
 * The value at the end year if the pace since the base year holds, τ the elapsed share:
 * geometric A·(1 + r)^(yT − y) with r = (A/B)^(1/(y − y0)) − 1, which is B·(A/B)^(1/τ);
 * linear B + (A − B)/τ. Example: GDP B = 2218.6, A = 2803.5 at τ = 0.8:
 * 2218.6 × 1.26364^1.25 = 2972.4 (r = 6.02%, 2803.5 × 1.0602). Null at τ = 0, for a geometric path
 * through a value ≤ 0, or when the result is not finite.
 */
export function projectValue(path: PathKind, baseline: number, value: number, tau: number): number | null {
  if (!(tau > 0)) return null;
  let p: number;
  if (path === 'geometric') {
    if (!(baseline > 0 && value > 0)) return null;
    p = baseline * Math.exp(Math.log(value / baseline) / tau);
  } else {
    p = baseline + (value - baseline) / tau;
  }
  return Number.isFinite(p) ? p : null;
}

/** Whether a projected value reaches the target (direction-aware); null when there is no projection. */
export function willReach(
  projected: number | null,
  target: number,
  dir: 1 | -1,
  strict: boolean,
): boolean | null {
  return projected === null ? null : meets(projected, target, dir, strict);
}
