/**
 * The observation CSV: columns, numbers as people type them, errors that name line and column,
 * and the check against the plan (codes, measures, kinds, units and their conversion).
 */
import { describe, expect, test } from 'vitest';
import {
  checkObservations,
  decodeCsvBytes,
  formatObservationError,
  type Observation,
  parseNumber,
  parseObservationsCsv,
  parsePeriod,
  parseYear,
  periodFraction,
  readObservations,
  unitFactor,
} from '../../src/progress/index.ts';
import { seedPlan } from './fixtures.ts';

const plan = seedPlan();

describe('numbers', () => {
  test('plain, signed, decimal, exponent', () => {
    expect(parseNumber('2218.6')).toBe(2218.6);
    expect(parseNumber('-3.2')).toBe(-3.2);
    expect(parseNumber('+7')).toBe(7);
    expect(parseNumber('.5')).toBe(0.5);
    expect(parseNumber('1e3')).toBe(1000);
  });
  test('full-width digits and point, full-width and Unicode minus, thousands separators, a trailing %', () => {
    expect(parseNumber('２２１８．６')).toBe(2218.6);
    expect(parseNumber('－３．２')).toBe(-3.2);
    expect(parseNumber('−3.2')).toBe(-3.2);
    expect(parseNumber('2,218.6')).toBe(2218.6);
    expect(parseNumber('1,234,567')).toBe(1234567);
    expect(parseNumber('7.5%')).toBe(7.5);
    expect(parseNumber('７．５％')).toBe(7.5);
    expect(parseNumber(' 12 ')).toBe(12);
  });
  test('nothing else is a number, and nothing becomes zero', () => {
    for (const bad of [
      '',
      ' ',
      '—',
      '-',
      'abc',
      '12abc',
      '1,23',
      '1.2.3',
      'NaN',
      'Infinity',
      '1e999',
      '0x10',
      '约 12',
    ]) {
      expect(parseNumber(bad)).toBeNull();
    }
  });
  test('years and periods', () => {
    expect(parseYear('2024')).toBe(2024);
    expect(parseYear('２０２４')).toBe(2024);
    expect(parseYear('2024年')).toBe(2024);
    expect(parseYear('24')).toBeNull();
    expect(parseYear('2024.5')).toBeNull();
    expect(parsePeriod('')).toBeNull();
    expect(parsePeriod('q2')).toBe('Q2');
    expect(parsePeriod('二季度')).toBe('Q2');
    expect(parsePeriod('M6')).toBe('M06');
    expect(parsePeriod('9月')).toBe('M09');
    expect(parsePeriod('Q5')).toBeUndefined();
    expect(parsePeriod('M13')).toBeUndefined();
    expect(periodFraction('Q2')).toBe(0.5);
    expect(periodFraction('M09')).toBe(0.75);
    expect(periodFraction(null)).toBe(1);
    expect(periodFraction('X1')).toBeNaN();
  });
});

