/**
 * Plans written for the tests, in layouts other than the seed plan's: a 十五五 (2026-2030) plan of an
 * invented county whose indicator table can be laid out as tab-separated columns, one cell per line,
 * Markdown, an HTML table or a Word table. Every layout must read to the same indicators.
 */
import { zipSync } from 'fflate';

/** The rows of the invented plan's table: category, code, name, unit, base, target, rate, attribute. */
export const TABLE_ROWS: string[][] = [
  ['经济发展', '1', '地区生产总值', '亿元', '520', '700', '6', '预期性'],
  ['经济发展', '2', '研发经费投入强度', '%', '2.1', '3.0', '—', '预期性'],
  ['经济发展', '3', '高新技术企业', '家', '[120]', '[260]', '—', '预期性'],
  ['民生福祉', '4', '城镇调查失业率', '%', '4.8', '<5.5', '—', '预期性'],
  ['民生福祉', '5', '居民人均可支配收入增长', '%', '—', '—', '与经济增长同步', '预期性'],
  ['绿色生态', '6', '单位地区生产总值能源消耗降低', '%', '—', '完成省下达目标', '—', '约束性'],
  ['绿色生态', '7', '细颗粒物(PM2.5)平均浓度', '微克/立方米', '32', '28', '—', '约束性'],
];

export const TABLE_HEADER = ['类别', '序号', '指标', '单位', '2025年', '2030年', '年均增长/累计', '属性'];

const FRONT = [
  '青溪县人民政府关于印发青溪县国民经济和社会发展第十五个五年规划纲要的通知',
  '各乡镇人民政府,县政府各部门:',
  '现将《青溪县国民经济和社会发展第十五个五年规划纲要》印发给你们,请认真贯彻执行。',
  '青溪县人民政府',
  '二〇二六年二月十日',
];

const BODY_BEFORE_TABLE = [
  '第一章 发展基础',
  '第一节 “十四五”发展成就',
  '经济实力显著增强。2025年地区生产总值达到520亿元。',
  '第二节 主要目标',
  '到2030年,地区生产总值突破700亿元,新建学校12所。',
  '表1 “十五五”时期主要指标',
];

const BODY_AFTER_TABLE = [
  '注:[ ]为累计数。',
  '第二章 建设现代化产业体系',
  '做强先进制造业。到2030年,培育规上工业企业300家以上,建成智能工厂5-8家。',
  '发展现代服务业。推动服务业提质增效,到2030年,服务业增加值占比达到55%。',
  '专栏1 重大产业项目',
  '1.青溪智能装备产业园。总投资约120亿元,建设智能装备生产基地。 2.物流枢纽。建设公铁联运物流中心。',
  '第三章 增进民生福祉',
  '办好人民满意教育。新建学校10所,新增学位1.2万个。',
];

/** The front matter, body and table rows joined into lines, the table rows given by `tableLines`. */
function assemble(tableLines: string[]): string[] {
  return [...FRONT, ...BODY_BEFORE_TABLE, ...tableLines, ...BODY_AFTER_TABLE];
}

/** The plan with its table as tab-separated columns. */
export function tabSeparatedPlan(): string {
  return assemble([TABLE_HEADER.join('\t'), ...TABLE_ROWS.map((r) => r.join('\t'))]).join('\n');
}

/** The plan with its table as one cell per line, the category given once per group. */
export function cellPerLinePlan(): string {
  const lines: string[] = [...TABLE_HEADER];
  let category = '';
  for (const row of TABLE_ROWS) {
    if (row[0] !== category) {
      category = row[0]!;
      lines.push(category);
    }
    lines.push(...row.slice(1));
  }
  return assemble(lines).join('\n');
}

/** The plan with a Markdown table (category repeated in every row). */
export function markdownPlan(): string {
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  return assemble([row(TABLE_HEADER), row(TABLE_HEADER.map(() => '---')), ...TABLE_ROWS.map(row)]).join('\n');
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The plan as a saved web page, its table a real <table> with the category merged across rows. */
export function htmlPlan(): string {
  const paragraphs = (lines: string[]): string => lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  const rows: string[] = [];
  for (let k = 0; k < TABLE_ROWS.length; k++) {
    const row = TABLE_ROWS[k]!;
    const span = TABLE_ROWS.filter((r) => r[0] === row[0]).length;
    const first = k === 0 || TABLE_ROWS[k - 1]![0] !== row[0];
    const category = first ? `<td rowspan="${span}">${row[0]}</td>` : '';
    rows.push(
      `<tr>${category}${row
        .slice(1)
        .map((c) => `<td>${escapeHtml(c)}</td>`)
        .join('')}</tr>`,
    );
  }
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>青溪县“十五五”规划纲要</title>
<script>var tracker = 1;</script><style>p { margin: 0 }</style></head><body>
${paragraphs([...FRONT, ...BODY_BEFORE_TABLE])}
<table><tr>${TABLE_HEADER.map((h) => `<th>${h}</th>`).join('')}</tr>
${rows.join('\n')}</table>
${paragraphs(BODY_AFTER_TABLE)}
</body></html>`;
}

/** The plan as a Word document: paragraphs and a real table (category merged vertically). */
export function docxPlan(): Uint8Array {
  const esc = escapeHtml;
  const p = (text: string): string => `<w:p><w:r><w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
  const cell = (text: string, merge?: 'restart' | 'continue'): string =>
    `<w:tc>${merge ? `<w:tcPr><w:vMerge${merge === 'restart' ? ' w:val="restart"' : ''}/></w:tcPr>` : ''}${p(text)}</w:tc>`;
  const rows = TABLE_ROWS.map((row, k) => {
    const first = k === 0 || TABLE_ROWS[k - 1]![0] !== row[0];
    return `<w:tr>${cell(first ? row[0]! : '', first ? 'restart' : 'continue')}${row
      .slice(1)
      .map((c) => cell(c))
      .join('')}</w:tr>`;
  });
  const table = `<w:tbl><w:tr>${TABLE_HEADER.map((h) => cell(h)).join('')}</w:tr>${rows.join('')}</w:tbl>`;
  const document = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
${[...FRONT, ...BODY_BEFORE_TABLE].map(p).join('')}${table}${BODY_AFTER_TABLE.map(p).join('')}
</w:body></w:document>`;
  const enc = new TextEncoder();
  return zipSync({
    '[Content_Types].xml': enc.encode(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    'word/document.xml': enc.encode(document),
  });
}

/** A short plan numbered 一、/（一）, whose chapters have no sections. */
export function enumeratedPlan(): string {
  return [
    '某市某区国民经济和社会发展第十五个五年规划纲要',
    '一、发展基础',
    '“十四五”时期,全区经济总量稳步提升。',
    '二、重点任务',
    '推进城市更新。到2030年,完成老旧小区改造120个。',
    '提升公共服务。新建养老服务中心8家,每千人口拥有执业(助理)医师达到4.5人。',
    '三、保障措施',
    '加强组织领导。建立规划实施年度监测制度。',
  ].join('\n');
}
