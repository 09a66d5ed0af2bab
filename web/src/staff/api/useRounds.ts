import type { RoundReply } from './types.ts';
import { type Query, seg, useQuery } from './useQuery.ts';

/** GET /api/plans/:planId/rounds: the plan's reporting rounds, open and closed. */
export function useRounds(planId: string | null): Query<RoundReply[]> {
  return useQuery<RoundReply[]>(planId ? `/api/plans/${seg(planId)}/rounds` : null);
}
