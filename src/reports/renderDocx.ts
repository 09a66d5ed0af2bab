/**
 * The report as a Word document (.docx), laid out as a bureau hands a report in: a cover, A4 pages
 * with 公文 margins, 仿宋 body text in 三号 with a fixed 28-point line, 黑体 and 楷体 headings, the
 * wide indicator table on landscape pages, tables whose rows never break across pages and whose
 * header rows repeat, charts as PNG two to a row with their captions, and page numbers "— 1 —".
 *
 * Fonts are named as Chinese government documents name them (仿宋_GB2312, 楷体_GB2312, 黑体,
 * 方正小标宋简体); the font table gives each the font Word should use where it is not installed
 * (仿宋, 楷体, 黑体, 宋体), and LibreOffice substitutes by its own table and fontconfig.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Light } from '../progress/index.ts';
import { chartPngAsync, chartSize, chartSvg, LIGHT_COLORS } from './charts.ts';
import type { Block, Cell, ChartSpec, ReportDocument, Row, Run, Section } from './document.ts';
import { documentStyles, FONT, packageOverrides, SIZE } from './docxStyles.ts';

/** Told how far rendering has got: charts done of all, then packing. */
export type ProgressListener = (done: number, total: number, step: string) => void;

/** A4 in twips and the margins of official documents (GB/T 9704: 37, 35, 28, 26 mm). */
const A4 = { width: 11906, height: 16838 } as const;
const MM = 56.7;
const PORTRAIT_MARGIN = {
  top: Math.round(37 * MM),
  bottom: Math.round(35 * MM),
  left: Math.round(28 * MM),
  right: Math.round(26 * MM),
};
const LANDSCAPE_MARGIN = {
  top: Math.round(22 * MM),
  bottom: Math.round(20 * MM),
  left: Math.round(20 * MM),
  right: Math.round(20 * MM),
};
/** Text width in twips, per orientation. */
const TEXT_WIDTH = {
  portrait: A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right,
  landscape: A4.height - LANDSCAPE_MARGIN.left - LANDSCAPE_MARGIN.right,
};

const TINT: Readonly<Record<Light, string>> = {
  green: 'E6F2E7',
  yellow: 'FFF3D1',
  red: 'FBE1E1',
  grey: 'EEEEEE',
};

const hex = (color: string): string => color.replace('#', '').toUpperCase();

function runColor(run: Run): string | undefined {
  if (!run.color) return undefined;
  return run.color === 'muted' ? '666666' : hex(LIGHT_COLORS[run.color]);
}

function textRuns(runs: readonly Run[], options: { size?: number; font?: string; bold?: boolean } = {}) {
  return runs.map(
    (r) =>
      new TextRun({
        text: r.text,
        bold: r.bold || options.bold || undefined,
        color: runColor(r),
        superScript: r.sup || undefined,
        size: options.size,
        font: options.font ? { ascii: FONT.latin, hAnsi: FONT.latin, eastAsia: options.font } : undefined,
      }),
  );
}

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/** Paragraphs of a table cell: a title may hold line breaks (基期值\n（2020年）). */
function cellParagraphs(
  runs: readonly Run[],
  align: Cell['align'],
  size: number,
  font?: string,
  bold?: boolean,
) {
  const lines: Run[][] = [[]];
  for (const run of runs) {
    const parts = run.text.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines[lines.length - 1]!.push({ ...run, text: part });
    });
  }
  return lines.map(
    (line) =>
      new Paragraph({
        style: 'TableText',
        alignment: ALIGN[align ?? 'left'],
        children: textRuns(line, font || bold ? { size, font, bold } : { size }),
      }),
  );
}

function tableBlock(
  block: Extract<Block, { type: 'table' }>,
  orientation: Section['orientation'],
): (Paragraph | Table)[] {
  const size = block.size === 'small' ? SIZE.xiaowu : SIZE.wuhao;
  const total = block.columns.reduce((n, c) => n + c.width, 0);
  const widths = block.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH[orientation]));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map(
      (c, i) =>
        new TableCell({
          width: { size: widths[i]!, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' },
          children: cellParagraphs([{ text: c.title }], 'center', size, FONT.heading),
        }),
    ),
  });
  const rows = block.rows.map((row: Row) => {
    let column = 0;
    return new TableRow({
      cantSplit: true,
      children: row.cells.map((c) => {
        const span = c.span ?? 1;
        const width = widths.slice(column, column + span).reduce((n, w) => n + w, 0);
        const align = c.align ?? block.columns[column]?.align ?? 'left';
        column += span;
        const fill = row.group ? 'F2F2F2' : c.light ? TINT[c.light] : undefined;
        return new TableCell({
          width: { size: width, type: WidthType.DXA },
          columnSpan: span > 1 ? span : undefined,
          verticalAlign: VerticalAlignTable.CENTER,
          shading: fill ? { type: ShadingType.CLEAR, color: 'auto', fill } : undefined,
          children: cellParagraphs(
            c.runs,
            row.group ? 'left' : align,
            size,
            row.group || row.total ? FONT.heading : undefined,
          ),
        });
      }),
    });
  });
  const out: (Paragraph | Table)[] = [
    new Paragraph({ style: 'TableCaption', children: textRuns([{ text: block.caption }]) }),
  ];
  out.push(
    new Table({
      width: { size: TEXT_WIDTH[orientation], type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      borders: {
        top: THIN,
        bottom: THIN,
        left: THIN,
        right: THIN,
        insideHorizontal: THIN,
        insideVertical: THIN,
      },
      margins: { top: 30, bottom: 30, left: 70, right: 70 },
      rows: [header, ...rows],
    }),
  );
  for (const note of block.notes ?? []) out.push(new Paragraph({ style: 'Note', children: textRuns(note) }));
  if (!block.notes?.length) out.push(new Paragraph({ style: 'Note', children: [] }));
  return out;
}

