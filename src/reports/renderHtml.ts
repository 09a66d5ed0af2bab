/**
 * The report as one self-contained HTML page: inline CSS, charts as inline SVG, no script and no
 * request to anywhere (it is read offline, mailed, or archived as it is). It walks the same document
 * tree as the Word report, so it says the same things; print CSS puts the indicator table on
 * landscape pages and keeps table rows whole.
 */
import type { Light } from '../progress/index.ts';
import { chartSvg, htmlSvg, LIGHT_COLORS } from './charts.ts';
import type { Block, Cell, ReportDocument, Run, Section } from './document.ts';

/** Escapes text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

const TINT: Readonly<Record<Light, string>> = {
  green: '#e6f2e7',
  yellow: '#fff3d1',
  red: '#fbe1e1',
  grey: '#eeeeee',
};

const STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f3f0; color: #111;
  font-family: "仿宋_GB2312", FangSong_GB2312, "仿宋", FangSong, STFangsong, "Noto Serif CJK SC", "Source Han Serif SC", serif;
  font-size: 16pt; line-height: 28pt; }
.page { background: #fff; max-width: 210mm; margin: 12px auto; padding: 30mm 26mm 28mm 28mm; box-shadow: 0 1px 4px rgba(0,0,0,.12); }
.page.landscape { max-width: 297mm; padding: 18mm 16mm; }
h1, h2, .caption, th, .cover-title { font-family: "黑体", SimHei, "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", sans-serif; font-weight: normal; }
h1 { font-size: 16pt; margin: 0; text-indent: 2em; }
h2 { font-family: "楷体_GB2312", KaiTi_GB2312, "楷体", KaiTi, STKaiti, "Noto Serif CJK SC", serif; font-size: 16pt; margin: 0; text-indent: 2em; }
p { margin: 0; text-indent: 2em; text-align: justify; }
p.note, .notes p { font-size: 12pt; line-height: 18pt; text-indent: 0; margin: 3pt 0; }
.cover { text-align: center; padding-top: 40mm; min-height: 250mm; }
.cover p { text-indent: 0; text-align: center; }
.cover-title { font-family: "方正小标宋简体", "FZXiaoBiaoSong-B05S", "华文中宋", STZhongsong, "Noto Serif CJK SC", serif; font-size: 22pt; line-height: 38pt; margin: 0; }
.cover .period { font-family: "楷体_GB2312", KaiTi, STKaiti, serif; margin-top: 12pt; }
.cover .issuer { margin-top: 70mm; }
.cover .sample { margin: 24mm auto 0; border: 1.5px solid #c00000; color: #c00000; padding: 8pt 12pt; font-size: 12pt; line-height: 20pt; text-align: left; }
.caption { text-align: center; font-size: 12pt; line-height: 18pt; margin: 10pt 0 4pt; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 10.5pt; line-height: 14pt; }
table.small { font-size: 9pt; line-height: 12pt; }
th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; overflow-wrap: anywhere; }
th { background: #e7e6e6; text-align: center; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { display: table-header-group; }
tr.group td { background: #f2f2f2; font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; }
tr.total td { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; }
.left { text-align: left; } .center { text-align: center; } .right { text-align: right; }
sup { font-size: 70%; line-height: 0; }
.dot-green { color: ${LIGHT_COLORS.green}; } .dot-yellow { color: ${LIGHT_COLORS.yellow}; }
.dot-red { color: ${LIGHT_COLORS.red}; } .dot-grey { color: ${LIGHT_COLORS.grey}; } .muted { color: #666; }
td.l-green { background: ${TINT.green}; } td.l-yellow { background: ${TINT.yellow}; }
td.l-red { background: ${TINT.red}; } td.l-grey { background: ${TINT.grey}; }
.charts { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 6pt 12pt; margin: 6pt 0; }
.charts.wide { grid-template-columns: 1fr; }
figure { margin: 0; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-family: "黑体", SimHei, "Noto Sans CJK SC", sans-serif; font-size: 10.5pt; line-height: 14pt; margin-top: 2pt; }
.placeholder { border: 1.5px dashed #c00000; background: #fffbea; color: #7f6000; padding: 8pt 12pt; margin: 4pt 0 8pt;
  font-family: "楷体_GB2312", KaiTi, STKaiti, "Noto Serif CJK SC", serif; min-height: 40mm; }
.placeholder p { text-indent: 0; }
@media (max-width: 800px) { .page, .page.landscape { padding: 12px; } .charts { grid-template-columns: 1fr; } body { font-size: 13pt; line-height: 22pt; } }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@page wide { size: A4 landscape; margin: 20mm; }
@media print {
  body { background: #fff; }
  .page { box-shadow: none; margin: 0; padding: 0; max-width: none; break-after: page; }
  .page.landscape { page: wide; padding: 0; max-width: none; }
  .table-wrap { overflow: visible; }
}
`;

function runsHtml(runs: readonly Run[]): string {
  return runs
    .map((r) => {
      let html = escapeHtml(r.text).replace(/\n/g, '<br>');
      if (r.sup) html = `<sup>${html}</sup>`;
      if (r.bold) html = `<strong>${html}</strong>`;
      if (r.color) html = `<span class="${r.color === 'muted' ? 'muted' : `dot-${r.color}`}">${html}</span>`;
      return html;
    })
    .join('');
}

function cellHtml(c: Cell, fallbackAlign: Cell['align'], group: boolean): string {
  const classes: string[] = [group ? 'left' : (c.align ?? fallbackAlign ?? 'left')];
  if (c.light) classes.push(`l-${c.light}`);
  const span = c.span && c.span > 1 ? ` colspan="${c.span}"` : '';
  return `<td class="${classes.join(' ')}"${span}>${runsHtml(c.runs)}</td>`;
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'heading':
      return block.level === 1 ? `<h1>${escapeHtml(block.text)}</h1>` : `<h2>${escapeHtml(block.text)}</h2>`;
    case 'paragraph':
      return `<p${block.variant === 'note' ? ' class="note"' : block.variant === 'center' ? ' class="center"' : ''}>${runsHtml(block.runs)}</p>`;
    case 'table': {
      const head = block.columns
        .map((c) => `<th>${escapeHtml(c.title).replace(/\n/g, '<br>')}</th>`)
        .join('');
      const rows = block.rows
        .map((row) => {
          let column = 0;
          const cells = row.cells
            .map((c) => {
              const html = cellHtml(c, block.columns[column]?.align, row.group === true);
              column += c.span ?? 1;
              return html;
            })
            .join('');
          const cls = row.group ? ' class="group"' : row.total ? ' class="total"' : '';
          return `<tr${cls}>${cells}</tr>`;
        })
        .join('\n');
      const total = block.columns.reduce((n, c) => n + c.width, 0);
      const cols = block.columns
        .map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`)
        .join('');
      const notes = (block.notes ?? []).map((n) => `<p>${runsHtml(n)}</p>`).join('');
      return (
        `<div class="caption">${escapeHtml(block.caption)}</div>` +
        `<div class="table-wrap"><table${block.size === 'small' ? ' class="small"' : ''}>` +
        `<colgroup>${cols}</colgroup><thead><tr>${head}</tr></thead><tbody>\n${rows}\n</tbody></table></div>` +
        (notes ? `<div class="notes">${notes}</div>` : '')
      );
    }
    case 'charts': {
      const figures = block.charts
        .map(
          (c) =>
            `<figure>${htmlSvg(chartSvg(c.spec, c.id), c.caption)}<figcaption>${escapeHtml(c.caption)}</figcaption></figure>`,
        )
        .join('\n');
      return `<div class="charts${block.wide ? ' wide' : ''}">\n${figures}\n</div>`;
    }
    case 'narrative': {
      const paragraphs = block.text
        .split(/\r?\n/)
        .map((p) => p.trim())
        .filter(Boolean);
      const title = `<h1>${escapeHtml(block.title)}</h1>`;
      if (paragraphs.length > 0) return title + paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('');
      const name = block.title.replace(/^[一二三四五六七八九十]+、/, '');
      return (
        `${title}<div class="placeholder"><p><strong>【待填写：${escapeHtml(name)}】</strong></p>` +
        `<p>${escapeHtml(block.hint)}</p></div>`
      );
    }
  }
}

function sectionHtml(section: Section): string {
  return `<section class="page ${section.orientation}">\n${section.blocks.map(blockHtml).join('\n')}\n</section>`;
}

/** The report as a complete HTML document (UTF-8 text). */
export function renderHtml(doc: ReportDocument): string {
  const { cover } = doc;
  const coverHtml =
    `<section class="page cover">` +
    `<p class="cover-title">${escapeHtml(cover.planTitle)}</p>` +
    (cover.kindLine ? `<p class="cover-title">${escapeHtml(cover.kindLine)}</p>` : '') +
    `<p class="period">${escapeHtml(cover.periodLine)}</p>` +
    `<p class="issuer">${escapeHtml(cover.issuer)}</p><p>${escapeHtml(cover.date)}</p>` +
    (cover.sampleNote ? `<div class="sample">${escapeHtml(cover.sampleNote)}</div>` : '') +
    `</section>`;
  return [
    '<!doctype html>',
    '<html lang="zh-CN">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(doc.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    coverHtml,
    ...doc.sections.map(sectionHtml),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
