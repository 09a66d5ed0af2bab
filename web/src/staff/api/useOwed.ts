import type { OwedReply } from './types.ts';
import { type Query, queryString, seg, useQuery } from './useQuery.ts';

/** GET /api/plans/:planId/owed: what the user's unit still owes for a year. */
export function useOwed(planId: string | null, year?: number): Query<OwedReply> {
  return useQuery<OwedReply>(planId ? `/api/plans/${seg(planId)}/owed${queryString({ year })}` : null);
}