/** A chart's PNG and its size on the page, in pixels at 96 dpi. */
interface PlacedChart {
  png: Buffer;
  width: number;
  height: number;
}

function chartParagraphs(chart: PlacedChart, caption: string, inTable: boolean): Paragraph[] {
  return [
    new Paragraph({
      // Inside a table a keep-with-next would chain every row to the next and push the whole
      // table onto a new page; the row cannot split anyway.
      style: inTable ? 'FigureInTable' : 'Figure',
      children: [
        new ImageRun({
          type: 'png',
          data: chart.png,
          transformation: { width: chart.width, height: chart.height },
          altText: { name: caption, title: caption, description: caption },
        }),
      ],
    }),
    new Paragraph({ style: 'FigureCaption', children: textRuns([{ text: caption }]) }),
  ];
}

function chartsBlock(
  block: Extract<Block, { type: 'charts' }>,
  placed: Map<string, PlacedChart>,
): (Paragraph | Table)[] {
  if (block.wide) return block.charts.flatMap((c) => chartParagraphs(placed.get(c.id)!, c.caption, false));
  const half = Math.floor(TEXT_WIDTH.portrait / 2);
  const rows: TableRow[] = [];
  for (let i = 0; i < block.charts.length; i += 2) {
    const pair = block.charts.slice(i, i + 2);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [0, 1].map(
          (k) =>
            new TableCell({
              width: { size: half, type: WidthType.DXA },
              borders: { top: NONE, bottom: NONE, left: NONE, right: NONE },
              children: pair[k]
                ? chartParagraphs(placed.get(pair[k].id)!, pair[k].caption, true)
                : [new Paragraph({ children: [] })],
            }),
        ),
      }),
    );
  }
  return [
    new Table({
      width: { size: TEXT_WIDTH.portrait, type: WidthType.DXA },
      columnWidths: [half, half],
      layout: TableLayoutType.FIXED,
      borders: {
        top: NONE,
        bottom: NONE,
        left: NONE,
        right: NONE,
        insideHorizontal: NONE,
        insideVertical: NONE,
      },
      margins: { top: 60, bottom: 60, left: 40, right: 40 },
      rows,
    }),
  ];
}

function narrativeBlock(block: Extract<Block, { type: 'narrative' }>): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: textRuns([{ text: block.title }]) }),
  ];
  const paragraphs = block.text
    .split(/\r?\n/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (paragraphs.length > 0) {
    for (const p of paragraphs) out.push(new Paragraph({ style: 'Body', children: textRuns([{ text: p }]) }));
    return out;
  }
  const dashed = { style: BorderStyle.DASHED, size: 8, color: 'C00000' } as const;
  out.push(
    new Table({
      width: { size: TEXT_WIDTH.portrait, type: WidthType.DXA },
      columnWidths: [TEXT_WIDTH.portrait],
      layout: TableLayoutType.FIXED,
      borders: { top: dashed, bottom: dashed, left: dashed, right: dashed },
      margins: { top: 120, bottom: 120, left: 160, right: 160 },
      rows: [
        new TableRow({
          cantSplit: true,
          children: [
            new TableCell({
              width: { size: TEXT_WIDTH.portrait, type: WidthType.DXA },
              shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'FFFBEA' },
              children: [
                new Paragraph({
                  style: 'Placeholder',
                  children: textRuns([
                    {
                      text: `【待填写：${block.title.replace(/^[一二三四五六七八九十]+、/, '')}】`,
                      bold: true,
                    },
                  ]),
                }),
                new Paragraph({ style: 'Placeholder', children: textRuns([{ text: block.hint }]) }),
                new Paragraph({ style: 'Placeholder', children: [] }),
                new Paragraph({ style: 'Placeholder', children: [] }),
                new Paragraph({ style: 'Placeholder', children: [] }),
              ],
            }),
          ],
        }),
      ],
    }),
  );
  return out;
}

function blockElements(
  block: Block,
  orientation: Section['orientation'],
  placed: Map<string, PlacedChart>,
): (Paragraph | Table)[] {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({
          heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
          children: textRuns([{ text: block.text }]),
        }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          style: block.variant === 'note' ? 'Note' : 'Body',
          alignment: block.variant === 'center' ? AlignmentType.CENTER : undefined,
          children: textRuns(block.runs),
        }),
      ];
    case 'table':
      return tableBlock(block, orientation);
    case 'charts':
      return chartsBlock(block, placed);
    case 'narrative':
      return narrativeBlock(block);
  }
}

