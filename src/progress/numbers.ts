/**
 * Reading numbers as people type them, the one rule for the Excel and CSV imports and the web
 * reporting form. No dependencies outside this folder, so the browser bundle imports it too.
 */
import { unitFactor } from './units.ts';

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** Text NFKC cannot change: printable ASCII and CJK unified ideographs (no decompositions, no marks). */
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/;

/**
 * NFKC normalisation (full-width digits and letters to ASCII), skipping the ICU call for text it
 * cannot change: a bulk import normalises several cells of each of a million rows.
 */
export function nfkc(text: string): string {
  return NFKC_STABLE.test(text) ? text : text.normalize('NFKC');
}

/**
 * Reads a number as people type it: full-width digits, point, minus and comma from a Chinese input
 * method (２２１８．６, －３, 1，234．5), thousands separators (2,218.6), a minus sign (−3.2), and a
 * trailing unit: the measure's `unit` when given (162.5亿元; ㎡ reads as m2), a % when the unit is %
 * or none is given (7.5%). Returns null for anything else — an empty cell, a dash (—), 12abc, 十二,
 * 1,23 — never a guess: a missing value is never zero.
 */
export function parseNumber(cell: string, unit?: string): number | null {
  let s = nfkc(cell)
    .trim()
    .replace(/[\u2212\uFE63]/g, '-');
  if (unit === undefined) {
    // The imports' hot path (a million cells): only a trailing %.
    if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  } else {
    const suffix = nfkc(unit).replace(/\s+/g, '').toLowerCase();
    if (suffix !== '' && s.toLowerCase().endsWith(suffix)) s = s.slice(0, -suffix.length).trimEnd();
  }
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  if (!NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * Reads a quantity in the measure's `unit`: a number as parseNumber reads it, or a number followed
 * by another unit of the same kind, converted (16250万元 for 亿元 → 1.625; 3.2平方公里 for 万平方米 →
 * 320). Null when the text is not a number or its unit measures something else (12万人 for 亿元).
 */
export function parseQuantity(cell: string, unit = ''): number | null {
  const direct = parseNumber(cell, unit);
  if (direct !== null) return direct;
  const m = /^(.*?\d)\s*([^\d\s,.].*)$/.exec(nfkc(cell).trim());
  if (!m || unit.trim() === '') return null;
  const n = parseNumber(m[1]!, '');
  const factor = unitFactor(m[2]!, unit);
  if (n === null || factor === null) return null;
  // Twelve significant digits: 16250 × 0.0001 is 1.625, not 1.6250000000000002.
  return Number((n * factor).toPrecision(12));
}
