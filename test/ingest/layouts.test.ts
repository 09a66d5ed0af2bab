/**
 * The parser is general: plans of another county, another generation (十五五, 2026-2030) and other
 * layouts (tab-separated, one cell per line, Markdown, HTML and Word tables, 一、/（一） numbering,
 * chapters without sections) read to the same structure.
 */
import { describe, expect, it } from 'vitest';
import { ingestPlan } from '../../src/ingest/index.ts';
import type { Plan } from '../../src/model/plan.ts';
import { utf8 } from '../helpers.ts';
import {
  cellPerLinePlan,
  docxPlan,
  enumeratedPlan,
  htmlPlan,
  markdownPlan,
  TABLE_ROWS,
  tabSeparatedPlan,
} from './fixtures.ts';

const layouts: [string, () => Uint8Array, Plan['source']['format']][] = [
  ['tab-separated text', () => utf8(tabSeparatedPlan()), 'text'],
  ['one cell per line', () => utf8(cellPerLinePlan()), 'text'],
  ['Markdown table', () => utf8(markdownPlan()), 'text'],
  ['HTML page', () => utf8(htmlPlan()), 'html'],
  ['Word document', () => docxPlan(), 'docx'],
];

describe.each(layouts)('a 十五五 plan with its table as %s', (_name, bytes, format) => {
  const plan = ingestPlan(bytes());

  it('reads the header and the 2026-2030 period', () => {
    expect(plan.source.format).toBe(format);
    expect(plan.title).toBe('青溪县国民经济和社会发展第十五个五年规划纲要');
    expect(plan.issuer).toBe('青溪县人民政府');
    expect(plan.issuedOn).toBe('2026-02-10');
    expect(plan.period).toEqual({ baseYear: 2025, startYear: 2026, endYear: 2030, visionYear: null });
  });

  it('reads every indicator with its category', () => {
    expect(plan.indicators.map((i) => [i.category, i.code, i.name, i.unit])).toEqual(
      TABLE_ROWS.map((r) => [r[0], r[1], r[2], r[3]]),
    );
    expect(plan.indicators.filter((i) => i.binding).map((i) => i.code)).toEqual(['6', '7']);
    expect(plan.findings.filter((f) => f.kind === 'missing_cell' || f.kind === 'unreadable_row')).toEqual([]);
  });

  it('types every target', () => {
    const target = (code: string) => plan.indicators.find((i) => i.code === code)!.measures[0]!;
    expect(target('1')).toMatchObject({
      baseline: { year: 2025, value: 520 },
      target: { year: 2030, kind: 'level', value: 700, annualRate: 6 },
    });
    expect(target('3')).toMatchObject({
      baseline: { value: 120, cumulative: true },
      target: { kind: 'cumulative', value: 260 },
    });
    expect(target('4')).toMatchObject({
      direction: 'down',
      target: { kind: 'threshold', value: 5.5, comparator: '<' },
    });
    expect(target('5').target).toMatchObject({ kind: 'relational', relatesTo: '经济增长', comparator: '>=' });
    expect(target('6').target).toMatchObject({ kind: 'external', text: '完成省下达目标' });
    expect(target('7')).toMatchObject({ direction: 'down', target: { kind: 'level', value: 28 } });
  });

  it('reads outline, column box and promises', () => {
    expect(plan.chapters.map((c) => c.title)).toEqual(['发展基础', '建设现代化产业体系', '增进民生福祉']);
    expect(plan.chapters[0]!.sections.map((s) => s.kind)).toEqual(['review', 'goals']);
    expect(plan.chapters[1]!.tasks.map((t) => t.title)).toEqual(['做强先进制造业', '发展现代服务业']);
    expect(plan.columns).toHaveLength(1);
    expect(plan.columns[0]!.items.map((i) => i.title)).toEqual(['青溪智能装备产业园', '物流枢纽']);
    const gdp = plan.commitments.find((c) => c.subject === '地区生产总值');
    expect(gdp).toMatchObject({ quantity: 700, comparator: '>', year: 2030, indicatorCode: '1' });
    expect(plan.commitments.find((c) => /智能工厂/.test(c.subject))).toMatchObject({
      quantity: { min: 5, max: 8 },
      comparator: 'range',
      year: 2030,
    });
    expect(plan.commitments.find((c) => c.subject === '新增学位')).toMatchObject({
      value: 12000,
      unit: '万个',
    });
    // The review section's past figure (2025年…520亿元) is an achievement, not a promise.
    expect(plan.commitments.some((c) => c.line === plan.chapters[0]!.sections[0]!.line + 1)).toBe(false);
  });
});

describe('a plan numbered 一、 with chapters that have no sections', () => {
  const plan = ingestPlan(utf8(enumeratedPlan()));

  it('reads chapters and their tasks', () => {
    expect(plan.chapters.map((c) => [c.number, c.title, c.sections.length])).toEqual([
      [1, '发展基础', 0],
      [2, '重点任务', 0],
      [3, '保障措施', 0],
    ]);
    expect(plan.chapters[1]!.tasks.map((t) => t.title)).toEqual(['推进城市更新', '提升公共服务']);
    expect(plan.period).toMatchObject({ startYear: 2026, endYear: 2030 });
    expect(plan.findings.map((f) => f.kind)).toContain('no_indicator_table');
  });

  it('reads its promises', () => {
    expect(plan.commitments.map((c) => [c.subject, c.value, c.comparator])).toEqual([
      ['老旧小区改造', 120, '='],
      ['新建养老服务中心', 8, '='],
      ['每千人口拥有执业(助理)医师', 4.5, '>='],
    ]);
  });
});
