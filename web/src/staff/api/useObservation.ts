import type { ObservationDetailReply } from './types.ts';
import { type Query, seg, useQuery } from './useQuery.ts';

/** GET /api/observations/:id: one value with every revision (who, when, why) and its warnings. */
export function useObservation(id: string | null): Query<ObservationDetailReply> {
  return useQuery<ObservationDetailReply>(id ? `/api/observations/${seg(id)}` : null);
}
