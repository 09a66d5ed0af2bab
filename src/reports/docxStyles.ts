/**
 * The look of the Word report: paragraph styles after Chinese official documents (仿宋 三号 body on a
 * fixed 28-point line, 黑体 and 楷体 headings, 方正小标宋 title), the font table naming what Word
 * falls back to where those fonts are missing, and the core properties stamped with the
 * evaluation's time.
 */
import { AlignmentType, LineRuleType } from 'docx';
import type { ReportDocument } from './document.ts';

/** Font names as Chinese official documents use them, with what Word falls back to. */
export const FONT = {
  body: '仿宋_GB2312',
  heading: '黑体',
  heading2: '楷体_GB2312',
  title: '方正小标宋简体',
  latin: 'Times New Roman',
  pageNumber: '宋体',
} as const;

/** Sizes in half-points: 二号 22pt, 三号 16pt, 四号 14pt, 小四 12pt, 五号 10.5pt, 小五 9pt. */
export const SIZE = { erhao: 44, sanhao: 32, sihao: 28, xiaosi: 24, wuhao: 21, xiaowu: 18 } as const;

function font(eastAsia: string) {
  return { ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia };
}

/** The document's default run, headings and paragraph styles. */
export function documentStyles() {
  const exact = (pt: number) => ({ line: pt * 20, lineRule: LineRuleType.EXACT });
  return {
    default: {
      document: {
        run: { font: font(FONT.body), size: SIZE.sanhao, language: { value: 'en-US', eastAsia: 'zh-CN' } },
      },
      heading1: {
        run: { font: font(FONT.heading), size: SIZE.sanhao, bold: false, color: '000000' },
        paragraph: {
          spacing: { ...exact(28), before: 0, after: 0 },
          indent: { firstLine: 640 },
          keepNext: true,
        },
      },
      heading2: {
        run: { font: font(FONT.heading2), size: SIZE.sanhao, bold: false, color: '000000' },
        paragraph: {
          spacing: { ...exact(28), before: 0, after: 0 },
          indent: { firstLine: 640 },
          keepNext: true,
        },
      },
    },
    paragraphStyles: [
      {
        id: 'Body',
        name: '正文（公文）',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { spacing: exact(28), indent: { firstLine: 640 }, alignment: AlignmentType.JUSTIFIED },
      },
      {
        id: 'TableText',
        name: '表格文字',
        basedOn: 'Normal',
        paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 } },
      },
      {
        id: 'TableCaption',
        name: '表题',
        basedOn: 'Normal',
        run: { font: font(FONT.heading), size: SIZE.xiaosi },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: 360, lineRule: LineRuleType.AUTO, before: 200, after: 80 },
          keepNext: true,
        },
      },
      {
        id: 'Figure',
        name: '图',
        basedOn: 'Normal',
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 60, after: 0 },
          keepNext: true,
        },
      },
      {
        id: 'FigureInTable',
        name: '表中图',
        basedOn: 'Normal',
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 60, after: 0 },
        },
      },
      {
        id: 'FigureCaption',
        name: '图题',
        basedOn: 'Normal',
        run: { font: font(FONT.heading), size: SIZE.wuhao },
        paragraph: {
          alignment: AlignmentType.CENTER,
          spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 40, after: 120 },
        },
      },
      {
        id: 'Note',
        name: '注',
        basedOn: 'Normal',
        run: { size: SIZE.xiaosi },
        paragraph: { spacing: { line: 320, lineRule: LineRuleType.AUTO, before: 40, after: 40 } },
      },
      {
        id: 'Placeholder',
        name: '待填写',
        basedOn: 'Normal',
        run: { font: font(FONT.heading2), size: SIZE.sanhao, color: '7F6000' },
        paragraph: { spacing: exact(28), indent: { firstLine: 640 } },
      },
      {
        id: 'CoverTitle',
        name: '封面标题',
        basedOn: 'Normal',
        run: { font: font(FONT.title), size: SIZE.erhao },
        paragraph: { spacing: { line: 760, lineRule: LineRuleType.EXACT } },
      },
      {
        id: 'CoverSub',
        name: '封面副题',
        basedOn: 'Normal',
        run: { font: font(FONT.heading2), size: SIZE.sanhao },
        paragraph: { spacing: { ...exact(28), before: 240 } },
      },
      {
        id: 'CoverInfo',
        name: '封面落款',
        basedOn: 'Normal',
        run: { size: SIZE.sanhao },
        paragraph: { spacing: exact(32) },
      },
    ],
  };
}

/** Fonts of the font table: each with the font Word takes where it is missing (w:altName). */
const FONT_TABLE: ReadonlyArray<{ name: string; alt: string; family: string; pitch: string }> = [
  { name: FONT.body, alt: '仿宋', family: 'modern', pitch: 'fixed' },
  { name: FONT.heading2, alt: '楷体', family: 'modern', pitch: 'fixed' },
  { name: FONT.title, alt: '宋体', family: 'script', pitch: 'variable' },
  { name: FONT.heading, alt: 'SimHei', family: 'modern', pitch: 'fixed' },
  { name: '仿宋', alt: 'FangSong', family: 'modern', pitch: 'fixed' },
  { name: '楷体', alt: 'KaiTi', family: 'modern', pitch: 'fixed' },
  { name: FONT.pageNumber, alt: 'SimSun', family: 'auto', pitch: 'variable' },
];

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Parts of the package written here rather than by docx: the font table (docx leaves it empty), and
 * the core properties stamped with the evaluation's time, so the document depends only on the
 * evaluation.
 */
export function packageOverrides(
  doc: ReportDocument,
  createdAt: string,
): Array<{ path: string; data: string }> {
  const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const fonts = FONT_TABLE.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`,
  ).join('');
  const stamp = `${new Date(Date.parse(createdAt)).toISOString().slice(0, 19)}Z`;
  const issuer = escapeXml(doc.cover.issuer || 'lantu');
  return [
    {
      path: 'word/fontTable.xml',
      data: `${xml}<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`,
    },
    {
      path: 'docProps/core.xml',
      data:
        `${xml}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:title>${escapeXml(doc.title)}</dc:title><dc:creator>${issuer}</dc:creator>` +
        `<dc:description>${escapeXml(`${doc.cover.planTitle}${doc.cover.kindLine}`)}</dc:description>` +
        `<cp:lastModifiedBy>${issuer}</cp:lastModifiedBy><cp:revision>1</cp:revision>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created>` +
        `<dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
    },
  ];
}
