import type { UserReply } from './types.ts';
import { type Query, useQuery } from './useQuery.ts';

/** GET /api/users: the user directory (administrators, planners and auditors read it). */
export function useUsers(enabled: boolean): Query<UserReply[]> {
  return useQuery<UserReply[]>(enabled ? '/api/users' : null);
}
