/**
 * `lantu report [--database URL] [--plan ID] --kind midterm|final --year Y --out file.docx|file.html`:
 * makes an evaluation of a plan at a year (its snapshot is stored, as when a planner makes one in
 * the web app) and writes its report: Word (.docx), one HTML page (.html), or the unit scorecard
 * (.xlsx). --plan may be left out when the database holds one plan. Exit 0 when the file is
 * written; 1 with one line saying what is wrong otherwise (a bad --kind, --year or --out, an unknown
 * plan, a year outside the plan period, a file that cannot be written).
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { createEvaluation, type ReportFormat, renderEvaluation } from '../reports/index.ts';
import { LantuError } from '../server/errors.ts';
import type { AuditActor } from '../store/audit.ts';
import { DEFAULT_DATABASE_URL, openDatabase } from '../store/database.ts';
import { findPlan, listPlans } from '../store/plans.repository.ts';
import type { CliIo } from './io.ts';

export const reportUsage =
  'usage: lantu report [--database URL] [--plan ID] --kind midterm|final --year Y --out file.docx|file.html|file.xlsx';

/** Who made an evaluation from the command line, in the audit log and on the evaluation. */
const CLI_ACTOR: AuditActor = { id: null, name: '命令行 lantu report', role: 'system', unit: null };

const FORMATS: Readonly<Record<string, ReportFormat>> = {
  '.docx': 'docx',
  '.html': 'html',
  '.htm': 'html',
  '.xlsx': 'xlsx',
};

/** A progress bar on stderr, redrawn in place: [██████░░░░] 20/41 图11 … */
function progressBar(io: CliIo): (done: number, total: number, step: string) => void {
  return (done, total, step) => {
    const width = 24;
    const filled = total > 0 ? Math.round((done / total) * width) : width;
    const label = step.length > 30 ? `${step.slice(0, 29)}…` : step;
    io.stderr(`\r\u001b[2K[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${total} ${label}`);
  };
}

export async function runReport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      database: { type: 'string' },
      plan: { type: 'string' },
      kind: { type: 'string' },
      year: { type: 'string' },
      out: { type: 'string' },
      title: { type: 'string' },
    },
    allowPositionals: true,
  });
  const fail = (message: string): number => {
    io.stderr(`lantu report: ${message}\n`);
    return 1;
  };
  if (positionals.length > 0) return fail(`unexpected argument '${positionals[0]}'\n${reportUsage}`);
  if (values.kind !== 'midterm' && values.kind !== 'final') {
    return fail(
      values.kind === undefined
        ? `--kind is required: midterm (中期评估) or final (总结评估)\n${reportUsage}`
        : `--kind must be midterm (中期评估) or final (总结评估), not '${values.kind}'`,
    );
  }
  const kind = values.kind;
  if (values.year === undefined || !/^\d{4}$/.test(values.year)) {
    return fail(
      values.year === undefined
        ? `--year is required: the year assessed, e.g. --year 2024\n${reportUsage}`
        : `--year must be a year such as 2024, not '${values.year}'`,
    );
  }
  const year = Number(values.year);
  if (!values.out) return fail(`--out is required: a .docx, .html or .xlsx file\n${reportUsage}`);
  const out = values.out;
  const format = FORMATS[extname(out).toLowerCase()];
  if (!format) return fail(`--out must end in .docx, .html or .xlsx, not '${out}'`);

  const url = values.database ?? process.env.LANTU_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  let database: Awaited<ReturnType<typeof openDatabase>>;
  try {
    database = await openDatabase(url);
  } catch (error) {
    return fail(`cannot open the database ${url}: ${(error as Error).message}`);
  }
  try {
    let planId = values.plan;
    if (planId !== undefined) {
      if (!(await findPlan(database.db, planId))) {
        return fail(`no plan '${planId}' in ${database.description}`);
      }
    } else {
      const plans = await listPlans(database.db);
      if (plans.length === 0) return fail(`${database.description} holds no plan: import one first`);
      if (plans.length > 1) {
        return fail(
          `${database.description} holds ${plans.length} plans: choose one with --plan (${plans
            .map((p) => `${p.id} ${p.title.slice(0, 20)}`)
            .join('; ')})`,
        );
      }
      planId = plans[0]!.id;
    }
    const now = new Date().toISOString();
    let created: Awaited<ReturnType<typeof createEvaluation>>;
    try {
      created = await database.db.transaction().execute((trx) =>
        createEvaluation(trx, {
          planId: planId!,
          kind,
          year,
          ...(values.title ? { title: values.title } : {}),
          actor: CLI_ACTOR,
          now,
        }),
      );
    } catch (error) {
      if (error instanceof LantuError) return fail(error.message);
      throw error;
    }
    const { record, snapshot } = created;
    const file = await renderEvaluation(record, snapshot, format, io.isTty ? progressBar(io) : undefined);
    if (io.isTty) io.stderr('\n');
    try {
      await writeFile(out, file.bytes);
    } catch (error) {
      return fail(
        `cannot write ${out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
    const lights = snapshot.summary.indicators.byLight;
    io.stdout(
      `已生成 wrote ${out} (${(file.bytes.length / 1024).toFixed(0)} KB): ${record.title}\n` +
        `  评估 evaluation ${record.id}, 数据截至 values up to ${year}; ` +
        `主要指标 indicators: 绿灯 ${lights.green} 黄灯 ${lights.yellow} 红灯 ${lights.red} 灰灯 ${lights.grey}` +
        `${snapshot.containsSampleData ? '; 含示例数据 contains sample data' : ''}\n`,
    );
    return 0;
  } finally {
    await database.close();
  }
}
