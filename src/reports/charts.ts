/**
 * Charts rendered on the server: Apache ECharts in server-side mode writes SVG (inlined in the
 * HTML report), and resvg turns it into PNG (embedded in the Word report, which cannot rely on
 * SVG). A measure's chart shows the value judged each year (solid), the target path E(y) (dashed),
 * the projection to the end year at the pace so far (dotted) or, for bounds, the target as a level
 * line; the overall chart stacks the indicators of each category by light.
 */
import { Resvg, type ResvgRenderOptions, renderAsync } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { Light } from '../progress/index.ts';
import type { ChartSpec } from './document.ts';
import { type ChartFonts, chartFonts } from './fonts.ts';
import { formatComputed, formatValue } from './format.ts';

/** Light colours shared by the charts and the documents. */
export const LIGHT_COLORS: Readonly<Record<Light, string>> = {
  green: '#2e7d32',
  yellow: '#f2a900',
  red: '#c62828',
  grey: '#9e9e9e',
};

const LIGHT_NAMES: Readonly<Record<Light, string>> = {
  green: '绿灯',
  yellow: '黄灯',
  red: '红灯',
  grey: '灰灯',
};

/** A family name the SVG is written with and each target replaces (CSS stack or raster fonts). */
const FONT_TOKEN = 'LantuChartFont';

/** The CSS font stack of charts in the HTML report. */
export const HTML_FONT_STACK =
  'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, Hiragino Sans GB, sans-serif';

/** Pixel size of a chart in the SVG (the Word report scales it to the column). */
export function chartSize(spec: ChartSpec): { width: number; height: number } {
  if (spec.kind === 'lights') return { width: 640, height: 70 + 34 * spec.groups.length };
  return { width: 360, height: 224 };
}

const BLUE = '#1f5fa8';

function measureOption(spec: Extract<ChartSpec, { kind: 'measure' }>): echarts.EChartsOption {
  const { chart, year } = spec;
  const years = chart.points.map((p) => String(p.year));
  const actual = chart.points.map((p) => ({
    value: p.actual,
    label: { show: p.year === year && p.actual !== null },
  }));
  const series: echarts.SeriesOption[] = [
    {
      name: '实际值',
      type: 'line',
      data: actual,
      connectNulls: false,
      symbol: 'circle',
      symbolSize: 6,
      color: BLUE,
      lineStyle: { width: 2.5, color: BLUE },
      label: { position: 'top', fontSize: 13, color: BLUE, formatter: (p) => formatValue(Number(p.value)) },
      z: 3,
    },
  ];
  if (chart.points.some((p) => p.expected !== null)) {
    series.push({
      name: '目标路径',
      type: 'line',
      data: chart.points.map((p) => p.expected),
      symbol: 'none',
      color: '#6b6b6b',
      lineStyle: { type: 'dashed', width: 1.8, color: '#6b6b6b' },
      z: 2,
    });
  }
  if (chart.points.some((p) => p.bound !== null)) {
    series.push({
      name: '目标值',
      type: 'line',
      data: chart.points.map((p) => p.bound),
      connectNulls: true,
      symbol: 'diamond',
      symbolSize: 7,
      color: LIGHT_COLORS.red,
      lineStyle: { type: 'dashed', width: 1.8, color: LIGHT_COLORS.red },
      z: 2,
    });
  }
  const last = chart.points.find((p) => p.year === year);
  const end = chart.points[chart.points.length - 1]!;
  if (chart.projected !== null && last?.actual != null && end.year > year) {
    series.push({
      name: '期末预测',
      type: 'line',
      data: chart.points.map((p) =>
        p.year === year ? last.actual : p.year === end.year ? chart.projected : null,
      ),
      connectNulls: true,
      symbol: 'emptyCircle',
      symbolSize: 6,
      color: BLUE,
      lineStyle: { type: 'dotted', width: 2, color: BLUE },
      z: 2,
    });
  }
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_TOKEN, fontSize: 14, color: '#333333' },
    grid: { left: 6, right: 22, top: 28, bottom: 40, containLabel: true },
    legend: {
      bottom: 4,
      itemWidth: 20,
      itemHeight: 9,
      itemGap: 8,
      textStyle: { fontFamily: FONT_TOKEN, fontSize: 13, color: '#333333' },
    },
    xAxis: {
      type: 'category',
      data: years,
      boundaryGap: false,
      axisLabel: { fontSize: 13, interval: 0, color: '#333333' },
      axisLine: { lineStyle: { color: '#555555' } },
    },
    yAxis: {
      type: 'value',
      scale: true,
      splitNumber: 4,
      axisLabel: { fontSize: 13, color: '#333333', formatter: (v: number) => formatComputed(v) },
      splitLine: { lineStyle: { color: '#e3e3e3' } },
    },
    series,
  };
}

function lightsOption(spec: Extract<ChartSpec, { kind: 'lights' }>): echarts.EChartsOption {
  const names = spec.groups.map((g) => g.name).reverse();
  const lights: Light[] = ['green', 'yellow', 'red', 'grey'];
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: FONT_TOKEN, fontSize: 14, color: '#333333' },
    grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    legend: { top: 4, itemWidth: 18, itemHeight: 12, textStyle: { fontFamily: FONT_TOKEN, fontSize: 14 } },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { fontSize: 13 },
      splitLine: { lineStyle: { color: '#e3e3e3' } },
    },
    yAxis: { type: 'category', data: names, axisLabel: { fontSize: 14, color: '#333333' } },
    series: lights.map((l) => ({
      name: LIGHT_NAMES[l],
      type: 'bar',
      stack: 'lights',
      barWidth: 20,
      color: LIGHT_COLORS[l],
      label: {
        show: true,
        fontSize: 13,
        color: l === 'yellow' || l === 'grey' ? '#222222' : '#ffffff',
        formatter: (p) => (Number(p.value) > 0 ? String(p.value) : ''),
      },
      data: spec.groups.map((g) => g.byLight[l]).reverse(),
    })),
  };
}

