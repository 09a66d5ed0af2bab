/**
 * Every action the server writes to the audit log, with the record type (entity) it concerns, in
 * the order the action filter lists them. An action's group is its code before the first dot; the
 * server filters by a group with `action=<group>.` (test/server/audit-filter.test.ts checks that
 * every action the server writes is listed here).
 */
export const AUDIT_ACTIONS = {
  'observation.create': 'observation',
  'observation.edit': 'observation',
  'observation.submit': 'observation',
  'observation.review': 'observation',
  'observation.approve': 'observation',
  'observation.return': 'observation',
  'observation.reopen': 'observation',
  'observation.import': 'observation',
  'observation.template.upload': 'observation',
  'plan.import': 'plan',
  'plan.correct': 'plan',
  'plan.confirm': 'plan',
  'plan.unconfirm': 'plan',
  'plan.publish': 'plan',
  'plan.unpublish': 'plan',
  'assignment.create': 'assignment',
  'assignment.update': 'assignment',
  'assignment.template.upload': 'assignment',
  'round.open': 'reporting_round',
  'round.update': 'reporting_round',
  'round.close': 'reporting_round',
  'round.reopen': 'reporting_round',
  'target.revise': 'target_revision',
  'evaluation.create': 'evaluation',
  'evaluation.narrative': 'evaluation',
  'evaluation.export': 'evaluation',
  'orgUnit.create': 'org_unit',
  'orgUnit.update': 'org_unit',
  'user.create': 'user',
  'user.update': 'user',
  'session.login': 'user',
  'reminders.run': 'reminder',
  'notification.read': 'notification',
  'demo.seed.directory': 'org_unit',
  'demo.seed.assignments': 'assignment',
  'demo.seed.observations': 'observation',
} as const satisfies Record<string, string>;

/** An action code of the log. */
export type AuditAction = keyof typeof AUDIT_ACTIONS;

/** The actions of one group (`observation`: every `observation.*`). */
export interface AuditActionGroup {
  /** The code before the first dot; `${group}.` asks the server for all of them. */
  group: string;
  actions: AuditAction[];
}

/** The known actions by group, those about `entity` only when one is given. */
export function auditActionGroups(entity?: string): AuditActionGroup[] {
  const groups = new Map<string, AuditAction[]>();
  for (const [action, about] of Object.entries(AUDIT_ACTIONS) as [AuditAction, string][]) {
    if (entity && about !== entity) continue;
    const group = action.slice(0, action.indexOf('.'));
    groups.set(group, [...(groups.get(group) ?? []), action]);
  }
  return [...groups].map(([group, actions]) => ({ group, actions }));
}
