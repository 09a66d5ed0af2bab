import type { EvaluationDetailReply } from './types.ts';
import { type Query, seg, useQuery } from './useQuery.ts';

/** GET /api/evaluations/:id: one evaluation with a draft narrative written from its data. */
export function useEvaluation(evaluationId: string | null): Query<EvaluationDetailReply> {
  return useQuery<EvaluationDetailReply>(evaluationId ? `/api/evaluations/${seg(evaluationId)}` : null);
}
