/**
 * Properties of the engine over random input (fast-check): completion is monotonic in the value
 * in the target's direction, a status never improves when the value moves away from the target,
 * and nothing throws or returns NaN (or ±Infinity) for any finite input.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Comparator, Indicator, Measure, Target, TargetKind } from '../../src/model/plan.ts';
import {
  assessPlan,
  assessSchedule,
  completion,
  type Observation,
  type ObservationKind,
  parseObservationsCsv,
  STATUS_RANK,
  type Status,
} from '../../src/progress/index.ts';
import { base, level, measure, planOf, single } from './fixtures.ts';

/** Best first: achieved 0 … off_track 4 (grey statuses are not on this scale). */
const PROGRESS_RANK: Partial<Record<Status, number>> = {
  achieved: 0,
  ahead: 1,
  on_track: 2,
  lagging: 3,
  off_track: 4,
};

const finite = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 });
const anyFinite = fc.oneof(
  fc.integer({ min: -200, max: 200 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e4, max: 1e4 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

function everyNumberFinite(value: unknown, path = '$'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : `${path} = ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = everyNumberFinite(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const bad = everyNumberFinite(v, `${path}.${k}`);
      if (bad) return bad;
    }
  }
  return null;
}

describe('completion is monotonic in A in the target’s direction', () => {
  test('linear', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, (b, t, a1, a2) => {
        fc.pre(t !== b);
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const cLo = completion('linear', b, t, lo);
        const cHi = completion('linear', b, t, hi);
        fc.pre(cLo !== null && cHi !== null);
        if (t > b) expect(cHi).toBeGreaterThanOrEqual(cLo!);
        else expect(cLo).toBeGreaterThanOrEqual(cHi!);
      }),
    );
  });
  test('geometric', () => {
    const positive = fc.double({ noNaN: true, min: 1e-6, max: 1e9 });
    fc.assert(
      fc.property(positive, positive, positive, positive, (b, t, a1, a2) => {
        fc.pre(t !== b);
        const [lo, hi] = a1 <= a2 ? [a1, a2] : [a2, a1];
        const cLo = completion('geometric', b, t, lo);
        const cHi = completion('geometric', b, t, hi);
        fc.pre(cLo !== null && cHi !== null);
        if (t > b) expect(cHi).toBeGreaterThanOrEqual(cLo!);
        else expect(cLo).toBeGreaterThanOrEqual(cHi!);
      }),
    );
  });
});

describe('status never improves when A moves away from the target', () => {
  const units = fc.constantFrom('亿元', '%', '个', '人/亿元');
  const comparators = fc.constantFrom<Comparator | undefined>(undefined, '>=', '>', '<', '<=');
  test('level targets, every path and year', () => {
    fc.assert(
      fc.property(
        finite,
        finite,
        finite,
        fc.double({ noNaN: true, min: 0, max: 1e6 }),
        fc.integer({ min: 2018, max: 2028 }),
        units,
        (b, t, a, step, year, unit) => {
          fc.pre(t !== b);
          const indicator = single('x', measure(unit, base(b), level(t), t > b ? 'up' : 'down'));
          const away = t > b ? a - step : a + step;
          const status = (v: number): Status =>
            assessPlan(planOf(indicator), [{ indicator: 'x', year, value: v }], { year }).assessments[0]!
              .status;
          const s1 = status(a);
          const s2 = status(away);
          if (PROGRESS_RANK[s1] !== undefined && PROGRESS_RANK[s2] !== undefined) {
            expect(PROGRESS_RANK[s2]).toBeGreaterThanOrEqual(PROGRESS_RANK[s1]!);
          } else {
            expect(s2).toBe(s1); // before the base year both are not assessable
          }
        },
      ),
    );
  });
  test('threshold targets', () => {
    fc.assert(
      fc.property(
        finite,
        finite,
        fc.double({ noNaN: true, min: 0, max: 1e6 }),
        comparators,
        (bound, a, step, cmp) => {
          const target: Target = { year: 2025, kind: 'threshold', value: bound };
          if (cmp) target.comparator = cmp;
          const up = cmp !== '<' && cmp !== '<=';
          const indicator = single('x', measure('%', base(bound), target));
          const status = (v: number): Status =>
            assessPlan(planOf(indicator), [{ indicator: 'x', year: 2023, value: v }], { year: 2023 })
              .assessments[0]!.status;
          const s1 = status(a);
          const s2 = status(up ? a - step : a + step);
          expect(PROGRESS_RANK[s2]!).toBeGreaterThanOrEqual(PROGRESS_RANK[s1]!);
        },
      ),
    );
  });
  test('growth targets known by yearly rates', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ noNaN: true, min: -99, max: 1000 }), { minLength: 1, maxLength: 6 }),
        fc.double({ noNaN: true, min: -50, max: 50 }),
        fc.nat({ max: 5 }),
        fc.double({ noNaN: true, min: 0, max: 50 }),
        (rates, g, which, step) => {
          fc.pre(g !== 0);
          const indicator = single(
            'x',
            measure('%', base(null), { year: 2025, kind: 'growth', value: null, annualRate: g }),
          );
          const data = (rs: number[]): Observation[] =>
            rs.map((r, i) => ({
              indicator: 'x',
              year: 2021 + i,
              value: r,
              kind: 'growth' as ObservationKind,
            }));
          const i = which % rates.length;
          const moved = rates.slice();
          moved[i] = g > 0 ? Math.max(-99.5, rates[i]! - step) : rates[i]! + step;
          const status = (rs: number[]): Status =>
            assessPlan(planOf(indicator), data(rs), { year: 2026 }).assessments[0]!.status;
          expect(PROGRESS_RANK[status(moved)]!).toBeGreaterThanOrEqual(PROGRESS_RANK[status(rates)]!);
        },
      ),
    );
  });
});

describe('never throws, never NaN', () => {
  const kinds = fc.constantFrom<TargetKind>(
    'level',
    'growth',
    'cumulative',
    'threshold',
    'external',
    'relational',
  );
  const nullable = fc.option(anyFinite, { nil: null });
  const measureArb: fc.Arbitrary<Measure> = fc.record({
    unit: fc.constantFrom('亿元', '万元', '%', '个', '人/亿元', '百分点', ''),
    direction: fc.constantFrom('up' as const, 'down' as const),
    baseline: fc.record({
      year: fc.oneof(fc.constant(2020), fc.integer({ min: 2015, max: 2030 })),
      value: nullable,
    }),
    target: fc.record({
      year: fc.oneof(fc.constant(2025), fc.integer({ min: 2015, max: 2035 })),
      kind: kinds,
      value: nullable,
      annualRate: anyFinite,
      comparator: fc.constantFrom<Comparator>('=', '>', '>=', '<', '<=', 'about', 'range'),
      text: fc.constantFrom('完成市下达目标', '高于经济增长', '不低于经济增长', ''),
      relatesTo: fc.constantFrom('经济增长', 'x', ''),
    }),
  });
  const indicatorArb = (code: string): fc.Arbitrary<Indicator> =>
    fc.array(measureArb, { minLength: 0, maxLength: 3 }).map((measures) => ({
      ...single(code, measures[0] ?? measure('个', base(1), level(2))),
      name: code === '1' ? '地区生产总值(GDP)' : `indicator ${code}`,
      measures,
    }));
  const observationArb: fc.Arbitrary<Observation> = fc.record({
    indicator: fc.constantFrom('1', '2', '3', '1', '2', '3', '9'),
    measure: fc.oneof(fc.constant(1), fc.integer({ min: 0, max: 4 })),
    year: fc.oneof(fc.integer({ min: 2019, max: 2027 }), fc.integer({ min: 2014, max: 2036 }), fc.integer()),
    value: anyFinite,
    kind: fc.constantFrom<ObservationKind>('level', 'growth', 'increment', 'target'),
    area: fc.oneof({ arbitrary: fc.constant(null), weight: 4 }, fc.constantFrom('原上城', '原江干')),
    period: fc.oneof(
      { arbitrary: fc.constant(null), weight: 4 },
      fc.constantFrom('Q1', 'Q2', 'Q4', 'M06', 'M12', 'Z9'),
    ),
  });

  test('assessPlan over random plans and data', () => {
    fc.assert(
      fc.property(
        indicatorArb('1'),
        indicatorArb('2'),
        indicatorArb('3'),
        fc.array(observationArb, { maxLength: 30 }),
        fc.option(fc.integer({ min: 2010, max: 2040 }), { nil: undefined }),
        (i1, i2, i3, observations, year) => {
          const result = assessPlan(planOf(i1, i2, i3), observations, year === undefined ? {} : { year });
          const bad = everyNumberFinite(result);
          expect(bad).toBeNull();
          for (const a of result.assessments) {
            expect(a.light).toBeDefined();
            expect(STATUS_RANK[a.status]).toBeDefined();
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
  test('assessPlan on one measure of any kind with data for it', () => {
    const dataArb = fc.array(
      fc.record({
        indicator: fc.constant('x'),
        year: fc.integer({ min: 2019, max: 2027 }),
        value: anyFinite,
        kind: fc.constantFrom<ObservationKind>('level', 'level', 'growth', 'increment', 'target'),
        period: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, fc.constantFrom('Q2', 'M09')),
      }),
      { maxLength: 8 },
    );
    fc.assert(
      fc.property(measureArb, dataArb, fc.integer({ min: 2019, max: 2027 }), (m, observations, year) => {
        const result = assessPlan(planOf({ ...single('x', m), name: '地区生产总值(GDP)' }), observations, {
          year,
        });
        expect(everyNumberFinite(result)).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
  test('the CSV parser on random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (tail) => {
        const result = parseObservationsCsv(`indicator,year,value,kind,period\n${tail}`);
        expect(everyNumberFinite(result.observations.map((o) => o.value))).toBeNull();
        for (const e of result.errors) expect(e.line).toBeGreaterThanOrEqual(1);
      }),
    );
  });
  test('assessSchedule on random dates and percentages', () => {
    const date = fc.oneof(
      fc
        .date({ min: new Date('1990-01-01'), max: new Date('2060-01-01'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
      fc.string({ maxLength: 12 }),
    );
    fc.assert(
      fc.property(date, date, date, fc.option(anyFinite, { nil: null }), (start, due, asOf, pct) => {
        expect(everyNumberFinite(assessSchedule({ start, due, asOf, percentDone: pct }))).toBeNull();
      }),
    );
  });
});
