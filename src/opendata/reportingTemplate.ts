/**
 * The reporting template (填报表) of one unit for one reporting round: the items the unit leads, one
 * row per measure of an indicator (a progress row for a task, project, action or commitment), with
 * last year's approved value and the unit beside a cell for the new value and a note. Departments
 * fill it in Excel and upload it; reading it back gives one entry per filled row, with its cell, for
 * the same checks the web form applies (services/observationWorkflow.ts).
 */
import ExcelJS from 'exceljs';
import type { CellError } from '../contract/templates.ts';
import { parseNumber } from '../progress/index.ts';
import {
  cellText,
  columnLetter,
  columnNumbers,
  mergesFrom,
  openTemplateSheet,
  styleHeader,
  validateRange,
  type XlsxWorkbook,
} from './xlsx.ts';

/** The sheet a reporter fills. */
export const REPORTING_SHEET = '填报 Reporting';
const NOTES_SHEET = '说明 Notes';
/** A hidden sheet saying which plan, round and unit the file is for. */
const META_SHEET = 'lantu';

/** The columns of the reporting sheet, in order. */
export const REPORTING_COLUMNS = [
  { key: 'key', title: '事项编号 key', width: 13 },
  { key: 'code', title: '序号 code', width: 8 },
  { key: 'title', title: '指标/事项 item', width: 44 },
  { key: 'measure', title: '分项 measure', width: 8 },
  { key: 'measureName', title: '分项名称 measure name', width: 20 },
  { key: 'kind', title: '类型 kind', width: 12 },
  { key: 'unit', title: '单位 unit', width: 10 },
  { key: 'lastYear', title: '上年审定值 last year (approved)', width: 16 },
  { key: 'value', title: '本期数值 value', width: 14 },
  { key: 'note', title: '备注 note', width: 30 },
  { key: 'evidence', title: '佐证材料 evidence', width: 24 },
  { key: 'source', title: '数据来源 source', width: 20 },
] as const;

const COLUMN = columnNumbers(REPORTING_COLUMNS);
type ColumnKey = keyof typeof COLUMN;

/** The kinds a row can be, as the sheet spells them (Chinese, then the API's word). */
const KIND_LABELS: Readonly<Record<string, string>> = {
  level: '数值 level',
  growth: '增速 growth',
  increment: '增量 increment',
  target: '目标 target',
  progress: '进度 progress',
};

/** One row of the template: an item's measure, what is known of it and what is entered so far. */
export interface ReportingTemplateRow {
  key: string;
  /** The indicator's 序号, or '' for a task, project, action or commitment. */
  code: string;
  title: string;
  measure: number;
  measureName: string;
  kind: string;
  unit: string;
  /** Last year's approved value of the same measure and period, or null. */
  lastYear: number | null;
  /** The unit's draft (or returned) value for the round, when there is one. */
  current: { value: number | null; note: string; evidence: string; source: string } | null;
}

/** Which file a template is: checked on upload, so a file of another round or unit is refused. */
export interface ReportingTemplateMeta {
  planId: string;
  roundId: string;
  unitId: string;
}

