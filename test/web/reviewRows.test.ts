/** The review queue's comparison with last year: which approved value is last year's, the change and its flag. */
import { describe, expect, it } from 'vitest';
import type { ObservationReply } from '../../src/contract/observations.ts';
import {
  approvedByKey,
  changeText,
  valueKey,
  yearOnYear,
} from '../../web/src/staff/features/review/reviewRows.ts';

type Value = Pick<
  ObservationReply,
  'itemId' | 'measure' | 'area' | 'kind' | 'period' | 'year' | 'value' | 'approvedValue'
>;

const value = (over: Partial<Value> = {}): Value => ({
  itemId: 'gdp',
  measure: 1,
  area: null,
  kind: 'level',
  period: null,
  year: 2025,
  value: 3260,
  approvedValue: null,
  ...over,
});

const approved = approvedByKey([
  value({ year: 2024, value: 3000, approvedValue: 3000 }),
  value({ year: 2024, measure: 2, value: 10, approvedValue: 10 }),
  value({ year: 2024, area: '原上城', value: 80, approvedValue: 80 }),
  value({ year: 2024, kind: 'growth', value: 6, approvedValue: 6 }),
  value({ year: 2024, itemId: 'zero', value: 0, approvedValue: 0 }),
  // Submitted but never approved: not last year's value.
  value({ year: 2024, itemId: 'pending', value: 5, approvedValue: null }),
]);

describe('yearOnYear', () => {
  it("finds last year's approved value of the same measure, area, kind and period", () => {
    expect(yearOnYear(value(), approved)).toEqual({ previous: 3000, change: 260 / 3000, implausible: false });
    expect(yearOnYear(value({ measure: 2, value: 11 }), approved).previous).toBe(10);
    expect(yearOnYear(value({ area: '原上城', value: 81 }), approved).previous).toBe(80);
    expect(yearOnYear(value({ period: 'Q1' }), approved).previous).toBeNull();
    expect(yearOnYear(value({ year: 2023 }), approved).previous).toBeNull();
    expect(yearOnYear(value({ itemId: 'pending' }), approved).previous).toBeNull();
  });

  it('flags a level that moved more than half either way', () => {
    expect(yearOnYear(value({ value: 4600 }), approved)).toMatchObject({ implausible: true });
    expect(yearOnYear(value({ value: 1400 }), approved)).toMatchObject({ implausible: true });
    expect(yearOnYear(value({ value: 4500 }), approved)).toMatchObject({ change: 0.5, implausible: false });
  });

  it('gives no change for a rate, a missing value or a previous zero', () => {
    expect(yearOnYear(value({ kind: 'growth', value: 12 }), approved)).toEqual({
      previous: 6,
      change: null,
      implausible: false,
    });
    expect(yearOnYear(value({ value: null }), approved)).toEqual({
      previous: 3000,
      change: null,
      implausible: false,
    });
    expect(yearOnYear(value({ itemId: 'zero', value: 3 }), approved).change).toBeNull();
  });

  it('keys a value by everything but its year', () => {
    expect(valueKey(value({ area: '原江干', period: 'M06' }), 2024)).toBe('gdp|1|原江干|level|M06|2024');
  });
});

describe('changeText', () => {
  it('signs a whole percentage', () => {
    expect(changeText(0.0867)).toBe('+9%');
    expect(changeText(-0.62)).toBe('−62%');
    expect(changeText(0.001)).toBe('0%');
  });
});
