/**
 * Observations (实际值): the values departments report for a measure, and the CSV they arrive in.
 * Parsing is pure (text in, records and errors out); reading the file is the caller's business.
 * A bad cell is an error naming its line and column, never a silent zero.
 */
import { parse } from 'csv-parse/sync';
import type { Indicator, Measure, Plan } from '../model/plan.ts';
import { isPercentUnit, normaliseUnit, unitFactor } from './units.ts';

/**
 * What a value is: level (the value itself, the default; for a cumulative target, the running
 * total), growth (a year-on-year rate in %), increment (this year's addition to a running total),
 * target (the target the level above set for that year, for 完成市下达目标).
 */
export type ObservationKind = 'level' | 'growth' | 'increment' | 'target';

/** One reported value of one measure for one period (and optionally one sub-area). */
export interface Observation {
  /** The indicator's code (序号) as printed in the plan's table. */
  indicator: string;
  /** 1-based measure number for compound indicators; 1 when absent. */
  measure?: number;
  year: number;
  value: number;
  /** level when absent. */
  kind?: ObservationKind;
  /** Sub-area (原上城, a street); absent or null for the whole plan area. */
  area?: string | null;
  /** Sub-annual period: Q1–Q4 or M01–M12 (year-to-date figures); absent or null for the year. */
  period?: string | null;
  /** The unit the value was given in; after checkObservations, the measure's unit. */
  unit?: string | null;
  /** Workflow state as given (approved, reported, preliminary …): informational, see the README. */
  status?: string | null;
  source?: string | null;
  note?: string | null;
  /** The line of the CSV the value came from, for messages. */
  line?: number | null;
}

/** A problem with one cell or row of an observation file. */
export interface ObservationError {
  /** 1-based line of the file. */
  line: number;
  /** The column (canonical name: indicator, year, value, unit …), or null for the whole row. */
  column: string | null;
  message: string;
}

/** The result of reading observations: what could be read and everything that could not. */
export interface ObservationsResult {
  observations: Observation[];
  errors: ObservationError[];
}

/** The columns an observation CSV may have, with the header spellings accepted for each. */
const COLUMN_NAMES: Readonly<Record<string, readonly string[]>> = {
  indicator: ['indicator', 'code', '序号', '指标代码', '指标序号', '指标编号'],
  year: ['year', '年份', '年度', '年'],
  value: ['value', '数值', '值', '实际值'],
  measure: ['measure', '分项', '子项'],
  area: ['area', '地区', '区域', '片区'],
  period: ['period', '期间', '时期'],
  kind: ['kind', '类型', '数据类型'],
  unit: ['unit', '单位'],
  status: ['status', '状态'],
  source: ['source', '来源', '数据来源'],
  note: ['note', '备注', '说明'],
};

const KIND_NAMES: Readonly<Record<string, ObservationKind>> = {
  level: 'level',
  水平: 'level',
  总量: 'level',
  累计值: 'level',
  growth: 'growth',
  增速: 'growth',
  增长率: 'growth',
  增幅: 'growth',
  increment: 'increment',
  增量: 'increment',
  新增: 'increment',
  target: 'target',
  目标: 'target',
  目标值: 'target',
};

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const GROUPED = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/**
 * Reads a number as people type it: full-width digits (２２１８．６), thousands separators
 * (2,218.6), a minus sign (−3.2), a trailing % (7.5%). Returns null for anything else, including
 * an empty cell and a dash (—): a missing value is never zero.
 */
