/**
 * The databases every store test runs against: SQLite always, PostgreSQL when it is reachable.
 * Each test gets its own fresh database: an in-memory SQLite, or a new schema in PostgreSQL
 * (dropped after the run by test/global-setup.ts). Where PostgreSQL is down, its tests skip with a printed reason, unless
 * LANTU_REQUIRE_SERVICES is set (as .ci/run does): then its absence fails the run.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type Database, type Dialect, openDatabase } from '../../src/store/database.ts';

export const POSTGRES_URL = process.env.LANTU_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const required = Boolean(process.env.LANTU_REQUIRE_SERVICES);

async function postgresReachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresProblem = await postgresReachable();
if (postgresProblem) {
  if (required)
    throw new Error(
      `PostgreSQL is required (LANTU_REQUIRE_SERVICES) but unreachable at ${POSTGRES_URL}: ${postgresProblem}`,
    );
  console.warn(`[lantu tests] PostgreSQL tests skipped: ${POSTGRES_URL} unreachable (${postgresProblem})`);
}

/** The dialects to test, each with a factory for a fresh, migrated database. */
export const dialects: { name: Dialect; open: () => Promise<TestDatabase> }[] = [
  { name: 'sqlite', open: () => openTest(':memory:') },
  ...(postgresProblem ? [] : [{ name: 'postgres' as const, open: openPostgres }]),
];

export interface TestDatabase extends Database {
  /** The URL another process (or a second instance) can open to reach the same database. */
  url: string;
}

async function openTest(url: string): Promise<TestDatabase> {
  const database = await openDatabase(url);
  return { ...database, url };
}

async function openPostgres(): Promise<TestDatabase> {
  const schema = `lantu_test_${process.env.LANTU_TEST_RUN ?? Date.now().toString(36)}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = POSTGRES_URL.includes('?') ? '&' : '?';
  const url = `${POSTGRES_URL}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`;
  const database = await openDatabase(url);
  // The schema is dropped by test/global-setup.ts after the whole run, not here: dropping it while
  // another file's migrator scans the catalogue would fail that migration.
  return { ...database, url };
}
