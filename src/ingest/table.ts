/**
 * The headline-indicator table (主要指标). Tables reach us in many shapes: real rows (HTML, .docx),
 * pipe- or tab-separated lines, Markdown, one cell per line, and with the category cell merged
 * across rows (so it appears once, on a line of its own or before the first row of its group).
 * Everything is first flattened into one stream of cells; rows are then cut where a sequence
 * number (序号) starts one, and cells are interpreted by the role of their header column.
 */
import type { Finding, Indicator } from '../model/plan.ts';
import { parseHeading } from './headings.ts';
import { interpretRow, type RowCells } from './indicator-cells.ts';
import { parseYear, toHalfWidth } from './numbers.ts';
import type { SourceLine } from './source.ts';

export type ColumnRole =
  | 'category'
  | 'code'
  | 'name'
  | 'unit'
  | 'base'
  | 'target'
  | 'rate'
  | 'attr'
  | 'other';

export interface IndicatorTable {
  /** Title line (表1 …主要指标), when there is one. */
  title: string | null;
  /** All lines that belong to the table, title and notes included. */
  lines: number[];
  indicators: Indicator[];
  findings: Finding[];
}

interface Cell {
  text: string;
  line: number;
  /** Whether the cell opens its line (rows usually do). */
  lineStart: boolean;
  /** Whether its line has more than one cell. */
  lineHasMany: boolean;
}

/** Finds and reads every indicator table of the document. */
export function readIndicatorTables(
  lines: readonly SourceLine[],
  period: { baseYear: number; endYear: number },
): IndicatorTable[] {
  const tables: IndicatorTable[] = [];
  for (let i = 0; i < lines.length; i++) {
    const header = readHeader(lines, i);
    if (!header) continue;
    const titleLine = i > 0 && isTableTitle(lines[i - 1]!.text) ? i : null;
    const table = readTable(lines, header, period);
    if (titleLine !== null) table.lines.unshift(titleLine);
    table.title = titleLine !== null ? lines[titleLine - 1]!.text.trim() : null;
    tables.push(table);
    i = Math.max(i, table.lines.at(-1)! - 1);
  }
  return tables;
}

function isTableTitle(text: string): boolean {
  const t = text.trim();
  return (
    t.length <= 60 &&
    /指标/.test(t) &&
    (/^表\s*[0-9０-９一二三四五六七八九十]*/.test(t) || /主要指标/.test(t))
  );
}

/** Splits a line into its cells; an empty array for a Markdown separator row. */
export function splitCells(line: SourceLine): string[] {
  if (line.cells) return line.cells.map((c) => c.trim());
  const text = line.text.trim();
  let cells: string[];
  if (text.includes('|')) {
    if (/^[\s|:：\-—]+$/.test(text) && text.includes('-')) return [];
    cells = text.split('|').map((c) => c.trim());
  } else if (text.includes('\t')) {
    cells = text.split('\t').map((c) => c.trim());
  } else if (/\S[ 　]{2,}\S/.test(text)) {
    cells = text.split(/[ 　]{2,}/).map((c) => c.trim());
  } else {
    cells = [text];
  }
  while (cells.length && cells[0] === '') cells.shift();
  while (cells.length && cells.at(-1) === '') cells.pop();
  return cells;
}

/** The role a header cell gives its column. */
export function headerRole(cell: string): ColumnRole {
  const t = cell.replace(/\s+/g, '');
  if (/属性|性质/.test(t)) return 'attr';
  if (/类别|领域|分类|维度/.test(t)) return 'category';
  if (/^序号?$|编号/.test(t)) return 'code';
  if (/单位/.test(t)) return 'unit';
  if (/年均|累计|增速|增幅/.test(t)) return 'rate';
  if (/目标|规划值|预期值/.test(t)) return 'target';
  if (/基期|基数|基准|现状|^\d{4}年?$|^[〇一二三四五六七八九]{4}年?$/.test(t)) return 'base';
  if (/指标|名称/.test(t)) return 'name';
  return 'other';
}

interface Header {
  line: number;
  lastLine: number;
  roles: ColumnRole[];
  baseYear: number | null;
  targetYear: number | null;
}

/** A header is a row naming at least the indicator and its unit, across one line or one cell per line. */
function readHeader(lines: readonly SourceLine[], i: number): Header | null {
  let cells = splitCells(lines[i]!);
  let lastLine = i + 1;
  if (cells.length === 1 && headerRole(cells[0]!) !== 'other' && cells[0]!.length <= 8) {
    // One cell per line: gather the following short header-like lines.
    let j = i + 1;
    while (j < lines.length) {
      const next = splitCells(lines[j]!);
      if (next.length !== 1 || next[0]!.length > 10 || headerRole(next[0]!) === 'other') break;
      cells = [...cells, next[0]!];
      j++;
    }
    lastLine = j;
  }
  if (cells.length < 4) return null;
  const roles = cells.map(headerRole);
  if (!roles.includes('name') || !roles.includes('unit')) return null;
  if (!roles.includes('target') && !roles.includes('base')) return null;
  // A second year column is the target when no column says 目标.
  const yearColumns = roles.flatMap((r, k) => (r === 'base' ? [k] : []));
  if (!roles.includes('target') && yearColumns.length >= 2) roles[yearColumns[1]!] = 'target';
  const yearOf = (role: ColumnRole): number | null => {
    const k = roles.indexOf(role);
    const m = k >= 0 ? /(\d{4}|[〇一二三四五六七八九]{4})/.exec(toHalfWidth(cells[k]!)) : null;
    return m ? parseYear(m[1]!) : null;
  };
  return { line: i + 1, lastLine, roles, baseYear: yearOf('base'), targetYear: yearOf('target') };
}

