/**
 * The assignment template (分工方案表): every item of a plan (indicators, tasks, projects, actions,
 * commitments) with columns for its lead unit (牵头单位), co-operating units (配合单位), due date and
 * time nodes (时间节点), filled with what is assigned today. A planner fills it in Excel, where the
 * lead unit is picked from a list of the directory's units, and uploads it; reading it back gives
 * the rows of a bulk assignment, each with the cell it came from, so that every problem is named by
 * sheet, row and column.
 */
import ExcelJS from 'exceljs';
import type { CellError } from '../contract/templates.ts';
import {
  cellText,
  columnLetter,
  columnNumbers,
  mergesFrom,
  openTemplateSheet,
  styleHeader,
  validateRange,
  type XlsxCell,
  type XlsxWorkbook,
} from './xlsx.ts';

/** The sheet a planner fills, and the sheets it refers to. */
export const ASSIGNMENT_SHEET = '分工 Assignments';
const UNITS_SHEET = '单位 Units';
const NOTES_SHEET = '说明 Notes';

/** The columns of the assignment sheet, in order. */
export const ASSIGNMENT_COLUMNS = [
  { key: 'key', title: '事项编号 key', width: 14 },
  { key: 'kind', title: '类型 kind', width: 12 },
  { key: 'category', title: '类别/章节 group', width: 18 },
  { key: 'title', title: '事项 item', width: 50 },
  { key: 'leadUnit', title: '牵头单位 lead unit', width: 20 },
  { key: 'coUnits', title: '配合单位 co-operating units', width: 30 },
  { key: 'dueDate', title: '完成时限 due date', width: 14 },
  { key: 'milestones', title: '时间节点 milestones', width: 40 },
] as const;

const COLUMN = columnNumbers(ASSIGNMENT_COLUMNS);
type ColumnKey = keyof typeof COLUMN;

const KIND_LABELS: Readonly<Record<string, string>> = {
  indicator: '指标 indicator',
  task: '任务 task',
  project: '项目 project',
  action: '行动 action',
  commitment: '承诺 commitment',
};

/** An item as the template lists it, with its assignment today (names as a person reads them). */
export interface AssignmentTemplateItem {
  key: string;
  kind: string;
  title: string;
  category: string | null;
  leadUnit: string | null;
  coUnits: string[];
  dueDate: string | null;
  milestones: { title: string; due: string; done?: boolean }[];
}

/** A unit of the directory, as the list to pick from shows it. */
export interface TemplateUnit {
  code: string;
  shortName: string;
  name: string;
}

