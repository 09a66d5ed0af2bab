import { Tokenizer } from 'htmlparser2';
import { MAX_LINES, tooManyLines } from './decode-text.ts';
import type { SourceLine } from './source.ts';

/** Receives the tags and text of a markup document, in order. */
export interface MarkupHandler {
  /** Whether open() needs the attributes of this tag; collecting them for every tag is costly. */
  wantsAttributes(name: string): boolean;
  open(name: string, attributes: Readonly<Record<string, string>>): void;
  close(name: string): void;
  text(data: string): void;
}

const NO_ATTRIBUTES: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Streams HTML or XML through htmlparser2's tokenizer, with entities decoded and HTML tag and
 * attribute names lower-cased. The tokenizer rather than htmlparser2's Parser, because the Parser
 * keeps its open elements in an array it shifts on every tag, which turns a deeply nested
 * (or never closed) document quadratic: 100,000 unclosed <span> take seconds, a million minutes.
 * Nothing here keeps a stack, so no nesting depth can slow it down or overflow it.
 */
export function scanMarkup(source: string, xmlMode: boolean, handler: MarkupHandler): void {
  const name = (start: number, end: number) => {
    const raw = source.slice(start, end);
    return xmlMode ? raw : raw.toLowerCase();
  };
  let tag = '';
  let attributes: Record<string, string> | null = null;
  let attribute = '';
  let value = '';
  const tokenizer = new Tokenizer(
    { xmlMode, decodeEntities: true },
    {
      onopentagname(start, end) {
        tag = name(start, end);
        attributes = handler.wantsAttributes(tag) ? {} : null;
      },
      onattribname(start, end) {
        if (attributes) attribute = name(start, end);
        value = '';
      },
      onattribdata(start, end) {
        if (attributes) value += source.slice(start, end);
      },
      onattribentity(codePoint) {
        if (attributes) value += String.fromCodePoint(codePoint);
      },
      onattribend() {
        if (attributes && !Object.hasOwn(attributes, attribute) && attribute !== '__proto__') {
          attributes[attribute] = value;
        }
        value = '';
      },
      onopentagend() {
        handler.open(tag, attributes ?? NO_ATTRIBUTES);
      },
      onselfclosingtag() {
        handler.open(tag, attributes ?? NO_ATTRIBUTES);
        if (xmlMode) handler.close(tag);
      },
      onclosetag(start, end) {
        handler.close(name(start, end));
      },
      ontext(start, end) {
        handler.text(source.slice(start, end));
      },
      ontextentity(codePoint) {
        handler.text(String.fromCodePoint(codePoint));
      },
      oncdata(start, end, offset) {
        if (xmlMode) handler.text(source.slice(start, end - offset));
      },
      oncomment() {},
      ondeclaration() {},
      onprocessinginstruction() {},
      onend() {},
    },
  );
  tokenizer.write(source);
  tokenizer.end();
}

type Item = string | TableNode;

interface CellNode {
  items: Item[];
  colspan: number;
  rowspan: number;
  /** A Word vMerge continuation: the cell shows the text of the cell above. */
  continues: boolean;
}

interface RowNode {
  cells: CellNode[];
  /** Grid columns skipped before the first cell (Word's gridBefore). */
  skip: number;
}

interface TableNode {
  /** Lines inside the table but outside any cell, before the first row (e.g. a <caption>). */
  before: Item[];
  rows: RowNode[];
  after: Item[];
  row: RowNode | null;
  cell: CellNode | null;
}

/** Largest spans honoured, as the HTML standard clamps them. */
const MAX_COLSPAN = 1000;
const MAX_ROWSPAN = 65534;

/**
 * A cell holding more lines than this (paragraphs, plus the rows of any table inside it) holds
 * running text, not a value: its table is a layout table (a page frame, a boxed 专栏) and is read
 * as lines. A small table inside a data cell is flattened into that cell's text.
 */
const MAX_DATA_CELL_LINES = 8;

/**
 * Collects the lines and tables of a document while it is scanned, then turns them into the
 * normalised stream. Shared by the HTML and .docx decoders, which differ only in how their markup
 * says "paragraph", "row" and "cell". Each top-level table is kept whole until it closes, because
 * whether a table holds data or just lays out a page is known only once all of it has been seen.
 */
