import type { AuditPage } from './types.ts';
import { type Query, queryString, useQuery } from './useQuery.ts';

/** Filters of the audit log, as GET /api/audit-events takes them. */
export interface AuditFilter {
  entity?: string;
  action?: string;
  actorId?: string;
  planId?: string;
  /** YYYY-MM-DD (from the start of that day, UTC+8). */
  from?: string;
  /** YYYY-MM-DD (to the end of that day, UTC+8). */
  to?: string;
  /** The `next` of the previous page. */
  after?: number;
  limit?: number;
}

/** GET /api/audit-events: a page of the hash-chained audit log, newest first. */
export function useAuditEvents(enabled: boolean, filter: AuditFilter): Query<AuditPage> {
  return useQuery<AuditPage>(enabled ? `/api/audit-events${queryString({ ...filter })}` : null);
}
