/**
 * The engine on the seed plan's indicators (表1), one target kind at a time, with every expected
 * number worked out by hand in the comments. B baseline, T target, A value, τ elapsed share.
 */
import { describe, expect, test } from 'vitest';
import type { Indicator } from '../../src/model/plan.ts';
import {
  type Assessment,
  assessPlan,
  createAssessContext,
  defaultYear,
  type Observation,
  type ProgressConfigInput,
  relatedIndicator,
  resolveConfig,
} from '../../src/progress/index.ts';
import { base, level, measure, planOf, seedIndicator, seedPlan, single } from './fixtures.ts';

function obs(indicator: string, year: number, value: number, extra: Partial<Observation> = {}): Observation {
  return { indicator, year, value, ...extra };
}

/** Assesses the seed plan (or the given indicators) at a year and returns the rows of one code. */
function rows(
  code: string,
  observations: Observation[],
  year: number,
  indicators?: Indicator[],
  config?: ProgressConfigInput,
): Assessment[] {
  const plan = indicators ? planOf(...indicators) : seedPlan();
  const options = config ? { year, config } : { year };
  return assessPlan(plan, observations, options).assessments.filter((a) => a.indicator === code);
}

function one(code: string, observations: Observation[], year: number, indicators?: Indicator[]): Assessment {
  const found = rows(code, observations, year, indicators);
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('worked examples of the issue', () => {
  test('GDP (no. 10): B 2218.6 (2020), T 3250 (2025), A 2803.5 (2024) → c 0.613, τ 0.8, lagging, yellow; p 0.759 moderate', () => {
    const a = one('10', [obs('10', 2024, 2803.5)], 2024);
    // c = ln(2803.5/2218.6)/ln(3250/2218.6) = 0.233992/0.381779 = 0.6129; τ = 4/5.
    expect(a.completion).toBeCloseTo(0.6129, 4);
    expect(a.elapsed).toBe(0.8);
    expect(a.status).toBe('lagging'); // 0.50 ≤ 0.613 < 0.70
    expect(a.light).toBe('yellow');
    expect(a.path).toBe('geometric');
    expect(a.baseline).toBe(2218.6);
    expect(a.target).toBe(3250);
    expect(a.value).toBe(2803.5);
    expect(a.year).toBe(2024);
    // E(2024) = 2218.6 × 1.464888^0.8 = 3011.08; projection 2218.6 × 1.263635^1.25 = 2972.39 < 3250.
    expect(a.expected).toBeCloseTo(3011.08, 2);
    expect(a.projected).toBeCloseTo(2972.39, 2);
    expect(a.willReach).toBe(false);
    // p = CAGR 0.060243 / 0.079346 = 0.759.
    expect(a.openSdg.ratio).toBeCloseTo(0.7592, 4);
    expect(a.openSdg.status).toBe('moderate');
    expect(a.area).toBeUndefined();
  });

  test('社会消费品零售总额 (no. 15): 7.5% a year from 877; A 1251.8 (2024) → c 0.984, ahead, not achieved', () => {
    const a = one('15', [obs('15', 2024, 1251.8)], 2024);
    // T = 877 × 1.075^5 = 1259.05; c = ln(1251.8/877)/ln(1.075^5) = 0.355831/0.361603 = 0.98404.
    expect(a.target).toBeCloseTo(1259.05, 2);
    expect(a.completion).toBeCloseTo(0.98404, 5);
    expect(a.status).toBe('ahead'); // ≥ 0.85, < 1
    expect(a.path).toBe('geometric');
    // projection 877 × 1.427366^1.25 = 1368.26 ≥ 1259.05.
    expect(a.projected).toBeCloseTo(1368.26, 2);
    expect(a.willReach).toBe(true);
  });

  test('社会消费品零售总额: 1259.0 in 2025 is the target level (c = 0.99990 → 1.000): achieved', () => {
    const a = one('15', [obs('15', 2025, 1259.0)], 2025);
    expect(a.completion).toBeCloseTo(0.9999, 4);
    expect(a.status).toBe('achieved');
    expect(a.openSdg.status).toBe('target_achieved');
    // 1258.5: ln(1.434436)/0.361603 = 0.99879 → 0.999 is short, on track at τ = 1 (≥ 0.90).
    expect(one('15', [obs('15', 2025, 1258.5)], 2025).status).toBe('on_track');
  });
});

describe('decreasing target: 亿元GDP生产安全事故死亡率 0.0068 → 0.0035 (no. 36, binding)', () => {
  test('A 0.005 in 2023: c = 0.0018/0.0033 = 0.545, τ 0.6 → on track (≥ 0.50, < 0.65); linear path', () => {
    const a = one('36', [obs('36', 2023, 0.005)], 2023);
    expect(a.path).toBe('linear'); // 人/亿元 is not money
    expect(a.completion).toBeCloseTo(0.54545, 5);
    expect(a.status).toBe('on_track');
    // E = 0.0068 − 0.0033 × 0.6 = 0.00482; projection 0.0068 − 0.0018/0.6 = 0.0038 > 0.0035: misses.
    expect(a.expected).toBeCloseTo(0.00482, 12);
    expect(a.projected).toBeCloseTo(0.0038, 12);
    expect(a.willReach).toBe(false);
    // Open SDG: d = −1; −(−0.097417)/0.124388 = 0.7832 → moderate.
    expect(a.openSdg.ratio).toBeCloseTo(0.7832, 4);
    expect(a.openSdg.status).toBe('moderate');
  });
  test('A 0.0075 (rising, the wrong way): c = −0.0007/0.0033 = −0.212 → off track, red, escalated', () => {
    const result = assessPlan(seedPlan(), [obs('36', 2022, 0.0075)], { year: 2022 });
    const a = result.assessments.find((r) => r.indicator === '36')!;
    expect(a.completion).toBeCloseTo(-0.21212, 5);
    expect(a.status).toBe('off_track');
    expect(a.light).toBe('red');
    // Open SDG: CAGR(0.0068 → 0.0075, 2) = +0.050210, d = −1 → p = −0.050210/0.124388 = −0.404 → deterioration.
    expect(a.openSdg.ratio).toBeCloseTo(-0.4037, 4);
    expect(a.openSdg.status).toBe('deterioration');
    expect(result.summary.escalations.some((e) => e.indicator === '36' && e.light === 'red')).toBe(true);
  });
  test('A 0.0030 in 2024 overshoots: c = 0.0038/0.0033 = 1.152 → achieved early', () => {
    const a = one('36', [obs('36', 2024, 0.003)], 2024);
    expect(a.completion).toBeCloseTo(1.15152, 5);
    expect(a.status).toBe('achieved');
    expect(a.openSdg.status).toBe('target_achieved');
  });
});

describe('overshoot, first year, end year, sign change, before the base year', () => {
  test('GDP 3400 in 2024: c = ln(3400/2218.6)/0.381779 = 1.118 → achieved, green', () => {
    const a = one('10', [obs('10', 2024, 3400)], 2024);
    expect(a.completion).toBeCloseTo(1.11818, 5);
    expect(a.status).toBe('achieved');
    expect(a.light).toBe('green');
    expect(a.willReach).toBe(true);
  });
  test('first year: 城区绿化覆盖率 39.2 → 40.5, A 39.4 in 2021: c = 0.2/1.3 = 0.154, τ 0.2 → on track (≥ 0.10)', () => {
    const a = one('35', [obs('35', 2021, 39.4)], 2021);
    expect(a.completion).toBeCloseTo(0.15385, 5);
    expect(a.elapsed).toBe(0.2);
    expect(a.status).toBe('on_track');
    // No change at all in the first year: c = 0 ≥ 0.2 − 0.3 → lagging, not off track.
    expect(one('35', [obs('35', 2021, 39.2)], 2021).status).toBe('lagging');
  });
  test('end year: A 40.4 in 2025: c = 1.2/1.3 = 0.923, τ 1 → on track (≥ 0.90); 40.5 achieved; 40.3 lagging', () => {
    const a = one('35', [obs('35', 2025, 40.4)], 2025);
    expect(a.completion).toBeCloseTo(0.92308, 5);
    expect(a.elapsed).toBe(1);
    expect(a.status).toBe('on_track');
    expect(a.projected).toBeCloseTo(40.4, 10); // at τ = 1 the projection is the value
    expect(one('35', [obs('35', 2025, 40.5)], 2025).status).toBe('achieved');
    // 1.1/1.3 = 0.846: ≥ 0.70, < 0.90.
    expect(one('35', [obs('35', 2025, 40.3)], 2025).status).toBe('lagging');
  });
  test('after the end year τ stays 1: A 40.3 in 2026 is still lagging', () => {
    const a = one('35', [obs('35', 2026, 40.3)], 2026);
    expect(a.elapsed).toBe(1);
    expect(a.status).toBe('lagging');
  });
  test('sign change on a money measure: −2 → 3 亿元 is linear; A 0.5 in 2022: c = 2.5/5 = 0.5, τ 0.4 → ahead', () => {
    const profit = single('p', measure('亿元', base(-2), level(3)));
    const a = one('p', [obs('p', 2022, 0.5)], 2022, [profit]);
    expect(a.path).toBe('linear');
    expect(a.completion).toBe(0.5);
    expect(a.status).toBe('ahead'); // ≥ 0.45
    expect(a.openSdg.ratio).toBeNull(); // CAGR from a negative baseline does not exist
  });
  test('a geometric measure falling to zero or below: no c, off track, no Open SDG ratio, never NaN', () => {
    for (const v of [0, -10]) {
      const a = one('10', [obs('10', 2023, v)], 2023);
      expect(a.completion).toBeNull();
      expect(a.status).toBe('off_track');
      expect(a.projected).toBeNull();
      expect(a.openSdg).toEqual({ ratio: null, status: null });
    }
  });
  test('a year before the base year: nothing is assessable, and no τ', () => {
    const result = assessPlan(seedPlan(), [obs('10', 2019, 2000)], { year: 2019 });
    expect(result.assessments.length).toBe(38);
    for (const a of result.assessments) {
      expect(a.status).toBe('not_assessable');
      expect(a.elapsed).toBeNull();
    }
  });
  test('values from before (or at) the base year are not progress: no data in 2024', () => {
    const a = one('10', [obs('10', 2019, 2000), obs('10', 2020, 2218.6)], 2024);
    expect(a.status).toBe('no_data');
    expect(a.value).toBeNull();
    expect(a.elapsed).toBe(0.8);
    expect(a.year).toBe(2024);
  });
  test('the latest value at or before the year is used; later values are ignored', () => {
    const data = [obs('10', 2022, 2525), obs('10', 2024, 2803.5)];
    expect(one('10', data, 2023).year).toBe(2022);
    expect(one('10', data, 2023).elapsed).toBe(0.4);
    expect(one('10', data, 2024).year).toBe(2024);
    // Order in the file does not matter.
    expect(one('10', [...data].reverse(), 2023).value).toBe(2525);
  });
});

describe('cumulative targets ([ ] 累计数)', () => {
  test('康养联合体 0 → [10] (no. 29) from totals: 4 by 2022 → c 0.4, τ 0.4 → on track; no Open SDG from zero', () => {
    const a = one('29', [obs('29', 2022, 4)], 2022);
    expect(a.path).toBe('linear');
    expect(a.baseline).toBe(0);
    expect(a.completion).toBe(0.4);
    expect(a.status).toBe('on_track'); // 0.4 ≥ 0.30, < 0.45
    expect(a.openSdg.ratio).toBeNull();
  });
  test('from increments: +1, +2, +3 (2021-2023) → total 6, c 0.6, τ 0.6 → on track', () => {
    const data = [1, 2, 3].map((v, i) => obs('29', 2021 + i, v, { kind: 'increment' }));
    const a = one('29', data, 2023);
    expect(a.value).toBe(6);
    expect(a.completion).toBeCloseTo(0.6, 12);
    expect(a.status).toBe('on_track'); // < 0.65
  });
  test('a total, then an increment after a gap: 4 (2022) + 3 (2024) = 7, c 0.7 at τ 0.8: on track by a hair (floor 0.70)', () => {
    const a = one('29', [obs('29', 2022, 4), obs('29', 2024, 3, { kind: 'increment' })], 2024);
    expect(a.value).toBe(7);
    expect(a.completion).toBeCloseTo(0.7, 12);
    expect(a.status).toBe('on_track');
    // projection 0 + 7/0.8 = 8.75 < 10.
    expect(a.projected).toBeCloseTo(8.75, 12);
    expect(a.willReach).toBe(false);
  });
  test('国家级高新技术企业 [474] → [800] (no. 3): 650 by 2023 → c = 176/326 = 0.540, τ 0.6 → on track', () => {
    const a = one('3', [obs('3', 2023, 650)], 2023);
    expect(a.completion).toBeCloseTo(0.53988, 5);
    expect(a.status).toBe('on_track'); // ≥ 0.50
    // projection 474 + 176/0.6 = 767.3 < 800; Open SDG CAGR (650/474)^(1/3) − 1 = 0.11105 over
    // (800/474)^(1/5) − 1 = 0.11041: p = 1.006 → substantial (compounding flatters a linear path).
    expect(a.projected).toBeCloseTo(767.333, 3);
    expect(a.willReach).toBe(false);
    expect(a.openSdg.ratio).toBeCloseTo(1.00578, 5);
    expect(a.openSdg.status).toBe('substantial');
  });
  test('increments add to the printed running total: 474 + 60 × 3 = 654 by 2023', () => {
    const data = [2021, 2022, 2023].map((y) => obs('3', y, 60, { kind: 'increment' }));
    expect(one('3', data, 2023).value).toBe(654);
  });
  test('宋韵文化节 — → [5] (no. 20) counts from 0: 2 festivals by 2022 → c 0.4, on track', () => {
    const a = one(
      '20',
      [obs('20', 2021, 1, { kind: 'increment' }), obs('20', 2022, 1, { kind: 'increment' })],
      2022,
    );
    expect(a.baseline).toBe(0);
    expect(a.completion).toBe(0.4);
  });
  test('儿童青少年总体近视率降低 [6] (no. 30): a fall of 2.1 points by 2023 → c 0.35, τ 0.6 → lagging (≥ 0.30)', () => {
    const a = one('30', [obs('30', 2023, 2.1)], 2023);
    expect(a.completion).toBeCloseTo(0.35, 12);
    expect(a.status).toBe('lagging');
  });
});

describe('compound indicator: no. 21 [163]/0 → [190]/[35]', () => {
  test('each measure on its own; the worse decides the indicator light', () => {
    const data = [
      obs('21', 2023, 180, { measure: 1 }),
      obs('21', 2021, 3, { measure: 2, kind: 'increment' }),
      obs('21', 2022, 4, { measure: 2, kind: 'increment' }),
      obs('21', 2023, 2, { measure: 2, kind: 'increment' }),
    ];
    const result = assessPlan(seedPlan(), data, { year: 2023 });
    const [m1, m2] = result.assessments.filter((a) => a.indicator === '21');
    // 1: (180 − 163)/(190 − 163) = 17/27 = 0.630 at τ 0.6 → on track (≥ 0.50, < 0.65).
    expect(m1!.measure).toBe(1);
    expect(m1!.completion).toBeCloseTo(0.62963, 5);
    expect(m1!.status).toBe('on_track');
    // 2: (3 + 4 + 2)/35 = 0.257 < 0.30 → off track.
    expect(m2!.measure).toBe(2);
    expect(m2!.completion).toBeCloseTo(0.25714, 5);
    expect(m2!.status).toBe('off_track');
    const item = result.summary.items.find((i) => i.indicator === '21')!;
    expect(item.light).toBe('red');
    expect(item.status).toBe('off_track');
  });
});

describe('growth targets', () => {
  test('一般公共预算收入 (no. 13) 5% a year from 187.1: 222.1 in 2024 → c 0.703, on track by 0.003 (floor 0.70)', () => {
    const a = one('13', [obs('13', 2024, 222.1)], 2024);
    // T = 187.1 × 1.05^5 = 238.79; c = ln(1.187066)/ln(1.276282) = 0.171484/0.243951 = 0.70295.
    expect(a.target).toBeCloseTo(238.79, 2);
    expect(a.completion).toBeCloseTo(0.70295, 5);
    expect(a.status).toBe('on_track');
    // yet the projection 187.1 × 1.187066^1.25 = 231.83 falls short of 238.79.
    expect(a.projected).toBeCloseTo(231.83, 2);
    expect(a.willReach).toBe(false);
  });
  test('no. 13 from growth rows only (+6%, +4%): chained to 187.1 × 1.06 × 1.04 = 206.26, c = 0.39963, τ 0.4 → on track', () => {
    const data = [obs('13', 2021, 6, { kind: 'growth' }), obs('13', 2022, 4, { kind: 'growth' })];
    const a = one('13', data, 2022);
    expect(a.value).toBeCloseTo(206.259, 3);
    expect(a.completion).toBeCloseTo(0.39963, 5);
    expect(a.status).toBe('on_track'); // ≥ 0.30, < 0.45
  });
  test('no. 13 with a gap in the rates (2021 missing): judged on the rates reported, τ = 1/5', () => {
    const a = one('13', [obs('13', 2022, 5, { kind: 'growth' })], 2022);
    // c = ln 1.05/(5 ln 1.05) = 0.2; τ = 1 year reported / 5 = 0.2 → on track; the value is the rate.
    expect(a.completion).toBeCloseTo(0.2, 12);
    expect(a.elapsed).toBe(0.2);
    expect(a.value).toBeCloseTo(5, 12);
    expect(a.target).toBe(5);
    expect(a.status).toBe('on_track');
  });
  test('数字经济核心产业增加值 8% (no. 12, rates only): 10% and 7% → c 0.4235, τ 0.4, on track; mean 8.49%', () => {
    // c = (ln 1.10 + ln 1.07)/(5 ln 1.08) = (0.095310 + 0.067659)/0.384805 = 0.42351.
    const a = one(
      '12',
      [obs('12', 2021, 10, { kind: 'growth' }), obs('12', 2022, 7, { kind: 'growth' })],
      2022,
    );
    expect(a.completion).toBeCloseTo(0.42351, 5);
    expect(a.elapsed).toBe(0.4);
    expect(a.status).toBe('on_track'); // < 0.45
    // mean √(1.10 × 1.07) − 1 = 8.4896%; it keeps going: 8.4896 ≥ 8 → will reach; p = 8.4896/8 = 1.061.
    expect(a.value).toBeCloseTo(8.4896, 4);
    expect(a.target).toBe(8);
    expect(a.expected).toBe(8);
    expect(a.projected).toBeCloseTo(8.4896, 4);
    expect(a.willReach).toBe(true);
    expect(a.openSdg.ratio).toBeCloseTo(1.0612, 4);
    expect(a.openSdg.status).toBe('substantial');
    expect(a.baseline).toBeNull();
  });
  test('网络零售额增速 9.5% (no. 16): level rows of a % indicator are its rates; 12, 6, 5 → c 0.486 at τ 0.6, lagging', () => {
    // (ln 1.12 + ln 1.06 + ln 1.05)/(5 ln 1.095) = (0.113329 + 0.058269 + 0.048790)/0.453766 = 0.48568.
    const data = [obs('16', 2021, 12), obs('16', 2022, 6), obs('16', 2023, 5)];
    const a = one('16', data, 2023);
    expect(a.completion).toBeCloseTo(0.48568, 5);
    expect(a.status).toBe('lagging'); // < 0.50, ≥ 0.30
    expect(a.value).toBeCloseTo(7.6228, 4);
  });
  test('five years of exactly the target rate achieve it', () => {
    const data = [2021, 2022, 2023, 2024, 2025].map((y) => obs('12', y, 8, { kind: 'growth' }));
    expect(one('12', data, 2025).status).toBe('achieved');
  });
});

describe('threshold and maintain targets', () => {
  test('参保率 >99 (no. 27): 99.2 achieved; 99.0 is not above 99 → lagging; the latest period decides', () => {
    expect(one('27', [obs('27', 2023, 99.2)], 2023).status).toBe('achieved');
    const a = one('27', [obs('27', 2023, 99.2), obs('27', 2024, 99)], 2024);
    expect(a.status).toBe('lagging');
    expect(a.target).toBe(99);
    expect(a.completion).toBeNull();
    expect(a.path).toBeNull();
    expect(a.projected).toBe(99);
    expect(a.willReach).toBe(false);
  });
  test('断面水质 100 → 100 (no. 34, binding): 100 achieved; 95 lagging and escalated', () => {
    expect(one('34', [obs('34', 2022, 100)], 2022).status).toBe('achieved');
    const result = assessPlan(seedPlan(), [obs('34', 2022, 95)], { year: 2022 });
    expect(result.assessments.find((a) => a.indicator === '34')!.status).toBe('lagging');
    expect(result.summary.escalations.find((e) => e.indicator === '34')!.light).toBe('yellow');
  });
  test('a level target equal to its baseline is a maintain target', () => {
    const keep = single('k', measure('%', base(98), level(98)));
    expect(one('k', [obs('k', 2022, 98.5)], 2022, [keep]).status).toBe('achieved');
    expect(one('k', [obs('k', 2022, 97.5)], 2022, [keep]).status).toBe('lagging');
  });
});

describe('missing baselines', () => {
  test('主要食品评价性抽检合格率 — → 99 (no. 37): 98.7 not assessable (value shown); 99.1 achieved', () => {
    const a = one('37', [obs('37', 2023, 98.7)], 2023);
    expect(a.status).toBe('not_assessable');
    expect(a.value).toBe(98.7);
    expect(a.completion).toBeNull();
    expect(a.baseline).toBeNull();
    expect(a.elapsed).toBe(0.6);
    expect(one('37', [obs('37', 2023, 99.1)], 2023).status).toBe('achieved');
  });
  test('覆盖率 — → 100 (no. 22): 100 achieved', () => {
    expect(one('22', [obs('22', 2024, 100)], 2024).status).toBe('achieved');
  });
  test('a base-year value in the data is the baseline: 97 (2020), 98.5 (2023) → c = 1.5/2 = 0.75, τ 0.6 → ahead', () => {
    const a = one('37', [obs('37', 2020, 97), obs('37', 2023, 98.5)], 2023);
    expect(a.baseline).toBe(97);
    expect(a.completion).toBeCloseTo(0.75, 12);
    expect(a.status).toBe('ahead'); // ≥ 0.65
  });
  test('a target that could not be read: not assessable, the value still shown', () => {
    const broken = single('x', measure('个', base(3), { year: 2025, kind: 'level', value: null }));
    const a = one('x', [obs('x', 2022, 5)], 2022, [broken]);
    expect(a.status).toBe('not_assessable');
    expect(a.value).toBe(5);
  });
});

describe('external targets (完成市下达目标)', () => {
  test('no. 31 with a value but no target row: not assessable, value shown', () => {
    const a = one('31', [obs('31', 2022, 3.1)], 2022);
    expect(a.status).toBe('not_assessable');
    expect(a.value).toBe(3.1);
    expect(a.target).toBeNull();
  });
  test('no. 31 with the city target for the year: 3.1 ≥ 3.0 achieved; 2.8 lagging', () => {
    expect(one('31', [obs('31', 2022, 3.1), obs('31', 2022, 3, { kind: 'target' })], 2022).status).toBe(
      'achieved',
    );
    const a = one('31', [obs('31', 2022, 2.8), obs('31', 2022, 3, { kind: 'target' })], 2022);
    expect(a.status).toBe('lagging');
    expect(a.target).toBe(3);
    expect(a.expected).toBe(3);
  });
  test('PM2.5 (no. 33) is better down: 29 against a target of 30 is achieved, 31 is not', () => {
    const t = obs('33', 2022, 30, { kind: 'target' });
    expect(one('33', [obs('33', 2022, 29), t], 2022).status).toBe('achieved');
    expect(one('33', [obs('33', 2022, 31), t], 2022).status).toBe('lagging');
  });
  test('优良天数比率 (no. 32) by former district: one row per area, area baselines, a district-wide target row applies to both', () => {
    const data = [
      obs('32', 2021, 88, { area: '原上城' }),
      obs('32', 2021, 86.5, { area: '原江干' }),
      obs('32', 2021, 87, { kind: 'target' }),
    ];
    const found = rows('32', data, 2021);
    expect(found.map((a) => a.area)).toEqual(['原上城', '原江干']); // the whole-area row has no data and is left out
    expect(found[0]).toMatchObject({
      area: '原上城',
      baseline: 86.6,
      value: 88,
      target: 87,
      status: 'achieved',
    });
    expect(found[1]).toMatchObject({
      area: '原江干',
      baseline: 87.4,
      value: 86.5,
      target: 87,
      status: 'lagging',
    });
  });
  test('the latest year with both a value and a target is judged', () => {
    const data = [obs('31', 2022, 3.1), obs('31', 2022, 3, { kind: 'target' }), obs('31', 2023, 2.9)];
    const a = one('31', data, 2023);
    expect(a.year).toBe(2022);
    expect(a.status).toBe('achieved');
  });
});

describe('relational target: 居民人均可支配收入平均增速 高于经济增长 (no. 24)', () => {
  test('its related indicator is GDP (not 单位GDP能耗 or 亿元GDP死亡率)', () => {
    const plan = seedPlan();
    expect(relatedIndicator(plan, seedIndicator('24'), resolveConfig())?.code).toBe('10');
    expect(
      relatedIndicator(plan, seedIndicator('24'), resolveConfig({ relations: { '24': '11' } }))?.code,
    ).toBe('11');
  });
  test('GDP growth from levels: 2400 in 2021 is (2400/2218.6 − 1) = 8.18%; income 9.0% is higher → achieved', () => {
    const a = one('24', [obs('10', 2021, 2400), obs('24', 2021, 9)], 2021);
    expect(a.value).toBe(9);
    expect(a.target).toBeCloseTo(8.1763, 4);
    expect(a.status).toBe('achieved');
  });
  test('a GDP growth row (the official comparable-price rate) wins over levels: 3.5% vs income 3.2% → lagging', () => {
    const data = [
      obs('10', 2021, 2400),
      obs('10', 2022, 2525),
      obs('10', 2022, 3.5, { kind: 'growth' }),
      obs('24', 2022, 3.2, { kind: 'growth' }),
    ];
    const a = one('24', data, 2022);
    expect(a.target).toBe(3.5);
    expect(a.status).toBe('lagging');
  });
  test('equal growth is not higher (高于 is strict)', () => {
    expect(one('24', [obs('10', 2021, 3.5, { kind: 'growth' }), obs('24', 2021, 3.5)], 2021).status).toBe(
      'lagging',
    );
  });
  test('without a comparator the words decide: 不低于经济增长 admits equal growth', () => {
    const notBelow = {
      ...seedIndicator('24'),
      measures: [
        measure('%', base(null), {
          year: 2025,
          kind: 'relational',
          value: null,
          relatesTo: '经济增长',
          text: '不低于经济增长',
        }),
      ],
    };
    const plan = [seedIndicator('10'), notBelow];
    expect(
      one('24', [obs('10', 2021, 3.5, { kind: 'growth' }), obs('24', 2021, 3.5)], 2021, plan).status,
    ).toBe('achieved');
  });
  test('GDP levels of non-consecutive years give no growth: not assessable, the rate still shown', () => {
    const a = one('24', [obs('10', 2022, 2525), obs('10', 2024, 2803.5), obs('24', 2024, 5.1)], 2024);
    expect(a.status).toBe('not_assessable');
    expect(a.value).toBe(5.1);
  });
  test('falls back to the latest year in which both are known', () => {
    const data = [obs('10', 2021, 2400), obs('24', 2021, 9), obs('24', 2022, 4)];
    const a = one('24', data, 2022);
    expect(a.year).toBe(2021);
    expect(a.status).toBe('achieved');
  });
});

describe('sub-annual data (period Q1-Q4, M01-M12)', () => {
  test('a stock read in Q2 2023 stands at t = 2022.5: 绿化覆盖率 39.9 → c = 0.7/1.3 = 0.538, τ 0.5 → on track', () => {
    const a = one('35', [obs('35', 2023, 39.9, { period: 'Q2' })], 2023);
    expect(a.elapsed).toBe(0.5);
    expect(a.period).toBe('Q2');
    expect(a.completion).toBeCloseTo(0.53846, 5);
    expect(a.status).toBe('on_track'); // ≥ 0.40, < 0.55
  });
  test('a full-year value wins over the year’s quarters', () => {
    const a = one('35', [obs('35', 2023, 39.9, { period: 'Q2' }), obs('35', 2023, 40)], 2023);
    expect(a.period).toBeUndefined();
    expect(a.value).toBe(40);
  });
  test('the latest period of the year is used: M09 over Q2', () => {
    const a = one(
      '35',
      [obs('35', 2023, 39.9, { period: 'Q2' }), obs('35', 2023, 40.1, { period: 'M09' })],
      2023,
    );
    expect(a.period).toBe('M09');
    expect(a.elapsed).toBeCloseTo(0.55, 12); // (2022.75 − 2020)/5
  });
  test('a year-to-date money flow is not compared with a full-year target: GDP for H1 alone is no data', () => {
    expect(one('10', [obs('10', 2025, 1400, { period: 'Q2' })], 2025).status).toBe('no_data');
  });
  test('a year-to-date growth rate grows last year’s level into an estimate: 2803.5 × 1.06 = 2971.71 for 2025', () => {
    const a = one(
      '10',
      [obs('10', 2024, 2803.5), obs('10', 2025, 6, { kind: 'growth', period: 'Q2' })],
      2025,
    );
    // c = ln(2971.71/2218.6)/0.381779 = 0.76553 at τ 1 → lagging (≥ 0.70, < 0.90).
    expect(a.value).toBeCloseTo(2971.71, 2);
    expect(a.period).toBe('Q2');
    expect(a.completion).toBeCloseTo(0.76553, 5);
    expect(a.status).toBe('lagging');
  });
});

describe('configuration', () => {
  test('a path override per measure: 绿化覆盖率 geometric', () => {
    const data = [obs('35', 2023, 40)];
    const linear = rows('35', data, 2023)[0]!;
    const geometric = rows('35', data, 2023, undefined, { paths: { '35': 'geometric' } })[0]!;
    expect(linear.path).toBe('linear');
    expect(geometric.path).toBe('geometric');
    // ln(40/39.2)/ln(40.5/39.2) = 0.020203/0.032625 = 0.61924 against linear 0.8/1.3 = 0.61538.
    expect(geometric.completion).toBeCloseTo(0.61924, 5);
    expect(linear.completion).toBeCloseTo(0.61538, 5);
  });
  test('other thresholds: with an on-track margin of 0.05, GDP 2022 (c 0.339 at τ 0.4) turns lagging', () => {
    const data = [obs('10', 2022, 2525)];
    expect(rows('10', data, 2022)[0]!.status).toBe('on_track');
    expect(rows('10', data, 2022, undefined, { onTrackMargin: 0.05 })[0]!.status).toBe('lagging');
  });
  test('the default year is the latest year of the data, else the plan’s start year', () => {
    const plan = seedPlan();
    expect(defaultYear(plan, createAssessContext(plan, [obs('10', 2022, 1), obs('11', 2024, 1)]).index)).toBe(
      2024,
    );
    expect(defaultYear(plan, createAssessContext(plan, []).index)).toBe(2021);
    expect(assessPlan(plan, []).year).toBe(2021);
  });
  test('the JSON shape of the issue: {year, method, assessments[], summary}', () => {
    const result = assessPlan(seedPlan(), [obs('10', 2024, 2803.5)]);
    expect(Object.keys(result)).toEqual(['year', 'method', 'assessments', 'summary']);
    expect(Object.keys(result.assessments[9]!)).toEqual([
      'indicator',
      'measure',
      'year',
      'value',
      'baseline',
      'target',
      'path',
      'expected',
      'completion',
      'elapsed',
      'status',
      'light',
      'projected',
      'willReach',
      'openSdg',
    ]);
    expect(result.method.thresholds.aheadMargin).toBe(0.05);
  });
});

describe('extreme numbers', () => {
  test('a growth rate so large its target overflows is not assessable, not achieved', () => {
    const wild = single(
      'w',
      measure('亿元', base(100), { year: 2025, kind: 'growth', value: null, annualRate: 1e300 }),
    );
    const a = one('w', [obs('w', 2022, 150)], 2022, [wild]);
    expect(a.status).toBe('not_assessable');
    expect(a.target).toBeNull();
  });
  test('a span from −1e308 to 1e308 overflows T − B: the numbers that cannot be computed are null', () => {
    const wide = single('v', measure('个', base(-1e308), level(1e308)));
    const a = one('v', [obs('v', 2022, 0)], 2022, [wide]);
    for (const x of [a.value, a.baseline, a.target, a.expected, a.completion, a.elapsed, a.projected]) {
      expect(x === null || Number.isFinite(x)).toBe(true);
    }
  });
});
