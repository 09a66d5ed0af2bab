/**
 * What a reporting form field holds, as text. The value in it is read by the server's own rule,
 * parseQuantity (src/progress/numbers.ts): full-width forms, thousands separators, a trailing unit
 * equal to the measure's or of the same kind, converted; anything else is null, never a guess.
 */
/** What a form holds for a value (the text typed, or a number read from the server) as text. */
export function valueText(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  return typeof value === 'string' ? value : '';
}
