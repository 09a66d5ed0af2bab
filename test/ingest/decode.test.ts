import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/ingest/decode.ts';
import { IngestError } from '../../src/ingest/errors.ts';
import type { SourceDocument } from '../../src/ingest/source.ts';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const hex = (text: string): Uint8Array =>
  Uint8Array.from(text.split(/\s+/).map((b) => Number.parseInt(b, 16)));
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
const texts = (doc: SourceDocument): string[] => doc.lines.map((line) => line.text);
const rows = (doc: SourceDocument) => doc.lines.filter((line) => line.cells).map((line) => line.cells);

/** The IngestError decodeSource throws for these bytes (fails the test if it throws nothing else). */
function errorOf(bytes: Uint8Array): IngestError {
  try {
    decodeSource(bytes);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error('decodeSource did not throw');
}

/** GBK bytes of a few known characters (Node has no GB18030 encoder). */
const GBK: Record<string, string> = {
  第一章: 'b5 da d2 bb d5 c2',
  上城区: 'c9 cf b3 c7 c7 f8',
  表1主要指标: 'b1 ed 31 d6 f7 d2 aa d6 b8 b1 ea',
  改革: 'b8 c4 b8 ef',
  引领: 'd2 fd c1 ec',
  地区生产总值: 'b5 d8 c7 f8 c9 fa b2 fa d7 dc d6 b5',
  亿元: 'd2 da d4 aa',
  类别: 'c0 e0 b1 f0',
  指标: 'd6 b8 b1 ea',
  原上城: 'd4 ad c9 cf b3 c7',
};
function gbk(word: string): Uint8Array {
  const bytes = GBK[word];
  if (bytes === undefined) throw new Error(`no GBK bytes for ${word}`);
  return hex(bytes);
}

describe('decodeSource: plain text', () => {
  it('reads UTF-8 without a BOM, line for line, and hashes the raw bytes', () => {
    const bytes = utf8('第一章 总体要求\n  加快构筑人才高地。  \n\n到2025年,新建幼儿园34所\n');
    const doc = decodeSource(bytes);
    expect(doc.format).toBe('text');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(texts(doc)).toEqual(['第一章 总体要求', '  加快构筑人才高地。  ', '', '到2025年,新建幼儿园34所']);
    expect(doc.lines[0]).toEqual({ text: '第一章 总体要求' });
  });

  it('removes a UTF-8 BOM but hashes it with the rest', () => {
    const bytes = concat(hex('ef bb bf'), utf8('上城区\n第二行'));
    const doc = decodeSource(bytes);
    expect(doc.encoding).toBe('utf-8');
    expect(texts(doc)).toEqual(['上城区', '第二行']);
    expect(doc.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
  });

  it('splits on CRLF, LF and a lone CR, keeping empty lines', () => {
    const doc = decodeSource(utf8('a\r\nb\rc\nd\r\n\r\ne\r\n'));
    expect(texts(doc)).toEqual(['a', 'b', 'c', 'd', '', 'e']);
  });

  it('keeps a last line without a line break, and a final empty line after a blank one', () => {
    expect(texts(decodeSource(utf8('a\nb')))).toEqual(['a', 'b']);
    expect(texts(decodeSource(utf8('a\n\n')))).toEqual(['a', '']);
  });

  it('reads UTF-16LE and UTF-16BE with a BOM', () => {
    const text = '第一章 上城区\r\n指标\t亿元\r\n';
    const le = concat(hex('ff fe'), new Uint8Array(Buffer.from(text, 'utf16le')));
    const be = Uint8Array.from(le, (_, i) => le[i ^ 1]!);
    const docLe = decodeSource(le);
    expect(docLe.encoding).toBe('utf-16le');
    expect(texts(docLe)).toEqual(['第一章 上城区', '指标\t亿元']);
    const docBe = decodeSource(be);
    expect(docBe.encoding).toBe('utf-16be');
    expect(texts(docBe)).toEqual(['第一章 上城区', '指标\t亿元']);
  });

  it('reads GB18030/GBK bytes, including a four-byte sequence', () => {
    const bytes = concat(
      gbk('第一章'),
      utf8(' '),
      gbk('上城区'),
      utf8('\r\n'),
      gbk('表1主要指标'),
      utf8('\r\n1\t'),
      gbk('地区生产总值'),
      utf8('\t'),
      gbk('亿元'),
      utf8(' '),
      hex('94 39 fc 36'),
      utf8('\r\n'),
    );
    const doc = decodeSource(bytes);
    expect(doc.format).toBe('text');
    expect(doc.encoding).toBe('gb18030');
    expect(texts(doc)).toEqual(['第一章 上城区', '表1主要指标', '1\t地区生产总值\t亿元 😀']);
  });

  it('refuses a file that is mostly UTF-8 with a broken byte instead of reading it as GB18030', () => {
    const good = utf8('上城区国民经济和社会发展第十四个五年规划\n'.repeat(10));
    const error = errorOf(concat(good, hex('ff'), good));
    expect(error.code).toBe('LANTU_INGEST_ENCODING');
    expect(error.message).toContain(`at byte ${good.length}`);
    expect(error.message).not.toContain('\n');
  });

  it('refuses a UTF-8 BOM followed by invalid UTF-8, and a broken UTF-16 file', () => {
    expect(errorOf(concat(hex('ef bb bf'), gbk('上城区'))).code).toBe('LANTU_INGEST_ENCODING');
    expect(errorOf(hex('ff fe 41 00 00 d8 41 00')).code).toBe('LANTU_INGEST_ENCODING');
    expect(errorOf(hex('ff fe 00 00 41 00 00 00')).message).toContain('UTF-32');
  });

  it('does not mistake text that starts with "<" for HTML', () => {
    const doc = decodeSource(utf8('<一>总体要求\n表1 <主要指标>\n'));
    expect(doc.format).toBe('text');
    expect(texts(doc)).toEqual(['<一>总体要求', '表1 <主要指标>']);
  });
});

describe('decodeSource: unreadable input', () => {
  it('refuses empty input: no bytes, only whitespace, only a BOM', () => {
    for (const bytes of [
      new Uint8Array(0),
      utf8(' \r\n\t\n'),
      hex('ef bb bf'),
      hex('ff fe'),
      hex('ef bb bf 0a'),
    ]) {
      const error = errorOf(bytes);
      expect(error.code).toBe('LANTU_INGEST_EMPTY');
      expect(error.message).toBe('the file is empty');
    }
  });

  it('refuses binary garbage with NUL bytes, naming the byte', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed >>> 16;
    };
    const bytes = Uint8Array.from({ length: 4096 }, () => random() & 0xff);
    bytes[0] = 0x41;
    bytes[1] = 0x42;
    bytes[2] = 0;
    const error = errorOf(bytes);
    expect(error.code).toBe('LANTU_INGEST_BINARY');
    expect(error.message).toBe('not a text, HTML or .docx file: binary data at byte 2');
  });

  it('refuses bytes with many control characters, and bytes that are neither UTF-8 nor GB18030', () => {
    const controls = errorOf(utf8('abc\x01\x02\x03def\x04\x05'));
    expect(controls.code).toBe('LANTU_INGEST_BINARY');
    expect(controls.message).toContain('at byte 3');
    const neither = errorOf(concat(utf8('abcdef'), hex('ff ff 81 20')));
    expect(neither.code).toBe('LANTU_INGEST_BINARY');
    expect(neither.message).toContain('at byte 6');
  });

  it('tolerates a stray control character in a long text', () => {
    const doc = decodeSource(utf8(`${'上城区发展规划纲要\n'.repeat(50)}\x1a`));
    expect(doc.lines).toHaveLength(51);
  });

  it('names an old .doc file and a PDF', () => {
    expect(errorOf(hex('d0 cf 11 e0 a1 b1 1a e1 00 00')).code).toBe('LANTU_INGEST_DOCX');
    const pdf = errorOf(concat(utf8('%PDF-1.7\n'), hex('00 ff')));
    expect(pdf.code).toBe('LANTU_INGEST_BINARY');
    expect(pdf.message).toContain('PDF');
  });

  it('never throws anything but an IngestError, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 512 }), (bytes) => {
        try {
          const doc = decodeSource(bytes);
          expect(doc.lines.every((line) => typeof line.text === 'string')).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(IngestError);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws anything but an IngestError on random markup', () => {
    const token = fc.constantFrom(
      '<table>',
      '</table>',
      '<tr>',
      '</tr>',
      '<td rowspan="2">',
      '<td colspan=3>',
      '<td rowspan=0>',
      '</td>',
      '<th>',
      '<p>',
      '</p>',
      '<br>',
      '<pre>',
      '</pre>',
      '<script>',
      '</script>',
      '<!--',
      '-->',
      '指标',
      'a\nb',
      '&amp;',
      '&nbsp;',
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 60 }), (tokens) => {
        const html = `<!DOCTYPE html><body>${tokens.join('')}`;
        try {
          const doc = decodeSource(utf8(html));
          for (const line of doc.lines) {
            expect(line.text).not.toMatch(/[\r\n]/);
            if (line.cells) expect(line.text).toBe(line.cells.join(' | '));
          }
        } catch (error) {
          expect(error).toBeInstanceOf(IngestError);
          expect((error as IngestError).code).toBe('LANTU_INGEST_EMPTY');
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('decodeSource: HTML', () => {
  it('reads a GBK page by its <meta charset>, with a table whose cells span rows and columns', () => {
    const bytes = concat(
      utf8('<!DOCTYPE html>\n<html><head><meta charset="gbk"><title>'),
      gbk('上城区'),
      utf8('</title></head>\n<body>\n<h1>'),
      gbk('表1主要指标'),
      utf8('</h1>\n<table border="1">\n<tr><th>'),
      gbk('类别'),
      utf8('</th><th>'),
      gbk('指标'),
      utf8('</th><th colspan="2">2020</th><th>2025</th></tr>\n<tr><td rowspan="2">'),
      gbk('改革'),
      utf8('<br>'),
      gbk('引领'),
      utf8('</td><td>'),
      gbk('地区生产总值'),
      utf8('</td><td>2218.6</td><td>'),
      gbk('亿元'),
      utf8('</td><td>3250</td></tr>\n<tr><td>R&amp;D</td><td colspan="2">'),
      gbk('原上城'),
      utf8('&nbsp;86.6</td><td></td></tr>\n</table>\n</body></html>'),
    );
    const doc = decodeSource(bytes);
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('gb18030');
    expect(texts(doc)[0]).toBe('表1主要指标');
    expect(texts(doc).join('\n')).not.toContain('上城区');
    expect(rows(doc)).toEqual([
      ['类别', '指标', '2020', '', '2025'],
      ['改革 引领', '地区生产总值', '2218.6', '亿元', '3250'],
      ['改革 引领', 'R&D', '原上城 86.6', '', ''],
    ]);
    expect(doc.lines[1]).toEqual({
      text: '类别 | 指标 | 2020 |  | 2025',
      cells: ['类别', '指标', '2020', '', '2025'],
      table: 0,
    });
  });

  it('carries a rowspan down past the end of a shorter row and numbers tables in order', () => {
    const html = `<html><body>
      <table><tr><td>A</td><td rowspan="3">B</td></tr><tr><td>C</td></tr><tr></tr></table>
      <p>between</p>
      <table><tr><td>x</td><td>y</td></tr></table></body></html>`;
    const doc = decodeSource(utf8(html));
    expect(doc.lines).toEqual([
      { text: 'A | B', cells: ['A', 'B'], table: 0 },
      { text: 'C | B', cells: ['C', 'B'], table: 0 },
      { text: ' | B', cells: ['', 'B'], table: 0 },
      { text: 'between' },
      { text: 'x | y', cells: ['x', 'y'], table: 1 },
    ]);
  });

  it('drops script, style, title, noscript and comments, decodes entities and collapses whitespace', () => {
    const html = `<!doctype html>
<html><head><title>标题</title><style>p { color: red }</style>
<script>var s = "<p>not text</p>";</script></head>
<body><!-- 注释 -->
<div class="nav">首页 &gt; 规划</div>
<noscript>请启用JavaScript</noscript>
<p>　　第一章
   开创发展新局面 &amp; 目标</p>
<p>加快构筑人才高地。<br/>新引进全球青年人才8万名</p>
<p>   </p>
<ul><li>一</li><li>二</li></ul>
<pre>a  b
c</pre>
<script>document.write('x')</script>
</body></html>`;
    const doc = decodeSource(utf8(html));
    expect(doc.format).toBe('html');
    expect(doc.encoding).toBe('utf-8');
    expect(texts(doc)).toEqual([
      '首页 > 规划',
      '第一章 开创发展新局面 & 目标',
      '加快构筑人才高地。',
      '新引进全球青年人才8万名',
      '一',
      '二',
      'a b',
      'c',
    ]);
    expect(doc.lines.every((line) => line.cells === undefined)).toBe(true);
  });

  it('detects a page by its content, without a doctype', () => {
    const doc = decodeSource(utf8('\n  <meta charset="utf-8">\n<div>第一章</div><p>第一节</p>'));
    expect(doc.format).toBe('html');
    expect(texts(doc)).toEqual(['第一章', '第一节']);
  });

  it('reads a page framed by a layout table as lines, and the data table inside it as rows', () => {
    const html = `<html><body><table><tr><td>
      <p>第一章 总体要求</p><p>加快构筑人才高地。</p>
      <table><caption>表1 主要指标</caption>
        <tr><td>1</td><td>地区生产总值</td></tr>
        <tr><td>2</td><td>一般公共预算收入</td></tr>
      </table>
      <p>专栏1</p></td></tr></table></body></html>`;
    const doc = decodeSource(utf8(html));
    expect(doc.lines).toEqual([
      { text: '第一章 总体要求' },
      { text: '加快构筑人才高地。' },
      { text: '表1 主要指标' },
      { text: '1 | 地区生产总值', cells: ['1', '地区生产总值'], table: 0 },
      { text: '2 | 一般公共预算收入', cells: ['2', '一般公共预算收入'], table: 0 },
      { text: '专栏1' },
    ]);
  });

  it('reads a two-column page frame (menu | article) as lines', () => {
    const article = Array.from({ length: 10 }, (_, i) => `<p>第${i + 1}段</p>`).join('');
    const html = `<body><table><tr><td><a>首页</a></td><td>${article}<table><tr><td>1</td><td>GDP</td></tr></table></td></tr></table></body>`;
    const doc = decodeSource(utf8(html));
    expect(texts(doc)).toEqual(['首页', ...Array.from({ length: 10 }, (_, i) => `第${i + 1}段`), '1 | GDP']);
    expect(doc.lines.at(-1)).toEqual({ text: '1 | GDP', cells: ['1', 'GDP'], table: 0 });
  });

  it('flattens a small table nested in a data cell into that cell', () => {
    const html = `<body><table>
      <tr><td>21</td><td><table><tr><td>[163]</td><td>[190]</td></tr><tr><td>0</td><td>[35]</td></tr></table></td></tr>
      <tr><td>22</td><td>x</td></tr></table></body>`;
    expect(rows(decodeSource(utf8(html)))).toEqual([
      ['21', '[163] [190] 0 [35]'],
      ['22', 'x'],
    ]);
  });

  it('reads a boxed single-column table as lines', () => {
    const html =
      '<body><table><tr><td><p>专栏6 基础设施提升工程</p><p>1.道路建设。</p></td></tr></table></body>';
    expect(decodeSource(utf8(html)).lines).toEqual([
      { text: '专栏6 基础设施提升工程' },
      { text: '1.道路建设。' },
    ]);
  });

  it('handles cells and rows that are never closed', () => {
    const html = '<body><table><tr><td>a<td>b<tr><td>c<td>d</table><p>end';
    expect(texts(decodeSource(utf8(html)))).toEqual(['a | b', 'c | d', 'end']);
  });

  it('stays linear on deeply nested and never-closed markup', () => {
    const depth = 200_000;
    const html = `<html><body>${'<div><span>'.repeat(depth)}深${'</span></div>'.repeat(depth)}${'<table><tr><td>'.repeat(20_000)}x</body></html>`;
    const started = performance.now();
    const doc = decodeSource(utf8(html));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(texts(doc)).toEqual(['深', 'x']);
  });

  it('refuses a page with no text', () => {
    expect(errorOf(utf8('<!DOCTYPE html><html><body><script>x()</script></body></html>')).code).toBe(
      'LANTU_INGEST_EMPTY',
    );
  });
});

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function docx(body: string, extra: Record<string, Uint8Array> = {}): Uint8Array {
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">
  <w:body>${body}<w:sectPr/></w:body>
</w:document>`;
  return zipSync({
    '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types/>'),
    'word/document.xml': strToU8(xml),
    ...extra,
  });
}

const para = (...runs: string[]) =>
  `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${runs.join('')}</w:p>`;
const run = (text: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${text}</w:t></w:r>`;
const cell = (inner: string, props = '') =>
  `<w:tc><w:tcPr><w:tcW w:w="1000"/>${props}</w:tcPr>${inner}</w:tc>`;
const row = (...cells: string[]) => `<w:tr><w:trPr/>${cells.join('')}</w:tr>`;

/** Offset of the stored data of a zip entry, found from its local file header. */
function entryData(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let at = 0; at + 30 <= zip.length; at++) {
    if (view.getUint32(at, true) !== 0x04034b50) continue;
    const nameLength = view.getUint16(at + 26, true);
    const extraLength = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(zip.subarray(at + 30, at + 30 + nameLength)) === name) {
      return at + 30 + nameLength + extraLength;
    }
  }
  throw new Error(`no entry ${name}`);
}

describe('decodeSource: .docx', () => {
  it('reads paragraphs (tabs, breaks, entities) and a table with gridSpan and vMerge', () => {
    const body = [
      para(run('第一章 '), run('总体要求 &amp; 目标')),
      para(run('1'), '<w:r><w:tab/></w:r>', run('地区生产总值'), '<w:r><w:br/></w:r>', run('第二行')),
      para(),
      para(
        run('可见'),
        '<w:del w:id="1"><w:r><w:delText>删除</w:delText></w:r></w:del>',
        '<w:ins w:id="2">',
        run('插入'),
        '</w:ins>',
        '<w:r><w:instrText> PAGE </w:instrText></w:r>',
      ),
      '<w:tbl><w:tblPr/><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>',
      row(
        cell(para(run('类别'))),
        cell(para(run('指标'))),
        cell(para(run('2020')), '<w:gridSpan w:val="2"/>'),
      ),
      row(
        cell(para(run('改革')) + para(run('引领')), '<w:vMerge w:val="restart"/>'),
        cell(para(run('地区生产总值'))),
        cell(para(run('2218.6'))),
        cell(para(run('亿元'))),
      ),
      row(cell(para(), '<w:vMerge/>'), cell(para(run('R&amp;D'))), cell(para(run(' 3.5 ')))),
      '</w:tbl>',
      para(run('专栏1 标志性项目')),
    ].join('\n');
    const doc = decodeSource(docx(body));
    expect(doc.format).toBe('docx');
    expect(doc.encoding).toBe('utf-8');
    expect(doc.lines).toEqual([
      { text: '第一章 总体要求 & 目标' },
      { text: '1\t地区生产总值' },
      { text: '第二行' },
      { text: '可见插入' },
      { text: '类别 | 指标 | 2020 | ', cells: ['类别', '指标', '2020', ''], table: 0 },
      {
        text: '改革 引领 | 地区生产总值 | 2218.6 | 亿元',
        cells: ['改革 引领', '地区生产总值', '2218.6', '亿元'],
        table: 0,
      },
      { text: '改革 引领 | R&D | 3.5', cells: ['改革 引领', 'R&D', '3.5'], table: 0 },
      { text: '专栏1 标志性项目' },
    ]);
  });

  it('reads a text box once, not again from its fallback copy', () => {
    const box = `<w:txbxContent>${para(run('框内文字'))}</w:txbxContent>`;
    const body = para(
      run('前'),
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box}</w:pict></mc:Fallback></mc:AlternateContent></w:r>`,
      run('后'),
    );
    expect(texts(decodeSource(docx(body)))).toEqual(['前', '框内文字', '后']);
  });

  it('refuses a zip that is not a Word document', () => {
    const zip = zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') });
    const error = errorOf(zip);
    expect(error.code).toBe('LANTU_INGEST_DOCX');
    expect(error.message).toBe('a zip file that is not a Word document (no word/document.xml)');
  });

  it('refuses a truncated or corrupt .docx as damaged', () => {
    const whole = docx(para(run('上城区'.repeat(200))));
    const truncated = errorOf(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(truncated.code).toBe('LANTU_INGEST_DOCX');
    expect(truncated.message).toMatch(/^the \.docx file is damaged: /);
    const corrupt = whole.slice();
    const data = entryData(corrupt, 'word/document.xml');
    corrupt.fill(0xff, data, data + 16);
    const corruptError = errorOf(corrupt);
    expect(corruptError.code).toBe('LANTU_INGEST_DOCX');
    expect(corruptError.message).toMatch(/^the \.docx file is damaged: \S/);
  });

  it('refuses a document part declared larger than 64 MB before inflating it', () => {
    const zip = docx(para(run('上城区')));
    const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
    for (let at = 0; at + 46 <= zip.length; at++) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const nameLength = view.getUint16(at + 28, true);
      const name = new TextDecoder().decode(zip.subarray(at + 46, at + 46 + nameLength));
      if (name === 'word/document.xml') view.setUint32(at + 24, 65 * 1024 * 1024, true);
    }
    const error = errorOf(zip);
    expect(error.code).toBe('LANTU_INGEST_TOO_LARGE');
    expect(error.message).toContain('65 MB');
  });

  it('refuses a Word document without text', () => {
    expect(errorOf(docx(para())).code).toBe('LANTU_INGEST_EMPTY');
  });
});

describe('decodeSource: size', () => {
  it('decodes 50 MB of text quickly, line for line', { timeout: 30_000 }, () => {
    const line = '到2025年,新建幼儿园34所,新引进全球青年人才8万名,城区绿化覆盖率达到40.5%。';
    const lineBytes = utf8(`${line}\r\n`);
    const count = Math.ceil((50 * 1024 * 1024) / lineBytes.length);
    const bytes = new Uint8Array(lineBytes.length * count);
    for (let i = 0; i < count; i++) bytes.set(lineBytes, i * lineBytes.length);
    const started = performance.now();
    const doc = decodeSource(bytes);
    const elapsed = performance.now() - started;
    expect(doc.lines).toHaveLength(count);
    expect(doc.lines[count - 1]).toEqual({ text: line });
    expect(elapsed).toBeLessThan(10_000);
  });

  it('refuses more lines than any plan could have instead of exhausting memory', () => {
    const error = errorOf(utf8('a\n'.repeat(4_000_001)));
    expect(error.code).toBe('LANTU_INGEST_TOO_LARGE');
  });
});
