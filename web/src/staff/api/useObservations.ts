import type { ObservationReply, ObservationStatus } from './types.ts';
import { type Query, queryString, seg, useQuery } from './useQuery.ts';

/** Filters of the observation list (a reporter or reviewer always gets its own unit's only). */
export interface ObservationFilter {
  itemId?: string;
  year?: number;
  status?: ObservationStatus;
  unitId?: string;
}

/** GET /api/plans/:planId/observations: values and progress updates, filtered. */
export function useObservations(
  planId: string | null,
  filter: ObservationFilter = {},
): Query<ObservationReply[]> {
  return useQuery<ObservationReply[]>(
    planId
      ? `/api/plans/${seg(planId)}/observations${queryString({
          itemId: filter.itemId,
          year: filter.year,
          status: filter.status,
          unitId: filter.unitId,
        })}`
      : null,
  );
}
