/**
 * Malformed input gives findings or a clear IngestError, never a crash or a hang: random text,
 * mutated plans (lines dropped, duplicated, swapped, cut short), damaged tables, and a 50 MB file.
 */

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IngestError } from '../../src/ingest/errors.ts';
import { ingestPlan } from '../../src/ingest/index.ts';
import { parsePlan } from '../../src/ingest/parse.ts';
import type { SourceDocument } from '../../src/ingest/source.ts';
import type { Plan } from '../../src/model/plan.ts';
import { seedPlan, seedPlanPath, utf8 } from '../helpers.ts';

const seedLines = readFileSync(seedPlanPath, 'utf8').split('\n');

function doc(lines: string[]): SourceDocument {
  return {
    format: 'text',
    encoding: 'utf-8',
    sha256: '0'.repeat(64),
    lines: lines.map((text) => ({ text })),
  };
}

/** Parses, accepting only a Plan or an IngestError; anything else fails the property. */
function parseOrIngestError(lines: string[]): Plan | IngestError {
  try {
    return parsePlan(doc(lines));
  } catch (error) {
    if (error instanceof IngestError) return error;
    throw error;
  }
}

/** Structural invariants every parsed plan keeps, however odd its input. */
function expectConsistent(plan: Plan, lineCount: number): void {
  for (const node of [...plan.indicators, ...plan.commitments, ...plan.findings, ...plan.columns]) {
    expect(node.line).toBeGreaterThanOrEqual(1);
    expect(node.line).toBeLessThanOrEqual(Math.max(lineCount, 1));
  }
  for (const c of plan.commitments) {
    const values = typeof c.value === 'number' ? [c.value] : [c.value.min, c.value.max];
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
  }
  for (const i of plan.indicators) {
    for (const m of i.measures) {
      if (m.baseline.value !== null) expect(Number.isFinite(m.baseline.value)).toBe(true);
      if (m.target.value !== null) expect(Number.isFinite(m.target.value)).toBe(true);
    }
  }
  expect(() => JSON.stringify(plan)).not.toThrow();
}

const plausibleLine = fc.oneof(
  fc.constantFrom(...seedLines),
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    '第一章 总则',
    '第一节 目标',
    '专栏1 项目',
    '1.道路。建设。 2.桥梁。',
    '| 1 | 名称 | % | 1 | 2 | — | 约束性 |',
    '注:[ ]为累计数',
    '类别 | 序号 | 指标 | 单位 | 2020年 | 2025年 | 属性',
  ),
);

describe('random and mutated plans', () => {
  it('random lines never crash the parser', () => {
    fc.assert(
      fc.property(fc.array(plausibleLine, { maxLength: 120 }), (lines) => {
        const result = parseOrIngestError(lines);
        if (!(result instanceof IngestError)) expectConsistent(result, lines.length);
      }),
      { numRuns: 300 },
    );
  });

  it('the seed plan with lines dropped, duplicated, swapped or garbled still parses', () => {
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('drop' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
      fc.record({ kind: fc.constant('dup' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 5 }) }),
      fc.record({ kind: fc.constant('swap' as const), at: fc.nat(), count: fc.nat() }),
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), count: fc.nat({ max: 200 }) }),
      fc.record({ kind: fc.constant('garble' as const), at: fc.nat(), count: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), fc.string(), (mutations, garbage) => {
        const lines = [...seedLines];
        for (const m of mutations) {
          const at = m.at % lines.length;
          if (m.kind === 'drop') lines.splice(at, m.count);
          else if (m.kind === 'dup') lines.splice(at, 0, ...lines.slice(at, at + m.count));
          else if (m.kind === 'swap') {
            const other = m.count % lines.length;
            [lines[at], lines[other]] = [lines[other]!, lines[at]!];
          } else if (m.kind === 'cut') lines[at] = lines[at]!.slice(0, m.count);
          else lines[at] = garbage;
          if (lines.length === 0) lines.push('');
        }
        const result = parseOrIngestError(lines);
        if (!(result instanceof IngestError)) expectConsistent(result, lines.length);
      }),
      { numRuns: 150 },
    );
  });
});

describe('damaged indicator tables', () => {
  const tableStart = seedLines.findIndex((l) => l.startsWith('类别 | 序号'));

  it('a row with a missing cell is a finding naming the row, and the rest still reads', () => {
    const lines = [...seedLines];
    lines[tableStart + 10] = '10 | 地区生产总值(GDP) | 亿元 | 2218.6 | 预期性 |';
    const plan = parsePlan(doc(lines));
    const finding = plan.findings.find((f) => f.kind === 'missing_cell');
    expect(finding?.line).toBe(tableStart + 11);
    expect(finding?.message).toContain('序号10');
    expect(plan.indicators).toHaveLength(37);
    expect(plan.indicators.find((i) => i.code === '10')).toMatchObject({
      binding: false,
      name: '地区生产总值(GDP)',
    });
    expect(plan.indicators.find((i) => i.code === '11')!.measures[0]!.target.value).toBe(2500);
  });

  it('a table cut off halfway keeps the rows it has', () => {
    const lines = [...seedLines.slice(0, tableStart + 15), ...seedLines.slice(tableStart + 40)];
    const plan = parsePlan(doc(lines));
    expect(plan.indicators.map((i) => i.code)).toEqual(Array.from({ length: 14 }, (_, k) => String(k + 1)));
    expect(plan.chapters).toHaveLength(10);
  });
});

describe('unreadable input', () => {
  it('text that is not a plan is a clear error', () => {
    expect(() => ingestPlan(utf8('今天天气很好。\n我们去公园散步。\n'))).toThrow(IngestError);
    try {
      ingestPlan(utf8('hello world'));
    } catch (error) {
      expect((error as IngestError).code).toBe('LANTU_INGEST_NOT_A_PLAN');
      expect((error as IngestError).message).not.toMatch(/\n/);
    }
  });

  it('empty input is a clear error', () => {
    expect(() => ingestPlan(new Uint8Array())).toThrow(/empty/);
  });

  it('50 MB of plan text is read without hanging', () => {
    const chunk = `${seedLines.join('\n')}\n`;
    const times = Math.ceil((50 * 1024 * 1024) / Buffer.byteLength(chunk));
    const bytes = utf8(chunk.repeat(times));
    expect(bytes.length).toBeGreaterThanOrEqual(50 * 1024 * 1024);
    const plan = ingestPlan(bytes);
    expect(plan.chapters.length).toBeGreaterThanOrEqual(10);
    expect(plan.source.lines).toBeGreaterThan(seedLines.length * 400);
  }, 120_000);

  it('one 50 MB line is read without hanging', () => {
    const bytes = utf8(`第一章 总则\n${'到2025年,新建学校3所,'.repeat(2_000_000)}`);
    const plan = ingestPlan(bytes);
    expect(plan.chapters).toHaveLength(1);
  }, 120_000);
});

describe('the seed plan', () => {
  it('parses the same twice (deterministic)', () => {
    expect(parsePlan(doc(seedLines))).toEqual(parsePlan(doc(seedLines)));
    expect(seedPlan().indicators).toHaveLength(37);
  });
});
