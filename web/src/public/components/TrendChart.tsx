/**
 * A measure's chart. The page paints first with the chart's words (its aria-label and legend);
 * ECharts is fetched after that paint, and only once the chart scrolls near the screen.
 */
import { type ReactNode, useEffect, useRef, useState } from 'react';
import type { ChartModel } from '../chartModel.ts';
import { CHART_COLORS, lineColors, lineDash } from '../charts/colors.ts';
import type { RenderedChart } from '../charts/renderTrendChart.ts';
import { formatValue, formatWithUnit, formatYear } from '../format.ts';
import { useI18n } from '../I18n.tsx';

type ChartModule = typeof import('../charts/renderTrendChart.ts');
let chartModule: Promise<ChartModule> | null = null;

/** The chart code, fetched once, after the browser has painted. */
function loadChartModule(): Promise<ChartModule> {
  chartModule ??= new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))).then(
    () => import('../charts/renderTrendChart.ts'),
  );
  chartModule.catch(() => {
    chartModule = null;
  });
  return chartModule;
}

const FONT_FAMILY =
  '"PingFang SC", "Hiragino Sans GB", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", system-ui, sans-serif';

export interface TrendChartProps {
  model: ChartModel;
  /** The chart in words (the same as its text equivalent). */
  description: string;
  compact?: boolean;
  /** Whether to print the legend under the chart (small charts share one legend on their page). */
  legend?: boolean;
}

export function TrendChart({
  model,
  description,
  compact = false,
  legend = true,
}: TrendChartProps): ReactNode {
  const { locale, t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'waiting' | 'drawn' | 'failed'>('waiting');

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    let rendered: RenderedChart | null = null;
    let cancelled = false;
    let resizeObserver: ResizeObserver | null = null;
    const draw = (): void => {
      loadChartModule().then(
        ({ renderTrendChart }) => {
          if (cancelled) return;
          rendered = renderTrendChart(element, model, {
            compact,
            formatValue: (v) => formatWithUnit(v, model.unit, locale),
            formatAxis: (v) => formatValue(v, locale),
            formatYear: (y) => formatYear(y, locale),
            sampleLabel: t('chart.sample'),
            targetLabel: t('chart.target'),
            fontFamily: FONT_FAMILY,
          });
          setState('drawn');
          resizeObserver = new ResizeObserver(() => rendered?.resize());
          resizeObserver.observe(element);
        },
        () => !cancelled && setState('failed'),
      );
    };
    let visibility: IntersectionObserver | null = null;
    if ('IntersectionObserver' in window) {
      visibility = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            visibility?.disconnect();
            draw();
          }
        },
        { rootMargin: '300px 0px' },
      );
      visibility.observe(element);
    } else draw();
    return () => {
      cancelled = true;
      visibility?.disconnect();
      resizeObserver?.disconnect();
      rendered?.dispose();
    };
  }, [model, compact, locale, t]);

  return (
    <div className={compact ? 'chart chart-compact' : 'chart'}>
      <div className="chart-canvas" role="img" aria-label={description} data-state={state}>
        {/* ECharts owns this element's children; React's content stays beside it. */}
        <div ref={container} className="chart-host" />
        {state === 'waiting' && (
          <span className="chart-status" aria-hidden="true">
            {t('chart.loading')}
          </span>
        )}
      </div>
      {state === 'failed' && <p className="chart-status">{t('chart.failed')}</p>}
      {legend && <ChartLegend model={model} />}
    </div>
  );
}

/** The legend in HTML (readable, translatable, no extra chart component). */
function ChartLegend({ model }: { model: ChartModel }): ReactNode {
  const { t } = useI18n();
  const hasSample = model.lines.some((l) => l.sample.some(Boolean));
  const colors = lineColors(model);
  return (
    <ul className="chart-legend" aria-label={t('chart.legend')}>
      {model.lines.map((line, k) => (
        <li key={line.id}>
          <span
            className="legend-line"
            aria-hidden="true"
            style={{ borderTopColor: colors[k], borderTopStyle: lineDash(line.style) }}
          />
          {line.label}
        </li>
      ))}
      {(model.target || model.targetLine) && (
        <li>
          <span
            className={model.target ? 'legend-diamond' : 'legend-line'}
            aria-hidden="true"
            style={
              model.target
                ? { backgroundColor: CHART_COLORS.target }
                : { borderTopColor: CHART_COLORS.target, borderTopStyle: 'dashed' }
            }
          />
          {t('chart.target')}
        </li>
      )}
      {hasSample && (
        <li>
          <span className="legend-hollow" aria-hidden="true" />
          {t('chart.legendSample')}
        </li>
      )}
    </ul>
  );
}

/** One legend for many small charts: the kinds of line they draw. */
export function ChartKey(): ReactNode {
  const { t } = useI18n();
  return (
    <ul className="chart-legend chart-key" aria-label={t('chart.legend')}>
      <li>
        <span className="legend-line" aria-hidden="true" style={{ borderTopColor: CHART_COLORS.actual }} />
        {t('chart.actual')}
      </li>
      <li>
        <span
          className="legend-line"
          aria-hidden="true"
          style={{ borderTopColor: CHART_COLORS.path, borderTopStyle: 'dotted' }}
        />
        {t('chart.path')}
      </li>
      <li>
        <span
          className="legend-line"
          aria-hidden="true"
          style={{ borderTopColor: CHART_COLORS.projection, borderTopStyle: 'dashed' }}
        />
        {t('chart.projection')}
      </li>
      <li>
        <span
          className="legend-diamond"
          aria-hidden="true"
          style={{ backgroundColor: CHART_COLORS.target }}
        />
        {t('chart.target')}
      </li>
      <li>
        <span className="legend-hollow" aria-hidden="true" />
        {t('chart.legendSample')}
      </li>
    </ul>
  );
}