describe('parseObservationsCsv', () => {
  test('all columns, in any order, other columns ignored', () => {
    const text = [
      'note,kind,value,year,indicator,measure,area,period,unit,status,source,extra',
      '首次,level,2803.5,2024,10,1,,,亿元,reported,https://example.org,x',
      ',increment,3,2023,21,2,原上城,Q2,个,,,',
    ].join('\n');
    const { observations, errors } = parseObservationsCsv(text);
    expect(errors).toEqual([]);
    expect(observations).toEqual([
      {
        indicator: '10',
        measure: 1,
        year: 2024,
        value: 2803.5,
        kind: 'level',
        area: null,
        period: null,
        unit: '亿元',
        status: 'reported',
        source: 'https://example.org',
        note: '首次',
        line: 2,
      },
      {
        indicator: '21',
        measure: 2,
        year: 2023,
        value: 3,
        kind: 'increment',
        area: '原上城',
        period: 'Q2',
        unit: '个',
        status: null,
        source: null,
        note: null,
        line: 3,
      },
    ]);
  });
  test('a BOM, CRLF line ends, blank lines and Chinese headers', () => {
    const text = '\ufeff序号,年份,数值,单位\r\n10,2024,２８０３．５,亿元\r\n\r\n15,2024,1251.8,亿元\r\n';
    const { observations, errors } = parseObservationsCsv(text);
    expect(errors).toEqual([]);
    expect(observations.map((o) => [o.indicator, o.value, o.line])).toEqual([
      ['10', 2803.5, 2],
      ['15', 1251.8, 4],
    ]);
  });
  test('a bad value names its line and column, and the row is left out (never zero)', () => {
    const text = 'indicator,year,value\n10,2022,2525\n11,2022,\n13,2022,abc\n15,2022,1069\n';
    const { observations, errors } = parseObservationsCsv(text);
    expect(observations.map((o) => o.indicator)).toEqual(['10', '15']);
    expect(errors).toEqual([
      {
        line: 3,
        column: 'value',
        message: 'empty (a missing value is not zero: fill it in or leave the row out)',
      },
      { line: 4, column: 'value', message: '"abc" is not a number' },
    ]);
    expect(formatObservationError('data.csv', errors[1]!)).toBe(
      'data.csv line 4, column value: "abc" is not a number',
    );
  });
  test('every bad cell of a row is reported', () => {
    const { errors } = parseObservationsCsv('indicator,year,value,measure,period,kind\n,20x4,1,0,Q9,total\n');
    expect(errors.map((e) => e.column)).toEqual(['indicator', 'year', 'measure', 'period', 'kind']);
    expect(errors.every((e) => e.line === 2)).toBe(true);
  });
  test('a missing required column is an error on the header line', () => {
    const { observations, errors } = parseObservationsCsv('indicator,year,amount\n10,2024,5\n');
    expect(observations).toEqual([]);
    expect(errors).toEqual([
      {
        line: 1,
        column: 'value',
        message: 'missing from the header (the header must name indicator, year and value)',
      },
    ]);
  });
  test('a column named twice', () => {
    const { errors } = parseObservationsCsv('indicator,year,value,数值\n');
    expect(errors[0]).toMatchObject({ line: 1, column: 'value' });
  });
  test('a duplicate row names the first', () => {
    const { observations, errors } = parseObservationsCsv('indicator,year,value\n10,2024,1\n10,2024,2\n');
    expect(observations).toHaveLength(1);
    expect(errors).toEqual([
      {
        line: 3,
        column: null,
        message: 'repeats the row of line 2 (same indicator, measure, area, year, period and kind)',
      },
    ]);
  });
  test('the same year in another kind, period or area is not a duplicate', () => {
    const text =
      'indicator,year,value,kind,period,area\n10,2024,1,,,\n10,2024,5,growth,,\n10,2024,1,,Q2,\n10,2024,1,,,A\n';
    expect(parseObservationsCsv(text).errors).toEqual([]);
  });
  test('a quoted cell spanning lines keeps the line numbers of the rows after it right', () => {
    const text = 'indicator,year,value,note\n10,2022,2525,"two\nlines"\n11,2022,abc,\n';
    const { errors } = parseObservationsCsv(text);
    expect(errors).toEqual([{ line: 4, column: 'value', message: '"abc" is not a number' }]);
  });
  test('a broken CSV (unclosed quote) is one error with its line, not an exception', () => {
    const { observations, errors } = parseObservationsCsv('indicator,year,value\n10,2022,"2525\n11,2022,1\n');
    expect(observations).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/^not a readable CSV/);
    expect(errors[0]!.line).toBeGreaterThanOrEqual(2);
  });
  test('an empty file', () => {
    expect(parseObservationsCsv('').errors).toEqual([
      { line: 1, column: null, message: 'the file is empty' },
    ]);
  });
  test('short rows read missing cells as empty', () => {
    const { errors } = parseObservationsCsv('indicator,year,value\n10,2024\n');
    expect(errors).toEqual([
      {
        line: 2,
        column: 'value',
        message: 'empty (a missing value is not zero: fill it in or leave the row out)',
      },
    ]);
  });
});

describe('units', () => {
  test('conversions between multipliers and spellings', () => {
    expect(unitFactor('万元', '亿元')).toBeCloseTo(1e-4, 15);
    expect(unitFactor('亿元', '万元')).toBe(1e4);
    expect(unitFactor('元', '亿元')).toBe(1e-8);
    expect(unitFactor('亿美元', '万美元')).toBe(1e4);
    expect(unitFactor('人', '万人')).toBe(1e-4);
    expect(unitFactor('㎡', 'm2')).toBe(1);
    expect(unitFactor('平方米', 'm2')).toBe(1);
    expect(unitFactor('平方公里', '平方米')).toBe(1e6);
    expect(unitFactor('人/万元', '人/亿元')).toBeCloseTo(1e4, 8);
    expect(unitFactor('μg/m³', '微克/立方米')).toBe(1);
    expect(unitFactor('％', '%')).toBe(1);
    expect(unitFactor('百分点', '百分点')).toBe(1);
  });
  test('different things do not convert', () => {
    expect(unitFactor('万人', '亿元')).toBeNull();
    expect(unitFactor('亿美元', '亿元')).toBeNull();
    expect(unitFactor('%', '百分点')).toBeNull();
    expect(unitFactor('个', '家')).toBeNull();
  });
});

