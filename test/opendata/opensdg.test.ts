/**
 * The Open SDG layout: lantu writes approved values one row per year and disaggregation (Year first,
 * Value last, Units and Series as Open SDG's special columns, empty cells for "all"), and reads the
 * same files back to the same observations.
 */
import { describe, expect, it } from 'vitest';
import { readCsv, toCsv } from '../../src/opendata/csv.ts';
import {
  indicatorOfFileName,
  OPEN_SDG_COLUMNS,
  OPEN_SDG_COMBINED_COLUMNS,
  openSdgFileName,
  openSdgRows,
  type PublishedValue,
  readOpenSdgRecords,
} from '../../src/opendata/opensdg.ts';
import { checkObservations } from '../../src/progress/index.ts';
import { seedPlan } from '../helpers.ts';

const values: PublishedValue[] = [
  {
    indicator: '10',
    measure: 1,
    year: 2022,
    period: null,
    kind: 'level',
    area: null,
    value: 2525,
    unit: '亿元',
    source: '',
    sample: false,
  },
  {
    indicator: '10',
    measure: 1,
    year: 2021,
    period: null,
    kind: 'level',
    area: null,
    value: 2368.8,
    unit: '亿元',
    source: '',
    sample: true,
  },
  {
    indicator: '10',
    measure: 1,
    year: 2022,
    period: null,
    kind: 'growth',
    area: null,
    value: 6.5,
    unit: '%',
    source: '',
    sample: false,
  },
  {
    indicator: '21',
    measure: 2,
    year: 2022,
    period: null,
    kind: 'level',
    area: null,
    value: 4,
    unit: '个',
    source: '',
    sample: false,
  },
  {
    indicator: '32',
    measure: 1,
    year: 2022,
    period: null,
    kind: 'level',
    area: '原江干',
    value: 88,
    unit: '%',
    source: '',
    sample: false,
  },
  {
    indicator: '10',
    measure: 1,
    year: 2023,
    period: 'Q2',
    kind: 'level',
    area: null,
    value: 1300,
    unit: '亿元',
    source: '',
    sample: false,
  },
];

describe('writing the Open SDG layout', () => {
  it('one row per year and disaggregation, Year first and Value last, the headline row with every disaggregation empty', () => {
    const plan = seedPlan();
    const rows = openSdgRows(plan, values, { combined: true });
    expect(OPEN_SDG_COMBINED_COLUMNS[0]).toBe('Year');
    expect(OPEN_SDG_COMBINED_COLUMNS.at(-1)).toBe('Value');
    expect(rows).toEqual([
      [2021, '10', '亿元', '', '', '', '', 2368.8],
      [2022, '10', '亿元', '', '', '', '', 2525],
      [2023, '10', '亿元', '', '', 'Q2', '', 1300],
      [2022, '10', '%', '', '', '', 'growth', 6.5],
      [2022, '21', '个', '重点文化元素基因解码和转化', '', '', '', 4],
      [2022, '32', '%', '', '原江干', '', '', 88],
    ]);
    expect(openSdgRows(plan, values.slice(0, 1), { combined: false })).toEqual([
      [2022, '亿元', '', '', '', '', 2525],
    ]);
  });

  it('names files as Open SDG does, and reads the indicator back from the name', () => {
    expect(openSdgFileName('10')).toBe('indicator_10.csv');
    expect(indicatorOfFileName('/data/indicator_21.csv')).toBe('21');
    expect(indicatorOfFileName('values.csv')).toBeNull();
  });
});

describe('reading the Open SDG layout', () => {
  it('reads back what it wrote: the combined file and a per-indicator file', () => {
    const plan = seedPlan();
    const combined = readCsv(toCsv(OPEN_SDG_COMBINED_COLUMNS, openSdgRows(plan, values, { combined: true })));
    if (!combined.ok) throw new Error(combined.message);
    const read = readOpenSdgRecords(plan, combined.records);
    expect(read.errors).toEqual([]);
    const checked = checkObservations(plan, read.observations);
    expect(checked.errors).toEqual([]);
    const key = (o: {
      indicator: string;
      measure?: number;
      year: number;
      kind?: string;
      area?: string | null;
      period?: string | null;
      value: number;
    }) =>
      `${o.indicator}/${o.measure ?? 1}/${o.year}/${o.kind ?? 'level'}/${o.area ?? ''}/${o.period ?? ''}=${o.value}`;
    expect(checked.observations.map(key).sort()).toEqual(values.map(key).sort());

    const single = readCsv(
      toCsv(
        OPEN_SDG_COLUMNS,
        openSdgRows(
          plan,
          values.filter((v) => v.indicator === '21'),
          { combined: false },
        ),
      ),
    );
    if (!single.ok) throw new Error(single.message);
    const one = readOpenSdgRecords(plan, single.records, { indicator: '21' });
    expect(one.observations).toEqual([
      expect.objectContaining({ indicator: '21', measure: 2, year: 2022, value: 4 }),
    ]);
  });

  it('names Open SDG columns in its messages, refuses disaggregations lantu cannot keep, and skips empty values', () => {
    const text =
      'Year,Indicator,Units,Series,Sex,GeoCode,Value\n2022,21,个,,,,4\n2022,21,个,基因,,,4\n2022,10,亿元,,female,,1\n20x2,10,亿元,,,,1\n2022,10,亿元,,,,\n';
    const csv = readCsv(text);
    if (!csv.ok) throw new Error(csv.message);
    const read = readOpenSdgRecords(seedPlan(), csv.records);
    expect(read.skipped).toBe(1);
    expect(read.errors.map((e) => `${e.line}:${e.column}`)).toEqual([
      '2:Series',
      '3:Series',
      '4:Sex',
      '5:Year',
    ]);
    expect(read.errors[1]!.message).toContain('区级及以上非遗代表项目 / 重点文化元素基因解码和转化');
  });

  it('a file without Year or Value, or without any indicator, is refused at its header', () => {
    const plan = seedPlan();
    const noValue = readCsv('Year,Units\n2022,亿元\n');
    if (!noValue.ok) throw new Error();
    expect(readOpenSdgRecords(plan, noValue.records, { indicator: '10' }).errors).toEqual([
      expect.objectContaining({ line: 1, column: 'Value' }),
    ]);
    const noIndicator = readCsv('Year,Value\n2022,1\n');
    if (!noIndicator.ok) throw new Error();
    expect(readOpenSdgRecords(plan, noIndicator.records).errors[0]!.message).toMatch(/indicator_<code>\.csv/);
  });
});
