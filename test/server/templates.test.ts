/**
 * Excel round-trips over the API, on SQLite and PostgreSQL: the assignment template (download, fill,
 * upload; all or nothing, or the valid rows only), a unit's reporting template (drafts through the
 * web form's checks), the export of a table, and bad files answered with clear messages.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, readXlsx } from '../../src/opendata/xlsx.ts';
import { dialects } from '../store/dialects.ts';
import { type Client, createHarness, type Harness } from './harness.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Loads a downloaded workbook into ExcelJS, as a person opening it in Excel would. */
async function open(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

async function base64(wb: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}

/** The row of a sheet whose first cell is `key`. */
function rowOf(ws: ExcelJS.Worksheet, key: string): number {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === key) return r;
  throw new Error(`no row ${key}`);
}

async function auditActions(h: Harness): Promise<string[]> {
  return (await h.database.db.selectFrom('audit_events').select('action').orderBy('seq').execute()).map(
    (e) => e.action,
  );
}

describe.each(dialects)('Excel round-trips on $name', ({ open: openDatabase }) => {
  let h: Harness;
  let planner: Client;
  let reporter: Client;
  beforeAll(async () => {
    h = await createHarness(await openDatabase());
    planner = await h.login('planner');
    reporter = await h.login('reporter.shangwu');
  });
  afterAll(async () => {
    await h?.close();
  });

  describe('the assignment template', () => {
    it('lists every item, with a list of the units to pick the lead from', async () => {
      const reply = await planner.request('GET', `/api/plans/${h.planId}/templates/assignments.xlsx`);
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['content-type']).toBe(XLSX);
      expect(reply.headers['content-disposition']).toContain("filename*=UTF-8''");
      const wb = await open(reply.rawPayload);
      const ws = wb.getWorksheet('分工 Assignments')!;
      expect(ws.rowCount).toBe(h.items.length + 1);
      const kinds = new Set(h.items.map((i) => i.kind));
      expect(kinds).toEqual(new Set(['indicator', 'task', 'project', 'action', 'commitment']));
      expect(ws.getCell(rowOf(ws, 'ind:10'), 4).value).toBe('地区生产总值(GDP)');
      const validation = ws.getCell(2, 5).dataValidation;
      expect(validation.type).toBe('list');
      expect(String(validation.formulae[0])).toContain('单位 Units');
      expect(wb.getWorksheet('单位 Units')!.getColumn(2).values).toContain('统计局');
    });

    it('refuses a file made before the structure was corrected: a row whose title is not its item’s', async () => {
      const wb = await open(
        (await planner.request('GET', `/api/plans/${h.planId}/templates/assignments.xlsx`)).rawPayload,
      );
      const ws = wb.getWorksheet('分工 Assignments')!;
      // task:8.2.1 in the file is 高质量实施健康上城行动; after line 235 moves into section 2 it is
      // 完善公共卫生服务体系, and the row would misfile the assignment.
      const r = rowOf(ws, 'task:8.2.1');
      const inFile = String(ws.getCell(r, 4).value);
      ws.getCell(r, 5).value = '统计局';
      const version = (await planner.request('GET', `/api/plans/${h.planId}`)).json().version;
      const moved = await planner.request('POST', `/api/plans/${h.planId}/structure/corrections`, {
        version,
        corrections: [{ kind: 'moveParagraph', line: 235, to: { chapter: 8, section: 2 } }],
      });
      expect(moved.statusCode, moved.body).toBe(200);
      const reply = await planner.request('POST', `/api/plans/${h.planId}/templates/assignments`, {
        fileName: '分工方案表.xlsx',
        contentBase64: await base64(wb),
      });
      // Refused as every bad file is (400, its problems by sheet, row and column), and nothing changed.
      expect(reply.statusCode).toBe(400);
      expect(reply.json().errors).toEqual([
        expect.objectContaining({ row: r, column: 'D', message: expect.stringContaining('规划结构已调整') }),
      ]);
      expect(inFile).not.toBe('完善公共卫生服务体系');
      const assignments = (
        await planner.request('GET', `/api/plans/${h.planId}/assignments?kind=task`)
      ).json() as {
        key: string;
        leadUnit: unknown;
      }[];
      expect(assignments.find((a) => a.key === 'task:8.2.1')!.leadUnit).toBeNull();
    });

    it('applies a filled template in one go, and reads Excel dates and milestones', async () => {
      const wb = await open(
        (await planner.request('GET', `/api/plans/${h.planId}/templates/assignments.xlsx`)).rawPayload,
      );
      const ws = wb.getWorksheet('分工 Assignments')!;
      const r = rowOf(ws, 'ind:10');
      ws.getCell(r, 5).value = '统计局';
      ws.getCell(r, 6).value = '商务局、发改局';
      ws.getCell(r, 7).value = new Date(Date.UTC(2025, 11, 31));
      ws.getCell(r, 8).value = '2024-06-30 完成中期评估(已完成)\n2025年12月31日 总结评估';
      const task = h.items.find((i) => i.kind === 'task')!;
      ws.getCell(rowOf(ws, task.key), 5).value = '杭州市上城区统计局';
      ws.getCell(rowOf(ws, task.key), 7).value = '2025/6/30';
      const reply = await planner.request('POST', `/api/plans/${h.planId}/templates/assignments`, {
        fileName: '分工方案表.xlsx',
        contentBase64: await base64(wb),
      });
      expect(reply.statusCode, reply.body).toBe(200);
      expect(reply.json()).toEqual({ created: 2, updated: 0, unchanged: 0, skipped: 0, errors: [] });
      const assignments = (await planner.request('GET', `/api/plans/${h.planId}/assignments`)).json() as {
        key: string;
        leadUnit: { shortName: string } | null;
        coUnits: { shortName: string }[];
        dueDate: string | null;
        milestones: unknown[];
      }[];
      const gdp = assignments.find((a) => a.key === 'ind:10')!;
      expect(gdp.leadUnit?.shortName).toBe('统计局');
      expect(gdp.coUnits.map((u) => u.shortName)).toEqual(['商务局', '发改局']);
      expect(gdp.dueDate).toBe('2025-12-31');
      expect(gdp.milestones).toEqual([
        { title: '完成中期评估', due: '2024-06-30', done: true },
        { title: '总结评估', due: '2025-12-31' },
      ]);
      expect(assignments.find((a) => a.key === task.key)!.dueDate).toBe('2025-06-30');
      expect(await auditActions(h)).toContain('assignment.template.upload');

      // The template downloaded again shows the assignment; uploading it unchanged changes nothing.
      const again = await planner.request('GET', `/api/plans/${h.planId}/templates/assignments.xlsx`);
      const same = await planner.request('POST', `/api/plans/${h.planId}/templates/assignments`, {
        contentBase64: again.rawPayload.toString('base64'),
      });
      expect(same.json()).toMatchObject({ created: 0, updated: 0, unchanged: 2 });
    });

    it('refuses the whole file when a row names an unknown unit or a bad date, naming sheet, row and column', async () => {
      const wb = await open(
        (await planner.request('GET', `/api/plans/${h.planId}/templates/assignments.xlsx`)).rawPayload,
      );
      const ws = wb.getWorksheet('分工 Assignments')!;
      const good = rowOf(ws, 'ind:7');
      const unknown = rowOf(ws, 'ind:11');
      const badDate = rowOf(ws, 'ind:12');
      ws.getCell(good, 5).value = '商务局';
      ws.getCell(unknown, 5).value = '不存在局';
      ws.getCell(badDate, 5).value = '统计局';
      ws.getCell(badDate, 7).value = '2025-02-30';
      const before = await h.database.db.selectFrom('assignments').select('id').execute();
      const body = { contentBase64: await base64(wb) };
      const reply = await planner.request('POST', `/api/plans/${h.planId}/templates/assignments`, body);
      expect(reply.statusCode).toBe(400);
      const answer = reply.json();
      expect(answer.code).toBe('LANTU_VALIDATION');
      expect(answer.message).toMatch(/2 行有误,未做任何更改/);
      expect(answer.errors).toEqual([
        {
          sheet: '分工 Assignments',
          row: unknown,
          column: 'E',
          message: expect.stringContaining('未知单位“不存在局”'),
        },
        {
          sheet: '分工 Assignments',
          row: badDate,
          column: 'G',
          message: expect.stringContaining('2025-02-30'),
        },
      ]);
      expect(await h.database.db.selectFrom('assignments').select('id').execute()).toHaveLength(
        before.length,
      );

      // The planner chooses to apply the valid rows: the good one goes in, the others are reported.
      const partial = await planner.request('POST', `/api/plans/${h.planId}/templates/assignments`, {
        ...body,
        applyValidRows: true,
      });
      expect(partial.statusCode).toBe(200);
      expect(partial.json()).toMatchObject({ created: 1, skipped: 2 });
      expect(partial.json().errors).toHaveLength(2);
      expect(await h.database.db.selectFrom('assignments').select('id').execute()).toHaveLength(
        before.length + 1,
      );
    });

    it('only a planner downloads or uploads it', async () => {
      expect(
        (await reporter.request('GET', `/api/plans/${h.planId}/templates/assignments.xlsx`)).statusCode,
      ).toBe(403);
      const upload = await reporter.request('POST', `/api/plans/${h.planId}/templates/assignments`, {
        contentBase64: 'UEsDBA==',
      });
      expect(upload.statusCode).toBe(403);
    });

    it('bad files get clear messages: not a workbook, too large, merged cells, formulas without a result', async () => {
      const url = `/api/plans/${h.planId}/templates/assignments`;
      const text = await planner.request('POST', url, {
        contentBase64: Buffer.from('indicator,year,value\n').toString('base64'),
      });
      expect(text.statusCode).toBe(400);
      expect(text.json()).toMatchObject({ code: 'LANTU_VALIDATION', field: 'body.contentBase64' });
      expect(text.json().message).toMatch(/不是 Excel 工作簿/);
      const huge = await planner.request('POST', url, { contentBase64: 'A'.repeat(14 * 1024 * 1024) });
      expect(huge.statusCode).toBe(413);
      expect(huge.json()).toMatchObject({
        code: 'LANTU_PAYLOAD_TOO_LARGE',
        message: expect.stringMatching(/10 MB/),
      });

      const wb = await open(
        (await planner.request('GET', `/api/plans/${h.planId}/templates/assignments.xlsx`)).rawPayload,
      );
      const ws = wb.getWorksheet('分工 Assignments')!;
      const r = rowOf(ws, 'ind:20');
      ws.mergeCells(r, 5, r, 6);
      ws.getCell(r + 1, 5).value = { formula: 'E2' } as ExcelJS.CellFormulaValue;
      const reply = await planner.request('POST', url, { contentBase64: await base64(wb) });
      expect(reply.statusCode).toBe(400);
      const messages = (reply.json().errors as { row: number; column: string; message: string }[]).map(
        (e) => `${e.row}${e.column}: ${e.message}`,
      );
      expect(messages).toEqual([
        expect.stringMatching(new RegExp(`^${r}E: 单元格 E${r}:F${r} 是合并单元格`)),
        expect.stringMatching(new RegExp(`^${r + 1}E: 单元格 E${r + 1} 是公式`)),
      ]);
    });
  });

  describe('the reporting template of a unit and round', () => {
    let roundId: string;
    beforeAll(async () => {
      const round = await planner.request('POST', `/api/plans/${h.planId}/rounds`, {
        year: 2025,
        opensOn: '2026-01-05',
        deadline: '2026-03-31',
      });
      expect(round.statusCode, round.body).toBe(201);
      roundId = round.json().id;
      // 商务局 leads ind:7 (货物贸易进出口总额) and ind:21 (two measures) and a task.
      const task = h.items.find((i) => i.kind === 'task' && i.key.endsWith('.2'))!;
      const bulk = await planner.request('POST', `/api/plans/${h.planId}/assignments/bulk`, {
        rows: [
          { item: 'ind:7', leadUnit: '商务局' },
          { item: 'ind:21', leadUnit: '商务局' },
          { item: task.key, leadUnit: '商务局' },
        ],
      });
      expect(bulk.statusCode, bulk.body).toBe(200);
      // Last year's approved value of ind:7, to be shown beside the new one.
      await h.database.db
        .insertInto('observations')
        .values({
          id: 'approved-2024-ind7',
          plan_id: h.planId,
          item_id: h.items.find((i) => i.key === 'ind:7')!.id,
          measure: 1,
          area: '',
          year: 2024,
          period: '',
          kind: 'level',
          value: 1234.5,
          unit: '亿元',
          details: '{}',
          status: 'approved',
          approved_value: 1234.5,
          approved_details: '{}',
          approved_at: '2025-03-01T00:00:00.000Z',
          comment: null,
          source: '统计公报',
          sample: 0,
          unit_id: h.unitIds.shangwu,
          round_id: null,
          created_by: h.userIds.planner,
          created_at: '2025-03-01T00:00:00.000Z',
          updated_at: '2025-03-01T00:00:00.000Z',
        })
        .execute();
    });

    const templateUrl = (): string => `/api/plans/${h.planId}/rounds/${roundId}/template.xlsx`;
    const uploadUrl = (): string => `/api/plans/${h.planId}/rounds/${roundId}/template`;

    it("gives a reporter its unit's items, last year's approved value and the unit", async () => {
      const reply = await reporter.request('GET', templateUrl());
      expect(reply.statusCode, reply.body).toBe(200);
      const sheet = (await readXlsx(reply.rawPayload)).sheet('填报 Reporting')!;
      const rows = Array.from({ length: sheet.rowCount - 1 }, (_, k) =>
        [1, 4, 6, 7, 8].map((c) => cellText(sheet.cell(k + 2, c))).join('|'),
      );
      expect(rows).toEqual(
        expect.arrayContaining([
          'ind:7|1|数值 level|亿元|1234.5',
          'ind:21|1|数值 level|个|',
          'ind:21|2|数值 level|个|',
          expect.stringMatching(/^task:.*\|1\|进度 progress\|%\|$/),
        ]),
      );
      expect(rows).toHaveLength(4);
    });

    it('a planner downloads any unit’s; another unit’s reporter may not', async () => {
      expect((await planner.request('GET', `${templateUrl()}?unitId=${h.unitIds.shangwu}`)).statusCode).toBe(
        200,
      );
      const other = await h.login('reporter.tongji');
      expect((await other.request('GET', `${templateUrl()}?unitId=${h.unitIds.shangwu}`)).statusCode).toBe(
        403,
      );
      expect((await other.request('GET', templateUrl())).statusCode).toBe(200);
    });

    it('fills drafts through the web form’s checks; full-width digits are numbers; the same file twice changes nothing', async () => {
      const wb = await open((await reporter.request('GET', templateUrl())).rawPayload);
      const ws = wb.getWorksheet('填报 Reporting')!;
      const r = rowOf(ws, 'ind:7');
      ws.getCell(r, 9).value = '２２１８．６';
      ws.getCell(r, 10).value = '快报数';
      const body = { fileName: '填报.xlsx', contentBase64: await base64(wb) };
      const reply = await reporter.request('POST', uploadUrl(), body);
      expect(reply.statusCode, reply.body).toBe(200);
      expect(reply.json()).toMatchObject({ created: 1, updated: 0, unchanged: 0, empty: 3 });
      const values = (
        await reporter.request('GET', `/api/plans/${h.planId}/observations?year=2025`)
      ).json() as {
        itemKey: string;
        value: number;
        status: string;
        details: { note: string };
        unitName: string;
      }[];
      expect(values).toEqual([
        expect.objectContaining({
          itemKey: 'ind:7',
          value: 2218.6,
          status: 'draft',
          details: expect.objectContaining({ note: '快报数' }),
        }),
      ]);
      const twice = await reporter.request('POST', uploadUrl(), body);
      expect(twice.json()).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
      expect(await auditActions(h)).toContain('observation.template.upload');

      // A changed value updates the draft as a new revision.
      ws.getCell(r, 9).value = 2300;
      const changed = await reporter.request('POST', uploadUrl(), { contentBase64: await base64(wb) });
      expect(changed.json()).toMatchObject({ updated: 1 });
    });

    it('refuses the whole file on one bad row, with the cell named, and writes nothing', async () => {
      const wb = await open((await reporter.request('GET', templateUrl())).rawPayload);
      const ws = wb.getWorksheet('填报 Reporting')!;
      const first = rowOf(ws, 'ind:21');
      ws.getCell(first, 9).value = 12;
      ws.getCell(first + 1, 9).value = 'abc';
      const taskRow = [...Array(ws.rowCount).keys()]
        .map((k) => k + 1)
        .find((k) => String(ws.getCell(k, 1).value).startsWith('task:'))!;
      ws.getCell(taskRow, 9).value = 150;
      const before = await h.database.db.selectFrom('observations').select('id').execute();
      const reply = await reporter.request('POST', uploadUrl(), { contentBase64: await base64(wb) });
      expect(reply.statusCode).toBe(400);
      const errors = reply.json().errors as { sheet: string; row: number; column: string; message: string }[];
      expect(errors).toEqual(
        expect.arrayContaining([
          {
            sheet: '填报 Reporting',
            row: first + 1,
            column: 'I',
            message: expect.stringContaining('“abc”不是数字'),
          },
          {
            sheet: '填报 Reporting',
            row: taskRow,
            column: 'I',
            message: expect.stringContaining('0 到 100'),
          },
        ]),
      );
      expect(await h.database.db.selectFrom('observations').select('id').execute()).toHaveLength(
        before.length,
      );
    });

    it('refuses another round’s file, and only a reporter uploads', async () => {
      const other = await planner.request('POST', `/api/plans/${h.planId}/rounds`, {
        year: 2024,
        opensOn: '2025-01-05',
        deadline: '2025-03-31',
      });
      const wb = await open(
        (await reporter.request('GET', `/api/plans/${h.planId}/rounds/${other.json().id}/template.xlsx`))
          .rawPayload,
      );
      const reply = await reporter.request('POST', uploadUrl(), { contentBase64: await base64(wb) });
      expect(reply.statusCode).toBe(400);
      expect(reply.json().errors[0].message).toMatch(/不是“.*”的填报模板/);
      const byPlanner = await planner.request('POST', uploadUrl(), { contentBase64: await base64(wb) });
      expect(byPlanner.statusCode).toBe(403);
    });
  });

  it('exports any table as .xlsx for a signed-in user, not for anonymous callers', async () => {
    const body = {
      title: '指标表 indicators',
      columns: [
        { key: 'code', title: '序号' },
        { key: 'value', title: '数值' },
      ],
      rows: [
        { code: '10', value: 2218.6 },
        { code: '11', value: null },
      ],
    };
    const reply = await reporter.request('POST', '/api/exports/xlsx', body);
    expect(reply.statusCode).toBe(200);
    expect(reply.headers['content-type']).toBe(XLSX);
    const sheet = (await readXlsx(reply.rawPayload)).sheets[0]!;
    expect(sheet.name).toBe('指标表 indicators');
    expect(sheet.cell(2, 2)).toEqual({ kind: 'number', value: 2218.6 });
    const anonymous = await h.app.inject({ method: 'POST', url: '/api/exports/xlsx', payload: body });
    expect(anonymous.statusCode).toBe(401);
  });
});
