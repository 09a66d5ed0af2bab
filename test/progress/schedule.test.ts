/** Tasks, projects and commitments against their dates (倒排时间节点). */
import { describe, expect, test } from 'vitest';
import type { Commitment } from '../../src/model/plan.ts';
import {
  assessCommitment,
  assessSchedule,
  commitmentSchedule,
  parseIsoDate,
} from '../../src/progress/index.ts';
import { seedPlan } from './fixtures.ts';

const period = { start: '2021-01-01', due: '2025-12-31' };

describe('assessSchedule', () => {
  test('40% done on 2023-07-02: τ = 912/1825 = 0.49973 (0.500), c 0.40 ≥ 0.40 → on track', () => {
    // 2021-01-01 → 2023-07-02 is 365 + 365 + 182 = 912 days; → 2025-12-31 is 1825 days.
    const r = assessSchedule({ ...period, asOf: '2023-07-02', percentDone: 40 });
    expect(r.elapsed).toBeCloseTo(0.49973, 5);
    expect(r.completion).toBe(0.4);
    expect(r.status).toBe('on_track');
    expect(r.light).toBe('green');
  });
  test('the same bands as indicators: 60% ahead, 25% lagging, 10% off track at τ ≈ 0.5', () => {
    const at = (p: number) => assessSchedule({ ...period, asOf: '2023-07-02', percentDone: p }).status;
    expect(at(55)).toBe('ahead'); // ≥ 0.55
    expect(at(20)).toBe('lagging'); // ≥ 0.20
    expect(at(19.9)).toBe('off_track');
  });
  test('done is achieved, even late', () => {
    expect(assessSchedule({ ...period, asOf: '2026-03-01', percentDone: 100 }).status).toBe('achieved');
  });
  test('past the due date and not done: off track, overdue', () => {
    const r = assessSchedule({ ...period, asOf: '2026-01-01', percentDone: 95 });
    expect(r.status).toBe('off_track');
    expect(r.overdue).toBe(true);
    expect(r.elapsed).toBe(1);
  });
  test('an overdue milestone turns the item red however far along it is', () => {
    const r = assessSchedule({
      ...period,
      asOf: '2023-07-02',
      percentDone: 70,
      milestones: [
        { name: '开工', due: '2022-06-30', done: true },
        { name: '主体完工', due: '2023-06-30', done: false },
        { name: '竣工验收', due: '2025-06-30', done: false },
      ],
    });
    expect(r.status).toBe('off_track');
    expect(r.light).toBe('red');
    expect(r.overdueMilestones).toEqual(['主体完工']);
  });
  test('a milestone due today is not yet overdue', () => {
    const r = assessSchedule({
      ...period,
      asOf: '2023-06-30',
      percentDone: 50,
      milestones: [{ name: '主体完工', due: '2023-06-30', done: false }],
    });
    expect(r.overdueMilestones).toEqual([]);
  });
  test('before the start nothing is expected: 0% is on track', () => {
    expect(assessSchedule({ ...period, asOf: '2020-06-01', percentDone: 0 })).toMatchObject({
      elapsed: 0,
      status: 'on_track',
    });
  });
  test('no percentage is no data; a bad date is not assessable', () => {
    expect(assessSchedule({ ...period, asOf: '2023-07-02', percentDone: null }).status).toBe('no_data');
    expect(assessSchedule({ ...period, asOf: '2023-02-30', percentDone: 10 }).status).toBe('not_assessable');
  });
  test('ISO dates', () => {
    expect(parseIsoDate('1970-01-02')).toBe(1);
    expect(parseIsoDate('2024-02-29')).not.toBeNull();
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2023-7-1')).toBeNull();
  });
});

describe('commitments', () => {
  const kindergartens: Commitment = {
    subject: '新建幼儿园',
    quantity: 34,
    unit: '所',
    value: 34,
    baseUnit: '所',
    comparator: '>=',
    year: 2025,
    text: '新建幼儿园34所',
    line: 500,
    start: 0,
    end: 8,
    chapter: 8,
    section: 1,
    column: null,
    indicatorCode: null,
  };
  test('runs from 1 January of the start year to 31 December of its year', () => {
    expect(commitmentSchedule(kindergartens, seedPlan(), { asOf: '2023-12-31', done: 17 })).toEqual({
      start: '2021-01-01',
      due: '2025-12-31',
      asOf: '2023-12-31',
      percentDone: 50,
    });
  });
  test('17 of 34 by the end of 2023: c 0.5, τ = 1094/1825 = 0.599 → on track (≥ 0.50)', () => {
    const r = assessCommitment(kindergartens, seedPlan(), { asOf: '2023-12-31', done: 17 });
    expect(r.elapsed).toBeCloseTo(0.59945, 5);
    expect(r.status).toBe('on_track');
  });
  test('a range promise (1-2家) counts against its lower end; no year means the plan’s end year', () => {
    const range: Commitment = { ...kindergartens, quantity: { min: 1, max: 2 }, year: null };
    const s = commitmentSchedule(range, seedPlan(), { asOf: '2022-01-01', done: 1 });
    expect(s.percentDone).toBe(100);
    expect(s.due).toBe('2025-12-31');
  });
});
