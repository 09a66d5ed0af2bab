/**
 * The charts of the static public site, drawn on the server as SVG by Apache ECharts in its
 * server-side mode, so that the pages need no JavaScript and open from a file system: a measure's
 * approved values year by year against its target path (序时进度, dashed) or its bound.
 */
import * as echarts from 'echarts';
import type { Assessment, Light } from '../progress/index.ts';
import { expectedValue } from '../progress/index.ts';

/** Light colours of the site, the same as the portal's. */
export const LIGHT_COLORS: Readonly<Record<Light, string>> = {
  green: '#2e7d32',
  yellow: '#f2a900',
  red: '#c62828',
  grey: '#9e9e9e',
};

/** The CJK font stack the SVG text asks for. */
const FONT = 'Noto Sans CJK SC, Source Han Sans SC, Microsoft YaHei, PingFang SC, sans-serif';
const BLUE = '#1f5fa8';

/** What a measure's chart shows. */
export interface MeasureChart {
  /** The plan's base and end years: the x axis. */
  baseYear: number;
  endYear: number;
  unit: string;
  /** Approved annual levels of the whole plan area, by year. */
  values: { year: number; value: number }[];
  /** The latest assessment of the measure (its baseline, target and path), or null. */
  assessment: Assessment | null;
}

/** Formats a number for a label: at most two decimals, no trailing zeros. */
function label(value: number): string {
  return String(Number(value.toFixed(Math.abs(value) >= 100 ? 1 : 2)));
}

/** The SVG of a measure's chart, `width` × `height` pixels. */
export function measureChartSvg(chart: MeasureChart, width = 560, height = 300): string {
  const years: number[] = [];
  for (let y = chart.baseYear; y <= chart.endYear; y++) years.push(y);
  const byYear = new Map(chart.values.map((v) => [v.year, v.value]));
  const a = chart.assessment;
  const series: echarts.SeriesOption[] = [
    {
      name: '实际值 actual',
      type: 'line',
      data: years.map((y) => byYear.get(y) ?? (y === chart.baseYear ? (a?.baseline ?? null) : null)),
      connectNulls: true,
      symbol: 'circle',
      symbolSize: 7,
      color: BLUE,
      lineStyle: { width: 2.5, color: BLUE },
      label: { show: true, position: 'top', fontSize: 11, formatter: (p) => label(Number(p.value)) },
      z: 3,
    },
  ];
  if (a && a.baseline !== null && a.target !== null && a.path !== null) {
    const span = chart.endYear - chart.baseYear;
    series.push({
      name: '目标路径 target path',
      type: 'line',
      data: years.map((y) => expectedValue(a.path!, a.baseline!, a.target!, (y - chart.baseYear) / span)),
      symbol: 'none',
      color: '#6b6b6b',
      lineStyle: { type: 'dashed', width: 1.8, color: '#6b6b6b' },
      z: 2,
    });
  } else if (a && a.target !== null) {
    series.push({
      name: '目标值 target',
      type: 'line',
      data: years.map(() => a.target),
      symbol: 'none',
      color: LIGHT_COLORS.red,
      lineStyle: { type: 'dashed', width: 1.8, color: LIGHT_COLORS.red },
      z: 2,
    });
  }
  const instance = echarts.init(null as unknown as Parameters<typeof echarts.init>[0], null, {
    renderer: 'svg',
    ssr: true,
    width,
    height,
  });
  try {
    instance.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT, fontSize: 12, color: '#333333' },
      grid: { left: 8, right: 24, top: 36, bottom: 40, containLabel: true },
      legend: { bottom: 4, textStyle: { fontFamily: FONT, fontSize: 12 } },
      xAxis: { type: 'category', data: years.map(String), boundaryGap: false },
      yAxis: { type: 'value', name: chart.unit, scale: true, nameTextStyle: { fontFamily: FONT } },
      series,
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}

/** A horizontal bar of the plan's indicators by light (绿/黄/红/灰), as SVG. */
export function lightsChartSvg(counts: Record<Light, number>, width = 560, height = 90): string {
  const instance = echarts.init(null as unknown as Parameters<typeof echarts.init>[0], null, {
    renderer: 'svg',
    ssr: true,
    width,
    height,
  });
  const names: Record<Light, string> = {
    green: '绿灯 green',
    yellow: '黄灯 yellow',
    red: '红灯 red',
    grey: '灰灯 grey',
  };
  try {
    instance.setOption({
      animation: false,
      backgroundColor: '#ffffff',
      textStyle: { fontFamily: FONT, fontSize: 12 },
      grid: { left: 8, right: 8, top: 8, bottom: 30, containLabel: false },
      legend: { bottom: 0, textStyle: { fontFamily: FONT, fontSize: 12 } },
      xAxis: { type: 'value', show: false, max: Object.values(counts).reduce((n, c) => n + c, 0) || 1 },
      yAxis: { type: 'category', show: false, data: [''] },
      series: (['green', 'yellow', 'red', 'grey'] as const).map((light) => ({
        name: names[light],
        type: 'bar' as const,
        stack: 'lights',
        data: [counts[light]],
        color: LIGHT_COLORS[light],
        barWidth: 26,
        label: { show: counts[light] > 0, color: '#ffffff', fontWeight: 'bold' as const },
      })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
