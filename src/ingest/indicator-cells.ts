/**
 * Turns the cells of one indicator-table row into an Indicator with typed measures and targets, so
 * that no odd cell is left as a string to puzzle over later: [474] is a running total, >99 a bound
 * to hold, 原上城:86.6 原江干:87.4 one baseline per area, 完成市下达目标 a target set from above,
 * 高于经济增长 a target stated against another indicator, [163]/0 two measures.
 */
import type { Comparator, Direction, Finding, Indicator, Measure, Target } from '../model/plan.ts';
import { toHalfWidth } from './numbers.ts';
import type { ColumnRole } from './table.ts';

/** The raw cells of one row, after the 序号. */
export interface RowCells {
  code: string;
  line: number;
  category: string;
  cells: string[];
}

export interface RowContext {
  baseYear: number;
  targetYear: number;
  /** Bracket pairs that mark a cumulative value, e.g. '[]'. */
  cumulativeBrackets: string[];
}

/** One value cell (or one part of a cell split on /), read. */
export interface CellValue {
  value: number | null;
  cumulative: boolean;
  comparator?: Comparator;
  byArea?: Record<string, number>;
  /** Words that are not a number (完成市下达目标). */
  text?: string;
}

const EMPTY = /^(—+|-+|–+|－+|\/|无|暂无|\s*)$/;
const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** Reads a value cell: numbers, [cumulative] numbers, bounds (>99, 95以上), per-area values, or words. */
export function readValueCell(raw: string, brackets: string[]): CellValue[] {
  const text = toHalfWidth(raw).trim();
  if (EMPTY.test(text)) return [{ value: null, cumulative: false }];
  const parts = text.split(/\s*[/／]\s*/);
  if (parts.length > 1 && parts.every((p) => EMPTY.test(p) || readOne(p, brackets).text === undefined)) {
    return parts.map((p) => (EMPTY.test(p) ? { value: null, cumulative: false } : readOne(p, brackets)));
  }
  return [readOne(text, brackets)];
}

function readOne(text: string, brackets: string[]): CellValue {
  const areas = [...text.matchAll(/([\u4e00-\u9fff]{2,8})\s*[:：]\s*([+-]?\d+(?:\.\d+)?)/g)];
  if (areas.length > 0) {
    return {
      value: null,
      cumulative: false,
      byArea: Object.fromEntries(areas.map((m) => [m[1]!, Number(m[2])])),
    };
  }
  let body = text.replace(/%$/, '').trim();
  let cumulative = false;
  for (const pair of brackets) {
    if (body.startsWith(pair[0]!) && body.endsWith(pair[1]!)) {
      body = body.slice(1, -1).trim();
      cumulative = true;
      break;
    }
  }
  const bound = /^(>=|<=|≥|≤|>|<|不低于|不高于|不少于|不超过|高于|低于|超过)\s*([+-]?\d+(?:\.\d+)?)$/.exec(
    body,
  );
  if (bound) return { value: Number(bound[2]), cumulative, comparator: boundComparator(bound[1]!) };
  const suffix = /^([+-]?\d+(?:\.\d+)?)\s*(以上|以下|以内|左右)$/.exec(body);
  if (suffix) return { value: Number(suffix[1]), cumulative, comparator: suffixComparator(suffix[2]!) };
  const approx = /^(约|左右)\s*([+-]?\d+(?:\.\d+)?)$/.exec(body);
  if (approx) return { value: Number(approx[2]), cumulative, comparator: 'about' };
  if (NUMBER.test(body)) return { value: Number(body), cumulative };
  return { value: null, cumulative, text };
}

function boundComparator(word: string): Comparator {
  if (['>=', '≥', '不低于', '不少于'].includes(word)) return '>=';
  if (['<=', '≤', '不高于', '不超过'].includes(word)) return '<=';
  if (['<', '低于'].includes(word)) return '<';
  return '>';
}

function suffixComparator(word: string): Comparator {
  if (word === '以上') return '>=';
  if (word === '左右') return 'about';
  return '<=';
}

/** Names whose smaller values are better. Words of measurement, not of any one plan. */
const LOWER_IS_BETTER =
  /浓度|死亡率|发病率|能耗|电耗|排放|失业率|发生率|事故|损失|近视率|肥胖率|负债率|空置率|贫困|差距/;
/** Names that count a reduction itself, so that a bigger number is better (…降低率, 近视率降低). */
const COUNTS_A_REDUCTION = /(降低|下降|减少|降幅|削减)率?$/;
const EXTERNAL = /下达|完成.{0,4}目标|上级|省定|市定/;
const RELATIONAL = /^(高于|快于|不低于|低于|慢于|与|同)(.+?)(同步|基本同步|相当)?$/;

export interface RowResult {
  indicator: Indicator | null;
  findings: Finding[];
}

