/** Reading untrusted workbooks and writing tables: every bad file is a clear XlsxError, never a crash. */
import ExcelJS from 'exceljs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  cellText,
  columnLetter,
  mergesFrom,
  readXlsx,
  tableToXlsx,
  UPLOAD_LIMITS,
  XlsxError,
} from '../../src/opendata/xlsx.ts';
import { parseNumber } from '../../src/progress/index.ts';

async function workbookBytes(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('数据'));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** A minimal .xlsx assembled by hand: a workbook with one sheet whose XML is given. */
function handMadeXlsx(sheetXml: string, level: 0 | 9 = 9): Uint8Array {
  return zipSync(
    {
      '[Content_Types].xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
      ),
      '_rels/.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
      ),
      'xl/workbook.xml': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="填报" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/_rels/workbook.xml.rels': strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
      ),
      'xl/worksheets/sheet1.xml': strToU8(sheetXml),
    },
    { level },
  );
}

async function problemOf(bytes: Uint8Array): Promise<{ problem: string; message: string }> {
  try {
    await readXlsx(bytes);
  } catch (error) {
    if (error instanceof XlsxError) return { problem: error.problem, message: error.message };
    throw error;
  }
  throw new Error('the workbook was read');
}

describe('tableToXlsx', () => {
  it('writes a table that reads back with its header, Chinese text, numbers and dates', async () => {
    const bytes = await tableToXlsx(
      [
        { key: 'code', title: '序号 code' },
        { key: 'name', title: '指标 indicator' },
        { key: 'value', title: '数值 value', numFmt: '0.0' },
        { key: 'day', title: '日期 date' },
      ],
      [
        { code: '10', name: '地区生产总值(GDP)', value: 2218.6, day: new Date(Date.UTC(2025, 11, 31)) },
        { code: '11', name: '服务业增加值', value: null, day: null },
      ],
      { sheetName: '指标 indicators', title: '导出' },
    );
    const wb = await readXlsx(bytes);
    const sheet = wb.sheet('指标 indicators')!;
    expect(sheet.rowCount).toBe(3);
    expect(cellText(sheet.cell(1, 2))).toBe('指标 indicator');
    expect(sheet.cell(2, 2)).toEqual({ kind: 'text', text: '地区生产总值(GDP)' });
    expect(sheet.cell(2, 3)).toEqual({ kind: 'number', value: 2218.6 });
    expect(sheet.cell(2, 4)).toEqual({ kind: 'date', date: '2025-12-31' });
    expect(sheet.cell(3, 3)).toEqual({ kind: 'empty' });
  });
});

describe('readXlsx refuses bad files with a clear message', () => {
  it('not an xlsx: text, and an old .xls', async () => {
    const text = await problemOf(strToU8('indicator,year,value\n10,2024,1\n'));
    expect(text.problem).toBe('not_xlsx');
    expect(text.message).toMatch(/不是 Excel 工作簿.*not an Excel workbook/);
    const xls = await problemOf(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect(xls.problem).toBe('legacy_xls');
    expect(xls.message).toMatch(/\.xls/);
    const zipWithoutWorkbook = await problemOf(zipSync({ 'a.txt': strToU8('hello') }));
    expect(zipWithoutWorkbook.problem).toBe('not_xlsx');
    const truncated = await problemOf((await workbookBytes((ws) => ws.addRow([1]))).slice(0, 300));
    expect(truncated.problem).toBe('not_xlsx');
  });

  it('a file over the size limit is refused before it is opened', async () => {
    const big = new Uint8Array(UPLOAD_LIMITS.maxBytes + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    const { problem, message } = await problemOf(big);
    expect(problem).toBe('too_large');
    expect(message).toMatch(/超过上限 10 MB/);
  });

  it('a zip bomb: the declared expanded size is checked before anything is inflated', async () => {
    const bomb = zipSync({ 'xl/workbook.xml': new Uint8Array(60 * 1024 * 1024) }, { level: 9 });
    expect(bomb.length).toBeLessThan(200 * 1024);
    const { problem, message } = await problemOf(bomb);
    expect(problem).toBe('zip_bomb');
    expect(message).toMatch(/解压后约 60 MB/);
  });

  it('a zip bomb by ratio: small in total but expanding a thousandfold', async () => {
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/>${' '.repeat(5_000_000)}</worksheet>`;
    const { problem, message } = await problemOf(handMadeXlsx(sheet));
    expect(problem).toBe('zip_bomb');
    expect(message).toMatch(/压缩比 \d+:1/);
  });

  it('100,000 rows are refused with the sheet named and the limit', async () => {
    const rows = Array.from(
      { length: 100_000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`,
    );
    const sheet = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    const { problem, message } = await problemOf(handMadeXlsx(sheet, 0));
    expect(problem).toBe('too_many_rows');
    expect(message).toContain('工作表“填报”有 100000 行,超过上限 20000 行');
  });

  it('a part that lies about its size is cut there, and the workbook then fails to read', async () => {
    const honest = await workbookBytes((ws) => {
      for (let i = 0; i < 200; i++) ws.addRow([i, `行${i}`]);
    });
    const lying = new Uint8Array(honest);
    const view = new DataView(lying.buffer);
    for (let i = 0; i < lying.length - 4; i++) {
      const signature = view.getUint32(i, true);
      if (signature === 0x04034b50 && view.getUint32(i + 22, true) > 2000) view.setUint32(i + 22, 100, true);
      if (signature === 0x02014b50 && view.getUint32(i + 24, true) > 2000) view.setUint32(i + 24, 100, true);
    }
    const { problem } = await problemOf(lying);
    expect(problem).toBe('unreadable');
  });
});

describe('cells as a template reader needs them', () => {
  it('formulas give their saved result, or an error naming the cell when none was saved', async () => {
    const bytes = await workbookBytes((ws) => {
      ws.getCell('A1').value = 2;
      ws.getCell('B1').value = { formula: 'A1*2', result: 4 };
      ws.getCell('C1').value = { formula: 'A1*3' };
      ws.getCell('D1').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    const sheet = (await readXlsx(bytes)).sheet('数据')!;
    expect(sheet.cell(1, 2)).toEqual({ kind: 'number', value: 4 });
    const noResult = sheet.cell(1, 3);
    expect(noResult.kind).toBe('error');
    expect(noResult.kind === 'error' && noResult.message).toMatch(
      /单元格 C1 是公式.*cell C1 holds a formula/,
    );
    const error = sheet.cell(1, 4);
    expect(error.kind === 'error' && error.message).toMatch(/D1.*#DIV\/0!/);
  });

  it('merged cells are reported by their range; numbers stored as text with full-width digits read as numbers', async () => {
    const bytes = await workbookBytes((ws) => {
      ws.getCell('A1').value = '标题';
      ws.mergeCells('A1:C1');
      ws.getCell('A3').value = '２２１８．６';
      ws.getCell('B3').value = { richText: [{ text: '12' }, { text: '3.5' }] };
      ws.mergeCells('A5:B6');
    });
    const sheet = (await readXlsx(bytes)).sheet('数据')!;
    expect(mergesFrom(sheet, 2)).toEqual(['A5:B6']);
    expect(mergesFrom(sheet, 1)).toEqual(expect.arrayContaining(['A1:C1', 'A5:B6']));
    expect(parseNumber(cellText(sheet.cell(3, 1)))).toBe(2218.6);
    expect(parseNumber(cellText(sheet.cell(3, 2)))).toBe(123.5);
  });

  it('column letters', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
  });
});
