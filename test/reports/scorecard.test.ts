/**
 * The unit scorecard (监督考核) as a workbook, read back with ExcelJS: one row per lead unit, items by
 * light, and reporting completeness and timeliness from the values' submissions against the round
 * deadlines (on time, late, missing; values loaded in bulk have no time and stay out of 及时率).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderEvaluation } from '../../src/reports/index.ts';
import { SCORECARD_COLUMNS } from '../../src/reports/renderScorecardXlsx.ts';
import type { Database } from '../../src/store/database.ts';
import { demoDatabase, midterm } from './fixtures.ts';

describe('the unit scorecard', () => {
  let database: Database;
  let planId: string;
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  const gaps: ExcelJS.CellValue[][] = [];

  async function observation(key: string, year: number) {
    return database.db
      .selectFrom('observations as o')
      .innerJoin('plan_items as i', 'i.id', 'o.item_id')
      .select(['o.id', 'o.created_by'])
      .where('i.key', '=', key)
      .where('o.year', '=', year)
      .where('o.measure', '=', 1)
      .executeTakeFirstOrThrow();
  }

  async function submitted(key: string, year: number, at: string): Promise<void> {
    const o = await observation(key, year);
    await database.db
      .insertInto('observation_revisions')
      .values({
        id: `submit-${key}-${year}`,
        observation_id: o.id,
        revision: 0,
        action: 'submit',
        status: 'submitted',
        value: null,
        details: '{}',
        comment: null,
        actor_id: o.created_by,
        created_at: at,
      })
      .execute();
  }

  beforeAll(async () => {
    ({ database, planId } = await demoDatabase());
    // 区统计局 leads GDP (ind:10) and 服务业增加值 (ind:11): one value submitted on the deadline day
    // (China time), one after it, and one never handed in.
    await submitted('ind:10', 2024, '2025-03-31T15:30:00.000Z'); // 23:30 on 31 March in Beijing
    await submitted('ind:10', 2023, '2024-04-10T02:00:00.000Z'); // deadline 2024-03-31
    const missing = await observation('ind:11', 2022);
    await database.db.deleteFrom('observation_revisions').where('observation_id', '=', missing.id).execute();
    await database.db.deleteFrom('observations').where('id', '=', missing.id).execute();

    const { record, snapshot } = await midterm(database, planId);
    const file = await renderEvaluation(record, snapshot, 'xlsx');
    expect(file.fileName).toBe('2024年中期评估监督考核.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('监督考核')!;
    const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
    expect(header).toEqual([...SCORECARD_COLUMNS]);
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = (row.values as ExcelJS.CellValue[]).slice(1);
      rows.push(Object.fromEntries(header.map((h, i) => [String(h), values[i] ?? null])));
    });
    workbook.getWorksheet('未按时报送')!.eachRow((row, n) => {
      if (n > 1) gaps.push((row.values as ExcelJS.CellValue[]).slice(1));
    });
  });
  afterAll(async () => {
    await database.close();
  });

  it('has one row per lead unit, and every assigned item counted once by light', async () => {
    const leads = await database.db
      .selectFrom('assignments as a')
      .innerJoin('org_units as u', 'u.id', 'a.lead_unit_id')
      .innerJoin('plan_items as i', 'i.id', 'a.item_id')
      .select(['u.short_name', 'i.kind'])
      .where('a.plan_id', '=', planId)
      .execute();
    const units = [...new Set(leads.map((l) => l.short_name))].sort();
    expect(rows.map((r) => String(r['牵头单位'])).sort()).toEqual(units);
    for (const r of rows) {
      const mine = leads.filter((l) => l.short_name === r['牵头单位']);
      expect(r['牵头指标'], String(r['牵头单位'])).toBe(mine.filter((l) => l.kind === 'indicator').length);
      expect(r['牵头任务项目']).toBe(mine.filter((l) => l.kind !== 'indicator').length);
      const lights = Number(r['绿灯']) + Number(r['黄灯']) + Number(r['红灯']) + Number(r['灰灯']);
      expect(lights).toBe(mine.length);
      expect(Number(r['已报']) + Number(r['未报'])).toBe(r['应报']);
      expect(Number(r['按时报送']) + Number(r['逾期报送']) + Number(r['无报送时间'])).toBe(r['已报']);
    }
  });

  it('counts hand-ins on time and late against the deadline, and what was never handed in', () => {
    const stats = rows.find((r) => r['牵头单位'] === '区统计局')!;
    expect(stats).toMatchObject({ 按时报送: 1, 逾期报送: 1, 及时率: 0.5 });
    expect(Number(stats['未报'])).toBeGreaterThanOrEqual(1);
    expect(stats['报送率']).toBeCloseTo(Number(stats['已报']) / Number(stats['应报']), 10);
    expect(String(stats['未亮绿灯事项'])).toContain('10.地区生产总值（GDP）');
    // Units whose values were all loaded in bulk have no timeliness at all.
    const loadedOnly = rows.find((r) => r['按时报送'] === 0 && r['逾期报送'] === 0)!;
    expect(loadedOnly['及时率']).toBeNull();
    const listed = gaps.filter((g) => g[0] === '区统计局');
    expect(listed).toContainEqual(['区统计局', '11.服务业增加值', 1, 2022, '全年', '2023-03-31', '未报送']);
    expect(
      listed.some((g) => g[1] === '10.地区生产总值（GDP）' && g[3] === 2023 && g[6] === '逾期报送'),
    ).toBe(true);
  });
});