describe('checkObservations against the plan', () => {
  const row = (o: Partial<Observation>): Observation => ({
    indicator: '10',
    year: 2024,
    value: 1,
    line: 7,
    ...o,
  });

  test('万元 converts to the measure’s 亿元: 28035000 万元 = 2803.5 亿元', () => {
    const { observations, errors } = checkObservations(plan, [row({ value: 28_035_000, unit: '万元' })]);
    expect(errors).toEqual([]);
    expect(observations[0]!.value).toBeCloseTo(2803.5, 9);
    expect(observations[0]!.unit).toBe('亿元');
  });
  test('an unconvertible unit names line and column', () => {
    const { observations, errors } = checkObservations(plan, [row({ unit: '万人' })]);
    expect(observations).toEqual([]);
    expect(errors).toEqual([
      {
        line: 7,
        column: 'unit',
        message: '万人 cannot be converted to 亿元, the unit of indicator 10 (地区生产总值(GDP))',
      },
    ]);
  });
  test('growth rows are rates in %', () => {
    expect(checkObservations(plan, [row({ kind: 'growth', unit: '%' })]).errors).toEqual([]);
    expect(checkObservations(plan, [row({ kind: 'growth', unit: '亿元' })]).errors[0]).toMatchObject({
      column: 'unit',
      message: 'a growth row is a rate in %, not 亿元',
    });
  });
  test('the level unit of 亿元,% (no. 13) is 亿元', () => {
    expect(checkObservations(plan, [row({ indicator: '13', unit: '亿元' })]).errors).toEqual([]);
  });
  test('an unknown indicator or measure', () => {
    expect(checkObservations(plan, [row({ indicator: '99' })]).errors[0]).toEqual({
      line: 7,
      column: 'indicator',
      message: '"99" is not an indicator of the plan (the plan\'s codes are 1 … 37)',
    });
    expect(checkObservations(plan, [row({ indicator: '10', measure: 2 })]).errors[0]).toMatchObject({
      column: 'measure',
      message: 'indicator 10 (地区生产总值(GDP)) has 1 measure(s), not 2',
    });
    expect(checkObservations(plan, [row({ indicator: '21', measure: 2 })]).errors).toEqual([]);
  });
  test('target rows only for targets set by the level above; no increments of a rate', () => {
    expect(checkObservations(plan, [row({ indicator: '31', kind: 'target' })]).errors).toEqual([]);
    expect(checkObservations(plan, [row({ kind: 'target' })]).errors[0]).toMatchObject({ column: 'kind' });
    expect(checkObservations(plan, [row({ indicator: '12', kind: 'increment' })]).errors[0]).toMatchObject({
      column: 'kind',
    });
  });
  test('a code with leading zeros or full-width digits finds its indicator', () => {
    const { observations } = checkObservations(plan, [row({ indicator: '０１０' })]);
    expect(observations[0]!.indicator).toBe('10');
  });
  test('readObservations: parse and check, errors in line order', () => {
    const text = 'indicator,year,value,unit\n99,2024,1,\n10,2024,x,\n10,2023,1,万人\n10,2022,2525,亿元\n';
    const { observations, errors } = readObservations(plan, text);
    expect(observations).toHaveLength(1);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 'indicator'],
      [3, 'value'],
      [4, 'unit'],
    ]);
  });
});

describe('decoding bytes', () => {
  test('UTF-8 with a BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('序号,年份\n')]);
    expect(decodeCsvBytes(bytes)).toBe('序号,年份\n');
  });
  test('GB18030 (Excel in China): 序号 is D0 F2 BA C5', () => {
    expect(decodeCsvBytes(new Uint8Array([0xd0, 0xf2, 0xba, 0xc5]))).toBe('序号');
  });
});
