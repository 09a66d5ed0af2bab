/**
 * The seed plan (Shangcheng 14th FYP) read as it is: every fact the ingest issue lists.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Commitment, Indicator } from '../../src/model/plan.ts';
import { publishedCsvPath, repoRoot, seedPlan, seedPlanPath } from '../helpers.ts';

const plan = seedPlan();
const indicator = (code: string): Indicator => {
  const found = plan.indicators.find((i) => i.code === code);
  if (!found) throw new Error(`no indicator ${code}`);
  return found;
};
const commitment = (subject: string | RegExp, year?: number | null): Commitment => {
  const found = plan.commitments.find(
    (c) =>
      (typeof subject === 'string' ? c.subject === subject : subject.test(c.subject)) &&
      (year === undefined || c.year === year),
  );
  if (!found) throw new Error(`no commitment ${subject}`);
  return found;
};

describe('seed data', () => {
  it('is a byte-for-byte copy of the shared files when they are present', () => {
    const shared = join(repoRoot, '../shared');
    if (!existsSync(shared)) return;
    expect(readFileSync(seedPlanPath)).toEqual(readFileSync(join(shared, 'plans/shangcheng-14th-fyp.txt')));
    expect(readFileSync(publishedCsvPath)).toEqual(
      readFileSync(join(shared, 'data/shangcheng-published.csv')),
    );
  });
});

describe('header', () => {
  it('reads title, issuer, date and period', () => {
    expect(plan.title).toBe('杭州市上城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要');
    expect(plan.issuer).toBe('杭州市上城区人民政府');
    expect(plan.issuedOn).toBe('2022-03-02');
    expect(plan.period).toEqual({ baseYear: 2020, startYear: 2021, endYear: 2025, visionYear: 2035 });
    expect(plan.source.format).toBe('text');
    expect(plan.source.encoding).toBe('utf-8');
    expect(plan.source.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('outline', () => {
  it('follows the table of contents: 10 chapters, 35 sections', () => {
    expect(plan.chapters).toHaveLength(10);
    expect(plan.chapters.map((c) => c.sections.length)).toEqual([5, 3, 3, 5, 3, 3, 3, 3, 3, 4]);
    expect(plan.chapters[2]!.title).toBe('打造改革创新的生力军');
  });

  it('knows which 12 section headings are missing from the body', () => {
    const missing = plan.chapters.flatMap((c) =>
      c.sections.filter((s) => !s.foundInBody).map((s) => `${c.number}.${s.number}`),
    );
    expect(missing).toEqual([
      '4.1',
      '6.2',
      '6.3',
      '7.1',
      '7.2',
      '7.3',
      '8.1',
      '8.2',
      '8.3',
      '9.1',
      '9.2',
      '9.3',
    ]);
    const findings = plan.findings.filter((f) => f.kind === 'missing_heading');
    expect(findings).toHaveLength(12);
    // Chapter 4 section 1 stands between the chapter's introduction (line 168) and section 2 (line 172).
    const first = findings[0]!;
    expect(first.message).toContain('打造全国一流的新金融创新中心');
    expect([first.line, first.lineEnd]).toEqual([169, 171]);
    for (const f of findings) expect(f.lineEnd).toBeGreaterThanOrEqual(f.line);
  });

  it('puts every missing section inside its chapter, in order, without overlap', () => {
    for (const chapter of plan.chapters) {
      let previousEnd = chapter.line;
      for (const s of chapter.sections) {
        expect(s.line).toBeGreaterThan(previousEnd - 1);
        expect(s.lineEnd).toBeLessThanOrEqual(chapter.lineEnd);
        previousEnd = s.lineEnd;
      }
    }
  });

  it('reads tasks from paragraph titles', () => {
    const s31 = plan.chapters[2]!.sections[0]!;
    expect(s31.tasks[0]).toMatchObject({ title: '加快构筑人才高地', line: 148 });
    expect(s31.tasks.map((t) => t.title)).toEqual([
      '加快构筑人才高地',
      '提升应用创新能力',
      '优化创业创新生态',
    ]);
    // A chapter whose section headings are all missing still gets its tasks, split over its sections.
    const ch7 = plan.chapters[6]!;
    expect(ch7.sections.flatMap((s) => s.tasks.map((t) => t.title))).toEqual([
      '集约利用生产资源',
      '大力发展生态经济',
      '促进生活绿色转型',
      '推进生态环境修复',
      '强化生态系统保护',
      '建设绿色生态城区',
      '多措并举促天蓝',
      '综合施策促水清',
      '多管齐下促土净',
    ]);
    expect(ch7.sections[0]!.tasks.map((t) => t.title)).toEqual([
      '集约利用生产资源',
      '大力发展生态经济',
      '促进生活绿色转型',
    ]);
    expect(ch7.intro[0]!.text).toMatch(/^践行“两山”理念/);
  });

  it('reads the review of the last plan as achievements, not tasks', () => {
    const review = plan.chapters[0]!.sections[0]!;
    expect(review.kind).toBe('review');
    expect(review.tasks).toHaveLength(0);
    expect(review.achievements.map((a) => a.title)).toContain('综合实力跃上新台阶');
    expect(plan.chapters[0]!.sections.map((s) => s.kind)).toEqual([
      'review',
      'context',
      'vision',
      'guidance',
      'goals',
    ]);
  });
});

describe('columns', () => {
  it('reads the 9 boxes with their items', () => {
    expect(plan.columns.map((c) => c.items.length)).toEqual([6, 4, 2, 3, 4, 9, 3, 4, 4]);
    expect(plan.columns[0]).toMatchObject({ number: 1, title: '标志性项目', chapter: 2, section: 3 });
    expect(plan.columns[8]!.title).toBe('“平安上城”建设工程');
    expect(plan.columns[0]!.items[0]).toMatchObject({
      number: 1,
      title: '江河汇综合体',
      kind: 'project',
      line: 144,
    });
    expect(plan.columns[0]!.items[0]!.text).toMatch(
      /^江河汇综合体。依托钱塘江、大运河两大世界级水体.*新地标。$/,
    );
    expect(plan.columns[5]!.items[0]!.title).toBe('道路建设');
    expect(plan.columns[5]!.items[0]!.text).toContain('快速路:沪杭甬高速抬升');
    expect(plan.columns[1]!.items.every((i) => i.kind === 'action')).toBe(true);
    // Every item's text is whole: it does not run into the next item's number.
    for (const col of plan.columns)
      for (const item of col.items) expect(item.text).not.toMatch(/\s\d{1,2}\.\S+。/);
  });
});

describe('indicator table', () => {
  it('reads all 37 indicators with their categories', () => {
    expect(plan.indicators.map((i) => i.code)).toEqual(Array.from({ length: 37 }, (_, k) => String(k + 1)));
    const category = (code: number): string => indicator(String(code)).category;
    for (let k = 1; k <= 9; k++) expect(category(k)).toBe('改革引领');
    for (let k = 10; k <= 17; k++) expect(category(k)).toBe('高端产业');
    for (let k = 18; k <= 22; k++) expect(category(k)).toBe('宋韵文化');
    for (let k = 23; k <= 30; k++) expect(category(k)).toBe('品质生活');
    for (let k = 31; k <= 37; k++) expect(category(k)).toBe('精细治理');
  });

  it('knows which indicators are binding', () => {
    expect(plan.indicators.filter((i) => i.binding).map((i) => i.code)).toEqual([
      '1',
      '2',
      '30',
      '31',
      '32',
      '33',
      '34',
      '35',
      '36',
    ]);
  });

  it('reads plain levels and cumulative totals', () => {
    expect(indicator('10')).toMatchObject({
      name: '地区生产总值(GDP)',
      unit: '亿元',
      binding: false,
      cumulative: false,
    });
    expect(indicator('10').measures).toEqual([
      {
        unit: '亿元',
        direction: 'up',
        baseline: { year: 2020, value: 2218.6 },
        target: { year: 2025, kind: 'level', value: 3250 },
      },
    ]);
    const patents = indicator('3');
    expect(patents.cumulative).toBe(true);
    expect(patents.measures[0]!.baseline).toEqual({ year: 2020, value: 474, cumulative: true });
    expect(patents.measures[0]!.target).toEqual({ year: 2025, kind: 'cumulative', value: 800 });
  });

  it('makes every odd cell meaningful', () => {
    // 13: 亿元,% with a baseline, no level target, 5% a year.
    expect(indicator('13').unit).toBe('亿元,%');
    expect(indicator('13').measures).toEqual([
      {
        unit: '亿元',
        direction: 'up',
        baseline: { year: 2020, value: 187.1 },
        target: { year: 2025, kind: 'growth', value: null, annualRate: 5 },
      },
    ]);
    // 21: two measures.
    const heritage = indicator('21').measures;
    expect(heritage).toHaveLength(2);
    expect(heritage[0]).toMatchObject({
      name: '区级及以上非遗代表项目',
      baseline: { value: 163, cumulative: true },
      target: { kind: 'cumulative', value: 190 },
    });
    expect(heritage[1]).toMatchObject({
      name: '重点文化元素基因解码和转化',
      baseline: { value: 0 },
      target: { kind: 'cumulative', value: 35 },
    });
    // 24: stated against GDP growth.
    expect(indicator('24').measures[0]!.target).toMatchObject({
      kind: 'relational',
      relatesTo: '经济增长',
      comparator: '>',
      text: '高于经济增长',
    });
    // 27: >99 is a bound to hold.
    expect(indicator('27').measures[0]!.target).toEqual({
      year: 2025,
      kind: 'threshold',
      value: 99,
      comparator: '>',
    });
    // 30: a cumulative fall of 6 percentage points.
    expect(indicator('30').measures[0]).toMatchObject({
      unit: '百分点',
      direction: 'up',
      target: { kind: 'cumulative', value: 6 },
    });
    // 31-33: the city sets the target; 32 and 33 have a baseline per former district.
    for (const code of ['31', '32', '33']) {
      expect(indicator(code).measures[0]!.target).toMatchObject({
        kind: 'external',
        value: null,
        text: '完成市下达目标',
      });
    }
    expect(indicator('32').measures[0]!.baseline).toEqual({
      year: 2020,
      value: null,
      byArea: { 原上城: 86.6, 原江干: 87.4 },
    });
    expect(indicator('33').measures[0]!.baseline.byArea).toEqual({ 原上城: 31.1, 原江干: 27.1 });
    expect(indicator('33').measures[0]!.direction).toBe('down');
    expect(indicator('33').unit).toBe('微克/立方米');
    // 34: 100 → 100 is held, not reached.
    expect(indicator('34').measures[0]!.target).toMatchObject({
      kind: 'threshold',
      value: 100,
      comparator: '>=',
    });
    // 36: a falling target.
    expect(indicator('36').measures[0]).toMatchObject({
      unit: '人/亿元',
      direction: 'down',
      baseline: { value: 0.0068 },
      target: { kind: 'level', value: 0.0035 },
    });
    // 22 and 37: no baseline.
    expect(indicator('22').measures[0]!.baseline.value).toBeNull();
    expect(indicator('37').measures[0]).toMatchObject({
      baseline: { value: null },
      target: { kind: 'level', value: 99 },
    });
    // 12 and 16: growth rates only.
    expect(indicator('12').measures[0]!.target).toMatchObject({ kind: 'growth', annualRate: 8 });
    expect(indicator('16').measures[0]!.target).toMatchObject({ kind: 'growth', annualRate: 9.5 });
  });

  it('keeps the line each row came from', () => {
    expect(indicator('1').line).toBe(89);
    expect(indicator('23').line).toBe(112);
    expect(indicator('37').line).toBe(126);
  });
});

describe('commitments', () => {
  it('reads the promises the issue names', () => {
    expect(commitment('新建幼儿园')).toMatchObject({
      quantity: 34,
      unit: '所',
      value: 34,
      year: 2025,
      line: 231,
    });
    expect(commitment('新引进全球青年人才')).toMatchObject({
      quantity: 8,
      unit: '万名',
      value: 80000,
      year: 2025,
    });
    expect(commitment(/硕士研究生/)).toMatchObject({ quantity: 1.5, unit: '万名', value: 15000 });
    expect(commitment('省级公共海外仓')).toMatchObject({ quantity: 15, unit: '个', year: 2025 });
    expect(commitment(/聚能工厂/)).toMatchObject({
      quantity: { min: 1, max: 2 },
      unit: '家',
      comparator: 'range',
      year: 2025,
    });
    expect(commitment(/老旧小区改造/)).toMatchObject({
      quantity: 700,
      unit: '万平方米',
      value: 7000000,
      comparator: 'about',
    });
    expect(commitment(/在外过渡户安置/)).toMatchObject({
      quantity: 1.6,
      unit: '万户',
      value: 16000,
      comparator: '>',
    });
    expect(commitment('重大慢病过早死亡率')).toMatchObject({ quantity: 8.5, unit: '%', comparator: '<=' });
    expect(commitment('因灾经济损失占GDP比重')).toMatchObject({ quantity: 0.3, unit: '%', comparator: '<=' });
    expect(commitment('居民健康素养', 2035)).toMatchObject({ quantity: 45, comparator: '>=' });
    expect(commitment('居民健康素养', 2025)).toMatchObject({ quantity: 41.5, comparator: '>=' });
  });

  it('traces each promise to its exact clause', () => {
    const lines = readFileSync(seedPlanPath, 'utf8').split('\n');
    for (const c of plan.commitments) {
      expect(lines[c.line - 1]!.slice(c.start, c.end)).toBe(c.text);
    }
  });

  it('links promises that restate a table indicator', () => {
    expect(commitment('城区绿化覆盖率').indicatorCode).toBe('35');
    expect(commitment('国家级高新技术企业').indicatorCode).toBe('3');
    expect(commitment('税收超亿元楼宇').indicatorCode).toBe('17');
    expect(commitment('新建幼儿园').indicatorCode).toBeNull();
  });
});

describe('findings about the plan itself', () => {
  it('finds the same quantity promised twice with different values', () => {
    const f = plan.findings.filter((x) => x.kind === 'contradiction');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('41.5');
    expect(f[0]!.message).toContain('40');
    expect([f[0]!.line, ...(f[0]!.relatedLines ?? [])]).toEqual([236, 245]);
  });

  it('finds a narrative level the table growth rate does not reach', () => {
    const f = plan.findings.filter((x) => x.kind === 'unreachable_level');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('240');
    expect(f[0]!.message).toContain('238.8');
    expect(f[0]!.relatedLines).toEqual([101]);
  });

  it('finds a unit that differs between table and text', () => {
    const f = plan.findings.filter((x) => x.kind === 'unit_mismatch');
    expect(f).toHaveLength(1);
    expect(f[0]!.message).toContain('个');
    expect(f[0]!.message).toContain('张');
    expect(f[0]!.line).toBe(239);
  });
});
