/** Roll-ups: counts per category and plan, the worse measure deciding, binding escalations. */
import { describe, expect, test } from 'vitest';
import { type Assessment, assessPlan, emptyCounts, rollup } from '../../src/progress/index.ts';
import { base, cumulative, level, measure, planOf, single } from './fixtures.ts';

function row(
  indicator: string,
  measureNo: number,
  status: Assessment['status'],
  light: Assessment['light'],
): Assessment {
  return {
    indicator,
    measure: measureNo,
    year: 2024,
    value: null,
    baseline: null,
    target: null,
    path: null,
    expected: null,
    completion: null,
    elapsed: null,
    status,
    light,
    projected: null,
    willReach: null,
    openSdg: { ratio: null, status: null },
  };
}

describe('rollup', () => {
  const a = { ...single('a', measure('%', base(1), level(2))), category: '甲', binding: true };
  const b = {
    ...single('b', measure('个', base(0), cumulative(10))),
    category: '甲',
    measures: [measure('个', base(0), cumulative(10)), measure('个', base(0), cumulative(5))],
  };
  const c = { ...single('c', measure('%', base(1), level(2))), category: '乙', binding: true };
  const plan = planOf(a, b, c);

  test('the worse measure decides: green + red is red; grey beats green', () => {
    const s = rollup(plan, [
      row('a', 1, 'ahead', 'green'),
      row('b', 1, 'on_track', 'green'),
      row('b', 2, 'off_track', 'red'),
      row('c', 1, 'no_data', 'grey'),
    ]);
    expect(s.items.map((i) => [i.indicator, i.status, i.light])).toEqual([
      ['a', 'ahead', 'green'],
      ['b', 'off_track', 'red'],
      ['c', 'no_data', 'grey'],
    ]);
    expect(s.indicators.total).toBe(3);
    expect(s.indicators.byLight).toEqual({ green: 1, yellow: 0, red: 1, grey: 1 });
    expect(s.measures.total).toBe(4);
    expect(s.measures.byStatus.on_track).toBe(1);
    expect(s.categories.map((g) => [g.category, g.total, g.byLight.red])).toEqual([
      ['甲', 2, 1],
      ['乙', 1, 0],
    ]);
  });
  test('between two measures of one light the worse status wins (lagging beside lagging stays lagging; achieved beside on track is on track)', () => {
    const s = rollup(plan, [row('b', 1, 'achieved', 'green'), row('b', 2, 'on_track', 'green')]);
    expect(s.items[1]).toMatchObject({ status: 'on_track', light: 'green' });
  });
  test('binding measures that are not green are escalated, with their area; green ones are not', () => {
    const s = rollup(plan, [
      row('a', 1, 'lagging', 'yellow'),
      { ...row('c', 1, 'on_track', 'green') },
      { ...row('c', 1, 'no_data', 'grey'), area: '原上城' },
      row('b', 2, 'off_track', 'red'),
    ]);
    expect(s.escalations).toEqual([
      { indicator: 'a', measure: 1, name: 'indicator a', status: 'lagging', light: 'yellow' },
      { indicator: 'c', measure: 1, area: '原上城', name: 'indicator c', status: 'no_data', light: 'grey' },
    ]);
  });
  test('an indicator with no rows counts as not assessable (and is escalated when binding)', () => {
    const s = rollup(plan, []);
    expect(s.indicators.byStatus.not_assessable).toBe(3);
    expect(s.escalations.map((e) => e.indicator)).toEqual(['a', 'c']);
  });
  test('empty counts have every status and light at zero', () => {
    const e = emptyCounts();
    expect(e.total).toBe(0);
    expect(Object.values(e.byStatus).every((n) => n === 0)).toBe(true);
    expect(Object.keys(e.byLight)).toEqual(['green', 'yellow', 'red', 'grey']);
  });
  test('assessPlan carries the summary', () => {
    const result = assessPlan(plan, [{ indicator: 'a', year: 2024, value: 1.1 }], { year: 2024 });
    // a: (1.1 − 1)/(2 − 1) = 0.1 at τ 0.8 → off track (< 0.50).
    expect(result.summary.items[0]).toMatchObject({ indicator: 'a', status: 'off_track', light: 'red' });
  });
});
