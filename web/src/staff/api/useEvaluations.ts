import type { EvaluationReply } from './types.ts';
import { type Query, seg, useQuery } from './useQuery.ts';

/** GET /api/plans/:planId/evaluations: the plan's evaluations (中期评估 / 总结评估). */
export function useEvaluations(planId: string | null): Query<EvaluationReply[]> {
  return useQuery<EvaluationReply[]>(planId ? `/api/plans/${seg(planId)}/evaluations` : null);
}
