/** The CSV scanner of bulk imports against csv-parse's reading, and CSV writing for Excel. */
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvScanner, csvCell, readCsv, toCsv } from '../../src/opendata/csv.ts';

describe('readCsv', () => {
  it('reads quoted cells with commas, doubled quotes and line breaks, and counts lines from the start of each record', () => {
    const read = readCsv('\uFEFFa,b,c\r\n1,"x, y","say ""hi"""\n2,"two\nlines",z\n\n3,,\n');
    expect(read).toEqual({
      ok: true,
      records: [
        { cells: ['a', 'b', 'c'], line: 1 },
        { cells: ['1', 'x, y', 'say "hi"'], line: 2 },
        { cells: ['2', 'two\nlines', 'z'], line: 3 },
        { cells: ['3', '', ''], line: 6 },
      ],
    });
  });

  it('an unclosed quote or text after a closing quote stops the reading with its line', () => {
    expect(readCsv('a,b\n1,"open\n2,3\n')).toEqual({
      ok: false,
      line: 2,
      message: 'a quoted cell is never closed',
    });
    expect(readCsv('a,b\n1,"x"y\n')).toMatchObject({ ok: false, line: 2 });
  });

  it('reads in parts exactly what it reads at once', () => {
    const text = 'h1,h2\n1,"a\nb"\n2,c\n3,d\n';
    const scanner = new CsvScanner(text);
    const parts = [];
    while (!scanner.done) {
      const part = scanner.read(2);
      if (!part.ok) throw new Error(part.message);
      parts.push(...part.records);
    }
    expect(parts).toEqual((readCsv(text) as { records: unknown[] }).records);
  });

  it('agrees with csv-parse on any table of cells it writes', () => {
    const cell = fc.oneof(fc.string(), fc.constantFrom('', ',', '"', '\n', '\r\n', '２２１８．６', '原上城'));
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }),
        (rows) => {
          const text = rows.map((r) => r.map(csvCell).join(',')).join('\n');
          const mine = readCsv(text);
          const theirs = parse(text, { relax_column_count: true, skip_empty_lines: true }) as string[][];
          expect(mine.ok).toBe(true);
          if (mine.ok) expect(mine.records.map((r) => r.cells)).toEqual(theirs);
        },
      ),
    );
  });
});

describe('toCsv', () => {
  it('writes UTF-8 with a BOM and CRLF, quoting only where needed, nulls empty', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          [1.5, '地区,生产"总值"'],
          [null, true],
        ],
      ),
    ).toBe('\uFEFFa,b\r\n1.5,"地区,生产""总值"""\r\n,true\r\n');
  });
});
