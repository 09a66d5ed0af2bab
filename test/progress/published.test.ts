/**
 * Every row of the district's own published figures (data/observations/shangcheng-published.csv),
 * read as it is and judged by hand. B and T from 表1; τ = 0.4 in 2022 and 0.8 in 2024.
 * Geometric paths (all four are 亿元): c = ln(A/B)/ln(T/B); projection B·(A/B)^(1/τ).
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { type Assessment, assessPlan, readObservations } from '../../src/progress/index.ts';
import { seedPlan } from './fixtures.ts';

const csvPath = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../data/observations/shangcheng-published.csv',
);
const plan = seedPlan();
const { observations, errors } = readObservations(plan, readFileSync(csvPath, 'utf8'));

function at(year: number, code: string): Assessment {
  return assessPlan(plan, observations, { year }).assessments.find((a) => a.indicator === code)!;
}

test('the file reads as it is: 8 rows, no errors, the extra columns (name, quote) ignored', () => {
  expect(errors).toEqual([]);
  expect(observations).toHaveLength(8);
  expect(observations[0]).toMatchObject({
    indicator: '10',
    year: 2022,
    value: 2525,
    unit: '亿元',
    status: 'preliminary',
    line: 2,
  });
});

test('with no --year the latest year of the data, 2024, is assessed', () => {
  expect(assessPlan(plan, observations).year).toBe(2024);
});

describe('2022 (τ = 2/5 = 0.4: ahead ≥ 0.45, on track ≥ 0.30, lagging ≥ 0.10)', () => {
  test('10 GDP 2525 (preliminary): c = ln(1.138105)/ln(1.464889) = 0.129365/0.381779 = 0.339 → on track', () => {
    const a = at(2022, '10');
    expect(a.completion).toBeCloseTo(0.33885, 5);
    expect(a.status).toBe('on_track');
    // CAGR (1.138105)^(1/2) − 1 = 0.066820 over 0.079346: p = 0.842 → moderate.
    expect(a.openSdg.ratio).toBeCloseTo(0.8421, 4);
    expect(a.openSdg.status).toBe('moderate');
    // 2218.6 × 1.138105^2.5 = 3065.74 < 3250.
    expect(a.projected).toBeCloseTo(3065.74, 2);
    expect(a.willReach).toBe(false);
  });
  test('11 服务业增加值 1860: c = ln(1860/1666.9)/ln(2500/1666.9) = 0.109611/0.405325 = 0.270 → lagging', () => {
    const a = at(2022, '11');
    expect(a.completion).toBeCloseTo(0.27043, 5);
    expect(a.status).toBe('lagging'); // < 0.30 by 0.030
    // CAGR 1.115844^(1/2) − 1 = 0.056335 over (1.499790)^(1/5) − 1 = 0.084441: p = 0.667 → moderate.
    expect(a.openSdg.ratio).toBeCloseTo(0.66715, 5);
    expect(a.openSdg.status).toBe('moderate');
    // 1666.9 × 1.115844^2.5 = 2192.39 < 2500.
    expect(a.projected).toBeCloseTo(2192.39, 2);
  });
  test('15 社会消费品零售总额 1069: c = ln(1069/877)/ln(1.075^5) = 0.197972/0.361603 = 0.547 → ahead', () => {
    const a = at(2022, '15');
    expect(a.completion).toBeCloseTo(0.54748, 5);
    expect(a.status).toBe('ahead');
    // CAGR 1.218928^(1/2) − 1 = 0.104051 over 0.075: p = 1.387 → substantial; 877 × 1.218928^2.5 = 1438.62.
    expect(a.openSdg.ratio).toBeCloseTo(1.38734, 5);
    expect(a.openSdg.status).toBe('substantial');
    expect(a.projected).toBeCloseTo(1438.62, 2);
    expect(a.willReach).toBe(true);
  });
  test('13 一般公共预算收入 210.6: c = ln(210.6/187.1)/ln(1.05^5) = 0.118317/0.243951 = 0.485 → ahead', () => {
    const a = at(2022, '13');
    expect(a.completion).toBeCloseTo(0.485, 5);
    expect(a.status).toBe('ahead'); // ≥ 0.45 by 0.035
    // CAGR 1.125601^(1/2) − 1 = 0.060944 over 0.05: p = 1.219 → substantial; 187.1 × 1.125601^2.5 = 251.50.
    expect(a.openSdg.ratio).toBeCloseTo(1.21887, 5);
    expect(a.projected).toBeCloseTo(251.5, 2);
  });
});

describe('2024 (τ = 4/5 = 0.8: ahead ≥ 0.85, on track ≥ 0.70, lagging ≥ 0.50)', () => {
  test('10 GDP 2803.5: c = 0.233992/0.381779 = 0.613 → lagging; p = 0.759 moderate (the issue’s example)', () => {
    const a = at(2024, '10');
    expect(a.completion).toBeCloseTo(0.6129, 4);
    expect(a.status).toBe('lagging');
    expect(a.light).toBe('yellow');
    expect(a.openSdg.ratio).toBeCloseTo(0.7592, 4);
    expect(a.openSdg.status).toBe('moderate');
  });
  test('11 服务业增加值 2203.8: c = ln(1.322095)/0.405325 = 0.279218/0.405325 = 0.689 → lagging, 0.011 short of on track', () => {
    const a = at(2024, '11');
    expect(a.completion).toBeCloseTo(0.68887, 5);
    expect(a.status).toBe('lagging');
    // CAGR 1.322095^(1/4) − 1 = 0.072298 over 0.084441: p = 0.856 → moderate; 1666.9 × 1.322095^1.25 = 2363.13.
    expect(a.openSdg.ratio).toBeCloseTo(0.8562, 4);
    expect(a.projected).toBeCloseTo(2363.13, 2);
    expect(a.willReach).toBe(false);
  });
  test('15 社会消费品零售总额 1251.8: c = 0.355831/0.361603 = 0.984 → ahead (the issue’s example)', () => {
    const a = at(2024, '15');
    expect(a.completion).toBeCloseTo(0.98404, 5);
    expect(a.status).toBe('ahead');
    // CAGR 1.427366^(1/4) − 1 = 0.093034 over 0.075: p = 1.240 → substantial.
    expect(a.openSdg.ratio).toBeCloseTo(1.24046, 5);
    expect(a.openSdg.status).toBe('substantial');
  });
  test('13 一般公共预算收入 222.1: c = ln(1.187066)/0.243951 = 0.171484/0.243951 = 0.703 → on track, 0.003 above lagging', () => {
    const a = at(2024, '13');
    expect(a.completion).toBeCloseTo(0.70295, 5);
    expect(a.status).toBe('on_track');
    // CAGR 1.187066^(1/4) − 1 = 0.043803 over 0.05: p = 0.876 → moderate; 187.1 × 1.187066^1.25 = 231.83 < 238.79.
    expect(a.openSdg.ratio).toBeCloseTo(0.87607, 5);
    expect(a.openSdg.status).toBe('moderate');
    expect(a.projected).toBeCloseTo(231.83, 2);
    expect(a.willReach).toBe(false);
  });
  test('roll-up: 2 green (13, 15), 2 yellow (10, 11), 33 grey; no binding indicator has data, so 9 escalations', () => {
    const { summary } = assessPlan(plan, observations, { year: 2024 });
    expect(summary.indicators.byLight).toEqual({ green: 2, yellow: 2, red: 0, grey: 33 });
    expect(summary.indicators.byStatus).toMatchObject({ ahead: 1, on_track: 1, lagging: 2, no_data: 33 });
    const industry = summary.categories.find((c) => c.category === '高端产业')!;
    expect(industry.byLight).toEqual({ green: 2, yellow: 2, red: 0, grey: 4 });
    expect(summary.escalations.map((e) => e.indicator)).toEqual([
      '1',
      '2',
      '30',
      '31',
      '32',
      '33',
      '34',
      '35',
      '36',
    ]);
  });
});
