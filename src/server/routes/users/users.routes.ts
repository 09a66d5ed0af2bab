/** Users: staff accounts, managed by administrators. No reply carries a password or its hash. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReplies } from '../../../contract/common.ts';
import {
  createUserBodySchema,
  type UserReply,
  updateUserBodySchema,
  userParamsSchema,
  userQuerySchema,
  userSchema,
} from '../../../contract/directory.ts';
import {
  findUserWithUnit,
  listUsersWithUnits,
  type UserWithUnit,
} from '../../../store/directory.repository.ts';
import { notFound } from '../../errors.ts';
import { hashPassword } from '../../passwords.ts';
import { requireActor } from '../../plugins/auth.ts';
import { type Actor, authorize, can } from '../../policies/index.ts';
import { createUser, updateUser } from '../../services/editUser.ts';

/** A user as the API shows them: the fields are listed one by one, so nothing else can slip out. */
export function presentUser(user: UserWithUnit, actor: Actor): UserReply {
  return {
    id: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as UserReply['role'],
    orgUnitId: user.orgUnitId,
    unit: user.unit,
    active: user.active,
    version: user.version,
    createdAt: user.createdAt,
    abilities: { edit: can(actor, 'user.write', undefined) },
  };
}

export async function userRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/users',
    {
      schema: {
        tags: ['directory'],
        querystring: userQuerySchema,
        response: { 200: z.array(userSchema), ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'user.read', undefined);
      return (await listUsersWithUnits(app.database.db, request.query)).map((u) => presentUser(u, actor));
    },
  );

  app.post(
    '/api/users',
    {
      schema: {
        tags: ['directory'],
        body: createUserBodySchema,
        response: { 201: userSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'user.write', undefined);
      const { password, ...input } = request.body;
      const passwordHash = await hashPassword(password);
      const now = app.clock().toISOString();
      const id = await app.database.db
        .transaction()
        .execute((trx) => createUser(trx, { actor, input, passwordHash, now }));
      return reply.status(201).send(presentUser((await findUserWithUnit(app.database.db, id))!, actor));
    },
  );

  app.patch(
    '/api/users/:id',
    {
      schema: {
        tags: ['directory'],
        params: userParamsSchema,
        body: updateUserBodySchema,
        response: { 200: userSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const user = await findUserWithUnit(app.database.db, request.params.id);
      if (!user) throw notFound(`user ${request.params.id}`);
      authorize(actor, 'user.write', undefined);
      const { password, ...input } = request.body;
      const passwordHash = password === undefined ? undefined : await hashPassword(password);
      const now = app.clock().toISOString();
      await app.database.db
        .transaction()
        .execute((trx) => updateUser(trx, { actor, user, input, passwordHash, now }));
      return presentUser((await findUserWithUnit(app.database.db, user.id))!, actor);
    },
  );
}
