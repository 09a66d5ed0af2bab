import type { PlanSummary } from './types.ts';
import { type Query, useQuery } from './useQuery.ts';

/** GET /api/plans: the plans of the installation, with what the user may do with each. */
export function usePlans(enabled: boolean): Query<PlanSummary[]> {
  return useQuery<PlanSummary[]>(enabled ? '/api/plans' : null);
}
