/** Assessments computed from the approved values in the store: never stored as truth. */
import type { Plan } from '../../model/plan.ts';
import { assessPlan, type PlanAssessment } from '../../progress/index.ts';
import type { Executor } from '../../store/database.ts';
import { approvedObservations } from '../../store/observations.repository.ts';

/** The plan's assessment for a year (default: the latest year with approved data). */
export async function assessStoredPlan(
  db: Executor,
  planId: string,
  plan: Plan,
  year?: number,
): Promise<PlanAssessment> {
  const observations = await approvedObservations(db, planId);
  return assessPlan(plan, observations, year === undefined ? {} : { year });
}
