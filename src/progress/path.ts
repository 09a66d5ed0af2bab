/**
 * The target path (序时进度 path): where a measure should be after a share τ of the plan period.
 * Money aggregates grow by compounding, so their path is geometric; everything else is linear.
 */
import type { PathKind } from './types.ts';

/**
 * Whether a unit counts money (元, 万元, 亿元, 美元, 亿美元 …), read from the part before any '/':
 * 万元/人 (per-capita GDP) is money, 人/亿元 (deaths per 100 million yuan of GDP) is not.
 */
export function isMoneyUnit(unit: string): boolean {
  const normalised = unit.normalize('NFKC');
  const slash = normalised.indexOf('/');
  const numerator = slash < 0 ? normalised : normalised.slice(0, slash);
  return /元|美元|USD|CNY|RMB/i.test(numerator);
}

/**
 * Chooses the path of a measure: geometric for money units when B > 0 and T > 0, linear otherwise.
 * An override wins, except that a geometric path needs B > 0 and T > 0 (it falls back to linear).
 * Example: GDP 2218.6 → 3250 亿元 is geometric; 事故死亡率 0.0068 → 0.0035 人/亿元 is linear.
 */
export function choosePath(
  unit: string,
  baseline: number | null,
  target: number | null,
  override?: PathKind,
): PathKind {
  const positive = baseline !== null && target !== null && baseline > 0 && target > 0;
  if (override !== undefined) return override === 'geometric' && positive ? 'geometric' : 'linear';
  return positive && isMoneyUnit(unit) ? 'geometric' : 'linear';
}

/**
 * E(τ), the value on the target path after a share τ of the period (序时进度):
 * linear B + (T − B)·τ; geometric B·(T/B)^τ.
 * Example: GDP B = 2218.6, T = 3250, τ = 0.8, geometric: 2218.6 × 1.46489^0.8 = 3011.1.
 * Null when the geometric path is impossible (B or T not positive) or the result is not finite.
 */
export function expectedValue(path: PathKind, baseline: number, target: number, tau: number): number | null {
  let e: number;
  if (path === 'geometric') {
    if (!(baseline > 0 && target > 0)) return null;
    e = baseline * Math.exp(tau * Math.log(target / baseline));
  } else {
    e = baseline + (target - baseline) * tau;
  }
  return Number.isFinite(e) ? e : null;
}
