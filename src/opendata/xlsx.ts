/**
 * Excel workbooks in and out (ExcelJS). Departments live in Excel, so lantu hands out templates and
 * reads them back; an uploaded file is untrusted, so it is inspected before ExcelJS sees it:
 *
 * - the file's own size, then the zip directory: the declared expanded size of every part, their
 *   sum (at most 50 MB) and the ratio of expanded to compressed (at most 100), so a zip bomb is
 *   refused before anything is inflated;
 * - every part is inflated into a buffer of its declared size (a part that lies about its size is
 *   cut there and the workbook then fails to read), and the rows of each sheet are counted in its
 *   XML, so 100,000 rows are refused with a message instead of filling memory;
 * - ExcelJS reads a zip rebuilt from exactly the inspected parts.
 *
 * Cells come back as plain values: a formula gives its saved result (or an error naming the cell
 * when the file saved none), dates become YYYY-MM-DD, rich text its text; numbers typed as text,
 * full-width digits included (２２１８．６), are the callers' to read with parseNumber.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import type { CellError } from '../contract/templates.ts';

/** What an uploaded workbook may be. */
export interface XlsxLimits {
  /** Bytes of the file itself. */
  maxBytes: number;
  /** Bytes of all its parts once expanded. */
  maxExpandedBytes: number;
  /** Expanded bytes per compressed byte, over the whole file. */
  maxRatio: number;
  /** Rows of any one sheet. */
  maxRows: number;
}

/** The limits of template uploads: far above any plan's items, far below what would hurt the server. */
export const UPLOAD_LIMITS: XlsxLimits = {
  maxBytes: 10 * 1024 * 1024,
  maxExpandedBytes: 50 * 1024 * 1024,
  maxRatio: 100,
  maxRows: 20000,
};

/** Why a workbook cannot be read. */
export type XlsxProblem =
  | 'too_large'
  | 'not_xlsx'
  | 'legacy_xls'
  | 'zip_bomb'
  | 'too_many_rows'
  | 'unreadable';

/** A workbook that cannot be read, with one line (Chinese, then English) saying why. */
export class XlsxError extends Error {
  constructor(
    readonly problem: XlsxProblem,
    message: string,
  ) {
    super(message);
    this.name = 'XlsxError';
  }
}

/** One cell as a template reader needs it. */
export type XlsxCell =
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; date: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; message: string };

/** A sheet of an uploaded workbook. */
export interface XlsxSheet {
  name: string;
  /** The last row with anything in it. */
  rowCount: number;
  /** Merged ranges, as A1:B2. */
  merges: string[];
  /** The cell at a 1-based row and column. */
  cell: (row: number, column: number) => XlsxCell;
}

/** An uploaded workbook, inspected and read. */
export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  /** A sheet by name, or undefined. */
  sheet: (name: string) => XlsxSheet | undefined;
}

const MB = 1024 * 1024;

/** Reads an uploaded .xlsx file within `limits`; throws XlsxError with a message fit for the user. */
export async function readXlsx(bytes: Uint8Array, limits: XlsxLimits = UPLOAD_LIMITS): Promise<XlsxWorkbook> {
  const parts = inspectXlsx(bytes, limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(zipSync(parts, { level: 0 })) as unknown as ArrayBuffer);
  } catch (error) {
    throw new XlsxError(
      'unreadable',
      `无法读取该工作簿,文件可能已损坏 · the workbook cannot be read, the file may be damaged (${shortReason(error)})`,
    );
  }
  const sheets = workbook.worksheets.map(sheetReader);
  return { sheets, sheet: (name) => sheets.find((s) => s.name === name) };
}

/**
 * Checks an upload before parsing: its size, that it is a zip (and not an old .xls or text), the
 * declared sizes of its parts (a zip bomb is refused before inflating), and the rows of each sheet.
 * Returns the inflated parts.
 */
