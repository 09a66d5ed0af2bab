/**
 * The indicator data layout of Open SDG (the open-source platform many national statistics offices
 * publish SDG indicators with): one CSV per indicator, `indicator_<code>.csv`, one row per year and
 * disaggregation, `Year` first and `Value` last; `Units` and `Series` are the platform's special
 * columns (the unit of the value; one of several series of an indicator), every other column is a
 * disaggregation, and an empty disaggregation cell means "all" (the headline row has them all
 * empty). lantu writes its approved values in this layout so existing SDG tooling reads them, and
 * reads it back (`lantu import-observations --format opensdg`).
 *
 * lantu's columns: Year, [Indicator,] Units, Series, Area, Period, Kind, Value.
 * - Series: the measure's name for an indicator with several (21: 区级及以上非遗代表项目 / …), else empty.
 * - Area: a sub-area (原上城, a street); empty for the whole plan area.
 * - Period: Q1–Q4, M01–M12 for year-to-date figures; empty for the whole year.
 * - Kind: growth (a year-on-year rate in %), increment, target; empty for the level itself.
 * - Indicator: only in the combined file of every indicator (the plan table's 序号).
 */
import type { Indicator, Plan } from '../model/plan.ts';
import {
  createObservationReader,
  isRateMeasure,
  measureUnit,
  nfkc,
  type ObservationCsvRecord,
  type ObservationError,
  type ObservationsResult,
} from '../progress/index.ts';
import type { CsvRecord, CsvValue } from './csv.ts';

/** The columns of a per-indicator file, in order. */
export const OPEN_SDG_COLUMNS = ['Year', 'Units', 'Series', 'Area', 'Period', 'Kind', 'Value'] as const;

/** The columns of the combined file of all indicators, in order. */
export const OPEN_SDG_COMBINED_COLUMNS = [
  'Year',
  'Indicator',
  'Units',
  'Series',
  'Area',
  'Period',
  'Kind',
  'Value',
] as const;

/** An approved value as open data publishes it: no person, only the figure and where it is from. */
export interface PublishedValue {
  indicator: string;
  measure: number;
  year: number;
  period: string | null;
  kind: string;
  area: string | null;
  value: number;
  unit: string;
  source: string;
  sample: boolean;
}

/** The file name Open SDG expects for an indicator's data: indicator_<code>.csv. */
export function openSdgFileName(code: string): string {
  return `indicator_${code.replace(/[^0-9A-Za-z.-]+/g, '-')}.csv`;
}

/** The code a file name of the form indicator_<code>.csv names, or null. */
export function indicatorOfFileName(name: string): string | null {
  const base = name.split(/[\\/]/).pop() ?? name;
  return /^indicator_(.+)\.csv$/i.exec(base)?.[1] ?? null;
}

/** The Series cell of a measure: its name when the indicator has several, else empty. */
export function seriesName(indicator: Indicator, measure: number): string {
  if (indicator.measures.length <= 1) return '';
  return indicator.measures[measure - 1]?.name ?? `${indicator.name} (${measure})`;
}

/** The unit a value is given in: % for growth rows and rate measures, else the measure's unit. */
export function valueUnit(
  indicator: Indicator | undefined,
  measure: number,
  kind: string,
  unit: string,
): string {
  const m = indicator?.measures[measure - 1];
  if (kind === 'growth' || (m && isRateMeasure(m))) return '%';
  return m ? measureUnit(m) : unit;
}

const KIND_ORDER: Readonly<Record<string, number>> = { level: 0, growth: 1, increment: 2, target: 3 };

/** The order values of one measure are listed in: the level first, then growth, increments, targets. */
export function kindRank(kind: string): number {
  return KIND_ORDER[kind] ?? 9;
}

/**
 * The rows of the Open SDG layout for some values (all of one indicator, or all of a plan with
 * `combined`), ordered by indicator, series, kind, area, period and year.
 */
