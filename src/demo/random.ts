/**
 * Seeded randomness for the demo content: the same seed gives the same numbers on every machine
 * and every run (no Math.random, no clock), so a demo installation can be rebuilt exactly.
 */

/** FNV-1a hash of a string, as an unsigned 32-bit integer: turns a key into a seed. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A pseudo-random source: uniform numbers in [0, 1) from a seed (mulberry32). */
export interface Random {
  /** The next number in [0, 1). */
  next(): number;
  /** The next number in [min, max). */
  between(min: number, max: number): number;
}

/** A seeded generator (mulberry32): small, fast and good enough for sample data. */
export function seededRandom(seed: string | number): Random {
  let state = typeof seed === 'number' ? seed >>> 0 : hashString(seed);
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, between: (min, max) => min + (max - min) * next() };
}

/** The items in a seeded order (Fisher–Yates): a fair, reproducible draw of which items get what. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  const out = [...items];
  const random = seededRandom(seed);
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}
