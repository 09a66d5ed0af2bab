/**
 * Reading the plan against itself: which narrative promises restate a table indicator, and where the
 * plan contradicts itself (the same quantity promised twice with different values, a narrative level
 * the table's growth rate does not reach, a unit that differs between table and text).
 */
import type { Commitment, Finding, Indicator, Measure, PlanPeriod } from '../model/plan.ts';
import { cleanFloat } from './numbers.ts';
import { bigrams } from './text.ts';

/** How close a promise's subject must be to an indicator's name to be the same thing. */
const SAME_SUBJECT = 0.55;
/** How close two promises' subjects must be to be the same promise. */
const SAME_PROMISE = 0.8;

/** Links commitments to indicators (mutating `indicatorCode`) and returns what does not agree. */
export function crossCheck(
  commitments: Commitment[],
  indicators: Indicator[],
  period: PlanPeriod,
): Finding[] {
  const findings: Finding[] = [];
  const candidates = distinctMeasures(indicators);
  // The same words and number match the same indicator wherever they stand: decide once.
  const decided = new Map<string, Match | null>();
  for (const c of commitments) {
    const key = `${c.subject}|${JSON.stringify(c.value)}|${c.unit}|${c.year}`;
    let match = decided.get(key);
    if (match === undefined) {
      match = bestIndicator(c, candidates, period);
      decided.set(key, match);
    }
    if (!match) continue;
    c.indicatorCode = match.indicator.code;
    findings.push(...compareWithTable(c, match.indicator, match.measure, period));
  }
  findings.push(...contradictions(commitments));
  return findings;
}

interface Candidate {
  indicator: Indicator;
  measure: Measure;
  grams: Set<string>;
}

/** Each measure once (a table repeated word for word adds nothing to compare with), with its name's bigrams. */
function distinctMeasures(indicators: Indicator[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const indicator of indicators) {
    for (const measure of indicator.measures) {
      const name = measure.name ?? indicator.name;
      const key = `${name}|${measure.unit}|${JSON.stringify(measure.target)}|${measure.baseline.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ indicator, measure, grams: bigrams(name) });
    }
  }
  return out;
}

interface Match {
  indicator: Indicator;
  measure: Measure;
  score: number;
}

function scalar(q: Commitment['quantity']): number | null {
  return typeof q === 'number' ? q : null;
}

/** Whether two numbers are the same figure as printed (40.5 and 40.50). */
function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The level a measure's target implies at its end year (growth targets compound from the baseline). */
export function impliedTargetLevel(measure: Measure, period: PlanPeriod): number | null {
  const t = measure.target;
  if (t.value !== null && t.kind !== 'growth') return t.value;
  if (t.kind === 'growth' && t.annualRate !== undefined && measure.baseline.value !== null) {
    return cleanFloat(measure.baseline.value * (1 + t.annualRate / 100) ** (t.year - measure.baseline.year));
  }
  void period;
  return null;
}

function bestIndicator(c: Commitment, candidates: Candidate[], period: PlanPeriod): Match | null {
  const subject = bigrams(c.subject);
  if (subject.size === 0) return null;
  let best: Match | null = null;
  for (const { indicator, measure, grams } of candidates) {
    let shared = 0;
    for (const g of grams) if (subject.has(g)) shared++;
    if (shared === 0) continue;
    // Share of the name found in the subject, or Dice similarity of the two, whichever is higher.
    const score = Math.max(shared / grams.size, (2 * shared) / (grams.size + subject.size));
    if (score < SAME_SUBJECT) continue;
    const q = scalar(c.quantity);
    const target = impliedTargetLevel(measure, period);
    const valueAgrees = q !== null && target !== null && same(q, target);
    // A weak name match needs the number to agree too; a strong one stands on its own.
    if (!valueAgrees && score < 0.8) continue;
    if (!valueAgrees && !unitsComparable(c, measure)) continue;
    const total = score + (valueAgrees ? 1 : 0);
    if (!best || total > best.score) best = { indicator, measure, score: total };
  }
  return best;
}

/** Units that measure the same kind of thing (a %, or money in 元, or the same counting word). */
function unitsComparable(c: Commitment, measure: Measure): boolean {
  const mu = measure.unit.replace(/^(万亿|亿|万)/, '');
  const cu = c.baseUnit;
  return mu === cu || (mu === '%' && cu === '%');
}

function compareWithTable(
  c: Commitment,
  indicator: Indicator,
  measure: Measure,
  period: PlanPeriod,
): Finding[] {
  const findings: Finding[] = [];
  const q = scalar(c.quantity);
  const tableUnit = measure.unit;
  const textUnit = c.unit;
  const label = `${indicator.name}(表中序号${indicator.code})`;
  if (tableUnit && textUnit && tableUnit !== textUnit && !tableUnit.split(/[,，]/).includes(textUnit)) {
    findings.push({
      kind: 'unit_mismatch',
      severity: 'warning',
      message: `${label}:指标表单位为“${tableUnit}”,正文写作“${c.quantity}${textUnit}”(第${c.line}行)`,
      messageEn: `${indicator.name} (table no. ${indicator.code}): the table counts it in ${tableUnit}, the text (line ${c.line}) in ${textUnit}`,
      line: c.line,
      relatedLines: [indicator.line],
      commitments: [{ line: c.line, start: c.start }],
    });
  }
  const implied = impliedTargetLevel(measure, period);
  if (q === null || implied === null) return findings;
  const year = c.year ?? measure.target.year;
  if (year !== measure.target.year) return findings;
  if (
    measure.target.kind === 'growth' &&
    measure.target.annualRate !== undefined &&
    measure.baseline.value !== null
  ) {
    const needed = c.comparator === '>' || c.comparator === '>=' || c.comparator === '=';
    if (needed && implied < q && !same(implied, q)) {
      const years = measure.target.year - measure.baseline.year;
      findings.push({
        kind: 'unreachable_level',
        severity: 'warning',
        message: `${label}:正文要求${c.year ?? measure.target.year}年${describe(c)},但表中年均增长${measure.target.annualRate}%只能从${measure.baseline.value}达到${measure.baseline.value}×${1 + measure.target.annualRate / 100}^${years}=${implied.toFixed(1)}`,
        messageEn: `${indicator.name} (table no. ${indicator.code}): the text promises ${describe(c)} by ${measure.target.year}, but the table's ${measure.target.annualRate}% a year from ${measure.baseline.value} reaches only ${implied.toFixed(1)}`,
        line: c.line,
        relatedLines: [indicator.line],
        commitments: [{ line: c.line, start: c.start }],
      });
    }
    return findings;
  }
  if (!same(q, implied) && (measure.target.kind === 'level' || measure.target.kind === 'cumulative')) {
    findings.push({
      kind: 'contradiction',
      severity: 'warning',
      message: `${label}:指标表目标为${implied}${tableUnit},正文第${c.line}行为${describe(c)}`,
      messageEn: `${indicator.name} (table no. ${indicator.code}): the table's target is ${implied} ${tableUnit}, the text on line ${c.line} says ${describe(c)}`,
      line: c.line,
      relatedLines: [indicator.line],
      commitments: [{ line: c.line, start: c.start }],
    });
  }
  return findings;
}

