/**
 * Opening the database named by one setting (LANTU_DATABASE_URL): a file path, `sqlite:path` or
 * `:memory:` for the embedded SQLite default, `postgres://…` for PostgreSQL. Both speak the same
 * Kysely queries; migrations run forward on open.
 */
import SqliteDatabase from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import { migrations } from './migrations/index.ts';
import type { DB } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the Kysely instance, which dialect it speaks, and how to close it. */
export interface Database {
  db: Kysely<DB>;
  dialect: Dialect;
  /** The URL it was opened with, passwords masked, for messages. */
  description: string;
  close: () => Promise<void>;
  /**
   * The better-sqlite3 handle behind an SQLite database (absent for PostgreSQL). Only bulk loads use
   * it (bulkObservations.repository.ts): they prepare one statement and run it a million times inside
   * the caller's Kysely transaction, which Kysely cannot do without preparing it again per call.
   */
  sqlite?: SqliteDatabase.Database;
}

/** A Kysely instance or a transaction: repositories take either, so callers decide the transaction. */
export type Executor = Kysely<DB> | Transaction<DB>;

/** The default embedded database file, relative to the working directory. */
export const DEFAULT_DATABASE_URL = 'sqlite:.lantu/lantu.sqlite';

/** Which dialect a database URL names. */
export function dialectOf(url: string): Dialect {
  return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

/** Opens (and migrates) the database at `url`. */
export async function openDatabase(url: string, options: { migrate?: boolean } = {}): Promise<Database> {
  const dialect = dialectOf(url);
  let db: Kysely<DB>;
  let description: string;
  let handle: SqliteDatabase.Database | undefined;
  if (dialect === 'postgres') {
    const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
    // The database going away must not crash the process: queries fail (503) and later ones
    // reconnect. Errors on idle clients reach the pool; errors on a checked-out client reach it.
    pool.on('error', () => {});
    pool.on('connect', (client) => {
      client.on('error', () => {});
    });
    db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    description = url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
  } else {
    const file = url.replace(/^sqlite:(\/\/)?/i, '');
    if (file !== ':memory:') await ensureDirectory(file);
    const sqlite = new SqliteDatabase(file);
    handle = sqlite;
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
    description = `sqlite:${file}`;
  }
  const database: Database = {
    db,
    dialect,
    description,
    close: () => db.destroy(),
    ...(handle ? { sqlite: handle } : {}),
  };
  if (options.migrate !== false)
    await migrateToLatest(database, dialect === 'postgres' ? searchPathSchema(url) : undefined);
  return database;
}

/**
 * The schema named by a PostgreSQL URL's `options=-c search_path=…`, if any. The migrator must be
 * told it: otherwise it may see another schema's migration tables and think its own exist.
 */
export function searchPathSchema(url: string): string | undefined {
  try {
    const options = new URL(url).searchParams.get('options') ?? '';
    return /search_path=([A-Za-z_][A-Za-z0-9_]*)/.exec(options)?.[1];
  } catch {
    return undefined;
  }
}

async function ensureDirectory(file: string): Promise<void> {
  const { mkdir } = await import('node:fs/promises');
  const { dirname } = await import('node:path');
  await mkdir(dirname(file), { recursive: true });
}

/** Runs every migration not yet applied; throws with the failing migration's name. */
export async function migrateToLatest(database: Database, schema?: string): Promise<string[]> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: async () => migrations },
    ...(schema ? { migrationTableSchema: schema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