function readTable(
  lines: readonly SourceLine[],
  header: Header,
  period: { baseYear: number; endYear: number },
): IndicatorTable {
  const cells: Cell[] = [];
  const tableLines: number[] = [];
  for (let line = header.line; line <= header.lastLine; line++) tableLines.push(line);
  const notes: string[] = [];
  for (let k = header.lastLine; k < lines.length; k++) {
    const source = lines[k]!;
    const text = source.text.trim();
    if (text === '') continue;
    if (/^注[:：\s]/.test(text) || /^(资料来源|说明)[:：]/.test(text)) {
      notes.push(text);
      tableLines.push(k + 1);
      continue;
    }
    if (notes.length > 0 || endsTable(source, text)) break;
    tableLines.push(k + 1);
    const lineCells = splitCells(source);
    lineCells.forEach((c, idx) => {
      cells.push({ text: c, line: k + 1, lineStart: idx === 0, lineHasMany: lineCells.length > 1 });
    });
  }
  const hasCode = header.roles.includes('code');
  const fieldRoles = hasCode
    ? header.roles.slice(header.roles.indexOf('code') + 1)
    : header.roles.filter((r) => r !== 'category');
  const rows = hasCode ? cutRows(cells, fieldRoles) : cutRowsByLine(cells, header.roles);
  const findings: Finding[] = [];
  const brackets = cumulativeBrackets(notes);
  const indicators: Indicator[] = [];
  for (const row of rows) {
    const result = interpretRow(row, fieldRoles, {
      baseYear: header.baseYear ?? period.baseYear,
      targetYear: header.targetYear ?? period.endYear,
      cumulativeBrackets: brackets,
    });
    findings.push(...result.findings);
    if (result.indicator) indicators.push(result.indicator);
  }
  return { title: null, lines: tableLines, indicators, findings };
}

/** The table stops at a heading, a column box, or a line of running text. */
function endsTable(source: SourceLine, text: string): boolean {
  if (source.cells || /[|\t]/.test(text)) return false;
  if (parseHeading(text)) return true;
  if (/^专栏/.test(text)) return true;
  const cells = splitCells(source);
  return cells.length <= 1 && text.length > 40;
}

/** Which brackets mark cumulative values: [ ] by convention, and whatever the note names. */
function cumulativeBrackets(notes: string[]): string[] {
  const pairs = ['[]', '【】'];
  for (const note of notes) {
    if (!/累计/.test(note)) continue;
    if (/[（(]\s*[）)]/.test(note)) pairs.push('()', '（）');
    if (/〔\s*〕/.test(note)) pairs.push('〔〕');
  }
  return pairs;
}

const CODE = /^(\d{1,3}|[０-９]{1,3})$/;

/**
 * Cuts the cell stream into rows at sequence numbers. A number starts a row when it is the next
 * number expected and the row before is complete (or the number opens a line of several cells);
 * cells beyond a complete row, and before the first, are category labels for the rows that follow.
 */
function cutRows(cells: Cell[], fieldRoles: ColumnRole[]): RowCells[] {
  const rows: RowCells[] = [];
  let current: RowCells | null = null;
  let pending: string[] = [];
  let category = '';
  let lastCode = 0;
  const attrAt = fieldRoles.indexOf('attr');
  const complete = (row: RowCells): boolean =>
    row.cells.length >= fieldRoles.length ||
    (attrAt >= 0 && row.cells.length > 0 && /约束|预期/.test(row.cells.at(-1)!));
  for (const cell of cells) {
    const text = toHalfWidth(cell.text);
    if (CODE.test(text)) {
      const code = Number(text);
      const expected = code === lastCode + 1 || (current === null && rows.length === 0);
      const opensLine = cell.lineStart && cell.lineHasMany && code > lastCode;
      if (
        (expected && (current === null || complete(current))) ||
        (opensLine && (current === null || complete(current)))
      ) {
        if (current) rows.push(current);
        if (pending.length) category = pending.join('').replace(/\s+/g, '');
        pending = [];
        current = { code: text, line: cell.line, category, cells: [] };
        lastCode = code;
        continue;
      }
    }
    if (current === null || complete(current)) {
      if (cell.text !== '') pending.push(cell.text);
    } else {
      current.cells.push(cell.text);
    }
  }
  if (current) rows.push(current);
  return rows;
}

/** Without a 序号 column, each line is a row (category first when the header has one). */
function cutRowsByLine(cells: Cell[], roles: ColumnRole[]): RowCells[] {
  const byLine = new Map<number, string[]>();
  for (const c of cells) byLine.set(c.line, [...(byLine.get(c.line) ?? []), c.text]);
  const rows: RowCells[] = [];
  let category = '';
  let n = 0;
  for (const [line, lineCells] of byLine) {
    if (lineCells.length === 1) {
      category = lineCells[0]!.replace(/\s+/g, '');
      continue;
    }
    let rest = lineCells;
    if (roles[0] === 'category' && lineCells.length === roles.length) {
      category = lineCells[0]!.replace(/\s+/g, '') || category;
      rest = lineCells.slice(1);
    }
    n++;
    rows.push({ code: String(n), line, category, cells: rest });
  }
  return rows;
}
