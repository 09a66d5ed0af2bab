/**
 * Draws a measure's chart with Apache ECharts. This module is loaded only after the first paint
 * (dynamic import) and registers only what it uses: the line chart, grid, tooltip and mark line
 * components and the canvas renderer.
 */
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { type ComposeOption, init, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { ChartLine, ChartModel } from '../chartModel.ts';
import { CHART_COLORS, lineColors, lineDash } from './colors.ts';

use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

type Option = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | MarkLineComponentOption
>;

export interface RenderOptions {
  compact: boolean;
  /** A number with the measure's unit, in the page's locale. */
  formatValue: (value: number) => string;
  /** A bare number for the axis. */
  formatAxis: (value: number) => string;
  formatYear: (year: number) => string;
  sampleLabel: string;
  targetLabel: string;
  fontFamily: string;
}

export interface RenderedChart {
  resize: () => void;
  dispose: () => void;
}

function seriesOf(
  line: ChartLine,
  model: ChartModel,
  options: RenderOptions,
  color: string,
): LineSeriesOption {
  const solid = line.style === 'actual' || line.style === 'area';
  const data = line.values.map((value, k) => {
    if (value === null) return null;
    const isTarget = line.style === 'path' && model.target && model.years[k] === model.target.year;
    if (isTarget) {
      return {
        value,
        symbol: 'diamond',
        symbolSize: options.compact ? 8 : 11,
        itemStyle: { color: CHART_COLORS.target },
        label: {
          show: !options.compact,
          position: 'top' as const,
          align: 'right' as const,
          color: CHART_COLORS.target,
          formatter: `${options.targetLabel} ${options.formatValue(value)}`,
        },
      };
    }
    if (!solid) return { value, symbol: 'none' };
    return {
      value,
      symbol: line.sample[k] ? 'emptyCircle' : 'circle',
      symbolSize: options.compact ? 5 : 7,
    };
  });
  return {
    type: 'line',
    name: line.label,
    data,
    connectNulls: true,
    showSymbol: true,
    color,
    lineStyle: {
      color,
      width: solid ? 2 : 1.5,
      type: lineDash(line.style),
    },
    itemStyle: { color, borderColor: color },
    z: solid ? 3 : 2,
    animation: false,
    emphasis: { disabled: true },
  };
}

/** Draws the model into `element`; the caller resizes and disposes. */
export function renderTrendChart(
  element: HTMLElement,
  model: ChartModel,
  options: RenderOptions,
): RenderedChart {
  const chart = init(element, undefined, { renderer: 'canvas' });
  const colors = lineColors(model);
  const series = model.lines.map((line, k) => seriesOf(line, model, options, colors[k]!));
  if (model.targetLine && series.length > 0) {
    series[0] = {
      ...series[0]!,
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { color: CHART_COLORS.target, type: 'dashed', width: 1.5 },
        label: {
          show: !options.compact,
          position: 'insideEndTop',
          color: CHART_COLORS.target,
          formatter: `${options.targetLabel} ${options.formatValue(model.targetLine.value)}`,
        },
        data: [{ yAxis: model.targetLine.value }],
      },
    };
  }
  const text = { fontFamily: options.fontFamily, color: '#4a5563', fontSize: options.compact ? 10 : 12 };
  const option: Option = {
    animation: false,
    textStyle: { fontFamily: options.fontFamily },
    grid: options.compact
      ? { left: 6, right: 14, top: 12, bottom: 4, containLabel: true }
      : { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: model.years.map(String),
      boundaryGap: false,
      axisLine: { lineStyle: { color: '#9aa4b2' } },
      axisTick: { show: false },
      axisLabel: {
        ...text,
        formatter: (value: string) => options.formatYear(Number(value)),
        ...(options.compact ? { interval: (k: number) => k === 0 || k === model.years.length - 1 } : {}),
      },
    },
    yAxis: {
      type: 'value',
      scale: true,
      // A target line off the values' range would be drawn outside the chart: widen the axis to it.
      ...(model.targetLine ? axisToInclude(model.targetLine.value) : {}),
      splitNumber: options.compact ? 2 : 5,
      splitLine: { lineStyle: { color: '#e6e9ef' } },
      axisLabel: { ...text, formatter: (value: number) => options.formatAxis(value) },
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      textStyle: { fontFamily: options.fontFamily, fontSize: 12, color: '#1f2933' },
      formatter: (params: unknown) => {
        const rows = (Array.isArray(params) ? params : [params]) as {
          dataIndex: number;
          seriesIndex: number;
          seriesName: string;
          marker: string;
        }[];
        const first = rows[0];
        if (!first) return '';
        const year = model.years[first.dataIndex];
        const lines = rows
          .map((row) => {
            const line = model.lines[row.seriesIndex];
            const value = line?.values[row.dataIndex];
            if (!line || value === null || value === undefined) return '';
            const sample = line.sample[row.dataIndex] ? ` <em>(${escapeHtml(options.sampleLabel)})</em>` : '';
            return `${row.marker}${escapeHtml(row.seriesName)}:<b>${escapeHtml(options.formatValue(value))}</b>${sample}`;
          })
          .filter(Boolean);
        return [`<b>${escapeHtml(options.formatYear(year ?? 0))}</b>`, ...lines].join('<br/>');
      },
    },
    series,
  };
  chart.setOption(option);
  return { resize: () => chart.resize(), dispose: () => chart.dispose() };
}

/** Axis bounds that include `value` (a target line) as well as the data, on round numbers. */
function axisToInclude(value: number): {
  min: (extent: { min: number; max: number }) => number;
  max: (extent: { min: number; max: number }) => number;
} {
  const bounds = (extent: { min: number; max: number }): [number, number] => {
    const lo = Math.min(extent.min, value);
    const hi = Math.max(extent.max, value);
    const span = hi - lo || Math.abs(hi) || 1;
    const rough = span / 4;
    const power = 10 ** Math.floor(Math.log10(rough));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
    return [Math.floor(lo / step) * step, Math.ceil(hi / step) * step];
  };
  return { min: (extent) => bounds(extent)[0], max: (extent) => bounds(extent)[1] };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
