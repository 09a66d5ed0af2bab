/**
 * Observations (实际值): the values departments report for a measure, and the CSV they arrive in.
 * Parsing is pure (text in, records and errors out); reading the file is the caller's business.
 * A bad cell is an error naming its line and column, never a silent zero.
 */
import { parse } from 'csv-parse/sync';
import type { Indicator, Measure, Plan } from '../model/plan.ts';
import { nfkc, parseNumber } from './numbers.ts';
import { isPercentUnit, normaliseUnit, unitFactor } from './units.ts';

export { nfkc, parseNumber } from './numbers.ts';

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

/** Reads a year: 2024, ２０２４ or 2024年. Null for anything that is not a four-digit year. */
export function parseYear(cell: string): number | null {
  const s = nfkc(cell).trim().replace(/年$/, '');
  return /^\d{4}$/.test(s) ? Number(s) : null;
}

/**
 * Reads a sub-annual period: Q1–Q4 (also 一季度), M1–M12 or M01–M12 (also 6月); empty, Y or 全年
 * is the whole year (null). Returns undefined for anything else.
 */
export function parsePeriod(cell: string): string | null | undefined {
  const s = nfkc(cell).trim().toUpperCase();
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

/** One record of an observation file as a tokenizer read it: its cells and the line it starts on. */
export interface ObservationCsvRecord {
  cells: string[];
  /** 1-based line of the file the record starts on. */
  line: number;
}

/**
 * Parses an observation CSV (header row; columns indicator, year, value; optional measure, area,
 * period, kind, unit, status, source, note; other columns ignored). Each bad cell is an error with
 * its line and column and its row is left out; a duplicate row (same indicator, measure, area,
 * year, period and kind) is an error naming the first one. Never throws.
 */
export function parseObservationsCsv(text: string): ObservationsResult {
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
      observations: [],
      errors: [{ line: e.lines ?? 1, column: null, message: `not a readable CSV: ${message}` }],
    };
  }
  // csv-parse counts the lines up to the end of a record; a quoted cell may span several.
  const startLine = (r: { record: string[]; info: { lines: number } }): number =>
    r.info.lines - r.record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
  return observationsFromRecords(records.map((r) => ({ cells: r.record, line: startLine(r) })));
}

/** A record whose cells are all empty or spaces: skipped, like an empty line. */
function isBlankRecord(record: readonly string[]): boolean {
  for (const cell of record) if (cell.trim() !== '') return false;
  return true;
}

/** The trimmed cell at a column position (-1: the file has no such column), '' when the row is short. */
function cellAt(record: readonly string[], index: number): string {
  return index < 0 ? '' : (record[index] ?? '').trim();
}

/** An optional cell: null when empty. */
function optionalCell(record: readonly string[], index: number): string | null {
  const v = cellAt(record, index);
  return v === '' ? null : v;
}

/**
 * Reads observations from the records of a tokenized file, the first being the header: the rules
 * of parseObservationsCsv without the tokenizing, so a faster tokenizer (the bulk import reads a
 * million rows) applies exactly the same checks. Never throws.
 */
export function observationsFromRecords(records: readonly ObservationCsvRecord[]): ObservationsResult {
  const first = records[0];
  if (!first) return { observations: [], errors: [{ line: 1, column: null, message: 'the file is empty' }] };
  const reader = createObservationReader(first);
  if (reader.errors.length > 0) return { observations: [], errors: reader.errors };
  return reader.read(records, 1);
}

/** Reads the rows of one file in parts, carrying what it has seen (for duplicates) from part to part. */
export interface ObservationReader {
  /** The header's problems; when there are any, nothing can be read. */
  errors: ObservationError[];
  /** Reads records [start, end): their observations and errors, duplicates of earlier parts included. */
  read: (records: readonly ObservationCsvRecord[], start?: number, end?: number) => ObservationsResult;
}

/**
 * A reader for the rows after `header`: the same rules as observationsFromRecords, a part at a time,
 * so a bulk import can write one part while the next is read.
 */
