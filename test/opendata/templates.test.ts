/** The Excel templates read without a server: dates as people type them, and errors placed by column. */
import { describe, expect, it } from 'vitest';
import {
  assignmentColumnOf,
  buildAssignmentTemplate,
  normaliseDate,
  readAssignmentTemplate,
} from '../../src/opendata/assignmentTemplate.ts';
import {
  buildReportingTemplate,
  readReportingTemplate,
  reportingColumnOf,
} from '../../src/opendata/reportingTemplate.ts';
import { readXlsx } from '../../src/opendata/xlsx.ts';

describe('the assignment template', () => {
  it('reads dates typed in the ways people type them', () => {
    expect(
      ['2025-12-31', '2025/6/30', '2025.6.3', '2025年6月30日', '２０２５－０６－３０'].map(normaliseDate),
    ).toEqual(['2025-12-31', '2025-06-30', '2025-06-03', '2025-06-30', '2025-06-30']);
    expect(normaliseDate('下月底')).toBe('下月底');
  });

  it('round-trips an assignment, and places bulk errors in their columns', async () => {
    const bytes = await buildAssignmentTemplate({
      planTitle: '规划',
      units: [{ code: 'tongji', shortName: '统计局', name: '杭州市上城区统计局' }],
      items: [
        {
          key: 'ind:10',
          kind: 'indicator',
          title: '地区生产总值(GDP)',
          category: '高端产业',
          leadUnit: '统计局',
          coUnits: ['商务局', '发改局'],
          dueDate: '2025-12-31',
          milestones: [{ title: '中期评估', due: '2023-06-30', done: true }],
        },
        {
          key: 'ind:11',
          kind: 'indicator',
          title: '服务业增加值',
          category: null,
          leadUnit: null,
          coUnits: [],
          dueDate: null,
          milestones: [],
        },
      ],
    });
    const read = readAssignmentTemplate(await readXlsx(bytes));
    expect(read.errors).toEqual([]);
    expect(read.rows).toEqual([
      {
        sheetRow: 2,
        title: '地区生产总值(GDP)',
        row: {
          item: 'ind:10',
          leadUnit: '统计局',
          coUnits: ['商务局', '发改局'],
          dueDate: '2025-12-31',
          milestones: [{ title: '中期评估', due: '2023-06-30', done: true }],
        },
      },
    ]);
    expect(['item', 'leadUnit', 'coUnits.1', 'dueDate', 'milestones.0.due'].map(assignmentColumnOf)).toEqual([
      'A',
      'E',
      'F',
      'G',
      'H',
    ]);
  });
});

describe('the reporting template', () => {
  it('round-trips its rows and which round and unit it is for', async () => {
    const bytes = await buildReportingTemplate({
      planTitle: '规划',
      roundTitle: '2025年度填报',
      deadline: '2026-03-31',
      unitName: '统计局',
      meta: { planId: 'p', roundId: 'r', unitId: 'u' },
      rows: [
        {
          key: 'ind:10',
          code: '10',
          title: 'GDP',
          measure: 1,
          measureName: '',
          kind: 'level',
          unit: '亿元',
          lastYear: 2803.5,
          current: { value: 2900, note: '快报', evidence: '', source: '统计局' },
        },
        {
          key: 'task:3.1.1',
          code: '',
          title: '任务',
          measure: 1,
          measureName: '',
          kind: 'progress',
          unit: '%',
          lastYear: null,
          current: null,
        },
      ],
    });
    const read = readReportingTemplate(await readXlsx(bytes));
    expect(read.meta).toEqual({ planId: 'p', roundId: 'r', unitId: 'u' });
    expect(read.empty).toBe(1);
    expect(read.entries).toEqual([
      {
        sheetRow: 2,
        key: 'ind:10',
        title: 'GDP',
        measure: 1,
        kind: 'level',
        unit: '亿元',
        value: 2900,
        note: '快报',
        evidence: '',
        source: '统计局',
      },
    ]);
    expect(['body.value', 'body.unit', 'body.itemId', 'body.kind', undefined].map(reportingColumnOf)).toEqual(
      ['I', 'G', 'A', 'F', null],
    );
  });
});
