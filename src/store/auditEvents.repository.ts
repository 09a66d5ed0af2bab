/**
 * Reading the audit log: filtered and paged by seq, newest or oldest first. Writing it is
 * audit.ts's alone (appendAudit), so this file never changes an event.
 */
import { sql } from 'kysely';
import { type AuditEvent, toEvent } from './audit.ts';
import type { Executor } from './database.ts';

/** Which events to read; times are ISO-8601 UTC strings as stored (`at`). */
export interface AuditFilter {
  entity?: string;
  entityId?: string;
  actorId?: string;
  /**
   * An action and the actions under it: `observation` matches `observation` and every
   * `observation.*` (`observation.return`, `observation.template.upload`), never `observations.x`;
   * a trailing dot (`observation.`) means the same.
   */
  action?: string;
  planId?: string;
  /** Events at or after this time. */
  fromAt?: string;
  /** Events strictly before this time. */
  beforeAt?: string;
  /** The last seq already read: continue past it in `order`. */
  after?: number;
  limit: number;
  order: 'asc' | 'desc';
}

/** One page of events in seq order (asc or desc). */
export async function listAuditEvents(db: Executor, filter: AuditFilter): Promise<AuditEvent[]> {
  let query = db.selectFrom('audit_events').selectAll();
  if (filter.entity !== undefined) query = query.where('entity', '=', filter.entity);
  if (filter.entityId !== undefined) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actorId !== undefined) query = query.where('actor_id', '=', filter.actorId);
  if (filter.action !== undefined) {
    const action = filter.action.replace(/\.+$/, '');
    const under = `${action}.`;
    // substr, not LIKE: exact and case-sensitive on both databases, with no wildcard to escape.
    query = query.where((eb) =>
      eb.or([
        eb('action', '=', action),
        eb(sql<string>`substr(action, 1, ${sql.lit(under.length)})`, '=', under),
      ]),
    );
  }
  if (filter.planId !== undefined) query = query.where('plan_id', '=', filter.planId);
  if (filter.fromAt !== undefined) query = query.where('at', '>=', filter.fromAt);
  if (filter.beforeAt !== undefined) query = query.where('at', '<', filter.beforeAt);
  if (filter.after !== undefined)
    query = query.where('seq', filter.order === 'asc' ? '>' : '<', filter.after);
  const rows = await query.orderBy('seq', filter.order).limit(filter.limit).execute();
  return rows.map(toEvent);
}
