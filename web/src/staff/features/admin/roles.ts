/** The roles in the order the users page lists them (filter, forms). */
import type { Role } from '../../api/types.ts';

export const ROLES: readonly Role[] = ['planner', 'reporter', 'reviewer', 'viewer', 'auditor', 'admin'];
