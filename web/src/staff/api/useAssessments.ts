import type { PlanAssessment } from './types.ts';
import { type Query, queryString, seg, useQuery } from './useQuery.ts';

/** GET /api/plans/:planId/assessments: every measure judged from approved values, with roll-ups. */
export function useAssessments(planId: string | null, year?: number): Query<PlanAssessment> {
  return useQuery<PlanAssessment>(
    planId ? `/api/plans/${seg(planId)}/assessments${queryString({ year })}` : null,
  );
}
