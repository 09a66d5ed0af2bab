/**
 * Every formula of the method with values worked out by hand (序时进度 and Open SDG).
 * Logs are natural logs, rounded to 5 or 6 places in the comments.
 */
import { describe, expect, test } from 'vitest';
import {
  averageRate,
  cagr,
  choosePath,
  completion,
  completionFromRates,
  DEFAULT_CONFIG,
  elapsedShare,
  expectedValue,
  growthTarget,
  isMoneyUnit,
  judge,
  lightOf,
  meets,
  openSdgCategory,
  openSdgRatio,
  projectValue,
  roundTo,
  statusLabel,
  willReach,
} from '../../src/progress/index.ts';

const cfg = DEFAULT_CONFIG;

describe('elapsed share τ = (y − y0)/(yT − y0)', () => {
  test('each year of 2020 → 2025', () => {
    // 2021: 1/5 = 0.2 (first year); 2024: 4/5 = 0.8; 2025: 5/5 = 1 (end year).
    expect(elapsedShare(2021, 2020, 2025)).toBe(0.2);
    expect(elapsedShare(2024, 2020, 2025)).toBe(0.8);
    expect(elapsedShare(2025, 2020, 2025)).toBe(1);
    // The base year itself: 0/5 = 0.
    expect(elapsedShare(2020, 2020, 2025)).toBe(0);
  });
  test('sub-annual time: half-way through 2023 is t = 2022.5, τ = 2.5/5 = 0.5', () => {
    expect(elapsedShare(2022.5, 2020, 2025)).toBe(0.5);
  });
  test('after the end year τ stays 1; before the base year it is null', () => {
    expect(elapsedShare(2027, 2020, 2025)).toBe(1);
    expect(elapsedShare(2019, 2020, 2025)).toBeNull();
  });
  test('an empty or reversed period has no τ', () => {
    expect(elapsedShare(2022, 2025, 2025)).toBeNull();
    expect(elapsedShare(2022, 2025, 2020)).toBeNull();
  });
});

describe('path choice', () => {
  test('money units are read from the numerator', () => {
    expect(isMoneyUnit('亿元')).toBe(true);
    expect(isMoneyUnit('万元')).toBe(true);
    expect(isMoneyUnit('亿美元')).toBe(true);
    expect(isMoneyUnit('万元/人')).toBe(true); // per-capita GDP compounds like GDP
    expect(isMoneyUnit('人/亿元')).toBe(false); // deaths per 亿元 of GDP is a rate, not money
    expect(isMoneyUnit('%')).toBe(false);
    expect(isMoneyUnit('家')).toBe(false);
  });
  test('geometric for money when B, T > 0, linear otherwise', () => {
    expect(choosePath('亿元', 2218.6, 3250)).toBe('geometric');
    expect(choosePath('亿元', 0, 3250)).toBe('linear'); // zero baseline: no ratio to compound
    expect(choosePath('亿元', -5, 10)).toBe('linear'); // sign change
    expect(choosePath('%', 39.2, 40.5)).toBe('linear');
    expect(choosePath('人/亿元', 0.0068, 0.0035)).toBe('linear');
  });
  test('an override wins, but a geometric path needs B, T > 0', () => {
    expect(choosePath('%', 39.2, 40.5, 'geometric')).toBe('geometric');
    expect(choosePath('亿元', 2218.6, 3250, 'linear')).toBe('linear');
    expect(choosePath('亿元', 0, 10, 'geometric')).toBe('linear');
  });
});

describe('expected value E(τ) on the path', () => {
  test('geometric GDP at τ = 0.8: 2218.6 · e^(0.8 · 0.381779) = 2218.6 · 1.357199 = 3011.08', () => {
    expect(expectedValue('geometric', 2218.6, 3250, 0.8)).toBeCloseTo(3011.08, 2);
  });
  test('linear 绿化覆盖率 at τ = 0.4: 39.2 + 1.3 · 0.4 = 39.72', () => {
    expect(expectedValue('linear', 39.2, 40.5, 0.4)).toBeCloseTo(39.72, 10);
  });
  test('decreasing 事故死亡率 at τ = 0.6: 0.0068 − 0.0033 · 0.6 = 0.00482', () => {
    expect(expectedValue('linear', 0.0068, 0.0035, 0.6)).toBeCloseTo(0.00482, 12);
  });
  test('ends: τ = 0 gives B, τ = 1 gives T', () => {
    expect(expectedValue('geometric', 2218.6, 3250, 0)).toBeCloseTo(2218.6, 9);
    expect(expectedValue('geometric', 2218.6, 3250, 1)).toBeCloseTo(3250, 9);
  });
  test('geometric with a non-positive end is impossible: null', () => {
    expect(expectedValue('geometric', 0, 10, 0.5)).toBeNull();
  });
});

