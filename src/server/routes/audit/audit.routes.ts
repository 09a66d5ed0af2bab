/** The audit log: every mutation, who made it and what changed, filtered and paged by seq. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  type AuditQuery,
  type auditEventSchema,
  auditPageSchema,
  auditQuerySchema,
} from '../../../contract/audit.ts';
import { errorReplies } from '../../../contract/common.ts';
import type { AuditEvent } from '../../../store/audit.ts';
import { listAuditEvents } from '../../../store/auditEvents.repository.ts';
import { requireActor } from '../../plugins/auth.ts';
import { authorize } from '../../policies/index.ts';

/** An event as the API shows it: before and after parsed back from their stored JSON. */
export function presentAuditEvent(e: AuditEvent): z.infer<typeof auditEventSchema> {
  return {
    seq: e.seq,
    at: e.at,
    actor: { id: e.actorId, name: e.actorName, role: e.actorRole, unit: e.actorUnit },
    action: e.action,
    entity: e.entity,
    entityId: e.entityId,
    planId: e.planId,
    before: e.before === null ? null : JSON.parse(e.before),
    after: e.after === null ? null : JSON.parse(e.after),
    prevHash: e.prevHash,
    hash: e.hash,
  };
}

/**
 * The query's time window as stored times (UTC ISO strings): a date means that whole day in China
 * Standard Time (UTC+8, the users' day); a date-time means that instant, `to` included.
 */
export function auditWindow(query: Pick<AuditQuery, 'from' | 'to'>): { fromAt?: string; beforeAt?: string } {
  const isDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);
  const window: { fromAt?: string; beforeAt?: string } = {};
  if (query.from)
    window.fromAt = new Date(isDate(query.from) ? `${query.from}T00:00:00+08:00` : query.from).toISOString();
  if (query.to) {
    const end = isDate(query.to)
      ? new Date(`${query.to}T00:00:00+08:00`).getTime() + 86_400_000
      : new Date(query.to).getTime() + 1;
    window.beforeAt = new Date(end).toISOString();
  }
  return window;
}

export async function auditRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/audit-events',
    {
      schema: {
        tags: ['audit'],
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'audit.read', undefined);
      const { from, to, limit, ...filter } = request.query;
      // One more than asked tells whether another page follows.
      const events = await listAuditEvents(app.database.db, {
        ...filter,
        ...auditWindow({ from, to }),
        limit: limit + 1,
      });
      const page = events.slice(0, limit);
      return {
        events: page.map(presentAuditEvent),
        next: events.length > limit ? page[page.length - 1]!.seq : null,
      };
    },
  );
}
