/**
 * Reading the plan against itself: which narrative promises restate a table indicator, and where the
 * plan contradicts itself (the same quantity promised twice with different values, a narrative level
 * the table's growth rate does not reach, a unit that differs between table and text).
 */
import type { Commitment, Finding, Indicator, Measure, PlanPeriod } from '../model/plan.ts';
import { cleanFloat } from './numbers.ts';
import { containment, similarity } from './text.ts';

/** How close a promise's subject must be to an indicator's name to be the same thing. */
const SAME_SUBJECT = 0.55;
/** How close two promises' subjects must be to be the same promise. */
const SAME_PROMISE = 0.8;

/** Links commitments to indicators (mutating `indicatorCode`) and returns what does not agree. */
export function crossCheck(commitments: Commitment[], indicators: Indicator[], period: PlanPeriod): Finding[] {
  const findings: Finding[] = [];
  for (const c of commitments) {
    const match = bestIndicator(c, indicators, period);
    if (!match) continue;
    c.indicatorCode = match.indicator.code;
    findings.push(...compareWithTable(c, match.indicator, match.measure, period));
  }
  findings.push(...contradictions(commitments));
  return findings;
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

function bestIndicator(c: Commitment, indicators: Indicator[], period: PlanPeriod): Match | null {
  let best: Match | null = null;
  for (const indicator of indicators) {
    for (const measure of indicator.measures) {
      const name = measure.name ?? indicator.name;
      const score = Math.max(containment(name, c.subject), similarity(name, c.subject));
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
  }
  return best;
}

/** Units that measure the same kind of thing (a %, or money in 元, or the same counting word). */
function unitsComparable(c: Commitment, measure: Measure): boolean {
  const mu = measure.unit.replace(/^(万亿|亿|万)/, '');
  const cu = c.baseUnit;
  return mu === cu || (mu === '%' && cu === '%');
}

function compareWithTable(c: Commitment, indicator: Indicator, measure: Measure, period: PlanPeriod): Finding[] {
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
    });
  }
  const implied = impliedTargetLevel(measure, period);
  if (q === null || implied === null) return findings;
  const year = c.year ?? measure.target.year;
  if (year !== measure.target.year) return findings;
  if (measure.target.kind === 'growth' && measure.target.annualRate !== undefined && measure.baseline.value !== null) {
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
    });
  }
  return findings;
}

function describe(c: Commitment): string {
  const words: Record<string, string> = { '>': '超过', '>=': '达到', '<=': '不超过', '<': '低于', about: '约', '=': '', range: '' };
  const q = typeof c.quantity === 'number' ? String(c.quantity) : `${c.quantity.min}-${c.quantity.max}`;
  return `${c.subject}${words[c.comparator] ?? ''}${q}${c.unit}`;
}

/** The same promise (subject, unit, year) stated with different numbers in two places. */
function contradictions(commitments: Commitment[]): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<string>();
  for (let i = 0; i < commitments.length; i++) {
    for (let j = i + 1; j < commitments.length; j++) {
      const a = commitments[i]!;
      const b = commitments[j]!;
      if (a.baseUnit !== b.baseUnit || a.year !== b.year || a.year === null) continue;
      const qa = scalar(a.value);
      const qb = scalar(b.value);
      if (qa === null || qb === null || same(qa, qb)) continue;
      if (a.comparator === 'about' || b.comparator === 'about') continue;
      if (similarity(a.subject, b.subject) < SAME_PROMISE) continue;
      const key = `${a.line}:${a.start}|${b.line}:${b.start}`;
      if (reported.has(key)) continue;
      reported.add(key);
      findings.push({
        kind: 'contradiction',
        severity: 'warning',
        message: `同一目标前后不一致:第${a.line}行“${describe(a)}”,第${b.line}行“${describe(b)}”(均为${a.year}年)`,
        messageEn: `The same target is stated twice with different values: line ${a.line} “${describe(a)}”, line ${b.line} “${describe(b)}” (both for ${a.year})`,
        line: a.line,
        relatedLines: [b.line],
      });
    }
  }
  return findings;
}
