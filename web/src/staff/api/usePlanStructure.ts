import type { Plan } from '../../../../src/model/plan.ts';
import { type Query, seg, useQuery } from './useQuery.ts';

/** GET /api/plans/:planId/structure: the plan as ingest read it (outline, indicators, commitments, findings). */
export function usePlanStructure(planId: string | null): Query<Plan> {
  return useQuery<Plan>(planId ? `/api/plans/${seg(planId)}/structure` : null);
}