export function inspectXlsx(
  bytes: Uint8Array,
  limits: XlsxLimits = UPLOAD_LIMITS,
): Record<string, Uint8Array> {
  if (bytes.length > limits.maxBytes) {
    throw new XlsxError(
      'too_large',
      `文件大小 ${(bytes.length / MB).toFixed(1)} MB,超过上限 ${limits.maxBytes / MB} MB · the file is ${(bytes.length / MB).toFixed(1)} MB, more than the limit of ${limits.maxBytes / MB} MB`,
    );
  }
  if (bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    throw new XlsxError(
      'legacy_xls',
      '这是旧版 .xls 文件或加密的工作簿,请在 Excel 中另存为 .xlsx(不设密码)后上传 · this is an old .xls file or an encrypted workbook: save it as .xlsx (without a password) and upload that',
    );
  }
  if (
    !(bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
  ) {
    throw new XlsxError(
      'not_xlsx',
      '这不是 Excel 工作簿(.xlsx),请上传从本系统下载并填写的模板 · this is not an Excel workbook (.xlsx): upload the template downloaded from lantu',
    );
  }
  let declared = 0;
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, {
      filter: (file) => {
        declared += file.originalSize;
        if (declared > limits.maxExpandedBytes)
          throw new XlsxError('zip_bomb', bombMessage(declared, bytes.length, limits));
        return true;
      },
    });
  } catch (error) {
    if (error instanceof XlsxError) throw error;
    throw new XlsxError(
      'not_xlsx',
      `文件不是完整的 .xlsx 压缩包 · the file is not a complete .xlsx archive (${shortReason(error)})`,
    );
  }
  if (declared / Math.max(1, bytes.length) > limits.maxRatio) {
    throw new XlsxError('zip_bomb', bombMessage(declared, bytes.length, limits));
  }
  if (!parts['xl/workbook.xml']) {
    throw new XlsxError(
      'not_xlsx',
      '压缩包中没有 Excel 工作簿(xl/workbook.xml),这不是 .xlsx 文件 · the archive holds no Excel workbook (xl/workbook.xml): it is not an .xlsx file',
    );
  }
  for (const { name, path } of sheetParts(parts)) {
    const xml = parts[path];
    if (!xml) continue;
    const rows = countRows(xml);
    if (rows > limits.maxRows) {
      throw new XlsxError(
        'too_many_rows',
        `工作表“${name}”有 ${rows} 行,超过上限 ${limits.maxRows} 行,请删去多余的行或分成几个文件 · sheet “${name}” has ${rows} rows, more than the limit of ${limits.maxRows}: remove the extra rows or split the file`,
      );
    }
  }
  return parts;
}

function bombMessage(expanded: number, compressed: number, limits: XlsxLimits): string {
  return `文件解压后约 ${(expanded / MB).toFixed(0)} MB(压缩比 ${Math.round(expanded / Math.max(1, compressed))}:1),超过上限(${limits.maxExpandedBytes / MB} MB,${limits.maxRatio}:1),未予读取 · the file expands to about ${(expanded / MB).toFixed(0)} MB (ratio ${Math.round(expanded / Math.max(1, compressed))}:1), beyond the limits (${limits.maxExpandedBytes / MB} MB, ${limits.maxRatio}:1): not read`;
}

/** The sheets of a workbook by name and the path of their XML, from the workbook and its relationships. */
function sheetParts(parts: Record<string, Uint8Array>): { name: string; path: string }[] {
  const workbook = strFromU8(parts['xl/workbook.xml']!);
  const rels = parts['xl/_rels/workbook.xml.rels'] ? strFromU8(parts['xl/_rels/workbook.xml.rels']) : '';
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const sheets: { name: string; path: string }[] = [];
  for (const m of workbook.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = decodeXml(/\bname="([^"]*)"/.exec(m[0])?.[1] ?? '');
    const id = /\br:id="([^"]*)"/.exec(m[0])?.[1] ?? /\bid="([^"]*)"/.exec(m[0])?.[1];
    const path = id ? targets.get(id) : undefined;
    if (path) sheets.push({ name, path });
  }
  // Sheets the workbook does not list still count: a row limit must not be dodged by renaming.
  for (const path of Object.keys(parts)) {
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(path) && !sheets.some((s) => s.path === path))
      sheets.push({ name: path.slice('xl/worksheets/'.length), path });
  }
  return sheets;
}

