/**
 * From completion c and elapsed share τ to a status (序时进度 vocabulary) and a traffic light (亮灯).
 */
import type { ProgressConfig } from './config.ts';
import type { Light, Status } from './types.ts';

/** Slack of the threshold comparisons, so that 0.8 + 0.05 (= 0.8500000000000001 in floating point) admits 0.85. */
export const THRESHOLD_TOLERANCE = 1e-9;

const POW10 = [1, 10, 100, 1000, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12];

/** Rounds x to `decimals` places (half away from zero is not needed: ties go up, as Math.round does). */
export function roundTo(x: number, decimals: number): number {
  const f = POW10[decimals] ?? 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Number.isFinite(r) ? r : x;
}

/**
 * The status of a path measure (序时进度 method), c and τ rounded to `config.decimals` first:
 * achieved when `met` (default: c ≥ 1 after rounding); off_track when c < 0 (moving away from the target);
 * ahead when c ≥ τ + 0.05; on_track when c ≥ τ − 0.10; lagging when c ≥ τ − 0.30; off_track below.
 * Example: GDP c = 0.613, τ = 0.8: 0.613 < 0.70 but ≥ 0.50 → lagging.
 * not_assessable when c or τ cannot be computed.
 */
export function judge(
  completion: number | null,
  elapsed: number | null,
  config: ProgressConfig,
  met?: boolean,
): Status {
  if (completion === null || elapsed === null) return met === true ? 'achieved' : 'not_assessable';
  const c = roundTo(completion, config.decimals);
  const tau = roundTo(elapsed, config.decimals);
  if (met ?? c >= 1) return 'achieved';
  if (c < 0) return 'off_track';
  if (c >= tau + config.aheadMargin - THRESHOLD_TOLERANCE) return 'ahead';
  if (c >= tau - config.onTrackMargin - THRESHOLD_TOLERANCE) return 'on_track';
  if (c >= tau - config.laggingMargin - THRESHOLD_TOLERANCE) return 'lagging';
  return 'off_track';
}

/** The light of a status: green achieved/ahead/on_track, yellow lagging, red off_track, grey otherwise. */
export function lightOf(status: Status): Light {
  switch (status) {
    case 'achieved':
    case 'ahead':
    case 'on_track':
      return 'green';
    case 'lagging':
      return 'yellow';
    case 'off_track':
      return 'red';
    default:
      return 'grey';
  }
}

/** Badness of a light for roll-ups: red > yellow > grey > green (an unknown part keeps a whole from green). */
export const LIGHT_RANK: Readonly<Record<Light, number>> = { green: 0, grey: 1, yellow: 2, red: 3 };

/** Badness of a status, to break ties between measures of the same light. */
export const STATUS_RANK: Readonly<Record<Status, number>> = {
  achieved: 0,
  ahead: 1,
  on_track: 2,
  no_data: 3,
  not_assessable: 4,
  lagging: 5,
  off_track: 6,
};

/** The words of each status: zh-CN first (mid-term evaluation vocabulary), English second. */
export const STATUS_LABELS: Readonly<Record<Status, { zh: string; en: string }>> = {
  achieved: { zh: '已实现', en: 'achieved' },
  ahead: { zh: '快于预期', en: 'ahead' },
  on_track: { zh: '基本符合预期', en: 'on track' },
  lagging: { zh: '滞后', en: 'lagging' },
  off_track: { zh: '严重滞后', en: 'off track' },
  no_data: { zh: '无数据', en: 'no data' },
  not_assessable: { zh: '无法评估', en: 'not assessable' },
};

/** The words of each light. */
export const LIGHT_LABELS: Readonly<Record<Light, { zh: string; en: string }>> = {
  green: { zh: '绿灯', en: 'green' },
  yellow: { zh: '黄灯', en: 'yellow' },
  red: { zh: '红灯', en: 'red' },
  grey: { zh: '灰灯', en: 'grey' },
};

/**
 * The label of a status in one language; `early` (the value's year is before the end year) turns
 * achieved into 提前实现 (achieved early), the mid-term evaluation's word.
 */
export function statusLabel(status: Status, lang: 'zh-CN' | 'en', early = false): string {
  if (status === 'achieved' && early) return lang === 'en' ? 'achieved early' : '提前实现';
  const label = STATUS_LABELS[status];
  return lang === 'en' ? label.en : label.zh;
}