export function createObservationReader(header: ObservationCsvRecord): ObservationReader {
  const headerErrors: ObservationError[] = [];
  const columns = headerColumns(header.cells, header.line, headerErrors);
  const seen = new Map<string, number>();
  // Column positions, looked up once: this loop runs a million times in a bulk import, so it makes
  // no closures and no arrays per row.
  const at = (column: string): number => columns.get(column) ?? -1;
  const c = {
    indicator: at('indicator'),
    year: at('year'),
    value: at('value'),
    measure: at('measure'),
    period: at('period'),
    kind: at('kind'),
    area: at('area'),
    unit: at('unit'),
    status: at('status'),
    source: at('source'),
    note: at('note'),
  };
  const read = (
    records: readonly ObservationCsvRecord[],
    start = 0,
    end = records.length,
  ): ObservationsResult => {
    const errors: ObservationError[] = [];
    const observations: Observation[] = [];
    if (headerErrors.length > 0) return { observations, errors: [...headerErrors] };
    for (let r = start; r < end; r++) {
      const { cells: record, line } = records[r]!;
      if (isBlankRecord(record)) continue;
      let rowErrors: ObservationError[] | null = null;

      const indicator = nfkc(cellAt(record, c.indicator)).trim();
      if (indicator === '') {
        rowErrors = [];
        rowErrors.push({
          line,
          column: 'indicator',
          message: 'empty (name the indicator by its code in the plan table)',
        });
      }
      const yearText = cellAt(record, c.year);
      const year = parseYear(yearText);
      if (year === null) {
        rowErrors ??= [];
        rowErrors.push({
          line,
          column: 'year',
          message: yearText === '' ? 'empty' : `"${yearText}" is not a year`,
        });
      }
      const valueText = cellAt(record, c.value);
      const value = parseNumber(valueText);
      if (value === null) {
        rowErrors ??= [];
        rowErrors.push({
          line,
          column: 'value',
          message:
            valueText === ''
              ? 'empty (a missing value is not zero: fill it in or leave the row out)'
              : `"${valueText}" is not a number`,
        });
      }
      let measure = 1;
      const measureText = nfkc(cellAt(record, c.measure));
      if (measureText !== '') {
        if (/^\d{1,3}$/.test(measureText) && Number(measureText) >= 1) measure = Number(measureText);
        else {
          rowErrors ??= [];
          rowErrors.push({
            line,
            column: 'measure',
            message: `"${measureText}" is not a measure number (1, 2 …)`,
          });
        }
      }
      const periodText = cellAt(record, c.period);
      const period = parsePeriod(periodText);
      if (period === undefined) {
        rowErrors ??= [];
        rowErrors.push({
          line,
          column: 'period',
          message: `"${periodText}" is not a period (Q1–Q4 or M01–M12, empty for the year)`,
        });
      }
      let kind: ObservationKind = 'level';
      const kindText = nfkc(cellAt(record, c.kind)).trim().toLowerCase();
      if (kindText !== '') {
        const known = KIND_NAMES[kindText];
        if (known) kind = known;
        else {
          rowErrors ??= [];
          rowErrors.push({
            line,
            column: 'kind',
            message: `"${kindText}" is not a kind (level, growth, increment or target)`,
          });
        }
      }
      if (rowErrors !== null || year === null || value === null || period === undefined) {
        if (rowErrors !== null) errors.push(...rowErrors);
        continue;
      }
      const area = nfkc(cellAt(record, c.area)).trim();
      const key = `${indicator}\u0001${measure}\u0001${area}\u0001${year}\u0001${period ?? ''}\u0001${kind}`;
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
      observations.push({
        indicator,
        measure,
        year,
        value,
        kind,
        area: area === '' ? null : area,
        period,
        unit: optionalCell(record, c.unit),
        status: optionalCell(record, c.status),
        source: optionalCell(record, c.source),
        note: optionalCell(record, c.note),
        line,
      });
    }
    return { observations, errors };
  };
  return { errors: headerErrors, read };
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
    const code = nfkc(o.indicator).trim();
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
