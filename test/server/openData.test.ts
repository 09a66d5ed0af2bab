/**
 * Open data over the API, on SQLite and PostgreSQL: a published plan's indicators, approved values
 * and assessments as CSV (with BOM, values in the Open SDG layout), JSON and XLSX, with a data
 * dictionary; no login needed, nothing of an unpublished plan, no draft value and no person.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv } from '../../src/opendata/csv.ts';
import { DATASETS } from '../../src/opendata/dataset.ts';
import { cellText, readXlsx } from '../../src/opendata/xlsx.ts';
import { dialects } from '../store/dialects.ts';
import { createHarness, type Harness, USERS } from './harness.ts';

interface Value {
  key: string;
  measure?: number;
  area?: string;
  year: number;
  period?: string;
  kind?: string;
  value: number;
  unit: string;
  status?: string;
  sample?: boolean;
  source?: string;
}

let counter = 0;

async function insertValue(h: Harness, v: Value): Promise<void> {
  const approved = (v.status ?? 'approved') === 'approved';
  await h.database.db
    .insertInto('observations')
    .values({
      id: `open-data-${++counter}`,
      plan_id: h.planId,
      item_id: h.items.find((i) => i.key === v.key)!.id,
      measure: v.measure ?? 1,
      area: v.area ?? '',
      year: v.year,
      period: v.period ?? '',
      kind: v.kind ?? 'level',
      value: v.value,
      unit: v.unit,
      details: JSON.stringify({ note: '内部备注 internal note', evidence: '' }),
      status: v.status ?? 'approved',
      approved_value: approved ? v.value : null,
      approved_details: approved ? '{}' : null,
      approved_at: approved ? '2025-03-01T00:00:00.000Z' : null,
      comment: '审核意见 reviewer comment',
      source: v.source ?? '统计公报',
      sample: v.sample ? 1 : 0,
      unit_id: h.unitIds.tongji,
      round_id: null,
      created_by: h.userIds['reporter.tongji'],
      created_at: '2025-03-01T00:00:00.000Z',
      updated_at: '2025-03-01T00:00:00.000Z',
    })
    .execute();
}

/** The CSV body as rows of cells, after checking the BOM. */
function csvRows(body: string): string[][] {
  expect(body.charCodeAt(0)).toBe(0xfeff);
  const read = readCsv(body);
  if (!read.ok) throw new Error(read.message);
  return read.records.map((r) => r.cells);
}

