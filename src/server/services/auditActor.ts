/** The audit trail's view of an actor: who, in which role and unit. */
import type { AuditActor } from '../../store/audit.ts';
import type { Actor } from '../policies/index.ts';

export function auditActor(actor: Actor): AuditActor {
  return { id: actor.id, name: actor.displayName, role: actor.role, unit: actor.unitShortName };
}