export function openSdgRows(
  plan: Plan,
  values: readonly PublishedValue[],
  options: { combined: boolean },
): CsvValue[][] {
  const byCode = new Map(plan.indicators.map((i, k) => [i.code, { indicator: i, position: k }]));
  const sorted = [...values].sort(
    (a, b) =>
      (byCode.get(a.indicator)?.position ?? 0) - (byCode.get(b.indicator)?.position ?? 0) ||
      a.measure - b.measure ||
      (KIND_ORDER[a.kind] ?? 9) - (KIND_ORDER[b.kind] ?? 9) ||
      (a.area ?? '').localeCompare(b.area ?? '', 'zh-CN', { numeric: true }) ||
      (a.period ?? '').localeCompare(b.period ?? '') ||
      a.year - b.year,
  );
  return sorted.map((v) => {
    const indicator = byCode.get(v.indicator)?.indicator;
    const row: CsvValue[] = [
      v.year,
      valueUnit(indicator, v.measure, v.kind, v.unit),
      indicator ? seriesName(indicator, v.measure) : '',
      v.area ?? '',
      v.period ?? '',
      v.kind === 'level' ? '' : v.kind,
      v.value,
    ];
    if (options.combined) row.splice(1, 0, v.indicator);
    return row;
  });
}

/** How the import names Open SDG's columns in its messages, by lantu's own column names. */
const DISPLAY_COLUMN: Readonly<Record<string, string>> = {
  indicator: 'Indicator',
  year: 'Year',
  value: 'Value',
  measure: 'Series',
  area: 'Area',
  period: 'Period',
  kind: 'Kind',
  unit: 'Units',
  note: 'COMMENT_OBS',
};

/** Header spellings (case-insensitive) → lantu's column. GeoCode and OBS_STATUS are read and ignored. */
const OPEN_SDG_HEADER: Readonly<Record<string, string>> = {
  year: 'year',
  indicator: 'indicator',
  units: 'unit',
  unit: 'unit',
  series: 'measure',
  area: 'area',
  period: 'period',
  kind: 'kind',
  value: 'value',
  comment_obs: 'note',
  geocode: '',
  obs_status: '',
};

/** The lantu columns the converted records carry, in order. */
const LANTU_COLUMNS = [
  'indicator',
  'year',
  'value',
  'measure',
  'area',
  'period',
  'kind',
  'unit',
  'note',
] as const;

/** What reading (part of) an Open SDG file gives: observations, errors, rows skipped as missing. */
export interface OpenSdgReadResult extends ObservationsResult {
  /** Rows whose Value is empty: Open SDG's way of saying "no data", skipped. */
  skipped: number;
}

/** Reads the rows of an Open SDG file in parts (see createObservationReader). */
export interface OpenSdgReader {
  /** The header's problems; when there are any, nothing can be read. */
  errors: ObservationError[];
  read: (records: readonly CsvRecord[], start?: number, end?: number) => OpenSdgReadResult;
}

/**
 * A reader for the rows of a file in the Open SDG layout, turning them into observations with the
 * same row rules as lantu's own CSV (createObservationReader): a per-indicator file takes its
 * indicator from `indicator` (its name, indicator_<code>.csv), a combined file from its Indicator
 * column. A Series names a measure by name or number; a disaggregation lantu cannot store (Sex,
 * Age …) is an error naming its column, never dropped silently. Errors name Open SDG's columns
 * (Year, Value, Series …).
 */
