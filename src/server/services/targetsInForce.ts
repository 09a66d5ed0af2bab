/**
 * The targets in force for a year (调整修订). A plan's targets may be revised, typically at mid-term,
 * by a decision of the body that approved the plan; the original stays in the plan as printed, and
 * a revision replaces it from its effective year on. Assessments and reports of year y must judge
 * against the target in force in y, and say that it changed. Pure: no I/O, no clock, the inputs are
 * never modified.
 */
import type { Indicator, Measure, Plan, Target } from '../../model/plan.ts';

/** What this function needs of a stored revision. */
export interface TargetRevisionInput {
  id: string;
  indicatorCode: string;
  /** 1-based measure of the indicator. */
  measure: number;
  /** 1-based order among the revisions of the same measure; a later one wins a tie of effective years. */
  revision: number;
  effectiveYear: number;
  target: Target;
  reason: string;
  document: string;
}

/** A measure whose target in force is not the one printed in the plan. */
export interface RevisedTarget {
  indicatorCode: string;
  measure: number;
  /** The target as printed in the plan. */
  original: Target;
  /** The target in force for the year asked about. */
  inForce: Target;
  /** The revision that put it in force. */
  revisionId: string;
  revision: number;
  effectiveYear: number;
  reason: string;
  document: string;
}

/** A plan whose targets are those in force for one year, and which of them were revised. */
export interface PlanWithTargetsInForce extends Plan {
  /** The measures whose target in force differs from the plan as printed. */
  revisedTargets: RevisedTarget[];
}

/**
 * A copy of the plan whose measures carry the targets in force for `year`: for each measure, the
 * revision with the greatest effective year ≤ `year` (the later revision on a tie), or the
 * original when there is none. Revisions of indicators or measures the plan does not have are
 * ignored. Nodes that did not change are shared with the input (treat both as immutable).
 *
 * Example: GDP 3250 亿元 by 2025, revised in 2023 to 3000: for 2022 the plan says 3250 and nothing
 * is revised; for 2023 and later it says 3000 and `revisedTargets` names the revision.
 */
export function planWithTargetsInForce(
  plan: Plan,
  revisions: readonly TargetRevisionInput[],
  year: number,
): PlanWithTargetsInForce {
  const latest = new Map<string, TargetRevisionInput>();
  for (const r of revisions) {
    if (r.effectiveYear > year) continue;
    const key = `${r.indicatorCode}#${r.measure}`;
    const held = latest.get(key);
    if (
      !held ||
      r.effectiveYear > held.effectiveYear ||
      (r.effectiveYear === held.effectiveYear && r.revision > held.revision)
    ) {
      latest.set(key, r);
    }
  }
  const revisedTargets: RevisedTarget[] = [];
  const indicators = plan.indicators.map((indicator): Indicator => {
    let measures: Measure[] | null = null;
    for (let k = 0; k < indicator.measures.length; k++) {
      const r = latest.get(`${indicator.code}#${k + 1}`);
      const m = indicator.measures[k]!;
      if (!r) continue;
      measures ??= [...indicator.measures];
      measures[k] = { ...m, target: r.target };
      revisedTargets.push({
        indicatorCode: indicator.code,
        measure: k + 1,
        original: m.target,
        inForce: r.target,
        revisionId: r.id,
        revision: r.revision,
        effectiveYear: r.effectiveYear,
        reason: r.reason,
        document: r.document,
      });
    }
    return measures ? { ...indicator, measures } : indicator;
  });
  return { ...plan, indicators, revisedTargets };
}
