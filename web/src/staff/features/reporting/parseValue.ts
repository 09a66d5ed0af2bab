/**
 * Reads a value the way a clerk types it into the reporting form, by the server's own rule
 * (src/progress/numbers.ts: full-width forms, thousands separators, a trailing unit equal to the
 * measure's); anything else (12abc, 十二, 1,23, an empty field) is null, never a guess.
 */
import { parseQuantity } from '../../../../../src/progress/numbers.ts';

/**
 * The number in `text` in the measure's `unit`, or null when it is not one. A trailing unit is the
 * measure's, or one of the same kind converted into it. Examples: ('１６２．５') → 162.5;
 * ('1，234．5') → 1234.5; ('162.5 亿元', '亿元') → 162.5; ('16250万元', '亿元') → 1.625;
 * ('12万人', '亿元') → null; ('12abc') → null.
 */
export function parseValue(text: string, unit = ''): number | null {
  return parseQuantity(text, unit);
}

/** What a form holds for a value (the text typed, or a number read from the server) as text. */
export function valueText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return typeof value === 'string' ? value : '';
}
