/** Reporting rounds: periods of a plan opened for reporting with a deadline, then closed. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import {
  createRoundBodySchema,
  type RoundReply,
  roundParamsSchema,
  roundSchema,
  updateRoundBodySchema,
} from '../../../contract/planning.ts';
import { findRound, listRounds, type RoundRecord } from '../../../store/planning.repository.ts';
import { notFound } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { type Actor, authorize, can } from '../../policies/index.ts';
import { openRound, updateRound } from '../../services/scheduleRound.ts';
import { requirePlanRecord } from '../planRecord.ts';

/** A round as the API shows it. */
export function presentRound(round: RoundRecord, actor: Actor): RoundReply {
  return {
    id: round.id,
    planId: round.planId,
    year: round.year,
    period: round.period as RoundReply['period'],
    title: round.title,
    opensOn: round.opensOn,
    deadline: round.deadline,
    status: round.status,
    version: round.version,
    createdAt: round.createdAt,
    abilities: { edit: can(actor, 'round.write', undefined) },
  };
}

export async function roundRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/plans/:planId/rounds',
    {
      schema: {
        tags: ['planning'],
        params: planParamsSchema,
        response: { 200: z.array(roundSchema), ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      authorize(actor, 'round.read', undefined);
      return (await listRounds(app.database.db, plan.id)).map((r) => presentRound(r, actor));
    },
  );

  app.post(
    '/api/plans/:planId/rounds',
    {
      schema: {
        tags: ['planning'],
        params: planParamsSchema,
        body: createRoundBodySchema,
        response: { 201: roundSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      authorize(actor, 'round.write', undefined);
      const now = app.clock().toISOString();
      const round = await app.database.db
        .transaction()
        .execute((trx) => openRound(trx, { actor, plan, input: request.body, now }));
      return reply.status(201).send(presentRound(round, actor));
    },
  );

  app.patch(
    '/api/plans/:planId/rounds/:id',
    {
      schema: {
        tags: ['planning'],
        params: roundParamsSchema,
        body: updateRoundBodySchema,
        response: { 200: roundSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      const round = await findRound(app.database.db, plan.id, request.params.id);
      if (!round) throw notFound(`reporting round ${request.params.id}`);
      authorize(actor, 'round.write', undefined);
      const now = app.clock().toISOString();
      const updated = await app.database.db
        .transaction()
        .execute((trx) => updateRound(trx, { actor, round, input: request.body, now }));
      return presentRound(updated, actor);
    },
  );
}
