/**
 * Once per test run: PostgreSQL test schemas are dropped before the run (leftovers of an
 * interrupted one) and after it, never during it. A schema dropped while another test file's
 * migrator scans the catalogue makes that migration fail, so tests only create schemas.
 */
import pg from 'pg';

const url = process.env.LANTU_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function dropTestSchemas(): Promise<void> {
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
    for (const { nspname } of rows) await client.query(`drop schema if exists "${nspname}" cascade`);
  } finally {
    await client.end();
  }
}

export async function setup(): Promise<void> {
  await dropTestSchemas();
}

export async function teardown(): Promise<void> {
  await dropTestSchemas();
}
