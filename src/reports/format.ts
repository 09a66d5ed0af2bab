/**
 * How the reports write numbers, dates and ordinals, in one place, so the Word report, the HTML page
 * and the scorecard print the same figure the same way (a test reads 2803.5 in all three).
 */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五: section numbers of an official document. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/**
 * A value as a table prints it: as reported, at most 4 decimals and no trailing zeros (2803.5,
 * 0.0068, 99); never in exponent form; — for none.
 */
export function formatValue(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const rounded = Math.round(value * 10_000) / 10_000;
  return String(Number(rounded.toFixed(4)));
}

/**
 * A computed value (expected, projected): precision by magnitude, so 2972.391… reads 2972.4 and
 * 0.00412… reads 0.0041.
 */
export function formatComputed(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  const decimals = abs >= 100 ? 1 : abs >= 1 ? 2 : 4;
  return String(Number(value.toFixed(decimals)));
}

/** A share as a percentage with one decimal: 0.6129 → 61.3%; — for none. */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${(share * 100).toFixed(1)}%`;
}

/** A ratio of counts as a percentage with one decimal, — when there is nothing to divide. */
export function formatRate(part: number, whole: number): string {
  return whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : '—';
}

/** 2026-11-26 (or an ISO time) → 2026年11月26日, in China time for instants. */
export function chineseDate(isoDateOrTime: string): string {
  const day = isoDateOrTime.length > 10 ? chinaDayOf(isoDateOrTime) : isoDateOrTime;
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function chinaDayOf(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
}

const HAN = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;

/**
 * Chinese text with ASCII punctuation (as the method rules and ingest findings are written, so
 * that they read in a terminal) set with full-width punctuation for print: , ; : become ，；：
 * except between digits (1,000; 12:30), and parentheses that open or close next to a Chinese
 * character become （ ） in pairs, while formulas such as (A − B)/(T − B) keep theirs.
 */
export function chinesePunctuation(text: string): string {
  const chars = [...text];
  const out = [...chars];
  const open: Array<{ at: number; wide: boolean }> = [];
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const prev = chars[i - 1];
    const next = chars[i + 1];
    if ((c === ',' || c === ':') && !(isDigit(prev) && isDigit(next))) {
      out[i] = c === ',' ? '，' : '：';
      if (next === ' ') out[i + 1] = '';
    } else if (c === ';') {
      out[i] = '；';
      if (next === ' ') out[i + 1] = '';
    } else if (c === '(') {
      const wide = (prev !== undefined && HAN.test(prev)) || (next !== undefined && HAN.test(next));
      open.push({ at: i, wide });
      if (wide) out[i] = '（';
    } else if (c === ')') {
      const match = open.pop();
      if (match?.wide || (prev !== undefined && HAN.test(prev))) {
        out[i] = '）';
        if (match && !match.wide) out[match.at] = '（';
      }
    }
  }
  return out.join('');
}