export class BlockTree {
  /** Top-level tables being read; emitted as soon as they close, so the tree never grows large. */
  private readonly root: Item[] = [];
  private readonly containers: Item[][] = [this.root];
  private readonly tables: TableNode[] = [];
  private readonly lines: SourceLine[] = [];
  private readonly tableIndex = { next: 0 };
  private current = '';
  /** Lines and rows so far, bounded by MAX_LINES. */
  private count = 0;

  /** collapseLines: squeeze whitespace runs in lines to one space and trim them (HTML). */
  constructor(private readonly collapseLines: boolean) {}

  /** Appends text to the current line. */
  text(data: string): void {
    this.current += data;
  }

  /** Ends the current line (a paragraph boundary or a line break); blank lines are dropped. */
  breakLine(): void {
    if (this.current === '') return;
    const line = this.collapseLines ? collapseSpace(this.current) : this.current;
    this.current = '';
    if (!/\S/.test(line)) return;
    this.countOne();
    if (this.tables.length === 0) this.lines.push({ text: line });
    else this.target().push(line);
  }

  openTable(): void {
    this.breakLine();
    const table: TableNode = { before: [], rows: [], after: [], row: null, cell: null };
    this.target().push(table);
    this.tables.push(table);
  }

  openRow(): void {
    this.breakLine();
    const table = this.tables.at(-1);
    if (!table) return;
    this.endCell(table);
    this.countOne();
    table.row = { cells: [], skip: 0 };
    table.rows.push(table.row);
  }

  openCell(colspan: number, rowspan: number): void {
    this.breakLine();
    const table = this.tables.at(-1);
    if (!table) return;
    this.endCell(table);
    if (!table.row) this.openRow();
    const cell: CellNode = { items: [], colspan, rowspan, continues: false };
    table.row!.cells.push(cell);
    table.cell = cell;
    this.containers.push(cell.items);
  }

  closeCell(): void {
    this.breakLine();
    const table = this.tables.at(-1);
    if (table) this.endCell(table);
  }

  closeRow(): void {
    this.breakLine();
    const table = this.tables.at(-1);
    if (!table) return;
    this.endCell(table);
    table.row = null;
  }

  closeTable(): void {
    this.breakLine();
    const table = this.tables.at(-1);
    if (!table) return;
    this.endCell(table);
    this.tables.pop();
    if (this.tables.length > 0) return;
    emit(this.root, this.lines, this.tableIndex);
    this.root.length = 0;
  }

  /** Sets the number of grid columns the open cell spans (Word's gridSpan). */
  setCellSpan(colspan: number): void {
    const cell = this.tables.at(-1)?.cell;
    if (cell) cell.colspan = colspan;
  }

  /** Marks the open cell as continuing the vertically merged cell above it (Word's vMerge). */
  setCellContinues(): void {
    const cell = this.tables.at(-1)?.cell;
    if (cell) cell.continues = true;
  }

  /** Sets the number of grid columns skipped before the open row's first cell (Word's gridBefore). */
  setRowSkip(skip: number): void {
    const row = this.tables.at(-1)?.row;
    if (row) row.skip = skip;
  }

  /** Closes whatever is still open and returns the document as lines and table rows. */
  finish(): SourceLine[] {
    this.breakLine();
    while (this.tables.length > 0) this.closeTable();
    return this.lines;
  }

  private countOne(): void {
    if (++this.count > MAX_LINES) throw tooManyLines();
  }

  private target(): Item[] {
    const table = this.tables.at(-1);
    if (table && !table.cell) return table.rows.length === 0 ? table.before : table.after;
    return this.containers.at(-1)!;
  }

  private endCell(table: TableNode): void {
    if (!table.cell) return;
    this.containers.pop();
    table.cell = null;
  }
}

/** Squeezes every run of whitespace (including no-break and ideographic spaces) to one space, trimmed. */
function collapseSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Reads a span attribute: a positive integer, clamped; anything else is 1 (0 = to the end, for rowspan). */
export function parseSpan(value: string | undefined, max: number, zero = 1): number {
  const n = Number.parseInt(value ?? '', 10);
  if (n === 0) return zero;
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(n, max);
}

