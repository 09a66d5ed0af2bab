/**
 * Reading an indicator's table row: its measures as the model types them (the contract carries
 * them as open records, specified by src/model/plan.ts), a measure's name, and a target in words.
 */
import type { Measure, Target } from '../../../../../src/model/plan.ts';
import type { Item } from '../../api/types.ts';

/** The measures of an indicator item, typed. */
export function measuresOf(item: Item | undefined): Measure[] {
  return (item?.indicator?.measures ?? []) as unknown as Measure[];
}

/** What a measure is called: its name in the plan's table (区级及以上非遗代表项目), else 分项2. */
export function measureName(
  measures: readonly Measure[],
  n: number,
  t: (key: string, vars?: Record<string, string | number>) => string,
): string {
  return measures[n - 1]?.name ?? t('common.measure', { n });
}

const COMPARATORS: Record<string, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤', about: '≈', '=': '' };

/** A target as a short text: "3250", "≥99", "年均增长 7.5%", "[10]" (cumulative), or its words. */
export function targetText(
  target: Target | undefined,
  num: (v: number | null | undefined) => string,
  t: (key: string, vars?: Record<string, string | number>) => string,
): string {
  if (!target) return '—';
  if (target.kind === 'growth' && target.annualRate !== undefined) {
    return t('ind.growthTarget', { rate: num(target.annualRate) });
  }
  if (target.value === null) return target.text ?? '—';
  const prefix = target.comparator ? (COMPARATORS[target.comparator] ?? '') : '';
  const value = `${prefix}${num(target.value)}`;
  return target.kind === 'cumulative' ? `[${value}]` : value;
}
