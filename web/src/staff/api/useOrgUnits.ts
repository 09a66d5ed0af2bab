import type { OrgUnitReply } from './types.ts';
import { type Query, useQuery } from './useQuery.ts';

/** GET /api/org-units: every org unit, parents first, with its depth in the tree. */
export function useOrgUnits(enabled: boolean): Query<OrgUnitReply[]> {
  return useQuery<OrgUnitReply[]>(enabled ? '/api/org-units' : null);
}
