/**
 * Units as plans print them (亿元, 万人, 人/亿元, 微克/立方米, m2) and conversion between units of the
 * same kind, so that data entered in 万元 is read against a measure counted in 亿元.
 */

/** Chinese multiplier prefixes, longest first (万亿 before 亿). */
const PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ['万亿', 1e12],
  ['千亿', 1e11],
  ['百亿', 1e10],
  ['十亿', 1e9],
  ['亿', 1e8],
  ['千万', 1e7],
  ['百万', 1e6],
  ['十万', 1e5],
  ['万', 1e4],
  ['千', 1e3],
  ['百', 1e2],
];

/** Spellings of the same unit: each maps to a canonical unit and the factor to it. */
const ALIASES: Readonly<Record<string, readonly [string, number]>> = {
  m2: ['平方米', 1],
  平方米: ['平方米', 1],
  平米: ['平方米', 1],
  km2: ['平方米', 1e6],
  平方公里: ['平方米', 1e6],
  平方千米: ['平方米', 1e6],
  公顷: ['平方米', 1e4],
  亩: ['平方米', 10000 / 15],
  m: ['米', 1],
  米: ['米', 1],
  km: ['米', 1e3],
  公里: ['米', 1e3],
  m3: ['立方米', 1],
  立方米: ['立方米', 1],
  g: ['克', 1],
  克: ['克', 1],
  mg: ['克', 1e-3],
  毫克: ['克', 1e-3],
  μg: ['克', 1e-6],
  ug: ['克', 1e-6],
  微克: ['克', 1e-6],
  kg: ['克', 1e3],
  公斤: ['克', 1e3],
  t: ['克', 1e6],
  吨: ['克', 1e6],
  '%': ['%', 1],
  '‰': ['%', 0.1],
  元: ['元', 1],
  美元: ['美元', 1],
};

/** The canonical form of a unit: its base and the factor from the unit to the base. */
interface Canonical {
  base: string;
  factor: number;
}

/** Normalises a unit as written: NFKC (full-width ％ → %, ㎡ → m2), no spaces, µ → μ, lower-case Latin. */
export function normaliseUnit(unit: string): string {
  return unit
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/µ/g, 'μ')
    .replace(/[²]/g, '2')
    .replace(/[³]/g, '3')
    .replace(/[A-Z]/g, (ch) => ch.toLowerCase());
}

function simpleCanonical(unit: string): Canonical {
  const alias = ALIASES[unit];
  if (alias) return { base: alias[0], factor: alias[1] };
  for (const [prefix, factor] of PREFIXES) {
    const rest = unit.slice(prefix.length);
    // 百分点 and 千分比 are words, not a 百 or 千 multiplier.
    if (unit.startsWith(prefix) && rest.length > 0 && !rest.startsWith('分')) {
      const inner = simpleCanonical(rest);
      return { base: inner.base, factor: inner.factor * factor };
    }
  }
  return { base: unit, factor: 1 };
}

function canonical(unit: string): Canonical {
  const slash = unit.indexOf('/');
  if (slash < 0) return simpleCanonical(unit);
  const num = simpleCanonical(unit.slice(0, slash));
  const den = canonical(unit.slice(slash + 1));
  return { base: `${num.base}/${den.base}`, factor: num.factor / den.factor };
}

/**
 * The factor that turns a value in unit `from` into unit `to`, or null when they measure different
 * things. Examples: 万元 → 亿元 = 0.0001; 亿美元 → 万美元 = 10000; 人/万元 → 人/亿元 = 10000;
 * ㎡ → 平方米 = 1; 万人 → 亿元 = null.
 */
export function unitFactor(from: string, to: string): number | null {
  const a = normaliseUnit(from);
  const b = normaliseUnit(to);
  if (a === b) return 1;
  const ca = canonical(a);
  const cb = canonical(b);
  if (ca.base !== cb.base) return null;
  return ca.factor / cb.factor;
}

/** Whether a unit is a percentage (%, ％, 百分比): the unit of rates and growth rates. */
export function isPercentUnit(unit: string): boolean {
  if (unit === '%') return true;
  const u = normaliseUnit(unit);
  return u === '%' || u === '百分比';
}
