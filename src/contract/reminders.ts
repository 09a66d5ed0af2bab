/**
 * The API contract: reminders. A planner runs them for a plan (what each lead unit still owes an
 * open reporting round, told in the app, by email and to the group robot); every signed-in user
 * reads their own unit's in-app reminders and marks them read.
 */
import { z } from 'zod';
import { idSchema } from './common.ts';

export const reminderKindSchema = z.enum(['upcoming', 'due', 'overdue']);
export const reminderChannelSchema = z.enum(['app', 'email', 'webhook']);

/** POST /api/plans/:planId/reminders/run: with dryRun, say what is due but deliver nothing. No body is a real run. */
export const runRemindersBodySchema = z.object({ dryRun: z.boolean().default(false) }).nullish();

/** One reminder due in a run. */
export const reminderSchema = z.object({
  roundId: idSchema,
  unitId: idSchema,
  unitName: z.string(),
  /** The reminder day relative to the deadline (−7 a week before, 1 the day after). */
  offsetDays: z.number().int(),
  kind: reminderKindSchema,
  deadline: z.string(),
  /** Days from the run's day to the deadline (negative once it has passed). */
  daysLeft: z.number().int(),
  owed: z.array(z.object({ itemKey: z.string(), title: z.string() })),
  title: z.string(),
});

/** One delivery of a reminder on one channel. */
export const deliverySchema = z.object({
  channel: reminderChannelSchema,
  roundId: idSchema,
  unitId: idSchema,
  offsetDays: z.number().int(),
  status: z.enum(['sent', 'skipped', 'failed']),
  error: z.string().nullable(),
});

const channelSummarySchema = z.object({
  sent: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
});

/** What a run did. */
export const runRemindersReplySchema = z.object({
  today: z.string(),
  dryRun: z.boolean(),
  channels: z.array(reminderChannelSchema),
  reminders: z.array(reminderSchema),
  deliveries: z.array(deliverySchema),
  summary: z.object({
    app: channelSummarySchema,
    email: channelSummarySchema,
    webhook: channelSummarySchema,
  }),
});
export type RunRemindersReply = z.infer<typeof runRemindersReplySchema>;

/** GET /api/notifications query: only unread ones, and how many. */
export const notificationsQuerySchema = z.object({
  unread: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** An in-app reminder of the signed-in user's unit. Title and body are Chinese, then English. */
export const notificationSchema = z.object({
  id: idSchema,
  unitId: idSchema,
  planId: idSchema.nullable(),
  roundId: idSchema.nullable(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
  abilities: z.object({ markRead: z.boolean() }),
});
export type NotificationReply = z.infer<typeof notificationSchema>;

export const notificationParamsSchema = z.object({ id: idSchema });
