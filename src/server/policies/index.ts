/**
 * Every permission of lantu, in one place. An action is a typed name; each has exactly one rule,
 * a small pure function of (actor, record). Routes call `authorize` once; replies carry `abilities`
 * computed here, so the web app never re-derives the rules. A route that names no action fails
 * the route-walking test.
 */
import { LantuError } from '../errors.ts';
import {
  type Actor,
  and,
  anyone,
  belongsToUnit,
  isAdmin,
  isAuditor,
  isPlanner,
  isReporter,
  isReviewer,
  or,
  type Rule,
} from './helpers.ts';

export type { Actor } from './helpers.ts';

/** What an observation rule needs to know: whose it is and where it stands in the workflow. */
export interface ObservationFacts {
  unitId: string;
  status: string;
  /** The lead unit (牵头单位) of the value's item, when the caller knows it. */
  leadUnitId?: string | null;
}

const staffReader = or<unknown>(
  isPlanner,
  isReporter,
  isReviewer,
  (a) => a.role === 'viewer',
  isAuditor,
  isAdmin,
);

const rules = {
  'plan.read': anyone,
  'plan.import': isPlanner,
  'plan.publish': isPlanner,
  'plan.revise': isPlanner,
  /** Correcting what ingest read (moving paragraphs, confirming or rejecting commitments): the bureau. */
  'plan.correct': isPlanner,
  'orgUnit.read': anyone,
  'orgUnit.write': or<unknown>(isAdmin, isPlanner),
  'user.read': or<unknown>(isAdmin, isPlanner, isAuditor),
  'user.write': isAdmin,
  'assignment.read': staffReader,
  /** Reporters and reviewers see only the assignments of their own unit (lead or co-operating). */
  'assignment.readAll': or<unknown>(isPlanner, (a) => a.role === 'viewer', isAuditor, isAdmin),
  'assignment.write': isPlanner,
  /** The Excel assignment template (分工方案表): the planner's tool, downloaded and uploaded. */
  'assignment.template': isPlanner,
  'round.read': staffReader,
  'round.write': isPlanner,
  /** A unit's reporting template for a round: its own reporter, or the planner for any unit. */
  'round.template': or<{ unitId: string }>(isPlanner, and<{ unitId: string }>(isReporter, belongsToUnit)),
  'assessment.read': staffReader,
  /** Evaluations (中期/总结评估) and their reports: every staff role reads and downloads them. */
  'evaluation.read': staffReader,
  /** Making an evaluation and writing its narrative is the bureau's (发改局) work. */
  'evaluation.write': isPlanner,
  'audit.read': or<unknown>(isAuditor, isAdmin, isPlanner),
  /** Exporting a table the user already sees as .xlsx: everyone signed in. */
  'export.xlsx': anyone,
  /** Running reminders sends mail and chat messages in the bureau's name: the planner's call. */
  'reminder.run': isPlanner,
  /** Everyone signed in reads their own unit's reminders (the route lists only those). */
  'notification.read': anyone,
  /** Marking read is a write: the unit's own staff, and never an auditor. */
  'notification.markRead': and<{ unitId: string }>(belongsToUnit, (a) => a.role !== 'auditor'),
  /** Reporters see their unit's values; reviewers theirs; planners, viewers and auditors all. */
  'observation.read': or<ObservationFacts>(
    (a) => ['planner', 'viewer', 'auditor', 'admin'].includes(a.role),
    and<ObservationFacts>(
      or<ObservationFacts>(isReporter, isReviewer),
      // Its own unit's values, and a co-operating unit's part of an item the unit leads.
      or<ObservationFacts>(belongsToUnit, (a, r) => r.leadUnitId === a.unitId),
    ),
  ),
  /** Only the owning unit's reporter writes, and only while the value is a draft or was returned. */
  'observation.write': and<ObservationFacts>(isReporter, belongsToUnit, (_, r) =>
    ['draft', 'returned'].includes(r.status),
  ),
  'observation.submit': and<ObservationFacts>(isReporter, belongsToUnit, (_, r) =>
    ['draft', 'returned'].includes(r.status),
  ),
  /** The unit's reviewer passes or returns a submitted value; the planner approves a reviewed one. */
  'observation.review': and<ObservationFacts>(isReviewer, belongsToUnit, (_, r) => r.status === 'submitted'),
  'observation.approve': and<ObservationFacts>(isPlanner, (_, r) => r.status === 'reviewed'),
  'observation.return': or<ObservationFacts>(
    and<ObservationFacts>(isReviewer, belongsToUnit, (_, r) => r.status === 'submitted'),
    and<ObservationFacts>(isPlanner, (_, r) => r.status === 'submitted' || r.status === 'reviewed'),
  ),
  /**
   * A correction of an approved value (统计数据修订): the owning unit's reporter, or the planner,
   * reopens it with a reason; the approved value stays in force until the corrected one is approved.
   */
  'observation.reopen': and<ObservationFacts>(
    or<ObservationFacts>(and<ObservationFacts>(isReporter, belongsToUnit), isPlanner),
    (_, r) => r.status === 'approved',
  ),
} satisfies Record<string, Rule<never>>;

export type Action = keyof typeof rules;
type RecordOf<A extends Action> = Parameters<(typeof rules)[A]>[1];

/** All actions, for the permission matrix test. */
export const ACTIONS = Object.keys(rules) as Action[];

/** Whether the actor may do the action to the record. */
export function can<A extends Action>(actor: Actor, action: A, record: RecordOf<A>): boolean {
  return (rules[action] as Rule<RecordOf<A>>)(actor, record);
}

/** Throws 403 unless the actor may do the action. */
export function authorize<A extends Action>(actor: Actor, action: A, record: RecordOf<A>): void {
  if (!can(actor, action, record)) {
    throw new LantuError(
      'LANTU_FORBIDDEN',
      `not allowed: ${action} (role ${actor.role}, unit ${actor.unitShortName})`,
    );
  }
}

/** The abilities the web app shows buttons for, for one observation. */
export function observationAbilities(actor: Actor, facts: ObservationFacts): ObservationAbilities {
  return {
    edit: can(actor, 'observation.write', facts),
    submit: can(actor, 'observation.submit', facts),
    review: can(actor, 'observation.review', facts),
    approve: can(actor, 'observation.approve', facts),
    return: can(actor, 'observation.return', facts),
    reopen: can(actor, 'observation.reopen', facts),
  };
}

/** What the web app may offer on one observation. */
export interface ObservationAbilities {
  edit: boolean;
  submit: boolean;
  review: boolean;
  approve: boolean;
  return: boolean;
  reopen: boolean;
}
