/**
 * Bulk import: 1,000,000 observations from a CSV file must load in at most 15 s into SQLite and into
 * PostgreSQL (DESIGN.md, quality bars). The demo installation is seeded into a fresh database (an
 * SQLite file in a temporary directory; a new schema in PostgreSQL, as test/store/dialects.ts makes
 * them), a CSV of synthetic street-level values for the demo plan is written (every measure, the
 * years 2021–2025, areas 街道1 … 街道N so that every key is new), and `lantu import-observations` is
 * timed from reading the file to the commit: decoding, parsing, checking, writing the values, their
 * revisions and the audit event.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runImport } from '../src/cli/importObservations.ts';
import { ingestPlan } from '../src/ingest/index.ts';
import { SEED_PLAN_PATH, seedDemo } from '../src/server/services/seedDemo.ts';
import { openDatabase } from '../src/store/database.ts';

const ROWS = 1_000_000;
const BAR_SECONDS = 15;
const POSTGRES_URL = process.env.LANTU_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A CSV of `rows` synthetic values for every measure of the seed plan, years 2021–2025, new areas. */
async function writeCsv(path: string, rows: number): Promise<void> {
  const plan = ingestPlan(await readFile(SEED_PLAN_PATH));
  const measures = plan.indicators.flatMap((i) => i.measures.map((_, k) => [i.code, k + 1] as const));
  const lines = ['indicator,measure,area,year,value'];
  let n = 0;
  for (let area = 1; n < rows; area++) {
    for (const [code, measure] of measures) {
      for (let year = 2021; year <= 2025 && n < rows; year++, n++) {
        lines.push(`${code},${measure},街道${area},${year},${((n * 7919) % 100000) / 100}`);
      }
    }
  }
  writeFileSync(path, `${lines.join('\n')}\n`);
}

/** Seeds the demo into a database, then times the import of the file; returns seconds. */
async function timeImport(url: string, file: string): Promise<{ seconds: number; output: string }> {
  const database = await openDatabase(url);
  try {
    await seedDemo(database, { now: new Date() });
  } finally {
    await database.close();
  }
  let output = '';
  const io = {
    stdout: (s: string) => {
      output += s;
    },
    stderr: (s: string) => {
      output += s;
    },
    readFile: (path: string) => readFile(path),
    isTty: false,
  };
  const start = performance.now();
  const code = await runImport(['--database', url, '--file', file], io);
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) throw new Error(`import failed (exit ${code}): ${output}`);
  return { seconds, output };
}

async function postgresSchema(): Promise<{ url: string; drop: () => Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch (error) {
    console.log(`PostgreSQL: skipped, ${POSTGRES_URL} unreachable (${(error as Error).message})`);
    return null;
  }
  const schema = `lantu_bench_${randomBytes(6).toString('hex')}`;
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const separator = POSTGRES_URL.includes('?') ? '&' : '?';
  return {
    url: `${POSTGRES_URL}${separator}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    drop: async () => {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    },
  };
}

function report(name: string, seconds: number, output: string): void {
  const verdict = seconds <= BAR_SECONDS ? 'OK' : 'OVER THE BAR';
  const mode = /checked by the importer/.test(output)
    ? ' (foreign keys checked by the importer: session_replication_role)'
    : '';
  console.log(
    `import ${ROWS.toLocaleString('en')} observations from CSV into ${name}: ${seconds.toFixed(1)} s (bar ≤ ${BAR_SECONDS} s) ${verdict}${mode}`,
  );
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lantu-import-bench-'));
  try {
    const file = join(dir, 'observations.csv');
    await writeCsv(file, ROWS);
    const sqlite = await timeImport(`sqlite:${join(dir, 'bench.sqlite')}`, file);
    report('SQLite', sqlite.seconds, sqlite.output);
    const postgres = await postgresSchema();
    if (postgres) {
      try {
        const result = await timeImport(postgres.url, file);
        report('PostgreSQL', result.seconds, result.output);
      } finally {
        await postgres.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