interface RowsMarker {
  rowsOf: TableNode;
}

/** Emits collected items in document order, with an explicit stack (no recursion). */
function emit(root: Item[], lines: SourceLine[], tableIndex: { next: number }): void {
  const stack: { items: (Item | RowsMarker)[]; next: number }[] = [{ items: root, next: 0 }];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const item = frame.items[frame.next++];
    if (item === undefined) {
      stack.pop();
    } else if (typeof item === 'string') {
      lines.push({ text: item });
    } else if ('rowsOf' in item) {
      emitRows(item.rowsOf, tableIndex.next++, lines);
    } else if (isLayoutTable(item)) {
      stack.push({ items: layoutItems(item), next: 0 });
    } else {
      stack.push({ items: [...item.before, { rowsOf: item }, ...item.after], next: 0 });
    }
  }
}

/**
 * A table with a single column, or with a cell of running text, frames a page or boxes a passage:
 * its contents are read as ordinary lines, and the tables inside it as tables.
 */
function isLayoutTable(table: TableNode): boolean {
  let width = 0;
  for (const row of table.rows) {
    let rowWidth = row.skip;
    for (const cell of row.cells) {
      if (cellLines(cell) > MAX_DATA_CELL_LINES) return true;
      rowWidth += cell.colspan;
    }
    width = Math.max(width, rowWidth);
  }
  return width <= 1;
}

function cellLines(cell: CellNode): number {
  let lines = 0;
  for (const item of cell.items) {
    lines += typeof item === 'string' ? 1 : item.before.length + item.rows.length + item.after.length;
  }
  return lines;
}

function layoutItems(table: TableNode): Item[] {
  const items = table.before.slice();
  for (const row of table.rows) {
    for (const cell of row.cells) {
      for (const item of cell.items) items.push(item);
    }
  }
  for (const item of table.after) items.push(item);
  return items;
}

/** The text of a data cell, with any table inside it flattened in reading order (no recursion). */
function flattenText(items: Item[]): string {
  const parts: string[] = [];
  const stack: { items: Item[]; next: number }[] = [{ items, next: 0 }];
  while (stack.length > 0) {
    const frame = stack.at(-1)!;
    const item = frame.items[frame.next++];
    if (item === undefined) stack.pop();
    else if (typeof item === 'string') parts.push(item);
    else stack.push({ items: layoutItems(item), next: 0 });
  }
  return collapseSpace(parts.join(' '));
}

interface Carry {
  text: string;
  rows: number;
}

/**
 * Emits the rows of a data table with merged cells resolved so columns stay aligned: a colspan or
 * gridSpan cell is followed by empty cells, a rowspan cell's text is carried down into the rows it
 * spans, and a vMerge continuation takes the text of the cell above. Rows with no text are dropped.
 */
function emitRows(table: TableNode, index: number, lines: SourceLine[]): void {
  const carry: (Carry | undefined)[] = [];
  let previous: string[] = [];
  for (const row of table.rows) {
    const cells: string[] = [];
    for (let k = 0; k < row.skip; k++) cells.push(takeCarry(carry, cells.length) ?? '');
    for (const cell of row.cells) placeCell(cell, cells, carry, previous);
    fillCarried(carry, cells);
    previous = cells;
    if (cells.some((cell) => cell !== '')) lines.push({ text: cells.join(' | '), cells, table: index });
  }
}

function placeCell(cell: CellNode, cells: string[], carry: (Carry | undefined)[], previous: string[]): void {
  let carried = takeCarry(carry, cells.length);
  while (carried !== undefined) {
    cells.push(carried);
    carried = takeCarry(carry, cells.length);
  }
  const column = cells.length;
  const own = flattenText(cell.items);
  const text = cell.continues && own === '' ? (previous[column] ?? '') : own;
  cells.push(text);
  for (let k = 1; k < cell.colspan; k++) cells.push('');
  if (cell.rowspan > 1) {
    for (let k = 0; k < cell.colspan; k++)
      carry[column + k] = { text: k === 0 ? text : '', rows: cell.rowspan - 1 };
  }
}

