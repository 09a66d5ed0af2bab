import { describe, expect, it } from 'vitest';
import { parseChineseNumeral, parseNumberToken, parseYear, toHalfWidth } from '../../src/ingest/numbers.ts';

describe('Chinese numerals', () => {
  it.each([
    ['二〇三五', 2035],
    ['二零二五', 2025],
    ['十', 10],
    ['十四', 14],
    ['三十四', 34],
    ['一百零五', 105],
    ['两千', 2000],
    ['一万二千', 12000],
    ['三亿', 300000000],
    ['第', null],
    ['', null],
  ])('%s → %s', (text, value) => {
    expect(parseChineseNumeral(text)).toBe(value);
  });

  it('reads full-width digits', () => {
    expect(toHalfWidth('２２１８．６')).toBe('2218.6');
    expect(parseNumberToken('２０２５')).toBe(2025);
    expect(parseNumberToken('1,234.5')).toBe(1234.5);
  });

  it('accepts only plausible years', () => {
    expect(parseYear('二〇三五')).toBe(2035);
    expect(parseYear('２０３０')).toBe(2030);
    expect(parseYear('35')).toBeNull();
    expect(parseYear('12345')).toBeNull();
  });
});