/** Counts the <row> elements of a sheet's XML without parsing it. */
function countRows(xml: Uint8Array): number {
  let count = 0;
  // "<row" followed by a space, ">" or "/": not <rowBreaks> and the like.
  for (let i = xml.indexOf(0x3c); i >= 0 && i < xml.length - 4; i = xml.indexOf(0x3c, i + 1)) {
    if (xml[i + 1] === 0x72 && xml[i + 2] === 0x6f && xml[i + 3] === 0x77) {
      const next = xml[i + 4];
      if (next === 0x20 || next === 0x3e || next === 0x2f || next === 0x09 || next === 0x0a || next === 0x0d)
        count++;
    }
  }
  return count;
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

function shortReason(error: unknown): string {
  return String((error as Error)?.message ?? error)
    .replace(/\s+/g, ' ')
    .slice(0, 120);
}

/** The column letters of a 1-based column number: 1 → A, 27 → AA. */
export function columnLetter(column: number): string {
  let n = column;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** A cell's address: row 5, column 3 → C5. */
export function cellAddress(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

function sheetReader(ws: ExcelJS.Worksheet): XlsxSheet {
  return {
    name: ws.name,
    rowCount: ws.actualRowCount === 0 ? 0 : ws.rowCount,
    merges: [...(ws.model.merges ?? [])],
    cell: (row, column) => toCell(ws.getRow(row).getCell(column).value, cellAddress(row, column)),
  };
}

/** Turns an ExcelJS value into a plain cell; formulas give their saved result. */
function toCell(value: ExcelJS.CellValue | undefined, address: string): XlsxCell {
  if (value === null || value === undefined) return { kind: 'empty' };
  if (typeof value === 'string') return value === '' ? { kind: 'empty' } : { kind: 'text', text: value };
  if (typeof value === 'number')
    return Number.isFinite(value)
      ? { kind: 'number', value }
      : { kind: 'error', message: invalidNumber(address) };
  if (typeof value === 'boolean') return { kind: 'boolean', value };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      return {
        kind: 'error',
        message: `单元格 ${address} 的日期无效 · cell ${address} holds an invalid date`,
      };
    return { kind: 'date', date: value.toISOString().slice(0, 10) };
  }
  if ('richText' in value && Array.isArray(value.richText)) {
    const text = value.richText.map((r) => r.text).join('');
    return text === '' ? { kind: 'empty' } : { kind: 'text', text };
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    if (result === undefined || result === null) {
      return {
        kind: 'error',
        message: `单元格 ${address} 是公式且文件未保存计算结果,请复制后“选择性粘贴—数值” · cell ${address} holds a formula whose result the file did not save: paste it as a value`,
      };
    }
    return toCell(result as ExcelJS.CellValue, address);
  }
  if ('error' in value) {
    return {
      kind: 'error',
      message: `单元格 ${address} 是错误值 ${String(value.error)} · cell ${address} holds the error ${String(value.error)}`,
    };
  }
  if ('text' in value && typeof value.text === 'string') {
    return value.text === '' ? { kind: 'empty' } : { kind: 'text', text: value.text };
  }
  return {
    kind: 'error',
    message: `单元格 ${address} 的内容无法识别 · cell ${address} holds something that cannot be read`,
  };
}

function invalidNumber(address: string): string {
  return `单元格 ${address} 的数值无效 · cell ${address} holds an invalid number`;
}

/** A cell as text, for names, codes and notes: numbers as written, dates as YYYY-MM-DD. */
export function cellText(cell: XlsxCell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text.trim();
    case 'number':
      return String(cell.value);
    case 'date':
      return cell.date;
    case 'boolean':
      return cell.value ? 'TRUE' : 'FALSE';
    default:
      return '';
  }
}

/** Merged ranges that touch rows from `firstRow` on, as A1:B2: data rows must not be merged. */
export function mergesFrom(sheet: XlsxSheet, firstRow: number): string[] {
  return sheet.merges.filter((range) => {
    const rows = [...range.matchAll(/\d+/g)].map((m) => Number(m[0]));
    return rows.length > 0 && Math.max(...rows) >= firstRow;
  });
}

// ---------------------------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------------------------

/** A column of an exported table. */
export interface XlsxColumn {
  /** The key of the column's value in each row. */
  key: string;
  /** The header, as shown. */
  title: string;
  /** Width in characters; from the content when absent. */
  width?: number;
  /** An Excel number format (0.00, yyyy-mm-dd). */
  numFmt?: string;
}

/** A value of an exported cell. */
export type XlsxValue = string | number | boolean | Date | null | undefined;

/** Options of tableToXlsx. */
export interface TableOptions {
  /** The sheet's name (at most 31 characters; characters Excel refuses are replaced). */
  sheetName?: string;
  /** The workbook's title (document properties). */
  title?: string;
  /** Further sheets added after the table (a data dictionary, notes). */
  more?: { sheetName: string; columns: readonly XlsxColumn[]; rows: readonly Record<string, XlsxValue>[] }[];
}

/**
 * Any table as an .xlsx workbook: a bold header row that stays in view, a filter on the header,
 * columns as wide as their content (a CJK character counts two). For every "export this table" in
 * the web app and for the open data downloads.
 */
export async function tableToXlsx(
  columns: readonly XlsxColumn[],
  rows: readonly Record<string, XlsxValue>[],
  options: TableOptions = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'lantu 蓝图';
  if (options.title) workbook.title = options.title;
  addTableSheet(workbook, options.sheetName ?? 'Sheet1', columns, rows);
  for (const extra of options.more ?? []) addTableSheet(workbook, extra.sheetName, extra.columns, extra.rows);
  return workbookBuffer(workbook);
}

/** Adds a sheet holding one table to a workbook. */
export function addTableSheet(
  workbook: ExcelJS.Workbook,
  sheetName: string,
  columns: readonly XlsxColumn[],
  rows: readonly Record<string, XlsxValue>[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(safeSheetName(sheetName, workbook), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.addRow(columns.map((c) => c.title));
  for (const row of rows) sheet.addRow(columns.map((c) => cleanValue(row[c.key])));
  styleHeader(sheet.getRow(1));
  columns.forEach((c, k) => {
    const column = sheet.getColumn(k + 1);
    if (c.numFmt) column.numFmt = c.numFmt;
    column.width =
      c.width ??
      Math.min(
        60,
        Math.max(textWidth(c.title), ...rows.slice(0, 500).map((r) => textWidth(display(r[c.key])))) + 2,
      );
  });
  if (columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return sheet;
}

/** Bold header on a light fill, as every lantu sheet has. */
export function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.alignment = { vertical: 'middle', wrapText: true };
  row.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE7F3' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF8CA3C0' } } };
  });
}

