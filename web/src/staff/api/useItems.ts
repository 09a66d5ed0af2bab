import type { Item } from './types.ts';
import { type Query, queryString, seg, useQuery } from './useQuery.ts';

/** GET /api/plans/:planId/items: the plan's items of one kind with their lead and co-operating units. */
export function useItems(planId: string | null, kind?: Item['kind'], mine?: boolean): Query<Item[]> {
  return useQuery<Item[]>(
    planId ? `/api/plans/${seg(planId)}/items${queryString({ kind, mine: mine ? '1' : undefined })}` : null,
  );
}