/** Builds a unit's reporting template for a round (.xlsx bytes). */
export async function buildReportingTemplate(input: {
  planTitle: string;
  roundTitle: string;
  deadline: string;
  unitName: string;
  meta: ReportingTemplateMeta;
  rows: readonly ReportingTemplateRow[];
}): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'lantu 蓝图';
  workbook.title = `${input.unitName} ${input.roundTitle}`;
  const sheet = workbook.addWorksheet(REPORTING_SHEET, {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }],
  });
  sheet.columns = REPORTING_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  sheet.addRow(REPORTING_COLUMNS.map((c) => c.title));
  styleHeader(sheet.getRow(1));
  for (const r of input.rows) {
    sheet.addRow([
      r.key,
      r.code,
      r.title,
      r.measure,
      r.measureName,
      KIND_LABELS[r.kind] ?? r.kind,
      r.unit,
      r.lastYear,
      r.current?.value ?? null,
      r.current?.note ?? '',
      r.current?.evidence ?? '',
      r.current?.source ?? '',
    ]);
  }
  sheet.getColumn(COLUMN.title).alignment = { wrapText: true, vertical: 'top' };
  const input_ = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF4C2' } } as const;
  const last = Math.max(2, input.rows.length + 1);
  for (let row = 2; row <= input.rows.length + 1; row++) sheet.getCell(row, COLUMN.value).fill = input_;
  const valueColumn = columnLetter(COLUMN.value);
  validateRange(sheet, `${valueColumn}2:${valueColumn}${last}`, {
    type: 'decimal',
    operator: 'between',
    formulae: [-1e15, 1e15],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'warning',
    errorTitle: '请填写数字 · a number',
    error: '本期数值应为数字(不带单位)· the value is a number, without its unit',
    showInputMessage: true,
    promptTitle: '本期数值 value',
    prompt:
      '以“单位”列的单位填写,进度填完成百分比 0–100 · in the unit shown; progress as percent done, 0–100',
  });

  const notes = workbook.addWorksheet(NOTES_SHEET);
  notes.getColumn(1).width = 110;
  for (const line of [
    `${input.planTitle}`,
    `${input.roundTitle} · ${input.unitName} · 截止 deadline ${input.deadline}`,
    '',
    '1. 在黄色的“本期数值”列填写数值(不带单位),进度类填完成百分比(0–100);没有数据的行留空。Enter values in the yellow column, without the unit; progress as percent done; leave rows without data empty.',
    '2. 请勿修改事项编号、分项、类型、单位列;数值可带千分位或全角数字。Do not change key, measure, kind and unit; thousands separators and full-width digits are read.',
    '3. 上传后生成草稿(与网页填报相同的校验),仍需在系统中提交审核。Uploading makes drafts, checked as the web form checks them; submit them in lantu for review.',
    '4. 任何一行有误则整表不作更改,错误按工作表、行、列列出。If any row is wrong nothing changes; problems are listed by sheet, row and column.',
  ]) {
    notes.addRow([line]).alignment = { wrapText: true };
  }
  notes.getRow(1).font = { bold: true, size: 13 };

  const meta = workbook.addWorksheet(META_SHEET, { state: 'veryHidden' });
  meta.addRow(['template', 'reporting']);
  meta.addRow(['planId', input.meta.planId]);
  meta.addRow(['roundId', input.meta.roundId]);
  meta.addRow(['unitId', input.meta.unitId]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One filled row of an uploaded template. */
export interface ReportingEntry {
  sheetRow: number;
  key: string;
  /** The item's title as the file gives it: checked against the plan, so a stale file is caught. */
  title: string;
  measure: number;
  kind: string;
  unit: string;
  value: number;
  note: string;
  evidence: string;
  source: string;
}

/** What reading an uploaded reporting template gives. */
export interface ReportingTemplateRead {
  meta: Partial<ReportingTemplateMeta>;
  entries: ReportingEntry[];
  /** Rows with no value. */
  empty: number;
  errors: CellError[];
}

/**
 * Reads an uploaded reporting template: the rows with a value (numbers typed as text, with
 * thousands separators or full-width digits, are read as numbers), and the file's plan, round and
 * unit from its hidden sheet.
 */
export function readReportingTemplate(workbook: XlsxWorkbook): ReportingTemplateRead {
  const metaSheet = workbook.sheet(META_SHEET);
  const meta: Partial<ReportingTemplateMeta> = {};
  if (metaSheet) {
    for (let r = 1; r <= metaSheet.rowCount; r++) {
      const name = cellText(metaSheet.cell(r, 1));
      if (name === 'planId' || name === 'roundId' || name === 'unitId')
        meta[name] = cellText(metaSheet.cell(r, 2));
    }
  }
  const { sheet, errors, at } = openTemplateSheet(workbook, REPORTING_SHEET, REPORTING_COLUMNS, {
    zh: '填报模板',
    en: 'reporting template',
  });
  if (!sheet || errors.length > 0) return { meta, entries: [], empty: 0, errors };
  for (const range of mergesFrom(sheet, 2)) {
    const first = /^([A-Z]+)(\d+)/.exec(range);
    errors.push({
      sheet: sheet.name,
      row: Number(first?.[2] ?? 2),
      column: first?.[1] ?? null,
      message: `单元格 ${range} 是合并单元格,请取消合并后逐行填写 · cells ${range} are merged: unmerge them and fill each row`,
    });
  }

  const entries: ReportingEntry[] = [];
  let empty = 0;
  for (let r = 2; r <= sheet.rowCount; r++) {
    let bad = false;
    const text = (key: ColumnKey): string => {
      const cell = sheet.cell(r, COLUMN[key]);
      if (cell.kind === 'error') {
        at(r, COLUMN[key], cell.message);
        bad = true;
        return '';
      }
      return cellText(cell);
    };
    const valueCell = sheet.cell(r, COLUMN.value);
    const key = text('key');
    if (valueCell.kind === 'empty') {
      if (key !== '') empty++;
      continue;
    }
    let value: number | null = null;
    if (valueCell.kind === 'error') at(r, COLUMN.value, valueCell.message);
    else if (valueCell.kind === 'number') value = valueCell.value;
    else {
      const typed = cellText(valueCell);
      value = parseNumber(typed);
      if (value === null)
        at(
          r,
          COLUMN.value,
          `“${typed}”不是数字 · "${typed}" is not a number (enter the number without its unit)`,
        );
    }
    if (key === '') {
      at(r, COLUMN.key, '缺少事项编号,请勿删改编号列 · no key: do not change the key column');
      continue;
    }
    const measureText = text('measure');
    const measure = /^\d{1,3}$/.test(measureText.normalize('NFKC'))
      ? Number(measureText.normalize('NFKC'))
      : null;
    if (measure === null || measure < 1)
      at(r, COLUMN.measure, `“${measureText}”不是分项序号 · "${measureText}" is not a measure number`);
    const kindText = text('kind');
    const kind = kindText.split(/\s+/).pop() ?? '';
    if (!(kind in KIND_LABELS))
      at(r, COLUMN.kind, `“${kindText}”不是数据类型 · "${kindText}" is not a kind of value`);
    const unit = text('unit');
    const note = text('note');
    const evidence = text('evidence');
    const source = text('source');
    if (bad || value === null || measure === null || measure < 1 || !(kind in KIND_LABELS)) continue;
    entries.push({
      sheetRow: r,
      key,
      title: text('title'),
      measure,
      kind,
      unit,
      value,
      note,
      evidence,
      source,
    });
  }
  return { meta, entries, empty, errors };
}

/** The column letter of a workflow field (body.value → I), for errors the web form's checks raise. */
export function reportingColumnOf(field: string | undefined): string | null {
  const name = (field ?? '').replace(/^body\./, '').split('.')[0];
  const column: Record<string, number> = {
    itemId: COLUMN.key,
    year: COLUMN.key,
    measure: COLUMN.measure,
    kind: COLUMN.kind,
    unit: COLUMN.unit,
    value: COLUMN.value,
    details: COLUMN.note,
    source: COLUMN.source,
  };
  const n = column[name ?? ''];
  return n === undefined ? null : columnLetter(n);
}

/** The column letter of the item title, for a stale file's errors. */
export const REPORTING_TITLE_COLUMN = columnLetter(COLUMN.title);
