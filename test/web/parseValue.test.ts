/**
 * The reporting form reads a value as a clerk types it (parseValue), by the rules of the server's
 * Excel import (parseNumber); and the pure checks of a row's value: what blocks saving, what asks
 * for an explanation on submit.
 */
import { describe, expect, it } from 'vitest';
import { parseQuantity as parseValue } from '../../src/progress/numbers.ts';
import { parseNumber } from '../../src/progress/observations.ts';
import { valueText } from '../../web/src/staff/features/reporting/parseValue.ts';
import {
  mayBeNegative,
  type ReportRow,
  valueProblem,
  valueWarnings,
} from '../../web/src/staff/features/reporting/reportRows.ts';

describe('parseValue', () => {
  it('reads plain, signed and decimal numbers', () => {
    expect(parseValue('162.5')).toBe(162.5);
    expect(parseValue('0')).toBe(0);
    expect(parseValue('-5')).toBe(-5);
    expect(parseValue('+3.2')).toBe(3.2);
    expect(parseValue('.5')).toBe(0.5);
    expect(parseValue('1e3')).toBe(1000);
  });

  it('reads full-width digits, point, minus and comma from a Chinese input method', () => {
    expect(parseValue('１６２．５')).toBe(162.5);
    expect(parseValue('－５')).toBe(-5);
    expect(parseValue('１，２３４．５')).toBe(1234.5);
    expect(parseValue('1，234．5')).toBe(1234.5);
    expect(parseValue('\u22123.2')).toBe(-3.2);
  });

  it('reads thousands separators only where they group by three', () => {
    expect(parseValue('1,234.5')).toBe(1234.5);
    expect(parseValue('8,546,900')).toBe(8546900);
    expect(parseValue('1,23')).toBeNull();
    expect(parseValue('12,34,567')).toBeNull();
  });

  it('drops surrounding spaces, half- and full-width', () => {
    expect(parseValue('  162.5  ')).toBe(162.5);
    expect(parseValue('\u3000１６２．５\u3000')).toBe(162.5);
  });

  it("drops a trailing unit equal to the measure's unit, and converts one of the same kind", () => {
    expect(parseValue('162.5亿元', '亿元')).toBe(162.5);
    expect(parseValue('162.5 亿元', '亿元')).toBe(162.5);
    expect(parseValue('１６２．５亿元', '亿元')).toBe(162.5);
    expect(parseValue('7.5%', '%')).toBe(7.5);
    expect(parseValue('7.5 ％', '%')).toBe(7.5);
    expect(parseValue('1.6㎡', 'm2')).toBe(1.6);
    expect(parseValue('1.6 M2', 'm2')).toBe(1.6);
    expect(parseValue('162.5 亿元')).toBeNull();
    // 万元 is money too: converted into the measure's 亿元 (the server would convert it the same way).
    expect(parseValue('16250万元', '亿元')).toBe(1.625);
    expect(parseValue('１６２５０ 万元', '亿元')).toBe(1.625);
    expect(parseValue('3.2平方公里', '万平方米')).toBe(320);
    // Another kind of unit is refused, never guessed.
    expect(parseValue('12万人', '亿元')).toBeNull();
    expect(parseValue('7.5%', '亿元')).toBeNull();
    expect(parseValue('亿元', '亿元')).toBeNull();
  });

  it('refuses anything else: letters, Chinese numerals, an empty field, a dash', () => {
    for (const text of [
      '12abc',
      'abc',
      '十二',
      '一百六十二点五',
      '',
      '   ',
      '—',
      '-',
      '.',
      '1.2.3',
      '12 34',
      'Infinity',
      'NaN',
      '0x10',
    ])
      expect(parseValue(text, '亿元'), text).toBeNull();
  });

  it('agrees with the Excel import on every text without a unit', () => {
    const texts = [
      '162.5',
      '１６２．５',
      '1,234.5',
      '1，234．５',
      ' 3 ',
      '-5',
      '－５',
      '\u22123',
      '.5',
      '5.',
      '1e3',
      '1,23',
      '12abc',
      'abc',
      '十二',
      '',
      '—',
      'Infinity',
      '+7',
      '0012',
    ];
    for (const text of texts) expect(parseValue(text), text).toBe(parseNumber(text));
  });

  it('reads what the form holds as text', () => {
    expect(valueText(3000)).toBe('3000');
    expect(valueText('１６２．５')).toBe('１６２．５');
    expect(valueText(null)).toBe('');
    expect(valueText(undefined)).toBe('');
  });
});

