/**
 * The indicator pages' pure parts: sorting with the rows that have no number last in both
 * directions (as antd's table applies a sorter), a compound indicator's rows named by measure, and
 * the chart's year axis leaving room for the first value's label.
 */
import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract/items.ts';
import type { Assessment, PlanAssessment } from '../../web/src/staff/api/types.ts';
import { indicatorChartOption, X_PADDING } from '../../web/src/staff/features/indicators/chartOption.ts';
import { compareNullsLast, indicatorRows } from '../../web/src/staff/features/indicators/indicatorRows.ts';
import { measureName, measuresOf } from '../../web/src/staff/features/indicators/targetText.ts';

/** Sorts as antd's Table does: the sorter's result, reversed for a descending sort. */
function tableSort(values: (number | null)[], order: 'ascend' | 'descend'): (number | null)[] {
  return [...values].sort((a, b) => {
    const result = compareNullsLast(a, b, order);
    return order === 'ascend' ? result : -result;
  });
}

describe('compareNullsLast', () => {
  it('puts the rows without a number last, ascending and descending', () => {
    const values = [0.8, null, 0.2, 1.1, null, 0.5];
    expect(tableSort(values, 'ascend')).toEqual([0.2, 0.5, 0.8, 1.1, null, null]);
    expect(tableSort(values, 'descend')).toEqual([1.1, 0.8, 0.5, 0.2, null, null]);
  });
});

const t = (key: string, vars?: Record<string, string | number>): string =>
  key === 'common.measure' ? `分项${vars?.n}` : key;

const item = (code: string, measures: Record<string, unknown>[]): Item =>
  ({
    id: `id-${code}`,
    kind: 'indicator',
    leadUnit: null,
    indicator: { code, unit: '个', binding: false, cumulative: false, measures },
  }) as unknown as Item;

const assessment = (code: string, measure: number, area?: string): Assessment =>
  ({ indicator: code, measure, ...(area ? { area } : {}), status: 'no_data', light: 'grey' }) as Assessment;

describe('a compound indicator', () => {
  const heritage = item('21', [
    { name: '区级及以上非遗代表项目', unit: '个', direction: 'up' },
    { name: '重点文化元素基因解码和转化', unit: '个', direction: 'up' },
  ]);

  it('names its measures from the table, else by number', () => {
    const measures = measuresOf(heritage);
    expect(measureName(measures, 2, t)).toBe('重点文化元素基因解码和转化');
    expect(measureName(measuresOf(item('9', [{ unit: '%' }, { unit: '%' }])), 2, t)).toBe('分项2');
  });

  it('gets a row per measure, each saying which measure it is; areas say their area', () => {
    const plan = {
      summary: {
        items: [
          {
            indicator: '21',
            name: '非遗',
            category: '文化',
            binding: false,
            status: 'no_data',
            light: 'grey',
          },
          {
            indicator: '32',
            name: '优良天数',
            category: '生态',
            binding: true,
            status: 'no_data',
            light: 'grey',
          },
        ],
      },
      assessments: [
        assessment('21', 1),
        assessment('21', 2),
        assessment('32', 1, '原上城'),
        assessment('32', 1, '原江干'),
      ],
    } as unknown as PlanAssessment;
    const rows = indicatorRows(plan, [heritage, item('32', [{ unit: '%' }])]);
    expect(rows.map((r) => r.part)).toEqual([undefined, undefined]);
    expect(rows[0]!.children!.map((r) => r.part)).toEqual([
      { measure: { n: 1, name: '区级及以上非遗代表项目' }, area: null },
      { measure: { n: 2, name: '重点文化元素基因解码和转化' }, area: null },
    ]);
    expect(rows[1]!.children!.map((r) => r.part)).toEqual([
      { measure: null, area: '原上城' },
      { measure: null, area: '原江干' },
    ]);
  });
});

describe('the indicator chart', () => {
  it('leaves half a year before the baseline and after the target, labelling the years', () => {
    const option = indicatorChartOption({
      baseYear: 2020,
      targetYear: 2025,
      assessment: null,
      targetKind: 'external',
      actual: [
        { year: 2020, value: 80 },
        { year: 2021, value: 86.6 },
      ],
      assigned: [],
      unit: '%',
      labels: { path: 'p', actual: 'a', projection: 'j', target: 't', assigned: 's' },
      format: String,
    }) as { xAxis: { min: number; max: number; axisLabel: { customValues: number[] } } };
    expect(X_PADDING).toBeGreaterThan(0);
    expect(option.xAxis).toMatchObject({ min: 2020 - X_PADDING, max: 2025 + X_PADDING });
    expect(option.xAxis.axisLabel.customValues).toEqual([2020, 2021, 2022, 2023, 2024, 2025]);
  });
});
