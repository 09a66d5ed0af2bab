/**
 * Reading a bulk import file into rows ready to store, part by part: tokenize, read (lantu's CSV or
 * the Open SDG layout, the same row rules either way), check against the plan (measures, kinds,
 * units), then against the store's facts read in the import's transaction (the plan's years, the
 * item's lead unit, keys already stored). Pure: the store's facts come in the context, so reading
 * stays apart from writing and a part can be checked while the last one is written.
 */
import type { Plan } from '../../model/plan.ts';
import { CsvScanner } from '../../opendata/csv.ts';
import { createOpenSdgReader, type OpenSdgReader, openSdgColumn } from '../../opendata/opensdg.ts';
import {
  checkObservations,
  createObservationReader,
  type Observation,
  type ObservationError,
  type ObservationReader,
} from '../../progress/index.ts';
import { type BulkObservation, storageKey } from '../../store/bulkObservations.repository.ts';

/** The file layouts the import reads. */
export type ImportFormat = 'lantu' | 'opensdg';

/** Everything reading a file needs besides its text. */
export interface PrepareContext {
  format: ImportFormat;
  plan: Plan;
  /** For an Open SDG file of one indicator without an Indicator column: the indicator. */
  indicator: string | null;
  /** The plan's indicator items by code (序号) → item id. */
  itemOf: Map<string, string>;
  /** Lead unit of each assigned item: item id → unit id. */
  leadOf: Map<string, string>;
  /** Values the plan already holds: storage key → workflow state. */
  existing: Map<string, string>;
  /** Records per part. */
  part: number;
}

/** One part of a file, read and checked. */
export interface PreparedPart {
  rows: BulkObservation[];
  errors: ObservationError[];
  /** Open SDG rows with an empty Value (no data), skipped. */
  skipped: number;
  /** Indicator codes of the rows, and their years. */
  codes: string[];
  from: number;
  to: number;
}

/**
 * Reads a file part by part. A header or CSV error ends it with a part holding only the error;
 * otherwise every part is read, whatever the errors of earlier parts, so that all are reported.
 */
export function* prepareImport(text: string, context: PrepareContext): Generator<PreparedPart> {
  const empty = (errors: ObservationError[]): PreparedPart => ({
    rows: [],
    errors,
    skipped: 0,
    codes: [],
    from: Number.POSITIVE_INFINITY,
    to: Number.NEGATIVE_INFINITY,
  });
  const scanner = new CsvScanner(text);
  const first = scanner.read(1);
  if (!first.ok) return yield empty([unreadable(first)]);
  const header = first.records[0];
  if (!header) return yield empty([{ line: 1, column: null, message: 'the file is empty' }]);
  const opensdg = context.format === 'opensdg';
  const reader: OpenSdgReader = opensdg
    ? createOpenSdgReader(context.plan, header, { indicator: context.indicator })
    : withoutSkips(createObservationReader(header));
  if (reader.errors.length > 0) return yield empty(reader.errors);
  const column = (c: string | null): string | null => (opensdg ? openSdgColumn(c) : c);
  const { baseYear, endYear } = context.plan.period;

  while (!scanner.done) {
    const part = scanner.read(context.part);
    if (!part.ok) return yield empty([unreadable(part)]);
    const parsed = reader.read(part.records);
    const checked = checkObservations(context.plan, parsed.observations);
    const out = empty([...parsed.errors]);
    out.skipped = parsed.skipped;
    for (const e of checked.errors) out.errors.push({ ...e, column: column(e.column) });
    const fail = (line: number, c: string | null, message: string): void => {
      out.errors.push({ line, column: column(c), message });
    };
    const codes = new Set<string>();
    for (const { checked: o, original } of pairWithOriginals(checked.observations, parsed.observations)) {
      const line = o.line ?? 0;
      if (o.year < baseYear || o.year > endYear) {
        fail(
          line,
          'year',
          `年份应在 ${baseYear} 到 ${endYear} 之间 · ${o.year} is outside the plan, ${baseYear}–${endYear}`,
        );
        continue;
      }
      const itemId = context.itemOf.get(o.indicator);
      if (!itemId) {
        fail(
          line,
          'indicator',
          `规划中没有指标 ${o.indicator} · the plan has no item for indicator ${o.indicator}`,
        );
        continue;
      }
      const unitId = context.leadOf.get(itemId);
      if (!unitId) {
        fail(
          line,
          'indicator',
          `指标 ${o.indicator} 尚未确定牵头单位,数据无所归属 · indicator ${o.indicator} has no lead unit yet: assign it first`,
        );
        continue;
      }
      const row: BulkObservation = {
        itemId,
        measure: o.measure ?? 1,
        area: o.area ?? '',
        year: o.year,
        period: o.period ?? '',
        kind: o.kind ?? 'level',
        value: o.value,
        unit: o.unit ?? '',
        details: detailsText(o.note ?? '', original),
        source: o.source ?? '',
        unitId,
      };
      if (context.existing.size > 0) {
        const status = context.existing.get(storageKey(row));
        if (status !== undefined) {
          fail(
            line,
            null,
            `该数据已在库中(状态 ${status}),请在系统中修改 · this value is already stored (${status}): correct it in the app`,
          );
          continue;
        }
      }
      out.rows.push(row);
      codes.add(o.indicator);
      if (o.year < out.from) out.from = o.year;
      if (o.year > out.to) out.to = o.year;
    }
    out.codes = [...codes];
    yield out;
  }
}

/** lantu's own reader in the shape of the Open SDG one: its files have no rows skipped as missing. */
function withoutSkips(reader: ObservationReader): OpenSdgReader {
  return { errors: reader.errors, read: (records) => ({ ...reader.read(records), skipped: 0 }) };
}

/** The one error of a file that stops being CSV. */
function unreadable(result: { line: number; message: string }): ObservationError {
  return { line: result.line, column: null, message: `not a readable CSV: ${result.message}` };
}

/** Details with no note: stored as {} (readers fill in the empty note and evidence), 23 bytes less a row. */
const EMPTY_DETAILS = '{}';

/** The details stored with a value: its note, and the value as typed when converting changed it. */
function detailsText(note: string, original: Observation | null): string {
  if (note === '' && original === null) return EMPTY_DETAILS;
  const details: Record<string, unknown> = { note, evidence: '' };
  // Kept as the workflow keeps it: the value as typed, when converting changed it (万元 → 亿元).
  if (original) details.original = { value: original.value, unit: original.unit ?? '' };
  return JSON.stringify(details);
}

/**
 * Pairs each checked observation with the row as read, when checking converted its value:
 * checkObservations keeps the order of its input and leaves out bad rows, and lines are unique.
 */
function pairWithOriginals(
  checked: readonly Observation[],
  parsed: readonly Observation[],
): { checked: Observation; original: Observation | null }[] {
  const out: { checked: Observation; original: Observation | null }[] = new Array(checked.length);
  let k = 0;
  for (let i = 0; i < checked.length; i++) {
    const c = checked[i]!;
    while (k < parsed.length && parsed[k]!.line !== c.line) k++;
    const o = parsed[k] ?? null;
    out[i] = { checked: c, original: o && o.value !== c.value ? o : null };
  }
  return out;
}
