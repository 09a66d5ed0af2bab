/**
 * Reading numbers the way Chinese government text writes them: Arabic digits (half- or full-width),
 * Chinese numerals (三十四, 二〇三五, 一百零五, 两), and the 万/亿 multipliers of quantities.
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};

const SMALL_UNITS: Record<string, number> = { 十: 10, 拾: 10, 百: 100, 佰: 100, 千: 1000, 仟: 1000 };
const LARGE_UNITS: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Characters that may form a Chinese numeral. */
export const CHINESE_NUMERAL_CHARS = '〇零一二两三四五六七八九十百千万亿壹贰叁肆伍陆柒捌玖拾佰仟';

/** Replaces full-width digits, decimal point, percent and signs with their ASCII forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[０-９．％＋－，＜＞＝]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/**
 * Parses a Chinese numeral. Positional strings of digits (二〇三五 → 2035) and counted numerals
 * (三十四 → 34, 一百零五 → 105, 十 → 10, 1.6万 is not handled here) are both understood.
 * Returns null for anything that is not wholly a numeral.
 */
export function parseChineseNumeral(text: string): number | null {
  if (text.length === 0) return null;
  const chars = [...text];
  if (!chars.every((ch) => ch in DIGITS || ch in SMALL_UNITS || ch in LARGE_UNITS)) return null;
  // Positional form: only digit characters, two or more (二〇三五, 二〇二五).
  if (chars.length > 1 && chars.every((ch) => ch in DIGITS)) {
    return Number(chars.map((ch) => DIGITS[ch]).join(''));
  }
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of chars) {
    if (ch in DIGITS) {
      digit = DIGITS[ch]!;
    } else if (ch in SMALL_UNITS) {
      section += (digit ?? 1) * SMALL_UNITS[ch]!;
      digit = null;
    } else {
      section += digit ?? 0;
      total = (total + (section === 0 ? 1 : section)) * LARGE_UNITS[ch]!;
      section = 0;
      digit = null;
    }
  }
  return total + section + (digit ?? 0);
}

/** Parses an Arabic or Chinese number ('2025', '２０２５', '二〇二五', '十四'); null when it is neither. */
export function parseNumberToken(text: string): number | null {
  const ascii = toHalfWidth(text.trim()).replace(/,/g, '');
  if (/^[+-]?\d+(\.\d+)?$/.test(ascii)) return Number(ascii);
  return parseChineseNumeral(ascii);
}

/** Parses a year written as 2025, ２０２５ or 二〇二五; null unless it is a plausible year. */
export function parseYear(text: string): number | null {
  const value = parseNumberToken(text);
  return value !== null && Number.isInteger(value) && value >= 1900 && value <= 2200 ? value : null;
}

/** Multipliers a unit may start with (万平方米, 亿元, 千米 is a unit of its own and is not one). */
export const UNIT_MULTIPLIERS: Record<string, number> = {
  万: 1e4,
  亿: 1e8,
  百万: 1e6,
  千万: 1e7,
  万亿: 1e12,
};

/** Rounds away binary noise so that 1.6 × 10000 is 16000, not 16000.000000000002. */
export function cleanFloat(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}
