/**
 * Once per test run: PostgreSQL test schemas are named after the run (lantu_test_<run>_<random>)
 * and dropped after it, never during it — a schema dropped while another test file's migrator
 * scans the catalogue makes that migration fail. Only this run's schemas are dropped, so two runs
 * at once (two developers' terminals) leave each other alone; leftovers of runs older than two
 * hours (an interrupted run) are cleared at the start.
 */
import pg from 'pg';

const url = process.env.LANTU_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const run = Date.now().toString(36);
const STALE_MS = 2 * 3600_000;

async function dropSchemas(select: (name: string) => boolean): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return; // No PostgreSQL: nothing to clean; the tests report it themselves.
  }
  try {
    const { rows } = await client.query<{ nspname: string }>(
      "select nspname from pg_namespace where nspname like 'lantu\\_test\\_%'",
    );
    for (const { nspname } of rows) {
      if (select(nspname)) await client.query(`drop schema if exists "${nspname}" cascade`);
    }
  } finally {
    await client.end();
  }
}

function runOf(schema: string): string | null {
  return /^lantu_test_([0-9a-z]+)_[0-9a-f]+$/.exec(schema)?.[1] ?? null;
}

export async function setup(): Promise<void> {
  // Workers inherit the environment: they name their schemas after this run.
  process.env.LANTU_TEST_RUN = run;
  await dropSchemas((name) => {
    const other = runOf(name);
    return other === null || Date.now() - Number.parseInt(other, 36) > STALE_MS;
  });
}

export async function teardown(): Promise<void> {
  await dropSchemas((name) => runOf(name) === run);
}
