/** The vocabulary policies are written in: who the actor is and how they relate to a record. */
import type { Role } from '../../contract/common.ts';

/** The signed-in user acting on a request. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  unitId: string;
  unitName: string;
  unitShortName: string;
}

/** A rule: may this actor do this to this record? Records are plain facts the rule needs. */
export type Rule<R = undefined> = (actor: Actor, record: R) => boolean;

export const isPlanner: Rule<unknown> = (a) => a.role === 'planner';
export const isReporter: Rule<unknown> = (a) => a.role === 'reporter';
export const isReviewer: Rule<unknown> = (a) => a.role === 'reviewer';
export const isAuditor: Rule<unknown> = (a) => a.role === 'auditor';
export const isAdmin: Rule<unknown> = (a) => a.role === 'admin';
/** Staff who may read the whole plan (everyone signed in reads the plan itself). */
export const anyone: Rule<unknown> = () => true;

/** The record belongs to the actor's own unit. */
export const belongsToUnit: Rule<{ unitId: string }> = (a, r) => a.unitId === r.unitId;

export function or<R>(...rules: Rule<R>[]): Rule<R> {
  return (a, r) => rules.some((rule) => rule(a, r));
}

export function and<R>(...rules: Rule<R>[]): Rule<R> {
  return (a, r) => rules.every((rule) => rule(a, r));
}