export function parseNumber(cell: string): number | null {
  let s = cell
    .normalize('NFKC')
    .trim()
    .replace(/[\u2212\uFE63]/g, '-');
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  if (GROUPED.test(s)) s = s.replace(/,/g, '');
  if (!NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Reads a year: 2024, ２０２４ or 2024年. Null for anything that is not a four-digit year. */
export function parseYear(cell: string): number | null {
  const s = cell.normalize('NFKC').trim().replace(/年$/, '');
  return /^\d{4}$/.test(s) ? Number(s) : null;
}

/**
 * Reads a sub-annual period: Q1–Q4 (also 一季度), M1–M12 or M01–M12 (also 6月); empty, Y or 全年
 * is the whole year (null). Returns undefined for anything else.
 */
export function parsePeriod(cell: string): string | null | undefined {
  const s = cell.normalize('NFKC').trim().toUpperCase();
  if (s === '' || s === 'Y' || s === 'FY' || s === 'ANNUAL' || s === '全年') return null;
  let m = /^Q([1-4])$/.exec(s) ?? /^第?([1-4一二三四])季度$/.exec(s);
  if (m) return `Q${'一二三四'.includes(m[1]!) ? '一二三四'.indexOf(m[1]!) + 1 : m[1]}`;
  m = /^M(\d{1,2})$/.exec(s) ?? /^(\d{1,2})月$/.exec(s);
  if (m) {
    const month = Number(m[1]);
    if (month >= 1 && month <= 12) return `M${String(month).padStart(2, '0')}`;
  }
  return undefined;
}

/**
 * The share of its year a period covers (year-to-date): Q2 → 0.5, M09 → 0.75, the whole year → 1.
 * NaN for a period that is not one of Q1–Q4, M01–M12.
 */
export function periodFraction(period: string | null | undefined): number {
  if (period === null || period === undefined || period === '') return 1;
  const m = /^([QM])(\d{1,2})$/.exec(period);
  if (!m) return Number.NaN;
  const n = Number(m[2]);
  if (m[1] === 'Q') return n >= 1 && n <= 4 ? n / 4 : Number.NaN;
  return n >= 1 && n <= 12 ? n / 12 : Number.NaN;
}

function headerColumns(header: string[], line: number, errors: ObservationError[]): Map<string, number> {
  const map = new Map<string, number>();
  header.forEach((raw, index) => {
    const name = raw.normalize('NFKC').trim().toLowerCase();
    for (const [column, names] of Object.entries(COLUMN_NAMES)) {
      if (!names.includes(name)) continue;
      if (map.has(column)) {
        errors.push({ line, column, message: `the header names column ${column} twice` });
      } else {
        map.set(column, index);
      }
    }
  });
  for (const required of ['indicator', 'year', 'value']) {
    if (!map.has(required)) {
      errors.push({
        line,
        column: required,
        message: 'missing from the header (the header must name indicator, year and value)',
      });
    }
  }
  return map;
}

/**
 * Parses an observation CSV (header row; columns indicator, year, value; optional measure, area,
 * period, kind, unit, status, source, note; other columns ignored). Each bad cell is an error with
 * its line and column and its row is left out; a duplicate row (same indicator, measure, area,
 * year, period and kind) is an error naming the first one. Never throws.
 */
export function parseObservationsCsv(text: string): ObservationsResult {
  const errors: ObservationError[] = [];
  const observations: Observation[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    const e = error as { lines?: number; message?: string };
    const message = String(e.message ?? error).replace(/\s+/g, ' ');
    return {
      observations,
      errors: [{ line: e.lines ?? 1, column: null, message: `not a readable CSV: ${message}` }],
    };
  }
  const first = records[0];
  if (!first) return { observations, errors: [{ line: 1, column: null, message: 'the file is empty' }] };
  const startLine = (r: { record: string[]; info: { lines: number } }): number =>
    r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  const columns = headerColumns(first.record, startLine(first), errors);
  if (errors.length > 0) return { observations, errors };
  const seen = new Map<string, number>();

  for (const { record, info } of records.slice(1)) {
    const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    if (record.every((cell) => cell.trim() === '')) continue;
    const cell = (column: string): string => {
      const index = columns.get(column);
      return index === undefined ? '' : (record[index] ?? '').trim();
    };
    const rowErrors: ObservationError[] = [];
    const fail = (column: string, message: string): void => {
      rowErrors.push({ line, column, message });
    };

    const indicator = cell('indicator').normalize('NFKC').trim();
    if (indicator === '') fail('indicator', 'empty (name the indicator by its code in the plan table)');
    const yearText = cell('year');
    const year = parseYear(yearText);
    if (year === null) fail('year', yearText === '' ? 'empty' : `"${yearText}" is not a year`);
    const valueText = cell('value');
    const value = parseNumber(valueText);
    if (value === null) {
      fail(
        'value',
        valueText === ''
          ? 'empty (a missing value is not zero: fill it in or leave the row out)'
          : `"${valueText}" is not a number`,
      );
    }
    let measure = 1;
    const measureText = cell('measure').normalize('NFKC');
    if (measureText !== '') {
      if (/^\d{1,3}$/.test(measureText) && Number(measureText) >= 1) measure = Number(measureText);
      else fail('measure', `"${measureText}" is not a measure number (1, 2 …)`);
    }
    const periodText = cell('period');
    const period = parsePeriod(periodText);
    if (period === undefined)
      fail('period', `"${periodText}" is not a period (Q1–Q4 or M01–M12, empty for the year)`);
    let kind: ObservationKind = 'level';
    const kindText = cell('kind').normalize('NFKC').trim().toLowerCase();
    if (kindText !== '') {
      const known = KIND_NAMES[kindText];
      if (known) kind = known;
      else fail('kind', `"${kindText}" is not a kind (level, growth, increment or target)`);
    }
    if (rowErrors.length > 0 || year === null || value === null || period === undefined) {
      errors.push(...rowErrors);
      continue;
    }
    const area = cell('area').normalize('NFKC').trim();
    const key = [indicator, measure, area, year, period ?? '', kind].join('\u0001');
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      errors.push({
        line,
        column: null,
        message: `repeats the row of line ${earlier} (same indicator, measure, area, year, period and kind)`,
      });
      continue;
    }
    seen.set(key, line);
    const optional = (column: string): string | null => {
      const v = cell(column);
      return v === '' ? null : v;
    };
    observations.push({
      indicator,
      measure,
      year,
      value,
      kind,
      area: area === '' ? null : area,
      period,
      unit: optional('unit'),
      status: optional('status'),
      source: optional('source'),
      note: optional('note'),
      line,
    });
  }
  return { observations, errors };
}

/** Whether a measure's values are rates in %: growth and relational targets counted in % (网络零售额增速). */
export function isRateMeasure(measure: Measure): boolean {
  return (
    (measure.target.kind === 'growth' || measure.target.kind === 'relational') &&
    isPercentUnit(measureUnit(measure))
  );
}

/** The unit a measure is counted in (the level unit of 亿元,%). */
export function measureUnit(measure: Measure): string {
  const comma = measure.unit.search(/[,，、]/);
  return comma < 0 ? measure.unit : measure.unit.slice(0, comma);
}

/**
 * Checks observations against a plan and converts their values into each measure's unit: the
 * indicator must be in the table, the measure must exist, target rows are only for targets set by
 * the level above, increments only for measures counted in levels, and the unit must be the
 * measure's or convertible to it (万元 → 亿元 × 0.0001; growth rates are in %). Returns the checked
 * observations (unit set to the measure's) and one error per bad row.
 */
export function checkObservations(plan: Plan, observations: readonly Observation[]): ObservationsResult {
  const byCode = new Map<string, Indicator>();
  for (const indicator of plan.indicators) byCode.set(indicator.code, indicator);
  const errors: ObservationError[] = [];
  const checked: Observation[] = [];
  for (const o of observations) {
    const line = o.line ?? 0;
    const code = o.indicator.normalize('NFKC').trim();
    const indicator = byCode.get(code) ?? byCode.get(code.replace(/^0+(?=\d)/, ''));
    if (!indicator) {
      const codes = plan.indicators.map((i) => i.code);
      const known =
        codes.length === 0
          ? 'the plan has no indicator table'
          : `the plan's codes are ${codes[0]} … ${codes[codes.length - 1]}`;
      errors.push({
        line,
        column: 'indicator',
        message: `"${o.indicator}" is not an indicator of the plan (${known})`,
      });
      continue;
    }
    const number = o.measure ?? 1;
    const measure = indicator.measures[number - 1];
    if (!measure) {
      errors.push({
        line,
        column: 'measure',
        message: `indicator ${indicator.code} (${indicator.name}) has ${indicator.measures.length} measure(s), not ${number}`,
      });
      continue;
    }
    const kind = o.kind ?? 'level';
    const targetKind = measure.target.kind;
    const rate = isRateMeasure(measure);
    const unit = measureUnit(measure);
    if (kind === 'target' && targetKind !== 'external') {
      errors.push({
        line,
        column: 'kind',
        message: `indicator ${indicator.code} (${indicator.name}) has its own ${targetKind} target in the plan; target rows are for targets set by the level above (完成市下达目标)`,
      });
      continue;
    }
    if (kind === 'increment' && rate) {
      errors.push({
        line,
        column: 'kind',
        message: `indicator ${indicator.code} (${indicator.name}) is a rate in %; it has no increments`,
      });
      continue;
    }
    let factor = 1;
    if (o.unit !== null && o.unit !== undefined && normaliseUnit(o.unit) !== '') {
      if (kind === 'growth' || rate) {
        if (!isPercentUnit(o.unit)) {
          const what =
            kind === 'growth'
              ? 'a growth row is a rate in %'
              : `indicator ${indicator.code} (${indicator.name}) is a rate in %`;
          errors.push({ line, column: 'unit', message: `${what}, not ${o.unit}` });
          continue;
        }
      } else {
        const f = unitFactor(o.unit, unit);
        if (f === null) {
          errors.push({
            line,
            column: 'unit',
            message: `${o.unit} cannot be converted to ${unit}, the unit of indicator ${indicator.code} (${indicator.name})`,
          });
          continue;
        }
        factor = f;
      }
    }
    checked.push({
      ...o,
      indicator: indicator.code,
      measure: number,
      kind,
      value: o.value * factor,
      unit: kind === 'growth' || rate ? '%' : unit,
    });
  }
  return { observations: checked, errors };
}

/** Parses an observation CSV and checks it against a plan: parseObservationsCsv then checkObservations. */
export function readObservations(plan: Plan, text: string): ObservationsResult {
  const parsed = parseObservationsCsv(text);
  const checked = checkObservations(plan, parsed.observations);
  const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.line - b.line);
  return { observations: checked.observations, errors };
}

/** One line for a user: "data.csv line 4, column value: "abc" is not a number". */
export function formatObservationError(file: string, error: ObservationError): string {
  const where = error.column === null ? `line ${error.line}` : `line ${error.line}, column ${error.column}`;
  return `${file} ${where}: ${error.message}`;
}

/**
 * Decodes the bytes of a CSV file: UTF-8 (with or without BOM), or GB18030 when the bytes are not
 * UTF-8 (Excel in China saves CSV as GBK). Pure: bytes in, text out.
 */
export function decodeCsvBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