/** Builds the template workbook (.xlsx bytes). */
export async function buildAssignmentTemplate(input: {
  planTitle: string;
  items: readonly AssignmentTemplateItem[];
  units: readonly TemplateUnit[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'lantu 蓝图';
  workbook.title = `${input.planTitle}——分工方案表`;
  const sheet = workbook.addWorksheet(ASSIGNMENT_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }],
  });
  sheet.columns = ASSIGNMENT_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  sheet.addRow(ASSIGNMENT_COLUMNS.map((c) => c.title));
  styleHeader(sheet.getRow(1));
  for (const item of input.items) {
    sheet.addRow([
      item.key,
      KIND_LABELS[item.kind] ?? item.kind,
      item.category ?? '',
      item.title,
      item.leadUnit ?? '',
      item.coUnits.join('、'),
      item.dueDate ? isoDateToExcel(item.dueDate) : null,
      item.milestones.map(formatMilestone).join('\n'),
    ]);
  }
  const last = Math.max(2, input.items.length + 1);
  sheet.getColumn(COLUMN.dueDate).numFmt = 'yyyy-mm-dd';
  sheet.getColumn(COLUMN.title).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(COLUMN.milestones).alignment = { wrapText: true, vertical: 'top' };
  const unitList = `'${UNITS_SHEET}'!$B$2:$B$${Math.max(2, input.units.length + 1)}`;
  const range = (column: number): string => `${columnLetter(column)}2:${columnLetter(column)}${last}`;
  validateRange(sheet, range(COLUMN.leadUnit), {
    type: 'list',
    allowBlank: true,
    formulae: [unitList],
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '单位不在名录中 · unknown unit',
    error: '请从下拉列表中选择单位 · pick a unit from the list',
  });
  validateRange(sheet, range(COLUMN.coUnits), {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [2000],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: '配合单位 co-operating units',
    prompt: '多个单位用顿号、逗号或分号隔开 · separate several units with 、 , or ;',
  });
  validateRange(sheet, range(COLUMN.dueDate), {
    type: 'date',
    operator: 'between',
    formulae: [new Date(Date.UTC(2000, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: '日期无效 · not a date',
    error: '请填写日期,如 2025-12-31 · enter a date such as 2025-12-31',
  });
  validateRange(sheet, range(COLUMN.milestones), {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [4000],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: '时间节点 milestones',
    prompt:
      '每行一个:日期 名称,完成的在末尾注明(已完成)· one per line: date title, (done) at the end when reached',
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: ASSIGNMENT_COLUMNS.length } };

  const units = workbook.addWorksheet(UNITS_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  units.columns = [{ width: 16 }, { width: 18 }, { width: 40 }];
  units.addRow(['代码 code', '简称 short name', '全称 full name']);
  styleHeader(units.getRow(1));
  for (const u of input.units) units.addRow([u.code, u.shortName, u.name]);

  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.getColumn(1).width = 110;
  for (const line of [
    `${input.planTitle}——分工方案表 · assignment template`,
    '',
    '1. 请勿修改“事项编号”列;其余说明列(类型、类别、事项)仅供参考。Do not change the key column; kind, group and item are for reference.',
    '2. 牵头单位从下拉列表选择(可填单位简称、全称或代码);配合单位可填多个,用顿号、逗号或分号隔开。Pick the lead unit from the list (short name, full name or code); several co-operating units are separated by 、 , or ;.',
    '3. 完成时限填日期,如 2025-12-31。The due date is a date such as 2025-12-31.',
    '4. 时间节点每行一个:“2024-06-30 完成立项”;已完成的节点在末尾加“(已完成)”。Milestones one per line: “2024-06-30 title”, with “(已完成)” at the end when reached.',
    '5. 牵头单位留空的行不作更改。Rows without a lead unit are left as they are.',
    '6. 上传时整表校验:任何一行有误则不作任何更改(也可选择只导入无误的行),错误按工作表、行、列列出。The whole file is checked on upload: if any row is wrong nothing changes (or apply only the valid rows); problems are listed by sheet, row and column.',
  ]) {
    notes.addRow([line]).alignment = { wrapText: true };
  }
  notes.getRow(1).font = { bold: true, size: 13 };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A time node as one line of the milestones cell: "2024-06-30 完成立项(已完成)". */
function formatMilestone(m: { title: string; due: string; done?: boolean }): string {
  return `${m.due} ${m.title}${m.done ? '(已完成)' : ''}`;
}

/** A YYYY-MM-DD date as the Date ExcelJS writes as that calendar day. */
function isoDateToExcel(date: string): Date | string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : date;
}

/** One row of the template as a bulk assignment row, with the sheet row it came from. */
export interface TemplateAssignmentRow {
  sheetRow: number;
  /** The item's title as the file gives it: checked against the plan, so a stale file is caught. */
  title: string;
  row: {
    item: string;
    leadUnit: string;
    coUnits: string[];
    dueDate: string | null;
    milestones: { title: string; due: string; done?: boolean }[];
  };
}

/** What reading an uploaded assignment template gives. */
export interface AssignmentTemplateRead {
  rows: TemplateAssignmentRow[];
  /** Problems found by reading alone (merged cells, formulas without a result, a missing key …). */
  errors: CellError[];
}

/**
 * Reads an uploaded assignment template: the rows that name a lead unit (rows without one are left
 * as they are) as bulk assignment rows. Dates may be Excel dates or text (2025-12-31, 2025/12/31,
 * 2025年12月31日); anything else is passed on as typed, for the bulk check to refuse by name.
 */
export function readAssignmentTemplate(workbook: XlsxWorkbook): AssignmentTemplateRead {
  const { sheet, errors, at } = openTemplateSheet(workbook, ASSIGNMENT_SHEET, ASSIGNMENT_COLUMNS, {
    zh: '分工模板',
    en: 'assignment template',
  });
  if (!sheet || errors.length > 0) return { rows: [], errors };
  for (const range of mergesFrom(sheet, 2)) {
    const first = /^([A-Z]+)(\d+)/.exec(range);
    errors.push({
      sheet: sheet.name,
      row: Number(first?.[2] ?? 2),
      column: first?.[1] ?? null,
      message: `单元格 ${range} 是合并单元格,请取消合并后逐行填写 · cells ${range} are merged: unmerge them and fill each row`,
    });
  }

  const rows: TemplateAssignmentRow[] = [];
  for (let r = 2; r <= sheet.rowCount; r++) {
    const read = (key: ColumnKey): string | null => {
      const cell: XlsxCell = sheet.cell(r, COLUMN[key]);
      if (cell.kind === 'error') {
        at(r, COLUMN[key], cell.message);
        return null;
      }
      if (key === 'dueDate' && cell.kind === 'number') {
        at(
          r,
          COLUMN[key],
          `“${cell.value}”不是日期,请填写如 2025-12-31 · "${cell.value}" is not a date such as 2025-12-31`,
        );
        return null;
      }
      return cellText(cell);
    };
    const item = read('key');
    const title = read('title') ?? '';
    const lead = read('leadUnit');
    const co = read('coUnits');
    const due = read('dueDate');
    const milestones = read('milestones');
    if ([item, lead, co, due, milestones].some((v) => v === null)) continue;
    const filled = lead !== '' || co !== '' || due !== '' || milestones !== '';
    if (item === '') {
      if (filled) at(r, COLUMN.key, '缺少事项编号,请勿删改编号列 · no key: do not change the key column');
      continue;
    }
    if (lead === '') {
      if (filled)
        at(
          r,
          COLUMN.leadUnit,
          '填写了配合单位、时限或节点,但没有牵头单位 · co-operating units, a due date or milestones without a lead unit',
        );
      continue;
    }
    rows.push({
      sheetRow: r,
      title,
      row: {
        item: item!,
        leadUnit: lead!,
        coUnits: co!
          .split(/[、,，;；\n]+/)
          .map((s) => s.trim())
          .filter(Boolean),
        dueDate: due === '' ? null : normaliseDate(due!),
        milestones: milestones!
          .split(/\n|；|;/)
          .map((s) => s.trim())
          .filter(Boolean)
          .map(parseMilestone),
      },
    });
  }
  return { rows, errors };
}

/** The column letter a bulk assignment's field is read from (item → A, coUnits.2 → F). */
export function assignmentColumnOf(field: string): string {
  const key = field.split('.')[0];
  const column: Record<string, number> = {
    item: COLUMN.key,
    version: COLUMN.key,
    leadUnit: COLUMN.leadUnit,
    coUnits: COLUMN.coUnits,
    dueDate: COLUMN.dueDate,
    milestones: COLUMN.milestones,
  };
  return columnLetter(column[key ?? ''] ?? COLUMN.key);
}

/** 2025/6/30, 2025.6.30, 2025年6月30日, ２０２５-０６-３０ → 2025-06-30; anything else as it is. */
export function normaliseDate(text: string): string {
  const s = text.normalize('NFKC').trim();
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : s;
}

/** "2024-06-30 完成立项(已完成)" → {due, title, done}; a line with no date keeps its text as the due. */
function parseMilestone(line: string): { title: string; due: string; done?: boolean } {
  let text = line;
  let done: boolean | undefined;
  const mark = /[(（]\s*(已完成|完成|done)\s*[)）]\s*$|\s*✓\s*$/i;
  if (mark.test(text)) {
    done = true;
    text = text.replace(mark, '').trim();
  }
  const m = /^(\S+?)[\s:：]+(.+)$/.exec(text);
  const first = m ? normaliseDate(m[1]!) : '';
  if (m && /^\d{4}-\d{2}-\d{2}$/.test(first))
    return { due: first, title: m[2]!.trim(), ...(done ? { done } : {}) };
  const last = /^(.+?)[\s:：]+(\S+)$/.exec(text);
  const end = last ? normaliseDate(last[2]!) : '';
  if (last && /^\d{4}-\d{2}-\d{2}$/.test(end))
    return { due: end, title: last[1]!.trim(), ...(done ? { done } : {}) };
  return { due: text, title: text, ...(done ? { done } : {}) };
}

/** The column letter of the item title, for a stale file's errors. */
export const ASSIGNMENT_TITLE_COLUMN = columnLetter(COLUMN.title);