/** Interprets one row; findings say what could not be read and where. */
export function interpretRow(row: RowCells, roles: ColumnRole[], ctx: RowContext): RowResult {
  const findings: Finding[] = [];
  const field = mapCells(row, roles, findings);
  const name = (field.name ?? '').replace(/\s+/g, '');
  if (!name) {
    findings.push({
      kind: 'unreadable_row',
      severity: 'warning',
      message: `指标表第${row.code}行(第${row.line}行)读不出指标名称:${row.cells.join(' | ')}`,
      messageEn: `Indicator table row ${row.code} (line ${row.line}) has no readable name: ${row.cells.join(' | ')}`,
      line: row.line,
    });
    return { indicator: null, findings };
  }
  const unit = (field.unit ?? '').replace(/\s+/g, '');
  const [levelUnit] = unit.split(/[,，、]/);
  const base = readValueCell(field.base ?? '', ctx.cumulativeBrackets);
  const target = readValueCell(field.target ?? '', ctx.cumulativeBrackets);
  const rate = readValueCell(field.rate ?? '', ctx.cumulativeBrackets);
  const count = Math.max(base.length, target.length);
  const names = name.split(/[;；]/);
  const measures: Measure[] = [];
  for (let k = 0; k < count; k++) {
    const measureName = count > 1 ? (names[k] ?? `${name} (${k + 1})`) : undefined;
    const b = base[k] ?? base[0]!;
    const t = target[k] ?? { value: null, cumulative: false };
    const r = rate[k] ?? rate[0]!;
    measures.push(buildMeasure(measureName ?? name, levelUnit ?? unit, b, t, r, ctx, measureName));
  }
  const attr = field.attr ?? '';
  const indicator: Indicator = {
    code: row.code,
    category: row.category,
    name,
    unit,
    binding: /约束/.test(attr),
    cumulative: [...base, ...target, ...rate].some((v) => v.cumulative),
    measures,
    line: row.line,
    cells: [row.category, row.code, ...row.cells],
  };
  return { indicator, findings };
}

/** Places the row's cells by their header roles; a short row is reported and read from both ends. */
function mapCells(
  row: RowCells,
  roles: ColumnRole[],
  findings: Finding[],
): Partial<Record<ColumnRole, string>> {
  const field: Partial<Record<ColumnRole, string>> = {};
  const cells = row.cells;
  if (cells.length >= roles.length) {
    roles.forEach((role, k) => {
      if (field[role] === undefined) field[role] = cells[k];
    });
    return field;
  }
  findings.push({
    kind: 'missing_cell',
    severity: 'warning',
    message: `指标表序号${row.code}(第${row.line}行)应有${roles.length}格,只读到${cells.length}格;缺失的格按空值处理`,
    messageEn: `Indicator table row ${row.code} (line ${row.line}) should have ${roles.length} cells but has ${cells.length}; the missing ones are read as empty`,
    line: row.line,
  });
  // Name and unit lead the row; the attribute (约束性/预期性) closes it; values fill in between.
  let head = 0;
  let tail = cells.length - 1;
  let roleTail = roles.length - 1;
  if (roles[roleTail] === 'attr' && tail >= 0 && /约束|预期/.test(cells[tail]!)) {
    field.attr = cells[tail--];
    roleTail--;
  }
  for (let k = 0; k <= roleTail && head <= tail; k++) field[roles[k]!] = cells[head++];
  return field;
}

function buildMeasure(
  name: string,
  unit: string,
  base: CellValue,
  target: CellValue,
  rate: CellValue,
  ctx: RowContext,
  measureName: string | undefined,
): Measure {
  const targetOut = buildTarget(target, rate, ctx.targetYear);
  const direction = directionOf(name, base, targetOut);
  if (targetOut.kind === 'threshold' && !targetOut.comparator)
    targetOut.comparator = direction === 'up' ? '>=' : '<=';
  const measure: Measure = {
    unit,
    direction,
    baseline: { year: ctx.baseYear, value: base.value },
    target: targetOut,
  };
  if (measureName) measure.name = measureName;
  if (base.byArea) measure.baseline.byArea = base.byArea;
  if (base.cumulative) measure.baseline.cumulative = true;
  if (base.text) measure.baseline.value = null;
  // A level held where it stands (100 → 100) is a bound to keep, not a distance to cover.
  if (targetOut.kind === 'level' && base.value !== null && targetOut.value === base.value) {
    targetOut.kind = 'threshold';
    targetOut.comparator = direction === 'up' ? '>=' : '<=';
  }
  return measure;
}

function buildTarget(target: CellValue, rate: CellValue, year: number): Target {
  const words = target.text ?? rate.text;
  if (words && EXTERNAL.test(words)) return { year, kind: 'external', value: null, text: words };
  if (words) {
    const relational = RELATIONAL.exec(words);
    if (relational) {
      const comparator: Comparator = /不低于|同步|相当|与|同/.test(words)
        ? '>='
        : /低于|慢于/.test(words)
          ? '<'
          : '>';
      return { year, kind: 'relational', value: null, comparator, relatesTo: relational[2]!, text: words };
    }
  }
  const annualRate = rate.value !== null && !rate.cumulative ? rate.value : undefined;
  if (target.value !== null) {
    const kind = target.cumulative ? 'cumulative' : target.comparator ? 'threshold' : 'level';
    const out: Target = { year, kind, value: target.value };
    if (target.comparator) out.comparator = target.comparator;
    if (annualRate !== undefined) out.annualRate = annualRate;
    return out;
  }
  if (rate.value !== null && rate.cumulative)
    return { year, kind: 'cumulative', value: rate.value, text: `[${rate.value}]` };
  if (annualRate !== undefined) return { year, kind: 'growth', value: null, annualRate };
  const out: Target = { year, kind: 'level', value: null };
  if (words) out.text = words;
  return out;
}

function directionOf(name: string, base: CellValue, target: Target): Direction {
  if (COUNTS_A_REDUCTION.test(name)) return 'up';
  if (target.comparator === '<' || target.comparator === '<=') return 'down';
  if (target.comparator === '>' || target.comparator === '>=') return 'up';
  if (
    target.kind === 'level' &&
    base.value !== null &&
    target.value !== null &&
    target.value !== base.value
  ) {
    return target.value < base.value ? 'down' : 'up';
  }
  return LOWER_IS_BETTER.test(name) ? 'down' : 'up';
}
