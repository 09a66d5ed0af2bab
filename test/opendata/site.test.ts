/**
 * `lantu export-site` on SQLite and PostgreSQL: the public portal as files that open without a
 * server: every link of every page leads to a file of the site (or to a source on the web), no page
 * loads a script or asks the API, charts are SVG, and the open data files are there.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExportSite } from '../../src/cli/exportSite.ts';
import { measureChartSvg } from '../../src/opendata/charts.ts';
import { openDatabase } from '../../src/store/database.ts';
import { createHarness, type Harness } from '../server/harness.ts';
import { dialects, type TestDatabase } from '../store/dialects.ts';

const dir = mkdtempSync(join(tmpdir(), 'lantu-site-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function shared(name: string, open: () => Promise<TestDatabase>): Promise<TestDatabase> {
  if (name !== 'sqlite') return open();
  const url = `sqlite:${join(dir, `${Math.random().toString(36).slice(2)}.sqlite`)}`;
  return { ...(await openDatabase(url)), url };
}

function io() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (s: string) => {
        out.stdout += s;
      },
      stderr: (s: string) => {
        out.stderr += s;
      },
      readFile: (path: string) => readFile(path),
      isTty: false,
    },
  };
}

function walk(root: string): string[] {
  return readdirSync(root).flatMap((name) => {
    const path = join(root, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

describe.each(dialects)('export-site on $name', ({ name, open }) => {
  let h: Harness;
  let out: string;
  beforeAll(async () => {
    h = await createHarness(await shared(name, open), { published: true });
    const item = h.items.find((i) => i.key === 'ind:10')!;
    for (const [year, value, sample] of [
      [2021, 2368.8, 1],
      [2022, 2525, 0],
    ] as const) {
      await h.database.db
        .insertInto('observations')
        .values({
          id: `site-${year}`,
          plan_id: h.planId,
          item_id: item.id,
          measure: 1,
          area: '',
          year,
          period: '',
          kind: 'level',
          value,
          unit: '亿元',
          details: '{}',
          status: 'approved',
          approved_value: value,
          approved_details: '{}',
          approved_at: '2025-03-01T00:00:00.000Z',
          comment: null,
          source: year === 2022 ? 'https://www.hzsc.gov.cn/art/2024/3/20/art_1.html' : '示例数据',
          sample,
          unit_id: h.unitIds.tongji,
          round_id: null,
          created_by: h.userIds.planner,
          created_at: '2025-03-01T00:00:00.000Z',
          updated_at: '2025-03-01T00:00:00.000Z',
        })
        .execute();
    }
    out = join(dir, `site-${name}`);
    const run = io();
    expect(await runExportSite(['--database', h.database.url, '--out', out], run.io), run.out.stderr).toBe(0);
    expect(run.out.stdout).toMatch(/static site written/);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('writes the pages, the charts as SVG and every open data file', () => {
    const plan = join(out, h.planId);
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`${h.planId}/index.html`);
    const page = readFileSync(join(plan, 'index.html'), 'utf8');
    expect(page).toContain('杭州市上城区国民经济和社会发展第十四个五年规划');
    expect(page).toContain('部分数值为示例数据');
    expect(page).toContain('<svg');
    const indicator = readFileSync(join(plan, 'indicators/10.html'), 'utf8');
    expect(indicator).toContain('地区生产总值(GDP)');
    expect(indicator).toMatch(/<svg[^>]*>/);
    expect(indicator).toContain('2525');
    expect(readFileSync(join(plan, 'charts/10-1.svg'), 'utf8')).toMatch(/^<svg/);
    const csv = readFileSync(join(plan, 'data/observations.csv'), 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('2022,10,亿元,,,,,2525');
    expect(readFileSync(join(plan, 'data/opensdg/indicator_10.csv'), 'utf8')).toContain(
      'Year,Units,Series,Area,Period,Kind,Value',
    );
    for (const file of ['indicators.json', 'assessments.xlsx', 'dictionary.csv', 'index.json'])
      expect(existsSync(join(plan, 'data', file)), file).toBe(true);
    const embedded = /<script type="application\/json" id="lantu-data">(.*?)<\/script>/s.exec(indicator)![1]!;
    expect(JSON.parse(embedded).values).toHaveLength(2);
  });

  it('opens from the file system: every link resolves to a file of the site, no script, no API', () => {
    const pages = walk(out).filter((f) => f.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(35);
    for (const page of pages) {
      const html = readFileSync(page, 'utf8');
      expect(html, relative(out, page)).not.toMatch(/<script(?![^>]*type="application\/json")/);
      expect(html).not.toContain('/api/');
      for (const [, link] of html.matchAll(/(?:href|src)="([^"]+)"/g)) {
        if (/^https?:/.test(link!)) continue;
        const target = resolve(dirname(page), link!.split('#')[0]!);
        expect(existsSync(target), `${relative(out, page)} → ${link}`).toBe(true);
      }
    }
  });

  it('refuses an unpublished plan and an empty installation, and needs --out', async () => {
    await h.database.db.updateTable('plans').set({ published: 0 }).where('id', '=', h.planId).execute();
    try {
      const one = io();
      expect(
        await runExportSite(
          ['--database', h.database.url, '--plan', h.planId, '--out', join(dir, 'x')],
          one.io,
        ),
      ).toBe(1);
      expect(one.out.stderr).toContain(`没有已发布的规划 ${h.planId}`);
      const none = io();
      expect(await runExportSite(['--database', h.database.url, '--out', join(dir, 'x')], none.io)).toBe(1);
      expect(none.out.stderr).toMatch(/no published plan/);
    } finally {
      await h.database.db.updateTable('plans').set({ published: 1 }).where('id', '=', h.planId).execute();
    }
    expect(await runExportSite(['--database', h.database.url], io().io)).toBe(2);
  });
});

describe('measure charts', () => {
  it('draws the values against the target path as SVG, with no browser', () => {
    const svg = measureChartSvg({
      baseYear: 2020,
      endYear: 2025,
      unit: '亿元',
      values: [
        { year: 2021, value: 2368.8 },
        { year: 2022, value: 2525 },
      ],
      assessment: {
        indicator: '10',
        measure: 1,
        year: 2022,
        value: 2525,
        baseline: 2218.6,
        target: 3250,
        path: 'geometric',
        expected: 2545,
        completion: 0.34,
        elapsed: 0.4,
        status: 'on_track',
        light: 'green',
        projected: 3000,
        willReach: false,
        openSdg: { ratio: 0.8, status: 'moderate' },
      },
    });
    expect(svg).toMatch(/^<svg[^>]*width="560"/);
    expect(svg).toContain('2525');
    expect(svg).toContain('目标路径 target path');
  });
});