/**
 * The chart as SVG, with every element id and class prefixed by `id` (so two renders of the same
 * chart are identical and many charts can share one page) and without the hover styles a printed
 * report has no use for. Its text uses a placeholder family that htmlSvg or chartPng replace.
 */
export function chartSvg(spec: ChartSpec, id: string): string {
  const { width, height } = chartSize(spec);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(spec.kind === 'measure' ? measureOption(spec) : lightsOption(spec));
    const svg = chart
      .renderToSVGString()
      .replace(/<style\b[\s\S]*?<\/style>/g, '')
      .replace(/\sclass="zr\d+-cls-\d+"/g, '')
      .replace(/\s(ecmeta_\w+|pointer-events)="[^"]*"/g, '');
    // zrender numbers clip paths across every chart of the process: renumber them per chart.
    const ids = new Map<string, string>();
    return svg.replace(/\bzr\d+-c\d+\b/g, (zid) => {
      let mine = ids.get(zid);
      if (!mine) {
        mine = `${id}-c${ids.size}`;
        ids.set(zid, mine);
      }
      return mine;
    });
  } finally {
    chart.dispose();
  }
}

/** The SVG for inlining in HTML: the CSS font stack, no namespace declarations (HTML needs none). */
export function htmlSvg(svg: string, title: string): string {
  return svg
    .replaceAll(FONT_TOKEN, HTML_FONT_STACK)
    .replace(/\s+xmlns(:xlink)?="[^"]*"/g, '')
    .replace(/\s+baseProfile="full"/, '')
    .replace(/^<svg\b/, `<svg role="img" aria-label="${escapeAttribute(title)}"`);
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

const CJK = /[\u3000-\u9fff\uff00-\uffef]/;

/** Outlines of Chinese labels already laid out, by their attributes and text (see outlineCjk). */
const outlines = new Map<string, string>();

function fontOptions(fonts: ChartFonts): ResvgRenderOptions['font'] {
  return fonts.system
    ? { loadSystemFonts: true, defaultFontFamily: fonts.cjkFamily }
    : {
        loadSystemFonts: false,
        fontFiles: fonts.files,
        defaultFontFamily: fonts.cjkFamily,
        sansSerifFamily: fonts.cjkFamily,
      };
}

function attribute(attributes: string, name: string): string | null {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(attributes)?.[1] ?? null;
}

/**
 * Replaces each text node with Chinese characters by its glyph outlines. resvg spends some 8 ms
 * laying out one run of a CJK font, and a report repeats the same few labels (实际值, 目标路径 …)
 * on forty charts: each distinct label is laid out once, at the origin, by resvg itself
 * (`toString()` writes text as paths), and placed where the text stood.
 */
function outlineCjk(svg: string, fonts: ChartFonts): string {
  return svg.replace(/<text\b([^>]*)>([^<]*)<\/text>/g, (whole, attributes: string, text: string) => {
    if (!CJK.test(text)) return whole;
    const x = attribute(attributes, 'x') ?? '0';
    const y = attribute(attributes, 'y') ?? '0';
    const transform = attribute(attributes, 'transform') ?? '';
    const rest = attributes.replace(/\s(x|y|transform)="[^"]*"/g, '').replaceAll(FONT_TOKEN, fonts.cjkFamily);
    const key = `${rest}\u0000${text}`;
    let paths = outlines.get(key);
    if (paths === undefined) {
      const laidOut = new Resvg(
        `<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"><text${rest}>${text}</text></svg>`,
        { font: fontOptions(fonts) },
      ).toString();
      const open = laidOut.indexOf('<g>');
      const close = laidOut.lastIndexOf('</g>');
      paths = open >= 0 && close > open ? laidOut.slice(open + 3, close).trim() : '';
      if (outlines.size > 2000) outlines.clear();
      outlines.set(key, paths);
    }
    return `<g transform="${transform} translate(${x} ${y})">${paths}</g>`;
  });
}

/** The SVG as resvg is to rasterise it: Chinese labels outlined, the rest in the Latin face. */
function rasterSvg(svg: string, fonts: ChartFonts): string {
  return outlineCjk(svg, fonts).replaceAll(FONT_TOKEN, fonts.latinFamily);
}

function rasterOptions(fonts: ChartFonts, scale: number): ResvgRenderOptions {
  return { background: '#ffffff', fitTo: { mode: 'zoom', value: scale }, font: fontOptions(fonts) };
}

/**
 * The chart as PNG at `scale` times its pixel size, white background. Chinese labels become glyph
 * outlines (outlineCjk); numbers and years are set in the Latin face (see fonts.ts for why).
 */
export function chartPng(svg: string, scale = 2): Buffer {
  const fonts = chartFonts();
  return new Resvg(rasterSvg(svg, fonts), rasterOptions(fonts, scale)).render().asPng();
}

/**
 * The same, rasterised on libuv's thread pool, so the next chart's SVG can be drawn on the main
 * thread meanwhile (the outlines of Chinese labels are still made here, once each).
 */
export async function chartPngAsync(svg: string, scale = 2): Promise<Buffer> {
  const fonts = chartFonts();
  const image = await renderAsync(rasterSvg(svg, fonts), rasterOptions(fonts, scale));
  return image.asPng();
}
