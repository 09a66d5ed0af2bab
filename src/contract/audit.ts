/** The API contract: the audit log, read by auditors, administrators and planners. */
import { z } from 'zod';
import { idSchema } from './common.ts';

/** A date (a day in China Standard Time, UTC+8) or an ISO date-time with its offset. */
export const auditTimeSchema = z.union([
  z.iso.date(),
  z.iso.datetime({ offset: true, error: '日期或带时区的时间 · a date or an ISO date-time with offset' }),
]);

export const auditQuerySchema = z.object({
  entity: z.string().min(1).max(64).optional(),
  entityId: z.string().min(1).max(200).optional(),
  actorId: idSchema.optional(),
  /**
   * An action and every action under it: `observation.return` is that action; `observation` (or
   * `observation.`) is every `observation.*` event.
   */
  action: z
    .string()
    .max(64)
    .regex(/^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*)*\.?$/, {
      error:
        '操作代码为以点分隔的英文代码 · an action code, dot-separated (observation.return, observation.)',
    })
    .optional(),
  planId: idSchema.optional(),
  /** From this time (a date: from the start of that day, UTC+8). */
  from: auditTimeSchema.optional(),
  /** Up to this time (a date: to the end of that day, UTC+8). */
  to: auditTimeSchema.optional(),
  /** The last seq of the previous page: the page continues past it in the chosen order. */
  after: z.coerce.number().int().min(0).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  order: z.enum(['desc', 'asc']).default('desc'),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditEventSchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.object({
    id: z.string().nullable(),
    name: z.string().nullable(),
    role: z.string().nullable(),
    unit: z.string().nullable(),
  }),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  planId: z.string().nullable(),
  /** The record as it was (null for a creation), parsed from the stored JSON. */
  before: z.unknown(),
  /** The record as it became. */
  after: z.unknown(),
  prevHash: z.string(),
  hash: z.string(),
});

/** A page of events; `next` is the `after` to ask for the following page, null on the last one. */
export const auditPageSchema = z.object({
  events: z.array(auditEventSchema),
  next: z.number().int().nullable(),
});