describe('completion c', () => {
  test('GDP geometric: ln(2803.5/2218.6)/ln(3250/2218.6) = 0.233992/0.381779 = 0.613', () => {
    expect(completion('geometric', 2218.6, 3250, 2803.5)).toBeCloseTo(0.6129, 4);
  });
  test('decreasing target 0.0068 → 0.0035: A = 0.005 gives (0.005 − 0.0068)/(0.0035 − 0.0068) = 0.0018/0.0033 = 0.5455', () => {
    expect(completion('linear', 0.0068, 0.0035, 0.005)).toBeCloseTo(0.54545, 5);
  });
  test('decreasing target, value rising instead: A = 0.0075 gives −0.0007/0.0033 = −0.2121 (moving away)', () => {
    expect(completion('linear', 0.0068, 0.0035, 0.0075)).toBeCloseTo(-0.21212, 5);
  });
  test('zero baseline (康养联合体 0 → [10]): A = 4 gives 4/10 = 0.4', () => {
    expect(completion('linear', 0, 10, 4)).toBe(0.4);
  });
  test('overshoot: 绿化覆盖率 39.2 → 40.5, A = 41.8 gives 2.6/1.3 = 2', () => {
    expect(completion('linear', 39.2, 40.5, 41.8)).toBeCloseTo(2, 10);
  });
  test('sign change, linear: −2 → 3, A = 0.5 gives 2.5/5 = 0.5', () => {
    expect(completion('linear', -2, 3, 0.5)).toBe(0.5);
  });
  test('geometric through zero or below is not computable: null, never NaN', () => {
    expect(completion('geometric', 100, 200, 0)).toBeNull();
    expect(completion('geometric', 100, 200, -5)).toBeNull();
  });
  test('no distance to cover (T = B) gives null', () => {
    expect(completion('linear', 100, 100, 100)).toBeNull();
    expect(completion('geometric', 100, 100, 120)).toBeNull();
  });
});

describe('growth targets', () => {
  test('T = B·(1 + g)^n: 社会消费品零售总额 877 × 1.075^5 = 877 × 1.435629 = 1259.05', () => {
    expect(growthTarget(877, 7.5, 5)).toBeCloseTo(1259.05, 2);
  });
  test('一般公共预算收入 187.1 × 1.05^5 = 187.1 × 1.276282 = 238.79 (the plan also says 突破240亿元)', () => {
    expect(growthTarget(187.1, 5, 5)).toBeCloseTo(238.79, 2);
  });
  test('c from yearly rates: 7% and 9% against 8% over 5 years = (0.067659 + 0.086178)/(5 × 0.076961) = 0.39978', () => {
    expect(completionFromRates([7, 9], 8, 5)).toBeCloseTo(0.39978, 5);
  });
  test('c from yearly rates equals c from the level they chain to: 877 · 1.08 · 1.07 against 7.5%', () => {
    // ln(1.08 · 1.07)/ln(1.075^5) = (0.076961 + 0.067659)/0.361603 = 0.39994 either way.
    const fromRates = completionFromRates([8, 7], 7.5, 5);
    const fromLevel = completion('geometric', 877, growthTarget(877, 7.5, 5), 877 * 1.08 * 1.07);
    expect(fromRates).toBeCloseTo(0.39994, 5);
    expect(fromLevel).toBeCloseTo(fromRates!, 12);
  });
  test('a fall of 100% or more, or a 0% target, gives null', () => {
    expect(completionFromRates([5, -100], 8, 5)).toBeNull();
    expect(completionFromRates([5], 0, 5)).toBeNull();
  });
  test('a negative target rate (a fall of 3% a year) met by falls: two years of −3% give 2/5 = 0.4', () => {
    expect(completionFromRates([-3, -3], -3, 5)).toBeCloseTo(0.4, 12);
  });
  test('average rate: geometric mean of 7% and 9% = √(1.07 × 1.09) − 1 = 7.99537%', () => {
    expect(averageRate([7, 9])).toBeCloseTo(7.99537, 5);
    expect(averageRate([])).toBeNull();
    expect(averageRate([-100])).toBeNull();
  });
});

describe('meeting a target', () => {
  test('direction and strictness', () => {
    expect(meets(100, 100, 1, false)).toBe(true);
    expect(meets(100, 100, 1, true)).toBe(false); // >99 with 99 is not met; > 100 with 100 neither
    expect(meets(99.1, 99, 1, true)).toBe(true);
    expect(meets(0.0035, 0.0035, -1, false)).toBe(true);
    expect(meets(0.0036, 0.0035, -1, false)).toBe(false);
  });
  test('float noise is not a miss: 100 × 1.1² = 121.00000000000001 is met by 121', () => {
    expect(100 * 1.1 ** 2).not.toBe(121);
    expect(meets(121, 100 * 1.1 ** 2, 1, false)).toBe(true);
  });
});