/** Takes the text a rowspan above carries into this column, if it still spans this row. */
function takeCarry(carry: (Carry | undefined)[], column: number): string | undefined {
  const spanning = carry[column];
  if (!spanning || spanning.rows <= 0) return undefined;
  spanning.rows--;
  return spanning.text;
}

/** Adds the carried cells that extend past the row's own last cell. */
function fillCarried(carry: (Carry | undefined)[], cells: string[]): void {
  let last = carry.length - 1;
  while (last >= cells.length && !((carry[last]?.rows ?? 0) > 0)) last--;
  while (cells.length <= last) cells.push(takeCarry(carry, cells.length) ?? '');
}

/** Elements whose content is not part of the page's text. */
const SKIPPED = new Set([
  'script',
  'style',
  'title',
  'noscript',
  'template',
  'iframe',
  'noembed',
  'noframes',
  'object',
  'svg',
  'math',
  'select',
  'textarea',
]);

/** Elements that start and end a line. */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'section',
  'summary',
  'ul',
]);

/** Elements whose line breaks are line breaks. */
const PREFORMATTED = new Set(['pre', 'xmp', 'listing', 'plaintext']);

/** Reads an HTML page's tags into a BlockTree. */
class HtmlReader implements MarkupHandler {
  readonly tree = new BlockTree(true);
  private readonly skipped = new Map<string, number>();
  private skipDepth = 0;
  private preDepth = 0;

  wantsAttributes(name: string): boolean {
    return name === 'td' || name === 'th';
  }

  open(name: string, attributes: Readonly<Record<string, string>>): void {
    if (SKIPPED.has(name)) {
      this.skipped.set(name, (this.skipped.get(name) ?? 0) + 1);
      this.skipDepth++;
      return;
    }
    if (this.skipDepth > 0) return;
    if (name === 'table') this.tree.openTable();
    else if (name === 'tr') this.tree.openRow();
    else if (name === 'td' || name === 'th') {
      const colspan = parseSpan(attributes['colspan'], MAX_COLSPAN);
      this.tree.openCell(colspan, parseSpan(attributes['rowspan'], MAX_ROWSPAN, MAX_ROWSPAN));
    } else if (PREFORMATTED.has(name)) {
      this.tree.breakLine();
      this.preDepth++;
    } else if (BLOCKS.has(name)) this.tree.breakLine();
  }

  close(name: string): void {
    if (SKIPPED.has(name)) {
      const open = this.skipped.get(name) ?? 0;
      if (open > 0) {
        this.skipped.set(name, open - 1);
        this.skipDepth--;
      }
      return;
    }
    if (this.skipDepth > 0) return;
    if (name === 'table') this.tree.closeTable();
    else if (name === 'tr') this.tree.closeRow();
    else if (name === 'td' || name === 'th') this.tree.closeCell();
    else if (PREFORMATTED.has(name)) {
      this.tree.breakLine();
      this.preDepth = Math.max(0, this.preDepth - 1);
    } else if (BLOCKS.has(name)) this.tree.breakLine();
  }

  text(data: string): void {
    if (this.skipDepth > 0) return;
    if (this.preDepth === 0) {
      this.tree.text(data);
      return;
    }
    const parts = data.split(/\r\n|\r|\n/);
    for (let i = 0; i < parts.length; i++) {
      if (i > 0) this.tree.breakLine();
      this.tree.text(parts[i]!);
    }
  }
}

/**
 * Tells an HTML page from plain text by its content: a doctype or <html> first, or markup first and
 * body, paragraph, div or table tags somewhere.
 */
export function looksLikeHtml(text: string): boolean {
  const start = text.search(/\S/);
  if (start < 0 || text[start] !== '<') return false;
  const head = text.slice(start, start + 64).toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return true;
  return /<(?:body|p|div|table)[\s>/]/i.test(text);
}

/**
 * The normalised stream of an HTML page: one line per block of text (script, style, the <title>
 * and comments dropped; whitespace collapsed; blank lines dropped) and one line with cells per row
 * of each data table.
 */
export function htmlLines(html: string): SourceLine[] {
  const reader = new HtmlReader();
  scanMarkup(html, false, reader);
  return reader.tree.finish();
}
