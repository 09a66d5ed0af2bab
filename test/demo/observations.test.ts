/**
 * Demo observations and progress updates for the seed plan: they pass the engine's own checks, keep
 * the real published figures as they are, mark everything else as sample data, and give the
 * dashboard every colour.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import {
  assignLeadUnits,
  type DemoObservation,
  demoObservations,
  demoProgress,
  parsePublishedFigures,
  planItems,
  SAMPLE_SOURCE,
  shangchengDirectory,
  toObservation,
} from '../../src/demo/index.ts';
import { assessPlan, checkObservations, isRateMeasure, readObservations } from '../../src/progress/index.ts';
import { publishedCsvPath, seedPlan } from '../helpers.ts';

const plan = seedPlan();
const years = [2021, 2022, 2023, 2024];
const { figures, errors: publishedErrors } = parsePublishedFigures(readFileSync(publishedCsvPath, 'utf8'));
const rows = demoObservations(plan, figures, { years });

function series(code: string, area: string | null = null, measure = 1): DemoObservation[] {
  return rows.filter(
    (r) => r.indicator === code && r.measure === measure && r.area === area && r.kind !== 'target',
  );
}

/** The rows as an observation CSV, the way a planner would export and re-import them. */
function toCsv(list: readonly DemoObservation[]): string {
  const quote = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = ['indicator,measure,area,year,period,kind,value,unit,status,source,note'];
  for (const r of list) {
    const cells = [r.indicator, r.measure, r.area ?? '', r.year, r.period ?? '', r.kind, r.value, r.unit];
    lines.push([...cells.map(String), r.status ?? '', r.source, r.note ?? ''].map(quote).join(','));
  }
  return `${lines.join('\n')}\n`;
}