function coverChildren(doc: ReportDocument): (Paragraph | Table)[] {
  const { cover } = doc;
  const gap = (lines: number) =>
    Array.from({ length: lines }, () => new Paragraph({ style: 'Body', children: [] }));
  const centered = (text: string, style: string) =>
    new Paragraph({ style, alignment: AlignmentType.CENTER, children: textRuns([{ text }]) });
  const out: (Paragraph | Table)[] = [
    ...gap(3),
    centered(cover.planTitle, 'CoverTitle'),
    ...(cover.kindLine ? [centered(cover.kindLine, 'CoverTitle')] : []),
    centered(cover.periodLine, 'CoverSub'),
    ...gap(6),
    centered(cover.issuer, 'CoverInfo'),
    centered(cover.date, 'CoverInfo'),
  ];
  if (cover.sampleNote) {
    out.push(...gap(2));
    const box = { style: BorderStyle.SINGLE, size: 6, color: 'C00000' } as const;
    out.push(
      new Table({
        width: { size: TEXT_WIDTH.portrait, type: WidthType.DXA },
        columnWidths: [TEXT_WIDTH.portrait],
        borders: { top: box, bottom: box, left: box, right: box },
        margins: { top: 100, bottom: 100, left: 160, right: 160 },
        rows: [
          new TableRow({
            cantSplit: true,
            children: [
              new TableCell({
                width: { size: TEXT_WIDTH.portrait, type: WidthType.DXA },
                children: [
                  new Paragraph({
                    style: 'Note',
                    children: textRuns([{ text: cover.sampleNote, color: 'red' }]),
                  }),
                ],
              }),
            ],
          }),
        ],
      }),
    );
  }
  return out;
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['— ', PageNumber.CURRENT, ' —'],
            size: SIZE.sihao,
            font: { ascii: FONT.pageNumber, hAnsi: FONT.pageNumber, eastAsia: FONT.pageNumber },
          }),
        ],
      }),
    ],
  });
}

function pageProperties(orientation: Section['orientation']) {
  return {
    page: {
      size: {
        width: A4.width,
        height: A4.height,
        orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
      },
      margin: {
        ...(orientation === 'landscape' ? LANDSCAPE_MARGIN : PORTRAIT_MARGIN),
        header: Math.round(15 * MM),
        footer: Math.round(18 * MM),
      },
    },
  };
}

/** The chart specs of a document, in order, with their ids. */
export function documentCharts(
  doc: ReportDocument,
): Array<{ id: string; caption: string; spec: ChartSpec; wide: boolean }> {
  return doc.sections.flatMap((s) =>
    s.blocks.flatMap((b) =>
      b.type === 'charts' ? b.charts.map((c) => ({ ...c, wide: b.wide === true })) : [],
    ),
  );
}

/**
 * The report as .docx bytes. Charts are rendered here (SVG, then PNG); `onProgress` hears of each.
 * `createdAt` (ISO) stamps the document properties, so the same evaluation gives the same file.
 */
export async function renderDocx(
  doc: ReportDocument,
  options: { createdAt: string; onProgress?: ProgressListener },
): Promise<Buffer> {
  const charts = documentCharts(doc);
  const placed = new Map<string, PlacedChart>();
  const half = (TEXT_WIDTH.portrait / 2 - 160) / 15;
  const full = TEXT_WIDTH.portrait / 15 - 20;
  let done = 0;
  const pending: Promise<void>[] = [];
  for (const c of charts) {
    const size = chartSize(c.spec);
    const width = Math.round(c.wide ? Math.min(full, size.width) : half);
    const height = Math.round((width * size.height) / size.width);
    // SVGs are drawn here one after another while PNGs are rasterised on the thread pool.
    pending.push(
      chartPngAsync(chartSvg(c.spec, c.id)).then((png) => {
        placed.set(c.id, { png, width, height });
        options.onProgress?.(++done, charts.length, c.caption);
      }),
    );
    if (options.onProgress) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(pending);

  const cover = { properties: { ...pageProperties('portrait') }, children: coverChildren(doc) };
  const body = doc.sections.map((section, i) => ({
    properties: {
      ...pageProperties(section.orientation),
      ...(i === 0
        ? { page: { ...pageProperties(section.orientation).page, pageNumbers: { start: 1 } } }
        : {}),
    },
    footers: { default: pageFooter() },
    children: section.blocks.flatMap((b) => blockElements(b, section.orientation, placed)),
  }));
  const document = new Document({
    title: doc.title,
    creator: doc.cover.issuer || 'lantu',
    description: `${doc.cover.planTitle}${doc.cover.kindLine}`,
    styles: documentStyles(),
    sections: [cover, ...body],
  });
  options.onProgress?.(charts.length, charts.length, '生成 Word 文档');
  return Packer.toBuffer(document, false, packageOverrides(doc, options.createdAt));
}
