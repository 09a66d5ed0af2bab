/**
 * The workspace's pages: their addresses, menu entries and which roles see them. The roles follow
 * the server's policies (src/server/policies/index.ts): the menu only offers what the role may
 * read; buttons inside pages follow the `abilities` of each reply.
 */
import type { Role } from './api/types.ts';

/** The pages of the menu. */
export type PageKey =
  | 'overview'
  | 'indicators'
  | 'items'
  | 'reporting'
  | 'review'
  | 'evaluations'
  | 'planText'
  | 'adminPlan'
  | 'assignments'
  | 'adminRounds'
  | 'adminUsers'
  | 'adminUnits'
  | 'audit';

const STAFF: readonly Role[] = ['planner', 'reporter', 'reviewer', 'viewer', 'auditor', 'admin'];

/** Who sees each page (assessment.read and plan.read: all staff; owed values: reporters; review: reviewers and planners…). */
export const PAGE_ROLES: Record<PageKey, readonly Role[]> = {
  overview: STAFF,
  indicators: STAFF,
  items: STAFF,
  reporting: ['reporter'],
  review: ['reviewer', 'planner'],
  evaluations: STAFF,
  planText: STAFF,
  adminPlan: ['planner', 'admin'],
  /** assignment.readAll: everyone who reads every unit's assignments; only the planner edits (abilities). */
  assignments: ['planner', 'admin', 'auditor', 'viewer'],
  adminRounds: ['planner', 'admin'],
  adminUsers: ['admin', 'planner', 'auditor'],
  adminUnits: ['admin', 'planner'],
  audit: ['auditor', 'admin', 'planner'],
};

/** The address of each page. */
export const PAGE_PATHS: Record<PageKey, string> = {
  overview: '/app/overview',
  indicators: '/app/indicators',
  items: '/app/items/task',
  reporting: '/app/reporting',
  review: '/app/review',
  evaluations: '/app/evaluations',
  planText: '/app/plan-text',
  adminPlan: '/app/admin/plan',
  assignments: '/app/admin/assignments',
  adminRounds: '/app/admin/rounds',
  adminUsers: '/app/admin/users',
  adminUnits: '/app/admin/units',
  audit: '/app/admin/audit',
};

/** Whether a role sees a page. */
export function mayVisit(role: Role, page: PageKey): boolean {
  return PAGE_ROLES[page].includes(role);
}

/** Where a user lands after signing in: a reporter on what they owe, everyone else on the overview. */
export function homePath(role: Role): string {
  return role === 'reporter' ? PAGE_PATHS.reporting : PAGE_PATHS.overview;
}

/** The menu key of a path (the page it belongs to), for highlighting. */
export function pageOfPath(path: string): PageKey {
  const bare = path.split('?')[0]!;
  const entries = Object.entries(PAGE_PATHS) as [PageKey, string][];
  if (bare.startsWith('/app/items')) return 'items';
  let best: PageKey = 'overview';
  let length = 0;
  for (const [key, prefix] of entries) {
    if ((bare === prefix || bare.startsWith(`${prefix}/`)) && prefix.length > length) {
      best = key;
      length = prefix.length;
    }
  }
  return best;
}

/**
 * Whether a role reads every unit's values (observation.read: planners, leadership, auditors,
 * administrators); reporters and reviewers read only their own unit's.
 */
export function readsEveryUnit(role: Role): boolean {
  return role === 'planner' || role === 'viewer' || role === 'auditor' || role === 'admin';
}