describe('demoObservations', () => {
  test('the published CSV reads with its quotes', () => {
    expect(publishedErrors).toEqual([]);
    expect(figures).toHaveLength(8);
    expect(figures[0]).toMatchObject({
      indicator: '10',
      year: 2022,
      value: 2525,
      quote: '预计全年实现地区生产总值2525亿元',
    });
  });

  test('pass the engine checks with zero errors, as records and as a CSV file', () => {
    const checked = checkObservations(plan, rows.map(toObservation));
    expect(checked.errors).toEqual([]);
    expect(checked.observations).toHaveLength(rows.length);
    const read = readObservations(plan, toCsv(rows));
    expect(read.errors).toEqual([]);
    expect(read.observations).toHaveLength(rows.length);
  });

  test('one value per measure (and sub-area) and year, of the kind the target needs', () => {
    for (const indicator of plan.indicators) {
      indicator.measures.forEach((measure, i) => {
        const areas = measure.baseline.byArea ? Object.keys(measure.baseline.byArea) : [null];
        for (const area of areas) {
          const values = series(indicator.code, area, i + 1);
          expect(
            values.map((r) => r.year),
            `${indicator.code}/${i + 1}/${area}`,
          ).toEqual(years);
          const kind = isRateMeasure(measure) ? 'growth' : 'level';
          for (const r of values) expect(r.kind, `${indicator.code} ${r.year}`).toBe(kind);
        }
        const targets = rows.filter((r) => r.indicator === indicator.code && r.kind === 'target');
        if (measure.target.kind === 'external') {
          expect(targets.map((r) => r.year)).toEqual(years);
          for (const t of targets) expect(t.area).toBeNull();
        } else {
          expect(targets).toEqual([]);
        }
      });
    }
    expect(series('32', '原上城')).toHaveLength(4);
    expect(series('33', '原江干')).toHaveLength(4);
  });

  test('the real published figures appear unchanged, with their source, status and quote', () => {
    const real = rows.filter((r) => !r.sample);
    expect(real).toHaveLength(figures.length);
    for (const f of figures) {
      const r = real.find((x) => x.indicator === f.indicator && x.year === f.year)!;
      expect(r).toMatchObject({
        value: f.value,
        unit: f.unit,
        kind: 'level',
        sample: false,
        source: f.source,
        status: f.status,
        quote: f.quote,
      });
      expect(r.source).toMatch(/^https?:\/\/www\.hzsc\.gov\.cn\//);
    }
    expect(real.find((r) => r.indicator === '10' && r.year === 2024)!.value).toBe(2803.5);
  });

  test('every other row is plainly sample data', () => {
    for (const r of rows.filter((x) => x.sample)) {
      expect(r.source).toBe(SAMPLE_SOURCE);
      expect(r.note).toMatch(/示例数据/);
      expect(r.status).toBeNull();
      expect(r.quote).toBeNull();
    }
  });

  test('no row repeats another (indicator, measure, area, year, period, kind)', () => {
    const keys = rows.map((r) => [r.indicator, r.measure, r.area, r.year, r.period, r.kind].join('|'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  test('shapes: running totals never fall, 36 falls, thresholds sit at the bound, percentages stay ≤ 100', () => {
    for (const code of ['3', '4', '14', '17', '19', '29', '30']) {
      const values = series(code).map((r) => r.value);
      expect(
        [...values].sort((a, b) => a - b),
        code,
      ).toEqual(values);
    }
    const deaths = series('36').map((r) => r.value);
    expect([...deaths].sort((a, b) => b - a)).toEqual(deaths);
    expect(deaths[3]!).toBeLessThan(0.0068);
    expect(series('27').at(-1)!.value).toBeGreaterThan(99);
    expect(series('34').at(-1)!.value).toBe(100);
    for (const r of rows) if (r.unit === '%' && r.kind === 'level') expect(r.value).toBeLessThanOrEqual(100);
  });

  test('assessed for 2024, the dashboard shows all four lights', () => {
    const result = assessPlan(plan, checkObservations(plan, rows.map(toObservation)).observations, {
      year: 2024,
    });
    const lights = new Set(result.assessments.map((a) => a.light));
    expect([...lights].sort()).toEqual(['green', 'grey', 'red', 'yellow']);
    const count = (light: string) => result.assessments.filter((a) => a.light === light).length;
    expect(count('green')).toBeGreaterThan(count('yellow'));
    expect(count('red')).toBeLessThanOrEqual(3);
    // The real figures keep their own judgement: GDP 2803.5 lags (c = 0.613 at τ = 0.8).
    expect(result.assessments.find((a) => a.indicator === '10')).toMatchObject({
      status: 'lagging',
      value: 2803.5,
    });
  });

  test('the same every time, and another seed gives other samples but the same real figures', () => {
    expect(demoObservations(plan, figures, { years })).toEqual(rows);
    const other = demoObservations(plan, figures, { years, seed: 'other' });
    expect(other).not.toEqual(rows);
    expect(other.filter((r) => !r.sample)).toEqual(rows.filter((r) => !r.sample));
  });

  test('years outside the period after the base year are left out', () => {
    expect(demoObservations(plan, figures, { years: [2019, 2020] })).toEqual([]);
    expect(new Set(demoObservations(plan, [], { years: [2023] }).map((r) => r.year))).toEqual(
      new Set([2023]),
    );
  });
});

describe('demoProgress', () => {
  const assignments = assignLeadUnits(plan, shangchengDirectory());
  const updates = demoProgress(plan, assignments, years);
  const items = new Map(planItems(plan).map((i) => [i.key, i]));

  test('every column item and task has updates, and nothing else does', () => {
    const keys = new Set(updates.map((u) => u.itemKey));
    const scheduled = [...items.values()].filter((i) => i.type === 'column' || i.type === 'task');
    expect(keys.size).toBe(scheduled.length);
    for (const u of updates) expect(u.itemKey).toMatch(/^(col|task):/);
  });

  test('percent 0–100, never falling, ending at the first 100; investment only for projects', () => {
    const byItem = new Map<string, number[]>();
    for (const u of updates) {
      expect(u.percent).toBeGreaterThanOrEqual(0);
      expect(u.percent).toBeLessThanOrEqual(100);
      expect(u.sample).toBe(true);
      expect(u.narrative).toMatch(/^（示例数据）\d{4}年，“.+”/);
      const project = items.get(u.itemKey)!.kind === 'project';
      expect(u.investment !== undefined).toBe(project);
      byItem.set(u.itemKey, [...(byItem.get(u.itemKey) ?? []), u.percent]);
    }
    for (const [key, percents] of byItem) {
      expect(
        [...percents].sort((a, b) => a - b),
        key,
      ).toEqual(percents);
      expect(percents.slice(0, -1)).not.toContain(100);
    }
  });

  test('德寿宫 is due in 2022, so its updates stop once it is done', () => {
    const dsg = updates.filter((u) => u.itemKey === 'col:1.6');
    expect(dsg.at(-1)!.percent).toBe(100);
    expect(dsg.at(-1)!.year).toBeLessThanOrEqual(2023);
  });

  test('the same every time', () => {
    expect(demoProgress(plan, assignments, years)).toEqual(updates);
  });
});
