/**
 * `lantu import-observations [--database URL] [--plan ID] --file data.csv [--format lantu|opensdg]
 * [--status approved|draft] [--as USERNAME]`: loads a CSV of observations into a plan in one
 * transaction. Any bad row means nothing is written; each problem is printed with its line and
 * column. Exit 0 when imported, 1 when the file or a row is bad, 2 for wrong arguments.
 */
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { indicatorOfFileName } from '../opendata/opensdg.ts';
import { decodeCsvBytes, formatObservationError } from '../progress/index.ts';
import { fileSha256, type ImportFormat, importObservations } from '../server/services/importObservations.ts';
import { DEFAULT_DATABASE_URL, type Executor, openDatabase } from '../store/database.ts';
import { listUsersWithUnits, type UserWithUnit } from '../store/directory.repository.ts';
import { findPlanStructure, listPlans, type PlanRecord } from '../store/plans.repository.ts';
import { type CliIo, describeFileError } from './io.ts';

export const importUsage =
  'usage: lantu import-observations [--database URL] [--plan ID] --file data.csv [--format lantu|opensdg] [--status approved|draft] [--as USERNAME]';

/** How many bad rows are listed before the rest are only counted. */
const MAX_ERRORS = 20;

export async function runImport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      database: { type: 'string' },
      plan: { type: 'string' },
      file: { type: 'string' },
      format: { type: 'string', default: 'lantu' },
      status: { type: 'string', default: 'approved' },
      as: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
  });
  if (values.help) {
    io.stdout(`${importUsage}\n`);
    return 0;
  }
  const fail = (message: string): number => {
    io.stderr(`lantu import-observations: ${message}\n${importUsage}\n`);
    return 2;
  };
  if (positionals.length > 0) return fail(`unexpected argument '${positionals[0]}'`);
  if (!values.file) return fail('--file <data.csv> is required');
  if (values.format !== 'lantu' && values.format !== 'opensdg')
    return fail(`--format must be lantu or opensdg, not '${values.format}'`);
  if (values.status !== 'approved' && values.status !== 'draft')
    return fail(`--status must be approved or draft, not '${values.status}'`);
  const format = values.format as ImportFormat;
  const status = values.status as 'approved' | 'draft';

  let bytes: Uint8Array;
  try {
    bytes = await io.readFile(values.file);
  } catch (error) {
    io.stderr(`lantu: ${describeFileError(values.file, error)}\n`);
    return 1;
  }
  const database = await openDatabase(
    values.database ?? process.env.LANTU_DATABASE_URL ?? DEFAULT_DATABASE_URL,
  );
  try {
    const chosen = await choosePlan(database.db, values.plan);
    if (typeof chosen === 'string') {
      io.stderr(`lantu import-observations: ${chosen}\n`);
      return 1;
    }
    const actor = await chooseActor(database.db, values.as);
    if (typeof actor === 'string') {
      io.stderr(`lantu import-observations: ${actor}\n`);
      return 1;
    }
    const plan = (await findPlanStructure(database.db, chosen.id))!;
    const started = performance.now();
    const outcome = await importObservations({
      database,
      planId: chosen.id,
      plan,
      text: decodeCsvBytes(bytes),
      fileName: basename(values.file),
      sha256: fileSha256(bytes),
      format,
      status,
      indicator: format === 'opensdg' ? indicatorOfFileName(values.file) : null,
      actor: { id: actor.id, name: actor.displayName, role: actor.role, unit: actor.unit.shortName },
      now: new Date().toISOString(),
    });
    if (!outcome.ok) {
      for (const e of outcome.errors.slice(0, MAX_ERRORS))
        io.stderr(`lantu: ${formatObservationError(values.file, e)}\n`);
      if (outcome.errors.length > MAX_ERRORS)
        io.stderr(`lantu: ${values.file}: ${outcome.errors.length - MAX_ERRORS} more bad rows\n`);
      io.stderr('未写入任何数据 · nothing was written\n');
      return 1;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const years = outcome.years ? `${outcome.years.from}–${outcome.years.to}` : '—';
    io.stdout(
      `已导入 imported ${outcome.imported} 条 values (${status}) of ${outcome.indicators} indicators, ${years}, into ${chosen.title} in ${seconds} s` +
        `${outcome.skipped > 0 ? `; ${outcome.skipped} 行无数值已跳过 rows without a value skipped` : ''}` +
        `${outcome.referenceChecks === 'importer' ? '; 引用由导入程序逐行核对 references checked by the importer' : ''}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}

/**
 * The plan a command is about: the one named, or the only plan of the database. Returns a message
 * (Chinese, then English) when there is no such plan or the choice is ambiguous.
 */
export async function choosePlan(
  db: Executor,
  planId: string | undefined,
  filter: { publishedOnly?: boolean } = {},
): Promise<PlanRecord | string> {
  const plans = await listPlans(db, filter);
  const zh = filter.publishedOnly ? '已发布的规划' : '规划';
  const en = filter.publishedOnly ? 'published plan' : 'plan';
  if (planId !== undefined)
    return plans.find((p) => p.id === planId) ?? `没有${zh} ${planId} · no ${en} ${planId}`;
  if (plans.length === 1) return plans[0]!;
  if (plans.length === 0) return `数据库中没有${zh} · the database holds no ${en}`;
  const list = plans.map((p) => `  ${p.id}  ${p.title}`).join('\n');
  return `数据库中有 ${plans.length} 个${zh},请用 --plan 指定 · ${plans.length} ${en}s: name one with --plan\n${list}`;
}

/** The user the import is recorded as: the one named by --as, else the only (or first) active planner. */
async function chooseActor(db: Executor, username: string | undefined): Promise<UserWithUnit | string> {
  if (username !== undefined) {
    const user = (await listUsersWithUnits(db)).find((u) => u.username === username && u.active);
    return user ?? `没有有效账号 ${username} · no active user ${username}`;
  }
  const planners = (await listUsersWithUnits(db, { role: 'planner' })).filter((u) => u.active);
  return (
    planners[0] ??
    '没有规划管理员账号,请用 --as 指定导入人 · no planner account: name the user the import is recorded as with --as'
  );
}
