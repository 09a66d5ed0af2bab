/**
 * Plain sentences about a measure, for citizens: "2024年 地区生产总值(GDP) 2803.5 亿元,完成目标进度
 * 61.3%,滞后于序时进度。" Built from the assessment the server computed (never recomputed here).
 */
import type { Locale } from '../shared/i18n.ts';
import { formatShare, formatValue, formatWithUnit } from './format.ts';
import type { Translate } from './I18n.tsx';
import type {
  Assessment,
  Light,
  PublicIndicator,
  PublicMeasure,
  PublicPlan,
  PublicPoint,
  Status,
} from './types.ts';

/** The status word's key: 提前实现 when a target to reach was met before its year. */
export type StatusKey = Status | 'achievedEarly';

export function statusKey(status: Status, measure: PublicMeasure | null, year: number | null): StatusKey {
  if (status !== 'achieved' || !measure || year === null) return status;
  const reachable = ['level', 'cumulative', 'growth'].includes(measure.target.kind);
  return reachable && year < measure.target.year ? 'achievedEarly' : 'achieved';
}

/** The status and light of a whole indicator, as the plan's roll-up gives them. */
export function indicatorStatus(
  plan: PublicPlan,
  indicator: PublicIndicator,
): { status: Status; light: Light; key: StatusKey } {
  const item = plan.summary.items.find((i) => i.indicator === indicator.code);
  const first = indicator.measures[0] ?? null;
  const status = item?.status ?? first?.assessment?.status ?? 'no_data';
  const light = item?.light ?? first?.assessment?.light ?? 'grey';
  const single = indicator.measures.length === 1 ? first : null;
  return { status, light, key: statusKey(status, single, single?.assessment?.year ?? null) };
}

/** The name a measure goes by: its own for a compound indicator, else the indicator's. */
export function measureName(indicator: PublicIndicator, measure: PublicMeasure): string {
  return indicator.measures.length > 1 ? measure.name : indicator.name;
}

/** The approved value the assessment is based on (for its sample flag and source). */
export function latestPoint(measure: PublicMeasure): PublicPoint | null {
  const a = measure.assessment;
  const rows = measure.series.filter((p) => p.area === null && p.kind !== 'target');
  if (a) {
    const same = rows.filter((p) => p.year === a.year);
    return same.find((p) => p.value === a.value) ?? same[same.length - 1] ?? null;
  }
  return rows[rows.length - 1] ?? null;
}

/** Whether the figure shown for a measure rests on sample data. */
export function isSampleFigure(measure: PublicMeasure): boolean {
  const a = measure.assessment;
  if (a && a.value !== null && a.completion !== null && a.baseline === null) {
    // A mean of yearly growth rates: sample when any of the rates is.
    return measure.series.some((p) => p.area === null && p.kind === 'growth' && p.year <= a.year && p.sample);
  }
  if (!a) return measure.series.some((p) => p.sample);
  return latestPoint(measure)?.sample ?? false;
}

/** The measure's target as printed: 3250 亿元, 年均增长 7.5%, >99%, 完成市下达目标. */
export function targetText(measure: PublicMeasure, t: Translate, locale: Locale): string {
  const target = measure.target;
  const value = formatWithUnit(target.value, measure.unit, locale);
  switch (target.kind) {
    case 'growth':
      return t('target.growth', { rate: formatValue(target.annualRate ?? null, locale) });
    case 'cumulative':
      return target.value === null ? (target.text ?? '—') : t('target.cumulative', { value });
    case 'threshold': {
      const symbols: Record<string, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };
      const comparator = symbols[target.comparator ?? ''] ?? '';
      return t('target.threshold', { comparator, value });
    }
    case 'external':
    case 'relational':
      return target.text ?? value;
    default:
      return target.value === null ? (target.text ?? '—') : value;
  }
}

function phrase(key: StatusKey, t: Translate): string {
  return t(`phrase.${key}`);
}

/** The sentence for one measure. */
export function measureSentence(
  indicator: PublicIndicator,
  measure: PublicMeasure,
  t: Translate,
  locale: Locale,
): string {
  const name = measureName(indicator, measure);
  const a = measure.assessment;
  if (!a || a.value === null) return areaSentence(name, measure, t, locale) ?? t('sentence.noData', { name });
  const value = formatWithUnit(a.value, measure.unit, locale);
  const key = statusKey(a.status, measure, a.year);
  if (a.completion !== null) {
    const growth = a.baseline === null && latestPoint(measure)?.kind === 'growth';
    return t(growth ? 'sentence.growth' : 'sentence.progress', {
      year: a.year,
      name,
      value,
      completion: formatShare(a.completion, locale),
      phrase: phrase(key, t),
    });
  }
  const target = assessedTarget(measure, a, t, locale);
  if (target) return t('sentence.target', { year: a.year, name, value, target, phrase: phrase(key, t) });
  return t('sentence.plain', { year: a.year, name, value, phrase: phrase(key, t) });
}

/** The target a value without completion was judged against: 99%, 完成市下达目标(3%). */
function assessedTarget(measure: PublicMeasure, a: Assessment, t: Translate, locale: Locale): string | null {
  const text = measure.target.text;
  const value = a.target === null ? null : formatWithUnit(a.target, measure.unit, locale);
  if (measure.target.kind === 'threshold') return targetText(measure, t, locale);
  if (text && value) return t('target.withValue', { text, value });
  return text ?? value;
}

/** For a measure reported per sub-area (原上城, 原江干): the latest values and that year's target. */
function areaSentence(name: string, measure: PublicMeasure, t: Translate, locale: Locale): string | null {
  const areaRows = measure.series.filter((p) => p.area !== null && p.kind !== 'target');
  if (areaRows.length === 0) return null;
  const year = Math.max(...areaRows.map((p) => p.year));
  const values = areaRows
    .filter((p) => p.year === year)
    .map((p) =>
      t('sentence.areaValue', { area: p.area ?? '', value: formatWithUnit(p.value, measure.unit, locale) }),
    )
    .join(t('sentence.listSeparator'));
  const target = measure.series.find((p) => p.kind === 'target' && p.area === null && p.year === year);
  return target
    ? t('sentence.areas', { year, name, values, target: formatWithUnit(target.value, measure.unit, locale) })
    : t('sentence.areasNoTarget', { year, name, values });
}

/** The method's rules that explain a measure (completion and time elapsed first), in the locale. */
export function methodRules(
  method: PublicPlan['method'],
  measure: PublicMeasure | null,
  locale: Locale,
): { topic: string; text: string }[] {
  const rules = Array.isArray(method['rules']) ? (method['rules'] as unknown[]) : [];
  const topics = ['elapsed', 'path', 'completion', 'status'];
  const kind = measure?.target.kind;
  if (kind === 'growth') topics.push('growth');
  if (kind === 'cumulative') topics.push('cumulative');
  if (kind === 'threshold') topics.push('threshold');
  if (kind === 'external') topics.push('external');
  if (kind === 'relational') topics.push('relational');
  if (measure && measure.baseline.value === null && kind === 'level') topics.push('no_baseline');
  topics.push('projection', 'light');
  const out: { topic: string; text: string }[] = [];
  for (const topic of topics) {
    const rule = rules.find((r): r is Record<string, unknown> => isRecord(r) && r['topic'] === topic);
    const text = rule?.[locale === 'en' ? 'en' : 'zh'];
    if (typeof text === 'string') out.push({ topic, text });
  }
  return out;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
