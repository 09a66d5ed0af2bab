/**
 * One ECharts chart in a div that follows its container's width (phones included). The option is
 * applied whole on every change; the chart is disposed with the component.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { type EChartsCoreOption, type EChartsType, init } from './echarts.ts';

/** Props of EChart. */
export interface EChartProps {
  option: EChartsCoreOption;
  /** Height in pixels. */
  height: number;
  /** What the chart shows, for screen readers (the numbers are in the table beside it). */
  ariaLabel: string;
  /** A test id for end-to-end tests. */
  testId?: string;
}

/** Draws the option on a canvas. */
export function EChart({ option, height, ariaLabel, testId }: EChartProps): ReactNode {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);

  useEffect(() => {
    const el = element.current;
    if (!el) return;
    const instance = init(el, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return (
    <div
      ref={element}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      style={{ width: '100%', height }}
    />
  );
}