describe('status from c and τ (thresholds +0.05 / −0.10 / −0.30)', () => {
  test('the GDP example: c = 0.613, τ = 0.8 → lagging (0.50 ≤ 0.613 < 0.70)', () => {
    expect(judge(0.6129, 0.8, cfg)).toBe('lagging');
  });
  test('社会消费品零售总额: c = 0.984, τ = 0.8 → ahead (≥ 0.85), not achieved (< 1)', () => {
    expect(judge(0.984, 0.8, cfg)).toBe('ahead');
  });
  test('each band at τ = 0.6', () => {
    expect(judge(1, 0.6, cfg)).toBe('achieved');
    expect(judge(0.7, 0.6, cfg)).toBe('ahead'); // ≥ 0.65
    expect(judge(0.6, 0.6, cfg)).toBe('on_track'); // ≥ 0.50
    expect(judge(0.4, 0.6, cfg)).toBe('lagging'); // ≥ 0.30
    expect(judge(0.2, 0.6, cfg)).toBe('off_track'); // < 0.30
    expect(judge(-0.01, 0.6, cfg)).toBe('off_track'); // moving away
  });
  test('thresholds within a hair: 0.8 + 0.05 is 0.8500000000000001 in floating point, yet c = 0.85 is ahead', () => {
    expect(0.8 + 0.05).toBeGreaterThan(0.85);
    expect(judge(0.85, 0.8, cfg)).toBe('ahead');
    // c is rounded to 3 decimals first: 0.8496 prints as 0.850 and is judged as 0.850.
    expect(judge(0.8496, 0.8, cfg)).toBe('ahead');
    // 0.8494 prints as 0.849: one thousandth short of ahead.
    expect(judge(0.8494, 0.8, cfg)).toBe('on_track');
    // on_track floor at τ = 0.8 is 0.70; lagging floor 0.50.
    expect(judge(0.7, 0.8, cfg)).toBe('on_track');
    expect(judge(0.6994, 0.8, cfg)).toBe('lagging');
    expect(judge(0.5, 0.8, cfg)).toBe('lagging');
    expect(judge(0.4994, 0.8, cfg)).toBe('off_track');
  });
  test('first year (τ = 0.2): c = 0 is lagging (0 ≥ 0.2 − 0.3), c = 0.1 on track, c = −0.0004 rounds to 0', () => {
    expect(judge(0, 0.2, cfg)).toBe('lagging');
    expect(judge(0.1, 0.2, cfg)).toBe('on_track');
    expect(judge(-0.0004, 0.2, cfg)).toBe('lagging');
    expect(judge(-0.0006, 0.2, cfg)).toBe('off_track');
  });
  test('end year (τ = 1): ahead would need 1.05, so anything short of the target is at best on track (≥ 0.90)', () => {
    expect(judge(0.95, 1, cfg)).toBe('on_track');
    expect(judge(0.9, 1, cfg)).toBe('on_track');
    expect(judge(0.89, 1, cfg)).toBe('lagging');
    expect(judge(0.69, 1, cfg)).toBe('off_track');
  });
  test('the met flag decides achievement (a > comparator not met at c = 1)', () => {
    expect(judge(1, 0.6, cfg, false)).toBe('ahead');
    expect(judge(0.2, 0.6, cfg, true)).toBe('achieved');
  });
  test('no c or no τ: not assessable', () => {
    expect(judge(null, 0.6, cfg)).toBe('not_assessable');
    expect(judge(0.5, null, cfg)).toBe('not_assessable');
  });
  test('rounding', () => {
    expect(roundTo(0.61290038, 3)).toBe(0.613);
    expect(roundTo(1e308, 3)).toBe(1e308); // overflow keeps the value rather than Infinity
  });
});

describe('lights and labels', () => {
  test('green achieved/ahead/on_track, yellow lagging, red off_track, grey otherwise', () => {
    expect(lightOf('achieved')).toBe('green');
    expect(lightOf('ahead')).toBe('green');
    expect(lightOf('on_track')).toBe('green');
    expect(lightOf('lagging')).toBe('yellow');
    expect(lightOf('off_track')).toBe('red');
    expect(lightOf('no_data')).toBe('grey');
    expect(lightOf('not_assessable')).toBe('grey');
  });
  test('Chinese first, English second; 提前实现 before the end year', () => {
    expect(statusLabel('lagging', 'zh-CN')).toBe('滞后');
    expect(statusLabel('lagging', 'en')).toBe('lagging');
    expect(statusLabel('achieved', 'zh-CN', true)).toBe('提前实现');
    expect(statusLabel('achieved', 'zh-CN')).toBe('已实现');
    expect(statusLabel('off_track', 'zh-CN')).toBe('严重滞后');
  });
});