describe.each(dialects)('open data on $name', ({ open }) => {
  let h: Harness;
  const get = (path: string) =>
    h.app.inject({ method: 'GET', url: `/api/public/plans/${h.planId}/data${path}` });

  beforeAll(async () => {
    h = await createHarness(await open(), { published: true });
    await insertValue(h, { key: 'ind:10', year: 2021, value: 2300, unit: '亿元', source: '2021年统计公报' });
    await insertValue(h, { key: 'ind:10', year: 2022, value: 2525, unit: '亿元' });
    await insertValue(h, { key: 'ind:10', year: 2023, value: 9999, unit: '亿元', status: 'submitted' });
    await insertValue(h, { key: 'ind:10', year: 2022, kind: 'growth', value: 6.5, unit: '%' });
    await insertValue(h, { key: 'ind:21', measure: 1, year: 2022, value: 30, unit: '个', sample: true });
    await insertValue(h, { key: 'ind:21', measure: 2, year: 2022, value: 4, unit: '个' });
    await insertValue(h, { key: 'ind:32', area: '原上城', year: 2022, value: 90.1, unit: '%' });
    await insertValue(h, { key: 'ind:10', year: 2023, period: 'Q2', value: 1300, unit: '亿元' });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('lists every download with its address and a dictionary of every column, without a login', async () => {
    const reply = await get('');
    expect(reply.statusCode).toBe(200);
    const index = reply.json();
    expect(index.plan.title).toContain('上城区');
    expect(index.containsSampleData).toBe(true);
    expect(index.years).toEqual([2021, 2022, 2023]);
    const names = index.files.map((f: { name: string }) => f.name);
    for (const dataset of ['indicators', 'observations', 'assessments', 'dictionary'])
      for (const format of ['csv', 'json', 'xlsx']) expect(names).toContain(`${dataset}.${format}`);
    expect(names).toContain('opensdg/indicator_10.csv');
    expect(index.files.find((f: { name: string }) => f.name === 'observations.csv').url).toBe(
      `/api/public/plans/${h.planId}/data/observations.csv`,
    );
    for (const [dataset, d] of Object.entries(DATASETS)) {
      for (const column of d.columns) {
        const entry = index.dictionary.find(
          (e: { dataset: string; column: string }) => e.dataset === dataset && e.column === column.key,
        );
        expect(entry, `${dataset}.${column.key}`).toBeDefined();
        expect(entry.description_zh).toMatch(/\p{Script=Han}/u);
        expect(entry.description_en).toMatch(/[A-Za-z]/);
      }
    }
  });

  it('the approved values as one CSV in the Open SDG layout: Year first, Value last, no draft', async () => {
    const reply = await get('/observations.csv');
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(reply.headers['content-disposition']).toContain('observations.csv');
    const rows = csvRows(reply.body);
    expect(rows[0]).toEqual(['Year', 'Indicator', 'Units', 'Series', 'Area', 'Period', 'Kind', 'Value']);
    expect(rows.slice(1)).toEqual([
      ['2021', '10', '亿元', '', '', '', '', '2300'],
      ['2022', '10', '亿元', '', '', '', '', '2525'],
      ['2023', '10', '亿元', '', '', 'Q2', '', '1300'],
      ['2022', '10', '%', '', '', '', 'growth', '6.5'],
      ['2022', '21', '个', '区级及以上非遗代表项目', '', '', '', '30'],
      ['2022', '21', '个', '重点文化元素基因解码和转化', '', '', '', '4'],
      ['2022', '32', '%', '', '原上城', '', '', '90.1'],
    ]);
    expect(reply.body).not.toContain('9999');
  });

  it('one file per indicator, named indicator_<code>.csv', async () => {
    const reply = await get('/opensdg/indicator_21.csv');
    expect(reply.statusCode).toBe(200);
    expect(csvRows(reply.body)).toEqual([
      ['Year', 'Units', 'Series', 'Area', 'Period', 'Kind', 'Value'],
      ['2022', '个', '区级及以上非遗代表项目', '', '', '', '30'],
      ['2022', '个', '重点文化元素基因解码和转化', '', '', '', '4'],
    ]);
    expect((await get('/opensdg/indicator_999.csv')).statusCode).toBe(404);
  });

  it('JSON carries sources and the sample flag, and names no person', async () => {
    const reply = await get('/observations.json');
    expect(reply.statusCode).toBe(200);
    const body = reply.json();
    expect(body.plan.id).toBe(h.planId);
    expect(body.rows).toHaveLength(7);
    expect(body.rows[0]).toEqual({
      indicator: '10',
      indicator_name: '地区生产总值(GDP)',
      measure: 1,
      series: '',
      year: 2021,
      period: null,
      area: null,
      kind: 'level',
      value: 2300,
      unit: '亿元',
      source: '2021年统计公报',
      sample: false,
    });
    expect(
      body.rows.find((r: { indicator: string; measure: number }) => r.indicator === '21' && r.measure === 1)
        .sample,
    ).toBe(true);
    for (const file of ['/observations.json', '/indicators.json', '/assessments.json', '/observations.csv']) {
      const text = (await get(file)).body;
      for (const username of Object.keys(USERS))
        expect(text, `${file} names ${username}`).not.toContain(username);
      expect(text).not.toContain('internal note');
      expect(text).not.toContain('reviewer comment');
    }
  });

  it('indicators and assessments as CSV, JSON and XLSX with the dictionary in each workbook', async () => {
    const indicators = csvRows((await get('/indicators.csv')).body);
    expect(indicators[0]).toEqual(DATASETS.indicators.columns.map((c) => c.key));
    const gdp = indicators.find((r) => r[0] === '10')!;
    expect(gdp.slice(0, 5)).toEqual(['10', '高端产业', '地区生产总值(GDP)', '亿元', 'false']);
    const assessments = (await get('/assessments.json')).json();
    expect(assessments.method.thresholds).toBeDefined();
    const row = assessments.rows.find(
      (r: { assessed_year: number; indicator: string }) => r.assessed_year === 2022 && r.indicator === '10',
    );
    expect(row).toMatchObject({ value: 2525, value_year: 2022, baseline: 2218.6, target: 3250 });
    expect(['green', 'yellow', 'red', 'grey']).toContain(row.light);

    const xlsx = await get('/observations.xlsx');
    expect(xlsx.statusCode).toBe(200);
    const wb = await readXlsx(xlsx.rawPayload);
    expect(wb.sheets.map((s) => s.name)).toEqual(['实际值(已审定) observations', '数据字典 dictionary']);
    expect(cellText(wb.sheets[0]!.cell(1, 1))).toBe('指标序号 indicator');
    expect(wb.sheets[1]!.rowCount).toBe(DATASETS.observations.columns.length + 1);
    const dictionary = csvRows((await get('/dictionary.csv')).body);
    expect(dictionary[0]).toEqual([
      'dataset',
      'dataset_zh',
      'column',
      'type',
      'description_zh',
      'description_en',
    ]);
  });

  it('nothing of an unpublished plan, and an unknown file is 400 or 404', async () => {
    await h.database.db.updateTable('plans').set({ published: 0 }).where('id', '=', h.planId).execute();
    // Public replies trust their data stamp for a second (PublicCache): unpublishing shows after it.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    try {
      for (const path of ['', '/observations.csv', '/opensdg/indicator_10.csv'])
        expect((await get(path)).statusCode, path).toBe(404);
    } finally {
      await h.database.db.updateTable('plans').set({ published: 1 }).where('id', '=', h.planId).execute();
    }
    expect((await get('/secrets.csv')).statusCode).toBe(400);
    expect((await h.app.inject({ method: 'GET', url: '/api/public/plans/nope/data' })).statusCode).toBe(404);
  });
});
