/** The plan's areas (类别) with their indicators by light, as a horizontal stacked bar chart (ECharts). */
import { type ReactNode, useMemo } from 'react';
import type { PlanAssessment } from '../../api/types.ts';
import { EChart } from '../../components/EChart.tsx';
import type { EChartsCoreOption } from '../../components/echarts.ts';
import { LIGHT_COLORS } from '../../components/StatusLight.tsx';
import { useLocale } from '../../i18n/LocaleProvider.tsx';

/** Props of CategoryChart. */
export interface CategoryChartProps {
  categories: PlanAssessment['summary']['categories'];
}

const ORDER = ['green', 'yellow', 'red', 'grey'] as const;

/** Stacked bars, one per area, green to grey. */
export function CategoryChart({ categories }: CategoryChartProps): ReactNode {
  const { t } = useLocale();
  const option = useMemo<EChartsCoreOption>(() => {
    const names = categories.map((c) => c.category).reverse();
    return {
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0, itemWidth: 12, itemHeight: 12, icon: 'circle' },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: names, axisTick: { show: false } },
      series: ORDER.map((light) => ({
        name: t(`light.${light}`),
        type: 'bar',
        stack: 'lights',
        barMaxWidth: 26,
        itemStyle: { color: LIGHT_COLORS[light] },
        label: {
          show: true,
          color: '#fff',
          fontWeight: 600,
          formatter: (p: { value: number }) => (p.value ? String(p.value) : ''),
        },
        data: categories.map((c) => c.byLight[light] ?? 0).reverse(),
      })),
    };
  }, [categories, t]);
  return (
    <EChart
      option={option}
      height={Math.max(200, categories.length * 44 + 60)}
      ariaLabel={t('overview.byCategoryAria')}
      testId="category-chart"
    />
  );
}
