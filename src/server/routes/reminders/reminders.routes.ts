/**
 * Reminders: the planner runs them for a plan (POST /api/plans/:planId/reminders/run), and every
 * signed-in user reads their unit's in-app reminders (GET /api/notifications) and marks them read
 * (POST /api/notifications/:id/read). Delivery settings come from the environment (LANTU_SMTP_URL,
 * LANTU_WEBHOOK_URL…), read at each run so a fixed setting needs no restart.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import {
  notificationParamsSchema,
  notificationSchema,
  notificationsQuerySchema,
  runRemindersBodySchema,
  runRemindersReplySchema,
} from '../../../contract/reminders.ts';
import {
  type RemindersConfig,
  RemindersConfigError,
  remindersConfigFromEnv,
} from '../../../reminders/config.ts';
import { combinedTitle } from '../../../reminders/deliver.ts';
import { appendAudit } from '../../../store/audit.ts';
import { findPlan } from '../../../store/plans.repository.ts';
import {
  findNotification,
  listNotifications,
  markNotificationRead,
  type NotificationRecord,
} from '../../../store/reminders.repository.ts';
import { LantuError, notFound } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { type Actor, authorize, can } from '../../policies/index.ts';
import { auditActor } from '../../services/auditActor.ts';
import { type RunRemindersResult, runReminders } from '../../services/runReminders.ts';

/** An in-app reminder as the API shows it, with what the user may do with it. */
export function presentNotification(n: NotificationRecord, actor: Actor): z.infer<typeof notificationSchema> {
  return {
    ...n,
    abilities: { markRead: n.readAt === null && can(actor, 'notification.markRead', { unitId: n.unitId }) },
  };
}

/** A run as the API shows it: each reminder with its bilingual title, and every delivery. */
export function presentRun(result: RunRemindersResult): z.infer<typeof runRemindersReplySchema> {
  return {
    today: result.today,
    dryRun: result.dryRun,
    channels: result.channels,
    reminders: result.reminders.map((r) => ({
      roundId: r.roundId,
      unitId: r.unitId,
      unitName: r.unitName,
      offsetDays: r.offsetDays,
      kind: r.kind,
      deadline: r.deadline,
      daysLeft: r.daysLeft,
      owed: r.owed,
      title: combinedTitle(r),
    })),
    deliveries: result.deliveries.map((d) => ({
      channel: d.channel,
      roundId: d.roundId,
      unitId: d.unitId,
      offsetDays: d.offsetDays,
      status: d.status,
      error: d.error,
    })),
    summary: result.summary,
  };
}

function settings(): RemindersConfig {
  try {
    return remindersConfigFromEnv(process.env);
  } catch (error) {
    if (error instanceof RemindersConfigError) {
      throw new LantuError('LANTU_INTERNAL', `提醒设置有误 · reminder settings are wrong: ${error.message}`);
    }
    throw error;
  }
}

export async function reminderRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/plans/:planId/reminders/run',
    {
      schema: {
        tags: ['reminders'],
        params: planParamsSchema,
        body: runRemindersBodySchema,
        response: { 200: runRemindersReplySchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'reminder.run', undefined);
      const plan = await findPlan(app.database.db, request.params.planId);
      if (!plan) throw new LantuError('LANTU_PLAN_NOT_FOUND', `plan ${request.params.planId} not found`);
      const result = await runReminders(app.database, {
        config: settings(),
        planId: plan.id,
        dryRun: request.body?.dryRun ?? false,
        actor: auditActor(actor),
        clock: app.clock,
        log: (line) => request.log.warn(line),
      });
      return presentRun(result);
    },
  );

  app.get(
    '/api/notifications',
    {
      schema: {
        tags: ['reminders'],
        querystring: notificationsQuerySchema,
        response: { 200: notificationSchema.array(), ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'notification.read', undefined);
      const list = await listNotifications(app.database.db, actor.unitId, {
        unreadOnly: request.query.unread === 'true',
        limit: request.query.limit,
      });
      return list.map((n) => presentNotification(n, actor));
    },
  );

  app.post(
    '/api/notifications/:id/read',
    {
      schema: {
        tags: ['reminders'],
        params: notificationParamsSchema,
        response: { 200: notificationSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const notification = await findNotification(app.database.db, request.params.id);
      if (!notification) throw notFound(`notification ${request.params.id}`);
      authorize(actor, 'notification.markRead', { unitId: notification.unitId });
      const now = app.clock().toISOString();
      await app.database.db.transaction().execute(async (trx) => {
        // Read once is read: a second click changes nothing and records nothing.
        if (!(await markNotificationRead(trx, notification.id, now))) return;
        await appendAudit(trx, {
          actor: auditActor(actor),
          action: 'notification.read',
          entity: 'notification',
          entityId: notification.id,
          planId: notification.planId,
          before: { readAt: null },
          after: { readAt: now },
          at: now,
        });
      });
      return presentNotification((await findNotification(app.database.db, notification.id))!, actor);
    },
  );
}
