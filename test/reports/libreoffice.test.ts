/**
 * The Word report opens as a person would open it: LibreOffice converts it to PDF without errors,
 * and the PDF's text (pdftotext) holds the figures of the assessment: GDP 2803.5 in 2024 and 滞后,
 * the counts by light. Skipped with a printed reason where LibreOffice or poppler is missing, unless
 * LANTU_REQUIRE_SERVICES is set (as CI sets it): then their absence fails the run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEvaluation } from '../../src/reports/index.ts';
import { assessStoredPlan } from '../../src/server/services/assessPlanFromStore.ts';
import type { Database } from '../../src/store/database.ts';
import { findPlanStructure } from '../../src/store/plans.repository.ts';
import { demoDatabase, midterm } from './fixtures.ts';

function missingTool(): string | null {
  for (const [tool, args] of [
    ['libreoffice', ['--version']],
    ['pdftotext', ['-v']],
  ] as const) {
    const probe = spawnSync(tool, args, { encoding: 'utf8', timeout: 60_000 });
    if (probe.error) return `${tool} is not installed (${(probe.error as NodeJS.ErrnoException).code})`;
  }
  return null;
}

const missing = missingTool();
if (missing) {
  if (process.env.LANTU_REQUIRE_SERVICES) {
    throw new Error(`LibreOffice and poppler are required (LANTU_REQUIRE_SERVICES) but ${missing}`);
  }
  console.warn(`[lantu tests] report PDF check skipped: ${missing}`);
}

describe.skipIf(missing !== null)('the Word report in LibreOffice', () => {
  let database: Database;
  let planId: string;
  let dir: string;
  let pdfText = '';
  let pages = 0;

  beforeAll(async () => {
    ({ database, planId } = await demoDatabase());
    const { record, snapshot } = await midterm(database, planId);
    dir = mkdtempSync(join(tmpdir(), 'lantu-report-'));
    const docx = join(dir, 'report.docx');
    writeFileSync(docx, (await renderEvaluation(record, snapshot, 'docx')).bytes);
    // A profile of its own, so a LibreOffice already running elsewhere does not swallow the job.
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const convert = spawnSync(
      'libreoffice',
      [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
      { encoding: 'utf8', timeout: 180_000 },
    );
    const pdf = join(dir, 'report.pdf');
    if (!existsSync(pdf)) {
      throw new Error(`LibreOffice did not convert the report: ${convert.status} ${convert.stderr}`);
    }
    pdfText = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout ?? '';
    pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 240_000);
  afterAll(async () => {
    await database?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('converts to a PDF whose text holds the assessment’s figures', async () => {
    const structure = (await findPlanStructure(database.db, planId))!;
    const live = await assessStoredPlan(database.db, planId, structure, 2024);
    const { byLight, total } = live.summary.indicators;
    expect(pages).toBeGreaterThan(10);
    // The GDP row, as one line of the landscape table: its 2024 value and status.
    const gdpLine = pdfText.split('\n').find((l) => l.includes('地区生产总值'));
    expect(gdpLine).toBeDefined();
    expect(gdpLine).toMatch(/2218\.6.*2803\.5.*3250.*61\.3%.*80\.0%.*滞后/);
    const flat = pdfText.replace(/\s+/g, '');
    expect(flat).toContain(`规划确定的${total}项主要指标中，绿灯${byLight.green}项`);
    expect(flat).toContain(
      `黄灯${byLight.yellow}项（滞后），红灯${byLight.red}项（严重滞后），灰灯${byLight.grey}项`,
    );
    expect(flat).toContain('实施情况中期评估报告');
    expect(flat).toContain('【待填写：主要成效】');
    expect(flat).toContain('—1—'); // page numbers
  });
});