function row(over: Partial<ReportRow> = {}): ReportRow {
  return {
    key: 'v1_0',
    measure: 1,
    area: null,
    kind: 'level',
    unit: '亿美元',
    label: null,
    lastYear: 11.7,
    optional: false,
    mayBeNegative: false,
    existing: null,
    ...over,
  };
}

describe('a row value', () => {
  it('blocks saving when it is not a number or a percent done outside 0–100', () => {
    expect(valueProblem(row(), 'abc')).toBe('not-a-number');
    expect(valueProblem(row(), '12abc')).toBe('not-a-number');
    expect(valueProblem(row(), '１６２．５')).toBeNull();
    expect(valueProblem(row(), '12亿美元')).toBeNull();
    expect(valueProblem(row(), '')).toBeNull();
    expect(valueProblem(row(), 3000)).toBeNull();
    const progress = row({ kind: 'progress', unit: '%', lastYear: 40 });
    expect(valueProblem(progress, '101')).toBe('percent-range');
    expect(valueProblem(progress, '-1')).toBe('percent-range');
    expect(valueProblem(progress, '100%')).toBeNull();
  });

  it('warns of a negative total, a jump against last year and a percent done going back', () => {
    expect(valueWarnings(row(), 12)).toEqual([]);
    expect(valueWarnings(row(), null)).toEqual([]);
    expect(valueWarnings(row(), -5).map((w) => w.code)).toEqual(['negative', 'implausible']);
    const [jump] = valueWarnings(row({ lastYear: 11.7 }), 999999);
    expect(jump).toMatchObject({ code: 'implausible', previous: 11.7 });
    expect(Math.round((jump as { change: number }).change * 100)).toBe(8546900);
    expect(valueWarnings(row({ lastYear: null }), -1)).toEqual([{ code: 'negative' }]);
    expect(valueWarnings(row({ kind: 'growth', unit: '%', mayBeNegative: true, lastYear: 8 }), -3)).toEqual(
      [],
    );
    expect(valueWarnings(row({ kind: 'progress', unit: '%', lastYear: 40 }), 30)).toEqual([
      { code: 'backwards', previous: 40 },
    ]);
  });

  it('lets rates and changes be negative, but not levels and totals counted up', () => {
    expect(mayBeNegative('growth', '%', ['网络零售额增速'])).toBe(true);
    expect(mayBeNegative('increment', '家', ['持牌金融机构省级以上总部'])).toBe(true);
    expect(mayBeNegative('level', '%', ['单位GDP能耗(电耗)降低率'])).toBe(true);
    expect(mayBeNegative('level', '%', ['居民人均可支配收入平均增速'])).toBe(true);
    expect(mayBeNegative('level', '百分点', ['儿童青少年总体近视率降低'])).toBe(true);
    expect(mayBeNegative('level', '亿美元', ['实际利用外资'])).toBe(false);
    expect(mayBeNegative('level', '家', ['国家级高新技术企业数量'])).toBe(false);
    expect(mayBeNegative('level', '%', ['依申请政务服务办件“一网通办”率'])).toBe(false);
    expect(mayBeNegative('target', '亿元', ['地区生产总值(GDP)', null])).toBe(false);
    expect(mayBeNegative('progress', '%', ['湖滨国际时尚消费核'])).toBe(false);
  });
});
