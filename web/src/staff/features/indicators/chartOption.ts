/**
 * The ECharts option of an indicator's chart: the target path from the baseline to the target
 * (linear, or geometric for compounding money amounts, as the assessment says), the approved values
 * as points, the projection to the end year dashed, and the target marked; the year axis has half a
 * year of room at either end so labels clear the value axis. Pure: data in, option out.
 */

import type { Assessment } from '../../api/types.ts';
import type { EChartsCoreOption } from '../../components/echarts.ts';

/** One value in a year. */
export interface YearValue {
  year: number;
  value: number;
}

/** What the chart is drawn from. */
export interface ChartInput {
  /** Year of the baseline (y0) and of the target (yT). */
  baseYear: number;
  targetYear: number;
  assessment: Assessment | null;
  /** The kind of the measure's target: an external one (完成市下达目标) has no path, only yearly targets. */
  targetKind: string;
  /** Approved values, one per year. */
  actual: readonly YearValue[];
  /** Targets set by the level above, per year (完成市下达目标). */
  assigned: readonly YearValue[];
  unit: string;
  labels: { path: string; actual: string; projection: string; target: string; assigned: string };
  /** Formats a value for labels and tooltips. */
  format: (value: number) => string;
}

const BLUE = '#1f5fbf';
const PATH = '#8fb3e8';
const TARGET = '#d9363e';

/** Room on the year axis before the baseline year and after the target year, in years. */
export const X_PADDING = 0.5;

/** E(y) on the path: linear B + (T − B)·τ, geometric B·(T/B)^τ. */
export function pathValue(path: 'linear' | 'geometric', b: number, t: number, tau: number): number {
  return path === 'geometric' && b > 0 && t > 0 ? b * (t / b) ** tau : b + (t - b) * tau;
}

/** The option for one measure (and sub-area). */
export function indicatorChartOption(input: ChartInput): EChartsCoreOption {
  const { assessment: a, baseYear: y0, targetYear: yT } = input;
  const series: Record<string, unknown>[] = [];
  const legend: string[] = [];
  const external = input.targetKind === 'external';
  const target = external ? null : (a?.target ?? null);
  const baseline = a?.baseline ?? null;
  const years = Array.from({ length: Math.max(0, yT - y0) + 1 }, (_, n) => y0 + n);

  if (a?.path && baseline !== null && target !== null && yT > y0) {
    const points: [number, number][] = [];
    for (let y = y0; y <= yT; y++)
      points.push([y, pathValue(a.path, baseline, target, (y - y0) / (yT - y0))]);
    series.push({
      name: input.labels.path,
      type: 'line',
      data: points,
      symbol: 'none',
      smooth: false,
      lineStyle: { color: PATH, width: 2 },
      itemStyle: { color: PATH },
      z: 1,
    });
    legend.push(input.labels.path);
  } else if (target !== null) {
    series.push({
      name: input.labels.path,
      type: 'line',
      data: [
        [y0, target],
        [yT, target],
      ],
      symbol: 'none',
      lineStyle: { color: PATH, width: 2, type: [6, 4] },
      itemStyle: { color: PATH },
      z: 1,
    });
    legend.push(input.labels.path);
  }

  const actual = [...input.actual].sort((p, q) => p.year - q.year);
  const withBase =
    baseline !== null && !actual.some((p) => p.year === y0)
      ? [{ year: y0, value: baseline }, ...actual]
      : actual;
  series.push({
    name: input.labels.actual,
    type: 'line',
    data: withBase.map((p) => [p.year, p.value]),
    symbol: 'circle',
    symbolSize: 9,
    lineStyle: { color: BLUE, width: 2 },
    itemStyle: { color: BLUE },
    label: {
      show: true,
      position: 'top',
      color: '#262626',
      formatter: (p: { value: [number, number] }) => input.format(p.value[1]),
    },
    z: 3,
  });
  legend.push(input.labels.actual);

  const last = actual[actual.length - 1];
  if (a?.projected !== null && a?.projected !== undefined && last && last.year < yT) {
    series.push({
      name: input.labels.projection,
      type: 'line',
      data: [
        [last.year, last.value],
        [yT, a.projected],
      ],
      symbol: 'emptyCircle',
      symbolSize: 7,
      lineStyle: { color: BLUE, width: 2, type: 'dashed' },
      itemStyle: { color: BLUE },
      z: 2,
    });
    legend.push(input.labels.projection);
  }

  if (input.assigned.length > 0) {
    series.push({
      name: input.labels.assigned,
      type: 'line',
      data: [...input.assigned].sort((p, q) => p.year - q.year).map((p) => [p.year, p.value]),
      symbol: 'triangle',
      symbolSize: 10,
      lineStyle: { color: '#f0a500', width: 1.5, type: 'dashed' },
      itemStyle: { color: '#f0a500' },
      z: 2,
    });
    legend.push(input.labels.assigned);
  }

  if (target !== null) {
    series.push({
      name: input.labels.target,
      type: 'scatter',
      data: [[yT, target]],
      symbol: 'diamond',
      symbolSize: 16,
      itemStyle: { color: TARGET },
      label: {
        show: true,
        position: 'left',
        color: TARGET,
        fontWeight: 600,
        formatter: () => `${input.labels.target} ${input.format(target)}`,
      },
      z: 4,
    });
    legend.push(input.labels.target);
  }

  return {
    animation: false,
    legend: { data: legend, top: 0, itemWidth: 18, itemHeight: 10 },
    grid: { left: 8, right: 24, top: 56, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: { seriesName: string; value: [number, number] }) =>
        `${p.seriesName}<br/>${p.value[0]}: <b>${input.format(p.value[1])}</b> ${input.unit}`,
    },
    // Half a year of room at each end: the baseline's label, centred over its point, would otherwise
    // sit on the y-axis over its tick labels (80 over 81), and the target's diamond on the edge.
    xAxis: {
      type: 'value',
      // Ticks would fall from the padded minimum (2019.5, 2020.5 …): tick and label the years themselves.
      min: y0 - X_PADDING,
      max: yT + X_PADDING,
      axisLabel: { customValues: years, formatter: (y: number) => String(y) },
      axisTick: { customValues: years },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', scale: true, name: input.unit, nameTextStyle: { align: 'left' } },
    series,
  };
}
