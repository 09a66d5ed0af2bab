/**
 * Bulk loading of observations (`lantu import-observations`): a million values with their first
 * revisions in one transaction, within the quality bar of 15 s on SQLite and PostgreSQL. What makes
 * it fast, and why each choice is safe:
 *
 * - Ids are time-ordered UUIDs (version 7 layout: the time, then random bits, then a counter), so
 *   every primary-key insert appends at the end of its index instead of landing at a random page,
 *   and a value's revision can be named from the value's id by the database itself.
 * - SQLite: one prepared statement run once per row on the better-sqlite3 handle inside the caller's
 *   Kysely transaction (same connection, so the same transaction), with a larger page cache for the
 *   duration; each part's revisions in one INSERT … SELECT over the part's ids.
 * - PostgreSQL: one statement per part of 25,000 rows inserts the values from parallel arrays
 *   (`unnest`, no COPY) and their revisions from what it inserted; the next part is read and checked
 *   while the server writes. Foreign-key triggers cost more than the inserts themselves (a query
 *   per reference per row): when the role may set `session_replication_role` (as
 *   `pg_restore --disable-triggers` does), the load sets it to `replica` for its own transaction
 *   only, because every reference it writes was checked by the importer against rows read in the
 *   same transaction, rows are never deleted from the tables referred to, and the plan row is
 *   locked (FOR KEY SHARE) until the commit. Otherwise the triggers run, and the load takes about
 *   twice as long.
 *
 * Storage conventions are those of observations.repository.ts: area and period '' for none, details
 * as JSON text, sample 0/1.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Database, Executor } from './database.ts';

/** One value to load, already checked against its plan: the item, the unit, the key, the value. */
export interface BulkObservation {
  itemId: string;
  measure: number;
  /** '' for the whole plan area. */
  area: string;
  year: number;
  /** '' for the whole year. */
  period: string;
  kind: string;
  value: number;
  unit: string;
  /** The details as stored: JSON text ({"note":…,"evidence":…}). */
  details: string;
  source: string;
  /** The unit the value belongs to (the item's lead unit). */
  unitId: string;
}

/** What every row of one load shares. */
export interface BulkLoadProps {
  planId: string;
  /** approved: the values feed assessments at once; draft: they wait for the workflow. */
  status: 'approved' | 'draft';
  /** The user the values and revisions are recorded as created by. */
  actorId: string;
  now: string;
  /** The revision's action (import) and comment (which file). */
  action: string;
  comment: string | null;
  sample: boolean;
}

/** How a load went: rows written, and whether PostgreSQL's foreign-key triggers ran per row. */
export interface BulkLoadResult {
  inserted: number;
  /** 'triggers': the database checked every reference; 'importer': the importer's own checks stood. */
  referenceChecks: 'triggers' | 'importer';
}

/** A run of time-ordered ids: a fixed prefix and a counter. */
export interface IdSequence {
  /** The first 28 characters every id of the sequence shares. */
  prefix: string;
  /** The next id. */
  next: () => string;
  /** Takes `count` ids at once and returns the counter of the first (id = prefix + 8 hex digits). */
  reserve: (count: number) => number;
}

/**
 * Makes time-ordered UUIDs (version 7 layout): 48 bits of the current millisecond, random bits fixed
 * for this sequence, and a 32-bit counter, so ids of one load sort in the order they were made and
 * after those of earlier loads. Still unique across loads: the time and 42 random bits differ.
 */
