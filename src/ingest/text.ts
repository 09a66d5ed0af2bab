/** Small text helpers shared by the ingest readers. */

/** The longest opening sentence that still reads as a title (加快构筑人才高地。). */
const MAX_TASK_TITLE = 30;

/**
 * Splits off a paragraph's opening title: its first sentence when that sentence is short and has no
 * clause break (加快构筑人才高地。…). Leading dashes and bullets (——坚持党的全面领导。) are not part of it.
 */
export function openingTitle(text: string): string | null {
  const body = text.replace(/^[\s　—–\-●•·■◆]+/, '');
  const stop = body.indexOf('。');
  if (stop < 2 || stop > MAX_TASK_TITLE) return null;
  const title = body.slice(0, stop);
  if (/[,，;；:：!！?？]/.test(title)) return null;
  if (!/[\u4e00-\u9fff]/.test(title)) return null;
  return title;
}

/** Character bigrams of the CJK runs of a text: the unit of similarity for Chinese without a segmenter. */
export function bigrams(text: string): Set<string> {
  const grams = new Set<string>();
  for (const run of text.match(/[\u4e00-\u9fff]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) grams.add(run.slice(i, i + 2));
  }
  return grams;
}

/** Share of the bigrams of `a` that also occur in `b` (0 when `a` has none). */
export function containment(a: string, b: string): number {
  const ga = bigrams(a);
  if (ga.size === 0) return 0;
  const gb = bigrams(b);
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / ga.size;
}

/** Dice similarity of two texts' bigram sets, 0..1. */
export function similarity(a: string, b: string): number {
  const ga = bigrams(a);
  const gb = bigrams(b);
  if (ga.size === 0 || gb.size === 0) return a === b && a.length > 0 ? 1 : 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return (2 * shared) / (ga.size + gb.size);
}

/** Formats a Chinese ordinal for messages: 3 → 三, 12 → 十二. */
export function chineseOrdinal(n: number): string {
  const digits = '〇一二三四五六七八九';
  if (n < 10) return digits[n]!;
  if (n < 20) return `十${n % 10 === 0 ? '' : digits[n % 10]}`;
  if (n < 100) return `${digits[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : digits[n % 10]}`;
  return String(n);
}
