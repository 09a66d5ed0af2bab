/** Signing in and out. Login is rate-limited per client; a wrong name or password gives one answer. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { loginBodySchema, meSchema } from '../../../contract/auth.ts';
import { errorReplies } from '../../../contract/common.ts';
import { appendAudit } from '../../../store/audit.ts';
import { findUserForLogin, listOrgUnits } from '../../../store/people.repository.ts';
import { LantuError } from '../../errors.ts';
import { verifyPassword } from '../../passwords.ts';
import { endSession, requireActor, startSession } from '../../plugins/auth.ts';

export async function authRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: app.config.loginAttemptsPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: loginBodySchema,
        response: { 200: meSchema, ...errorReplies, 429: errorReplies[400] },
      },
    },
    async (request, reply) => {
      const user = await findUserForLogin(app.database.db, request.body.username);
      const ok = user?.active ? await verifyPassword(request.body.password, user.passwordHash) : false;
      if (!user || !ok)
        throw new LantuError('LANTU_BAD_CREDENTIALS', '用户名或密码错误 · wrong username or password');
      const csrfToken = await startSession(app, reply, user.id);
      const unit = (await listOrgUnits(app.database.db)).find((u) => u.id === user.orgUnitId)!;
      await app.database.db.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: { id: user.id, name: user.displayName, role: user.role, unit: unit.shortName },
          action: 'session.login',
          entity: 'user',
          entityId: user.id,
          at: app.clock().toISOString(),
        }),
      );
      return {
        id: user.id,
        username: user.username,
        displayName: user.displayName,
        role: user.role as z.infer<typeof meSchema>['role'],
        unit: { id: unit.id, name: unit.name, shortName: unit.shortName },
        csrfToken,
      };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], response: { 204: z.null(), ...errorReplies } } },
    async (request, reply) => {
      requireActor(request);
      await endSession(app, request, reply);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], response: { 200: meSchema, ...errorReplies } } },
    async (request) => {
      const actor = requireActor(request);
      return {
        id: actor.id,
        username: actor.username,
        displayName: actor.displayName,
        role: actor.role,
        unit: { id: actor.unitId, name: actor.unitName, shortName: actor.unitShortName },
        csrfToken: request.session!.csrfToken,
      };
    },
  );
}