export function idSequence(now = Date.now()): IdSequence {
  const time = now.toString(16).padStart(12, '0').slice(-12);
  const r = randomBytes(6);
  const randA = ((r[0]! << 4) | (r[1]! >> 4)) & 0xfff;
  const randB = (((r[1]! & 0x0f) << 10) | (r[2]! << 2) | (r[3]! >> 6)) & 0x3fff;
  const randC = ((r[4]! << 8) | r[5]!) & 0xffff;
  const prefix = `${time.slice(0, 8)}-${time.slice(8)}-7${hex(randA, 3)}-${hex(0x8000 | randB, 4)}-${hex(randC, 4)}`;
  let counter = 0;
  const reserve = (count: number): number => {
    if (counter + count > 0x100000000) throw new Error('id sequence exhausted');
    const first = counter;
    counter += count;
    return first;
  };
  return { prefix, next: () => prefix + hex(reserve(1), 8), reserve };
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/** The storage key of a value, as the unique index sees it: item, measure, area, year, period, kind. */
export function storageKey(
  o: Pick<BulkObservation, 'itemId' | 'measure' | 'area' | 'year' | 'period' | 'kind'>,
): string {
  return `${o.itemId}\u0001${o.measure}\u0001${o.area}\u0001${o.year}\u0001${o.period}\u0001${o.kind}`;
}

/** The values a plan already holds, by storage key, with their workflow state: a load may not repeat one. */
export async function existingObservationKeys(db: Executor, planId: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('observations')
    .select(['item_id', 'measure', 'area', 'year', 'period', 'kind', 'status'])
    .where('plan_id', '=', planId)
    .execute();
  const keys = new Map<string, string>();
  for (const r of rows) {
    keys.set(
      storageKey({
        itemId: r.item_id,
        measure: Number(r.measure),
        area: r.area,
        year: Number(r.year),
        period: r.period,
        kind: r.kind,
      }),
      r.status,
    );
  }
  return keys;
}

/** A load in progress: rows are added part by part, then its revisions are written and it is done. */
export interface BulkLoad {
  /** Writes a part (PostgreSQL: sends it and returns once the previous part is written). */
  add: (rows: readonly BulkObservation[]) => Promise<void>;
  /** Writes what is left, the revisions included; the caller then commits. */
  finish: () => Promise<BulkLoadResult>;
  /** Waits for anything in flight and restores settings, ignoring errors: the caller is rolling back. */
  abandon: () => Promise<void>;
}

/**
 * Starts loading values and one revision each inside the caller's transaction `trx` (opened on
 * `database`). Rows must be checked first: a constraint the database still refuses (a key another
 * writer took meanwhile) fails the whole transaction, as it should.
 */
export async function startBulkLoad(
  trx: Executor,
  database: Pick<Database, 'dialect' | 'sqlite'>,
  props: BulkLoadProps,
): Promise<BulkLoad> {
  if (database.dialect === 'postgres') return startPostgres(trx, props);
  return startSqlite(trx, database.sqlite, props);
}

const OBSERVATION_COLUMNS = [
  'id',
  'plan_id',
  'item_id',
  'measure',
  'area',
  'year',
  'period',
  'kind',
  'value',
  'unit',
  'details',
  'status',
  'approved_value',
  'approved_details',
  'approved_at',
  'comment',
  'source',
  'sample',
  'unit_id',
  'round_id',
  'version',
  'created_by',
  'created_at',
  'updated_at',
] as const;

function observationValues(id: string, o: BulkObservation, p: BulkLoadProps): unknown[] {
  const approved = p.status === 'approved';
  return [
    id,
    p.planId,
    o.itemId,
    o.measure,
    o.area,
    o.year,
    o.period,
    o.kind,
    o.value,
    o.unit,
    o.details,
    p.status,
    approved ? o.value : null,
    approved ? o.details : null,
    approved ? p.now : null,
    null,
    o.source,
    p.sample ? 1 : 0,
    o.unitId,
    null,
    1,
    p.actorId,
    p.now,
    p.now,
  ];
}

/** A row whose values are placeholders, for building the parameters every row shares. */
const EMPTY_ROW: BulkObservation = {
  itemId: '',
  measure: 1,
  area: '',
  year: 0,
  period: '',
  kind: 'level',
  value: 0,
  unit: '',
  details: '{}',
  source: '',
  unitId: '',
};

/** Pages of cache (negative: KiB) while a load runs: the indexes being filled stay in memory. */
const SQLITE_LOAD_CACHE = -262144;

/**
 * SQLite: values row by row through one prepared statement on the better-sqlite3 handle (without
 * it, multi-row inserts within the variable limit: 32766 since SQLite 3.32, 999 before); each
 * part's revisions in one INSERT … SELECT over the part's id range, so they never cross from
 * JavaScript to SQLite row by row.
 */
async function startSqlite(
  trx: Executor,
  sqlite: Database['sqlite'],
  props: BulkLoadProps,
): Promise<BulkLoad> {
  const observationIds = idSequence();
  const revisionIds = idSequence();
  let written = 0;
  let add: (rows: readonly BulkObservation[]) => Promise<void>;
  let restore = (): void => {};
  if (sqlite) {
    const placeholders = OBSERVATION_COLUMNS.map(() => '?').join(', ');
    const insert = sqlite.prepare(
      `insert into observations (${OBSERVATION_COLUMNS.join(', ')}) values (${placeholders})`,
    );
    const previous = Number(sqlite.pragma('cache_size', { simple: true }));
    // A pragma takes no bound parameters; both values are numbers of ours, never input.
    sqlite.pragma(`cache_size = ${SQLITE_LOAD_CACHE}`);
    restore = () => {
      sqlite.pragma(`cache_size = ${Number.isFinite(previous) ? previous : -2000}`);
      restore = () => {};
    };
    // One parameter array for every row: the values the rows share are set once, the others per row
    // (the statement binds copies, so reusing the array is safe, and a million arrays are not made).
    const params = observationValues('', EMPTY_ROW, props);
    const approved = props.status === 'approved';
    add = async (rows) => {
      const first = observationIds.reserve(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const o = rows[i]!;
        params[0] = observationIds.prefix + hex(first + i, 8);
        params[2] = o.itemId;
        params[3] = o.measure;
        params[4] = o.area;
        params[5] = o.year;
        params[6] = o.period;
        params[7] = o.kind;
        params[8] = o.value;
        params[9] = o.unit;
        params[10] = o.details;
        if (approved) {
          params[12] = o.value;
          params[13] = o.details;
        }
        params[16] = o.source;
        params[18] = o.unitId;
        insert.run(params);
      }
      written += rows.length;
    };
  } else {
    const version = await sql<{ v: string }>`select sqlite_version() as v`.execute(trx);
    const [major = 0, minor = 0] = (version.rows[0]?.v ?? '3.0').split('.').map(Number);
    const limit = major > 3 || (major === 3 && minor >= 32) ? 32766 : 999;
    const perStatement = Math.floor(limit / OBSERVATION_COLUMNS.length);
    add = async (rows) => {
      for (let s = 0; s < rows.length; s += perStatement) {
        const values = rows.slice(s, s + perStatement).map((row) => {
          const cells = observationValues(observationIds.next(), row, props);
          return Object.fromEntries(OBSERVATION_COLUMNS.map((c, k) => [c, cells[k]]));
        });
        await trx
          .insertInto('observations')
          .values(values as never)
          .execute();
      }
      written += rows.length;
    };
  }
  /** The revisions of the values with counters [first, first + count): made by SQLite from the rows. */
  const revise = async (first: number, count: number): Promise<void> => {
    if (count === 0) return;
    revisionIds.reserve(count);
    // A revision has its value's counter: the last 8 characters of the id, after the prefix.
    await sql`
      insert into observation_revisions (id, observation_id, revision, action, status, value, details,
        comment, actor_id, created_at)
      select ${revisionIds.prefix} || substr(id, 29), id, 1, ${props.action}, status, value, details,
        ${props.comment}, ${props.actorId}, ${props.now}
      from observations
      where id >= ${observationIds.prefix + hex(first, 8)} and id <= ${observationIds.prefix + hex(first + count - 1, 8)}`.execute(
      trx,
    );
  };
  return {
    // Each part's revisions follow it while its rows are still in the page cache.
    add: async (rows) => {
      const first = written;
      await add(rows);
      await revise(first, rows.length);
    },
    finish: async () => {
      restore();
      return { inserted: written, referenceChecks: 'triggers' };
    },
    abandon: async () => restore(),
  };
}

/** Rows per PostgreSQL statement: large enough to amortise a round trip, small enough to stream. */
const PG_BATCH = 25000;

/**
 * PostgreSQL: one statement per part inserts the values from parallel arrays (`unnest`) and, from
 * what it inserted, their revisions. Repeated texts (items, areas, units, details …) travel once per
 * part in small dictionaries, each row carrying their positions; ids are made by the server from
 * the sequence's prefix and the row's counter. A part is sent without waiting for it, so the next
 * one is read and checked while the server writes.
 */
async function startPostgres(trx: Executor, props: BulkLoadProps): Promise<BulkLoad> {
  // No one may delete the plan (and with it its items) while references go unchecked.
  await sql`select id from plans where id = ${props.planId} for key share`.execute(trx);
  let referenceChecks: BulkLoadResult['referenceChecks'] = 'triggers';
  await sql`savepoint lantu_bulk_load`.execute(trx);
  try {
    await sql`set local session_replication_role = replica`.execute(trx);
    await sql`release savepoint lantu_bulk_load`.execute(trx);
    referenceChecks = 'importer';
  } catch {
    await sql`rollback to savepoint lantu_bulk_load`.execute(trx);
  }
  const observationIds = idSequence();
  const revisionIds = idSequence();
  let written = 0;
  let pending: Promise<unknown> | null = null;
  const send = async (rows: readonly BulkObservation[]): Promise<void> => {
    for (let start = 0; start < rows.length; start += PG_BATCH) {
      const part = rows.slice(start, start + PG_BATCH);
      const counter = observationIds.reserve(part.length);
      revisionIds.reserve(part.length);
      const statement = postgresStatement(part, counter, observationIds.prefix, revisionIds.prefix, props);
      if (pending) await pending;
      pending = statement.execute(trx);
      // Awaited before the next part or at the end; never left to reject unobserved.
      pending.catch(() => {});
      written += part.length;
    }
  };
  return {
    add: send,
    finish: async () => {
      if (pending) await pending;
      return { inserted: written, referenceChecks };
    },
    abandon: async () => {
      await pending?.catch(() => {});
    },
  };
}

function postgresStatement(
  rows: readonly BulkObservation[],
  counter: number,
  observationPrefix: string,
  revisionPrefix: string,
  props: BulkLoadProps,
) {
  const approved = props.status === 'approved';
  const items = new Dictionary();
  const areas = new Dictionary();
  const periods = new Dictionary();
  const kinds = new Dictionary();
  const units = new Dictionary();
  const details = new Dictionary();
  const sources = new Dictionary();
  const owners = new Dictionary();
  const n = rows.length;
  const item = new Array<number>(n);
  const measure = new Array<number>(n);
  const area = new Array<number>(n);
  const year = new Array<number>(n);
  const period = new Array<number>(n);
  const kind = new Array<number>(n);
  const value = new Array<number>(n);
  const unit = new Array<number>(n);
  const detail = new Array<number>(n);
  const source = new Array<number>(n);
  const owner = new Array<number>(n);
  for (let j = 0; j < n; j++) {
    const o = rows[j]!;
    item[j] = items.index(o.itemId);
    measure[j] = o.measure;
    area[j] = areas.index(o.area);
    year[j] = o.year;
    period[j] = periods.index(o.period);
    kind[j] = kinds.index(o.kind);
    value[j] = o.value;
    unit[j] = units.index(o.unit);
    detail[j] = details.index(o.details);
    source[j] = sources.index(o.source);
    owner[j] = owners.index(o.unitId);
  }
  const detailsLiteral = details.literal();
  return sql`
    with inserted as (
      insert into observations (id, plan_id, item_id, measure, area, year, period, kind, value, unit,
        details, status, approved_value, approved_details, approved_at, comment, source, sample, unit_id,
        round_id, version, created_by, created_at, updated_at)
      select ${observationPrefix}::text || lpad(to_hex(${counter}::bigint + u.n - 1), 8, '0'), ${props.planId}::text,
        (${items.literal()}::text[])[u.item], u.measure, (${areas.literal()}::text[])[u.area], u.year,
        (${periods.literal()}::text[])[u.period], (${kinds.literal()}::text[])[u.kind], u.value,
        (${units.literal()}::text[])[u.unit], (${detailsLiteral}::text[])[u.detail], ${props.status}::text,
        case when ${approved}::boolean then u.value end,
        case when ${approved}::boolean then (${detailsLiteral}::text[])[u.detail] end,
        ${approved ? props.now : null}::text, null, (${sources.literal()}::text[])[u.source],
        ${props.sample ? 1 : 0}::int, (${owners.literal()}::text[])[u.owner], null, 1, ${props.actorId}::text,
        ${props.now}::text, ${props.now}::text
      from unnest(${intArray(item)}::int[], ${intArray(measure)}::int[], ${intArray(area)}::int[],
        ${intArray(year)}::int[], ${intArray(period)}::int[], ${intArray(kind)}::int[],
        ${numberArray(value)}::float8[], ${intArray(unit)}::int[], ${intArray(detail)}::int[],
        ${intArray(source)}::int[], ${intArray(owner)}::int[])
        with ordinality as u(item, measure, area, year, period, kind, value, unit, detail, source, owner, n)
      returning id, value, details
    )
    insert into observation_revisions (id, observation_id, revision, action, status, value, details, comment,
      actor_id, created_at)
    select ${revisionPrefix}::text || right(i.id, 8), i.id, 1, ${props.action}::text, ${props.status}::text,
      i.value, i.details, ${props.comment}::text, ${props.actorId}::text, ${props.now}::text
    from inserted i`;
}

/** The distinct texts of a batch, each with its 1-based position (PostgreSQL arrays count from 1). */
class Dictionary {
  private readonly positions = new Map<string, number>();
  private readonly values: string[] = [];

  index(value: string): number {
    let position = this.positions.get(value);
    if (position === undefined) {
      this.values.push(value);
      position = this.values.length;
      this.positions.set(value, position);
    }
    return position;
  }

  literal(): string {
    return textArray(this.values);
  }
}

/** A PostgreSQL array literal of integers. */
function intArray(values: readonly number[]): string {
  return `{${values.join(',')}}`;
}

/** A PostgreSQL array literal of text: every element quoted, backslashes and quotes escaped. */
function textArray(values: readonly string[]): string {
  const parts: string[] = new Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    parts[i] = /["\\]/.test(v) ? `"${v.replace(/(["\\])/g, '\\$1')}"` : `"${v}"`;
  }
  return `{${parts.join(',')}}`;
}

/** A PostgreSQL array literal of numbers (finite by the time they get here). */
function numberArray(values: readonly number[]): string {
  return `{${values.join(',')}}`;
}
