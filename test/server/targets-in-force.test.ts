/** planWithTargetsInForce: the target of each measure in force for a year, from the plan and its revisions. */
import { describe, expect, it } from 'vitest';
import type { Target } from '../../src/model/plan.ts';
import {
  planWithTargetsInForce,
  type TargetRevisionInput,
} from '../../src/server/services/targetsInForce.ts';
import { seedPlan } from '../helpers.ts';

function revision(over: Partial<TargetRevisionInput> & { target: Target }): TargetRevisionInput {
  return {
    id: `rev-${Math.random().toString(36).slice(2)}`,
    indicatorCode: '10',
    measure: 1,
    revision: 1,
    effectiveYear: 2023,
    reason: '中期评估调整',
    document: '区人大常委会关于调整上城区国民经济和社会发展第十四个五年规划部分指标的决定',
    ...over,
  };
}

const gdp3000: Target = { year: 2025, kind: 'level', value: 3000 };
const gdp2900: Target = { year: 2025, kind: 'level', value: 2900 };

function targetOf(plan: ReturnType<typeof seedPlan>, code: string, measure = 1): Target {
  return plan.indicators.find((i) => i.code === code)!.measures[measure - 1]!.target;
}

describe('planWithTargetsInForce', () => {
  it('gives the plan as printed when there are no revisions', () => {
    const plan = seedPlan();
    const result = planWithTargetsInForce(plan, [], 2024);
    expect(result.revisedTargets).toEqual([]);
    expect(result.indicators).toEqual(plan.indicators);
    expect(targetOf(result, '10')).toEqual({ year: 2025, kind: 'level', value: 3250 });
  });

  it('applies a revision from its effective year on, and names it', () => {
    const plan = seedPlan();
    const r = revision({ target: gdp3000 });
    expect(targetOf(planWithTargetsInForce(plan, [r], 2022), '10').value).toBe(3250);
    expect(planWithTargetsInForce(plan, [r], 2022).revisedTargets).toEqual([]);
    for (const year of [2023, 2024, 2025]) {
      const result = planWithTargetsInForce(plan, [r], year);
      expect(targetOf(result, '10')).toEqual(gdp3000);
      expect(result.revisedTargets).toEqual([
        {
          indicatorCode: '10',
          measure: 1,
          original: { year: 2025, kind: 'level', value: 3250 },
          inForce: gdp3000,
          revisionId: r.id,
          revision: 1,
          effectiveYear: 2023,
          reason: r.reason,
          document: r.document,
        },
      ]);
    }
  });

  it('takes the revision with the latest effective year not after the year, whatever the input order', () => {
    const plan = seedPlan();
    const first = revision({ target: gdp3000, effectiveYear: 2023, revision: 1 });
    const second = revision({ target: gdp2900, effectiveYear: 2024, revision: 2 });
    for (const list of [
      [first, second],
      [second, first],
    ]) {
      expect(targetOf(planWithTargetsInForce(plan, list, 2022), '10').value).toBe(3250);
      expect(targetOf(planWithTargetsInForce(plan, list, 2023), '10').value).toBe(3000);
      expect(targetOf(planWithTargetsInForce(plan, list, 2025), '10').value).toBe(2900);
    }
  });

  it('breaks a tie of effective years by the later revision', () => {
    const plan = seedPlan();
    const list = [revision({ target: gdp2900, revision: 2 }), revision({ target: gdp3000, revision: 1 })];
    expect(targetOf(planWithTargetsInForce(plan, list, 2024), '10').value).toBe(2900);
  });

  it('revises one measure of a two-measure indicator and leaves the other', () => {
    const plan = seedPlan();
    const r = revision({
      indicatorCode: '21',
      measure: 2,
      target: { year: 2025, kind: 'cumulative', value: 40 },
    });
    const result = planWithTargetsInForce(plan, [r], 2025);
    expect(targetOf(result, '21', 1)).toEqual(targetOf(plan, '21', 1));
    expect(targetOf(result, '21', 2).value).toBe(40);
    expect(result.revisedTargets.map((t) => [t.indicatorCode, t.measure])).toEqual([['21', 2]]);
  });

  it('changes the kind of a target (an external target given a number)', () => {
    const plan = seedPlan();
    const r = revision({
      indicatorCode: '33',
      effectiveYear: 2022,
      target: { year: 2025, kind: 'level', value: 28, comparator: '<=' },
    });
    const result = planWithTargetsInForce(plan, [r], 2023);
    expect(targetOf(result, '33')).toEqual({ year: 2025, kind: 'level', value: 28, comparator: '<=' });
    expect(result.revisedTargets[0]!.original.kind).toBe('external');
  });

  it('ignores revisions of indicators or measures the plan does not have', () => {
    const plan = seedPlan();
    const result = planWithTargetsInForce(
      plan,
      [revision({ indicatorCode: '99', target: gdp3000 }), revision({ measure: 2, target: gdp3000 })],
      2025,
    );
    expect(result.revisedTargets).toEqual([]);
    expect(result.indicators).toEqual(plan.indicators);
  });

  it('never modifies its inputs, and shares what it did not change', () => {
    const plan = seedPlan();
    const before = structuredClone(plan);
    const revisions = [revision({ target: gdp3000 })];
    const revisionsBefore = structuredClone(revisions);
    const result = planWithTargetsInForce(plan, revisions, 2025);
    expect(plan).toEqual(before);
    expect(revisions).toEqual(revisionsBefore);
    expect(result).not.toBe(plan);
    expect(result.indicators).not.toBe(plan.indicators);
    const gdp = plan.indicators.findIndex((i) => i.code === '10');
    expect(result.indicators[gdp]).not.toBe(plan.indicators[gdp]);
    expect(result.indicators[0]).toBe(plan.indicators[0]);
    expect(result.chapters).toBe(plan.chapters);
  });
});