export function createOpenSdgReader(
  plan: Plan,
  header: CsvRecord,
  options: { indicator?: string | null } = {},
): OpenSdgReader {
  const errors: ObservationError[] = [];
  const positions = new Map<string, number>();
  const foreign: { index: number; name: string }[] = [];
  header.cells.forEach((raw, index) => {
    const name = nfkc(raw).trim();
    const mapped = OPEN_SDG_HEADER[name.toLowerCase()];
    if (mapped === undefined) foreign.push({ index, name });
    else if (mapped !== '') {
      if (positions.has(mapped))
        errors.push({ line: header.line, column: name, message: `the header names column ${name} twice` });
      positions.set(mapped, index);
    }
  });
  for (const required of ['year', 'value'] as const) {
    if (!positions.has(required))
      errors.push({
        line: header.line,
        column: DISPLAY_COLUMN[required]!,
        message: 'missing from the header (an Open SDG file has Year first and Value last)',
      });
  }
  const fixedIndicator = options.indicator ?? null;
  if (!positions.has('indicator') && fixedIndicator === null) {
    errors.push({
      line: header.line,
      column: 'Indicator',
      message:
        'no Indicator column, and the file name does not say which indicator (name it indicator_<code>.csv)',
    });
  }
  const inner = createObservationReader({ cells: [...LANTU_COLUMNS], line: header.line });
  const byCode = new Map(plan.indicators.map((i) => [i.code, i]));
  const cell = (cells: readonly string[], column: string): string => {
    const index = positions.get(column);
    return index === undefined ? '' : (cells[index] ?? '').trim();
  };

  const read = (records: readonly CsvRecord[], start = 0, end = records.length): OpenSdgReadResult => {
    if (errors.length > 0) return { observations: [], errors: [...errors], skipped: 0 };
    const rowErrors: ObservationError[] = [];
    const converted: ObservationCsvRecord[] = [];
    let skipped = 0;
    for (let r = start; r < end; r++) {
      const { cells, line } = records[r]!;
      if (cell(cells, 'value') === '') {
        skipped++;
        continue;
      }
      let bad = false;
      for (const f of foreign) {
        const v = (cells[f.index] ?? '').trim();
        if (v !== '') {
          rowErrors.push({
            line,
            column: f.name,
            message: `"${v}": lantu keeps values by Area, Period and Kind only, not by ${f.name} (leave it empty for the total)`,
          });
          bad = true;
        }
      }
      const code = fixedIndicator ?? cell(cells, 'indicator');
      const series = nfkc(cell(cells, 'measure'));
      let measure = '';
      const indicator = byCode.get(nfkc(code).trim());
      if (series !== '') {
        if (/^\d{1,3}$/.test(series)) measure = series;
        else if (indicator) {
          const k = indicator.measures.findIndex((m) => nfkc(m.name ?? '') === series);
          if (k >= 0) measure = String(k + 1);
          else {
            const names = indicator.measures.map((m, n) => m.name ?? String(n + 1)).join(' / ');
            rowErrors.push({
              line,
              column: 'Series',
              message: `"${series}" is not a series of indicator ${indicator.code} (${names})`,
            });
            bad = true;
          }
        }
      } else if (indicator && indicator.measures.length > 1) {
        rowErrors.push({
          line,
          column: 'Series',
          message: `indicator ${indicator.code} has ${indicator.measures.length} measures: name one in Series`,
        });
        bad = true;
      }
      if (bad) continue;
      converted.push({
        cells: [
          code,
          cell(cells, 'year'),
          cell(cells, 'value'),
          measure,
          cell(cells, 'area'),
          cell(cells, 'period'),
          cell(cells, 'kind'),
          cell(cells, 'unit'),
          cell(cells, 'note'),
        ],
        line,
      });
    }
    const result = inner.read(converted);
    const renamed = result.errors.map((e) => ({ ...e, column: openSdgColumn(e.column) }));
    return {
      observations: result.observations,
      errors: [...rowErrors, ...renamed].sort((a, b) => a.line - b.line),
      skipped,
    };
  };
  return { errors, read };
}

/** Reads a whole Open SDG file (records, header first) into observations: see createOpenSdgReader. */
export function readOpenSdgRecords(
  plan: Plan,
  records: readonly CsvRecord[],
  options: { indicator?: string | null } = {},
): OpenSdgReadResult {
  const header = records[0];
  if (!header)
    return {
      observations: [],
      errors: [{ line: 1, column: null, message: 'the file is empty' }],
      skipped: 0,
    };
  const reader = createOpenSdgReader(plan, header, options);
  if (reader.errors.length > 0) return { observations: [], errors: reader.errors, skipped: 0 };
  return reader.read(records, 1);
}

/** The Open SDG name of a lantu column, for messages about a value read from that layout. */
export function openSdgColumn(column: string | null): string | null {
  return column === null ? null : (DISPLAY_COLUMN[column] ?? column);
}