/**
 * Sets one data validation on a whole range (E2:E256). Setting it cell by cell makes ExcelJS merge
 * the cells into ranges in text order (E10 before E2), which overlap, and Excel then repairs the
 * file; a range is written as it is. ExcelJS has this method but does not declare it.
 */
export function validateRange(
  sheet: ExcelJS.Worksheet,
  range: string,
  validation: ExcelJS.DataValidation,
): void {
  (
    sheet as unknown as { dataValidations: { add: (a: string, v: ExcelJS.DataValidation) => void } }
  ).dataValidations.add(range, validation);
}

/** The workbook's bytes. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Excel's sheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function safeSheetName(name: string, workbook?: ExcelJS.Workbook): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Sheet';
  if (!workbook) return base;
  let candidate = base;
  for (let n = 2; workbook.getWorksheet(candidate); n++) candidate = `${base.slice(0, 28)} ${n}`;
  return candidate;
}

/** Values as ExcelJS writes them: strings stay strings (never formulas), non-finite numbers are empty. */
function cleanValue(value: XlsxValue): XlsxValue {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value ?? null;
}

function display(value: XlsxValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

/** Display width: CJK and full-width characters count two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6)
        ? 2
        : 1;
  }
  return width;
}

/** A template sheet opened for reading: the sheet, the errors found so far, and how to add one. */
export interface TemplateSheet {
  sheet: XlsxSheet | null;
  errors: CellError[];
  /** Records an error at a row and 1-based column (null for the whole row). */
  at: (row: number, column: number | null, message: string) => void;
}

/**
 * Opens the named sheet of an uploaded template and checks its header row against the columns the
 * template was written with; a missing sheet or a changed header is an error naming the cell, since
 * reading on would put values in the wrong fields. `what` names the template in messages.
 */
export function openTemplateSheet(
  workbook: XlsxWorkbook,
  sheetName: string,
  columns: readonly { title: string }[],
  what: { zh: string; en: string },
): TemplateSheet {
  const errors: CellError[] = [];
  const sheet = workbook.sheet(sheetName);
  if (!sheet) {
    errors.push({
      sheet: workbook.sheets[0]?.name ?? '',
      row: 1,
      column: null,
      message: `找不到工作表“${sheetName}”,请使用从本系统下载的${what.zh} · no sheet “${sheetName}”: use the ${what.en} downloaded from lantu`,
    });
    return { sheet: null, errors, at: () => {} };
  }
  const at = (row: number, column: number | null, message: string): void => {
    errors.push({ sheet: sheet.name, row, column: column === null ? null : columnLetter(column), message });
  };
  columns.forEach((c, k) => {
    const head = cellText(sheet.cell(1, k + 1));
    const expected = c.title.split(' ')[0]!;
    if (!head.startsWith(expected))
      at(1, k + 1, `表头应为“${c.title}”,而不是“${head}” · the header should be “${c.title}”, not “${head}”`);
  });
  return { sheet, errors, at };
}

/** The 1-based column number of each key of a template's column list, for reading and writing cells. */
export function columnNumbers<const C extends readonly { key: string }[]>(
  columns: C,
): Record<C[number]['key'], number> {
  return Object.fromEntries(columns.map((c, k) => [c.key, k + 1])) as Record<C[number]['key'], number>;
}