describe('Open SDG progress measure', () => {
  test('CAGR(2218.6 → 2803.5, 4 years) = 1.263635^(1/4) − 1 = 0.060243', () => {
    expect(cagr(2218.6, 2803.5, 4)).toBeCloseTo(0.060243, 6);
    expect(cagr(0, 5, 4)).toBeNull();
    expect(cagr(5, 6, 0)).toBeNull();
  });
  test('GDP: p = 0.060243/0.079346 = 0.759 → moderate', () => {
    // CAGR(2218.6 → 3250, 5 years) = 1.464888^(1/5) − 1 = 0.079346.
    const p = openSdgRatio(2218.6, 3250, 2803.5, 2020, 2025, 2024, 1);
    expect(p).toBeCloseTo(0.7592, 4);
    expect(openSdgCategory(p, false, cfg)).toBe('moderate');
  });
  test('decreasing target (d = −1): 0.0068 → 0.0035, A = 0.005 in 2023', () => {
    // CAGR(B → A, 3) = (0.735294)^(1/3) − 1 = −0.097417; CAGR(B → T, 5) = (0.514706)^(1/5) − 1 = −0.124388;
    // p = −1 × −0.097417 / 0.124388 = 0.7832 → moderate.
    const p = openSdgRatio(0.0068, 0.0035, 0.005, 2020, 2025, 2023, -1);
    expect(p).toBeCloseTo(0.7832, 4);
    expect(openSdgCategory(p, false, cfg)).toBe('moderate');
  });
  test('categories: target_achieved first, then 0.95 / 0.60 / 0', () => {
    expect(openSdgCategory(0.2, true, cfg)).toBe('target_achieved');
    expect(openSdgCategory(0.95, false, cfg)).toBe('substantial');
    expect(openSdgCategory(0.9499, false, cfg)).toBe('moderate');
    expect(openSdgCategory(0.6, false, cfg)).toBe('moderate');
    expect(openSdgCategory(0.5999, false, cfg)).toBe('limited');
    expect(openSdgCategory(0, false, cfg)).toBe('limited');
    expect(openSdgCategory(-0.01, false, cfg)).toBe('deterioration');
    expect(openSdgCategory(null, false, cfg)).toBeNull();
  });
  test('no ratio for zero baselines, the base year itself, or a target needing no growth', () => {
    expect(openSdgRatio(0, 10, 4, 2020, 2025, 2022, 1)).toBeNull();
    expect(openSdgRatio(100, 120, 104, 2020, 2025, 2020, 1)).toBeNull();
    expect(openSdgRatio(100, 100, 104, 2020, 2025, 2022, 1)).toBeNull();
  });
});

describe('projection to the end year', () => {
  test('geometric GDP: 2218.6 × 1.263635^(1/0.8) = 2972.39, which is 2803.5 × 1.060243', () => {
    const p = projectValue('geometric', 2218.6, 2803.5, 0.8);
    expect(p).toBeCloseTo(2972.39, 2);
    expect(p).toBeCloseTo(2803.5 * (1 + cagr(2218.6, 2803.5, 4)!), 6);
    expect(willReach(p, 3250, 1, false)).toBe(false);
  });
  test('linear: 绿化覆盖率 39.2 → 40.5, A = 39.8 at τ = 0.4: 39.2 + 0.6/0.4 = 40.7, reaches 40.5', () => {
    const p = projectValue('linear', 39.2, 39.8, 0.4);
    expect(p).toBeCloseTo(40.7, 10);
    expect(willReach(p, 40.5, 1, false)).toBe(true);
  });
  test('decreasing: 0.0068 → 0.0035, A = 0.005 at τ = 0.6: 0.0068 − 0.0018/0.6 = 0.0038, misses 0.0035', () => {
    const p = projectValue('linear', 0.0068, 0.005, 0.6);
    expect(p).toBeCloseTo(0.0038, 12);
    expect(willReach(p, 0.0035, -1, false)).toBe(false);
  });
  test('exactly on pace reaches the target despite float noise: 0 → 10, A = 8 at τ = 0.8 projects 10', () => {
    expect(willReach(projectValue('linear', 0, 8, 0.8), 10, 1, false)).toBe(true);
  });
  test('no projection at τ = 0 or through a non-positive geometric value', () => {
    expect(projectValue('linear', 1, 2, 0)).toBeNull();
    expect(projectValue('geometric', 100, -1, 0.5)).toBeNull();
    expect(willReach(null, 10, 1, false)).toBeNull();
  });
});
