/**
 * `lantu report` on an SQLite file holding the demo: writes the Word report, the HTML page and the
 * scorecard with exit 0 (the plan found by itself, the database holding one), stores the evaluation,
 * and refuses a bad --kind, --year or --out and an unknown plan with exit 1 and one clear line.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { reportUsage, runReport } from '../../src/cli/report.ts';
import { openDatabase } from '../../src/store/database.ts';
import { demoDatabase } from './fixtures.ts';

function captureIo(isTty = false): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    readFile: async () => new Uint8Array(),
    isTty,
  };
  return io;
}

describe('lantu report', () => {
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lantu-report-cli-'));
    url = `sqlite:${join(dir, 'lantu.sqlite')}`;
    const { database } = await demoDatabase(url);
    await database.close();
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the report of the only plan and exits 0', async () => {
    const out = join(dir, '中期评估.docx');
    const io = captureIo(true);
    expect(
      await runReport(['--database', url, '--kind', 'midterm', '--year', '2024', '--out', out], io),
    ).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(io.out).toContain(`已生成 wrote ${out}`);
    expect(io.out).toContain('主要指标 indicators: 绿灯');
    expect(io.err).toContain('████'); // the progress bar, on a terminal
    const html = join(dir, 'report.html');
    const quiet = captureIo();
    expect(
      await runReport(['--database', url, '--kind', 'final', '--year', '2024', '--out', html], quiet),
    ).toBe(0);
    expect(readFileSync(html, 'utf8')).toContain('实施情况总结评估报告');
    expect(quiet.err).toBe('');
    const xlsx = join(dir, 'scorecard.xlsx');
    expect(
      await runReport(['--database', url, '--kind', 'final', '--year', '2024', '--out', xlsx], captureIo()),
    ).toBe(0);
    expect(existsSync(xlsx)).toBe(true);

    const database = await openDatabase(url);
    try {
      const rows = await database.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'evaluation.create')
        .execute();
      expect(rows).toHaveLength(3);
    } finally {
      await database.close();
    }
  });

  it('refuses a bad --kind, --year or --out and an unknown plan with exit 1 and one line', async () => {
    const out = join(dir, 'x.docx');
    const cases: Array<[string[], string]> = [
      [
        ['--kind', 'annual', '--year', '2024', '--out', out],
        "--kind must be midterm (中期评估) or final (总结评估), not 'annual'",
      ],
      [['--kind', 'midterm', '--year', '24', '--out', out], "--year must be a year such as 2024, not '24'"],
      [
        ['--kind', 'midterm', '--year', '2024', '--out', join(dir, 'x.pdf')],
        '--out must end in .docx, .html or .xlsx',
      ],
      [['--kind', 'midterm', '--year', '2024', '--out', out, '--plan', 'nope'], "no plan 'nope' in sqlite:"],
      [['--kind', 'midterm', '--year', '2031', '--out', out], '评估年份应在规划期内(2021–2025)'],
    ];
    for (const [args, message] of cases) {
      const io = captureIo();
      expect(await runReport(['--database', url, ...args], io), args.join(' ')).toBe(1);
      expect(io.err).toContain(message);
      expect(io.err.trim().split('\n')).toHaveLength(1);
      expect(io.out).toBe('');
    }
    expect(existsSync(out)).toBe(false);
    const none = captureIo();
    expect(await runReport(['--database', url, '--year', '2024', '--out', out], none)).toBe(1);
    expect(none.err).toContain(reportUsage);
  });
});
