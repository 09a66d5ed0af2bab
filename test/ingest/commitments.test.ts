import { describe, expect, it } from 'vitest';
import { readCommitments, type TextSpan } from '../../src/ingest/commitments.ts';

const span = (text: string, extra: Partial<TextSpan> = {}): TextSpan => ({
  text,
  line: 7,
  offset: 0,
  chapter: 1,
  section: 1,
  column: null,
  defaultYear: null,
  forward: false,
  ...extra,
});
const read = (text: string, extra?: Partial<TextSpan>) =>
  readCommitments(span(text, extra)).map((c) => [
    c.subject,
    c.quantity,
    c.unit,
    c.value,
    c.comparator,
    c.year,
  ]);

describe('reading promises', () => {
  it('reads quantity, unit, multiplier and year', () => {
    expect(read('到2025年,新建幼儿园34所。')).toEqual([['新建幼儿园', 34, '所', 34, '=', 2025]]);
    expect(read('力争到2030年,新引进人才2.5万名。')).toEqual([['新引进人才', 2.5, '万名', 25000, '=', 2030]]);
    expect(read('到二〇三五年,森林覆盖率达到62%以上。')).toEqual([['森林覆盖率', 62, '%', 62, '>=', 2035]]);
  });

  it('understands comparators', () => {
    expect(read('到2025年,一般公共预算收入突破240亿元。')[0]).toEqual([
      '一般公共预算收入',
      240,
      '亿元',
      24000000000,
      '>',
      2025,
    ]);
    expect(read('到2025年,重大慢病过早死亡率降低到8.5%以下。')[0]![4]).toBe('<=');
    expect(read('到2025年,损失比重控制在0.3%以内。')[0]![4]).toBe('<=');
    expect(read('到2025年,完成改造约700万平方米。')[0]).toEqual([
      '改造',
      700,
      '万平方米',
      7000000,
      'about',
      2025,
    ]);
    expect(read('到2025年,完成安置1.6万余户。')[0]![4]).toBe('>');
    expect(read('到2025年,培育工厂5个左右。')[0]![4]).toBe('about');
    expect(read('到2025年,培育平台型工厂1-2家。')[0]).toEqual([
      '培育平台型工厂',
      { min: 1, max: 2 },
      '家',
      { min: 1, max: 2 },
      'range',
      2025,
    ]);
  });

  it('ignores figures that are not promises', () => {
    expect(read('以19公里钱塘江黄金岸线为主轴,构筑滨水活力区。')).toEqual([]);
    // A code in quotes (“152”) and a grade (5G) are not quantities.
    expect(read('全面推进“152”工程和5G基站建设。')).toEqual([]);
    expect(read('到2025年,每千名3岁以下婴幼儿拥有2家成长驿站。')).toEqual([
      ['每千名3岁以下婴幼儿拥有成长驿站', 2, '家', 2, '=', 2025],
    ]);
  });

  it('carries the subject into a bare number that follows it', () => {
    expect(read('到2025年,居民健康素养达到41.5%以上,到2035年,力争达到45%以上。')).toEqual([
      ['居民健康素养', 41.5, '%', 41.5, '>=', 2025],
      ['居民健康素养', 45, '%', 45, '>=', 2035],
    ]);
  });

  it('keeps the exact clause and its offsets', () => {
    const [c] = readCommitments(span('到2025年,新建幼儿园34所。', { offset: 10 }));
    expect(c).toMatchObject({ text: '新建幼儿园34所', start: 17, end: 25, line: 7 });
  });
});
