/**
 * The audit trail: append-only events in a hash chain. Each event's hash covers its content and
 * the previous event's hash, so changing, removing or reordering any stored event breaks every
 * link after it. Appending locks the chain head row (a row lock in PostgreSQL, the write lock in
 * SQLite), so concurrent transactions from several server instances extend one chain in order.
 */
import { createHash } from 'node:crypto';
import type { Executor } from './database.ts';

/** Who did it: the acting user and the role and unit they acted in (null actor for the system). */
export interface AuditActor {
  id: string | null;
  name: string | null;
  role: string | null;
  unit: string | null;
}

/** One change to record. `before`/`after` are the record as it was and became (null for create/delete). */
export interface AuditInput {
  actor: AuditActor;
  action: string;
  entity: string;
  entityId: string | null;
  planId?: string | null;
  before?: unknown;
  after?: unknown;
  at: string;
}

export interface AuditEvent {
  seq: number;
  at: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: string | null;
  actorUnit: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  planId: string | null;
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

/** The system actor, for changes made by the CLI or at start-up (demo data, migrations). */
export const SYSTEM_ACTOR: AuditActor = { id: null, name: 'system', role: 'system', unit: null };

/** The hash of an event: SHA-256 over its fields in a fixed order, the previous hash last. */
export function eventHash(e: Omit<AuditEvent, 'hash'>): string {
  const fields = [
    e.seq,
    e.at,
    e.actorId,
    e.actorName,
    e.actorRole,
    e.actorUnit,
    e.action,
    e.entity,
    e.entityId,
    e.planId,
    e.before,
    e.after,
    e.prevHash,
  ];
  return createHash('sha256').update(JSON.stringify(fields)).digest('hex');
}

/** Appends one event inside the caller's transaction; returns it. */
export async function appendAudit(trx: Executor, input: AuditInput): Promise<AuditEvent> {
  // Taking the head first (UPDATE locks the row) serialises writers before anything is computed.
  const head = await trx
    .updateTable('audit_head')
    .set((eb) => ({ seq: eb('seq', '+', 1) }))
    .where('id', '=', 1)
    .returning(['seq', 'hash'])
    .executeTakeFirstOrThrow();
  const event: Omit<AuditEvent, 'hash'> = {
    seq: head.seq,
    at: input.at,
    actorId: input.actor.id,
    actorName: input.actor.name,
    actorRole: input.actor.role,
    actorUnit: input.actor.unit,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId,
    planId: input.planId ?? null,
    before: input.before === undefined || input.before === null ? null : JSON.stringify(input.before),
    after: input.after === undefined || input.after === null ? null : JSON.stringify(input.after),
    prevHash: head.hash,
  };
  const hash = eventHash(event);
  await trx.updateTable('audit_head').set({ hash }).where('id', '=', 1).execute();
  await trx
    .insertInto('audit_events')
    .values({
      seq: event.seq,
      at: event.at,
      actor_id: event.actorId,
      actor_name: event.actorName,
      actor_role: event.actorRole,
      actor_unit: event.actorUnit,
      action: event.action,
      entity: event.entity,
      entity_id: event.entityId,
      plan_id: event.planId,
      before: event.before,
      after: event.after,
      prev_hash: event.prevHash,
      hash,
    })
    .execute();
  return { ...event, hash };
}

/** The outcome of checking the chain: intact, or the first broken link and why. */
export type ChainCheck =
  | { ok: true; events: number; head: string }
  | { ok: false; events: number; brokenAt: number; reason: string };

/** Walks the whole chain in order and recomputes every hash. */
export async function verifyAuditChain(db: Executor, pageSize = 5000): Promise<ChainCheck> {
  let expectedPrev = '0'.repeat(64);
  let expectedSeq = 1;
  let count = 0;
  for (;;) {
    const rows = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    for (const row of rows) {
      const event = toEvent(row);
      if (event.seq !== expectedSeq) {
        return { ok: false, events: count, brokenAt: expectedSeq, reason: `event ${expectedSeq} is missing` };
      }
      if (event.prevHash !== expectedPrev) {
        return {
          ok: false,
          events: count,
          brokenAt: event.seq,
          reason: `event ${event.seq} does not follow event ${event.seq - 1}`,
        };
      }
      if (eventHash(event) !== event.hash) {
        return {
          ok: false,
          events: count,
          brokenAt: event.seq,
          reason: `event ${event.seq} was altered after it was written`,
        };
      }
      expectedPrev = event.hash;
      expectedSeq++;
      count++;
    }
    if (rows.length < pageSize) break;
  }
  const head = await db
    .selectFrom('audit_head')
    .select(['seq', 'hash'])
    .where('id', '=', 1)
    .executeTakeFirst();
  if (head && (head.seq !== count || head.hash !== expectedPrev)) {
    return {
      ok: false,
      events: count,
      brokenAt: count + 1,
      reason: `the chain ends at event ${count} but its head says ${head.seq}: events were removed from the end`,
    };
  }
  return { ok: true, events: count, head: expectedPrev };
}

/** Maps a stored row to an event. */
export function toEvent(row: {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_unit: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  plan_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}): AuditEvent {
  return {
    seq: Number(row.seq),
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    actorRole: row.actor_role,
    actorUnit: row.actor_unit,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    planId: row.plan_id,
    before: row.before,
    after: row.after,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
