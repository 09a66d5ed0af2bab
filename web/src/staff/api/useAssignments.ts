import type { AssignmentReply } from './types.ts';
import { type Query, seg, useQuery } from './useQuery.ts';

/**
 * GET /api/plans/:planId/assignments: every item of the plan with its assignment (lead unit null
 * when it has none yet), scoped by the server to what the caller may read.
 */
export function useAssignments(planId: string | null): Query<AssignmentReply[]> {
  return useQuery<AssignmentReply[]>(planId ? `/api/plans/${seg(planId)}/assignments` : null);
}