function describe(c: Commitment): string {
  const words: Record<string, string> = {
    '>': '超过',
    '>=': '达到',
    '<=': '不超过',
    '<': '低于',
    about: '约',
    '=': '',
    range: '',
  };
  const q = typeof c.quantity === 'number' ? String(c.quantity) : `${c.quantity.min}-${c.quantity.max}`;
  return `${c.subject}${words[c.comparator] ?? ''}${q}${c.unit}`;
}

/** The same promise (subject, unit, year) stated with different numbers in two places. */
function contradictions(commitments: Commitment[]): Finding[] {
  // A statement repeated word for word is one statement (its first occurrence speaks for it).
  const statements = new Map<string, Commitment>();
  for (const c of commitments) {
    if (c.year === null || typeof c.value !== 'number' || c.comparator === 'about') continue;
    const key = `${c.subject}|${c.baseUnit}|${c.year}|${c.value}|${c.comparator}`;
    if (!statements.has(key)) statements.set(key, c);
  }
  // Only statements with the same unit, year and opening words can be the same promise.
  const buckets = new Map<string, Commitment[]>();
  for (const c of statements.values()) {
    const key = `${c.baseUnit}|${c.year}|${c.subject.slice(0, 2)}`;
    buckets.set(key, [...(buckets.get(key) ?? []), c]);
  }
  return [...buckets.values()].flatMap((bucket) => contradictionsIn(bucket.slice(0, MAX_BUCKET)));
}

/** Statements compared pairwise within one bucket; a bucket larger than this is not a real plan's. */
const MAX_BUCKET = 200;

function contradictionsIn(commitments: Commitment[]): Finding[] {
  const findings: Finding[] = [];
  const grams = commitments.map((c) => bigrams(c.subject));
  for (let i = 0; i < commitments.length; i++) {
    for (let j = i + 1; j < commitments.length; j++) {
      const a = commitments[i]!;
      const b = commitments[j]!;
      if (same(a.value as number, b.value as number)) continue;
      if (dice(grams[i]!, grams[j]!) < SAME_PROMISE) continue;
      findings.push({
        kind: 'contradiction',
        severity: 'warning',
        message: `同一目标前后不一致:第${a.line}行“${describe(a)}”,第${b.line}行“${describe(b)}”(均为${a.year}年)`,
        messageEn: `The same target is stated twice with different values: line ${a.line} “${describe(a)}”, line ${b.line} “${describe(b)}” (both for ${a.year})`,
        line: a.line,
        relatedLines: [b.line],
        commitments: [
          { line: a.line, start: a.start },
          { line: b.line, start: b.start },
        ],
      });
    }
  }
  return findings;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}
