/**
 * Assessments computed from the store: approved values only, against the targets in force for the
 * year assessed (revisions applied), with roll-ups by lead unit beside the engine's own. Never
 * stored as truth: computed on every call.
 */
import type { Plan } from '../../model/plan.ts';
import { assessPlan, type Light, type PlanAssessment } from '../../progress/index.ts';
import type { Executor } from '../../store/database.ts';
import { approvedObservations } from '../../store/observations.repository.ts';
import { listOrgUnits } from '../../store/people.repository.ts';
import { listAssignments, listTargetRevisions } from '../../store/planning.repository.ts';
import { listItems } from '../../store/plans.repository.ts';
import { planWithTargetsInForce, type RevisedTarget } from './targetsInForce.ts';

/** One lead unit's indicators by light. */
export interface UnitRollup {
  unitId: string;
  unitName: string;
  total: number;
  byLight: Record<Light, number>;
  /** Codes of its indicators that are not green. */
  notGreen: string[];
}

export interface StoredAssessment extends PlanAssessment {
  /** Measures judged against a revised target, with the original and the revision. */
  revisedTargets: RevisedTarget[];
  byLeadUnit: UnitRollup[];
}

/** The plan's assessment for a year (default: the latest year with approved data, within the period). */
export async function assessStoredPlan(
  db: Executor,
  planId: string,
  plan: Plan,
  year?: number,
): Promise<StoredAssessment> {
  const [observations, revisions] = await Promise.all([
    approvedObservations(db, planId),
    listTargetRevisions(db, planId),
  ]);
  const latest = observations.reduce((y, o) => (o.year <= plan.period.endYear && o.year > y ? o.year : y), 0);
  const assessedYear = year ?? (latest > 0 ? latest : plan.period.startYear);
  const inForce = planWithTargetsInForce(plan, revisions, assessedYear);
  const result = assessPlan(inForce, observations, { year: assessedYear });
  return {
    ...result,
    revisedTargets: inForce.revisedTargets,
    byLeadUnit: await rollupByLeadUnit(db, planId, result),
  };
}

async function rollupByLeadUnit(db: Executor, planId: string, result: PlanAssessment): Promise<UnitRollup[]> {
  const [items, assignments, units] = await Promise.all([
    listItems(db, planId, 'indicator'),
    listAssignments(db, planId),
    listOrgUnits(db),
  ]);
  const codeOfItem = new Map(items.map((i) => [i.id, i.key.slice('ind:'.length)]));
  const leadOfCode = new Map<string, string>();
  for (const a of assignments) {
    const code = codeOfItem.get(a.itemId);
    if (code !== undefined) leadOfCode.set(code, a.leadUnitId);
  }
  const byUnit = new Map<string, UnitRollup>();
  for (const item of result.summary.items) {
    const unitId = leadOfCode.get(item.indicator);
    if (!unitId) continue;
    let rollup = byUnit.get(unitId);
    if (!rollup) {
      const unit = units.find((u) => u.id === unitId);
      rollup = {
        unitId,
        unitName: unit?.shortName ?? unitId,
        total: 0,
        byLight: { green: 0, yellow: 0, red: 0, grey: 0 },
        notGreen: [],
      };
      byUnit.set(unitId, rollup);
    }
    rollup.total++;
    rollup.byLight[item.light]++;
    if (item.light !== 'green') rollup.notGreen.push(item.indicator);
  }
  return [...byUnit.values()].sort(
    (a, b) => b.byLight.red - a.byLight.red || b.byLight.yellow - a.byLight.yellow || b.total - a.total,
  );
}
