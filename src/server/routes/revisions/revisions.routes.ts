/** Target revisions (调整修订): the record of every target changed since the plan was issued. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import {
  createRevisionBodySchema,
  type RevisionReply,
  revisionQuerySchema,
  revisionSchema,
} from '../../../contract/planning.ts';
import type { Plan } from '../../../model/plan.ts';
import { listTargetRevisions, type TargetRevisionRecord } from '../../../store/planning.repository.ts';
import { requireActor } from '../../plugins/auth.ts';
import { authorize } from '../../policies/index.ts';
import { reviseTarget } from '../../services/reviseTarget.ts';
import { loadPlan } from '../plans/plans.routes.ts';

/** A revision as the API shows it, with the indicator's name and who made it. */
export function presentRevision(r: TargetRevisionRecord, plan: Plan): RevisionReply {
  return {
    id: r.id,
    planId: r.planId,
    indicatorCode: r.indicatorCode,
    indicatorName: plan.indicators.find((i) => i.code === r.indicatorCode)?.name ?? null,
    measure: r.measure,
    revision: r.revision,
    version: r.revision + 1,
    effectiveYear: r.effectiveYear,
    target: r.target,
    previousTarget: r.previousTarget,
    reason: r.reason,
    document: r.document,
    createdBy: { id: r.createdBy, name: r.createdByName },
    createdAt: r.createdAt,
  };
}

export async function revisionRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/plans/:planId/revisions',
    {
      schema: {
        tags: ['planning'],
        params: planParamsSchema,
        querystring: revisionQuerySchema,
        response: { 200: z.array(revisionSchema), ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { record, structure } = await loadPlan(app, request.params.planId);
      authorize(actor, 'plan.read', undefined);
      const revisions = await listTargetRevisions(app.database.db, record.id, {
        indicatorCode: request.query.indicatorCode,
      });
      return revisions.map((r) => presentRevision(r, structure));
    },
  );

  app.post(
    '/api/plans/:planId/revisions',
    {
      schema: {
        tags: ['planning'],
        params: planParamsSchema,
        body: createRevisionBodySchema,
        response: { 201: revisionSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const { record, structure } = await loadPlan(app, request.params.planId);
      authorize(actor, 'plan.revise', undefined);
      const now = app.clock().toISOString();
      const revision = await app.database.db
        .transaction()
        .execute((trx) => reviseTarget(trx, { actor, plan: record, structure, input: request.body, now }));
      return reply.status(201).send(presentRevision(revision, structure));
    },
  );
}
