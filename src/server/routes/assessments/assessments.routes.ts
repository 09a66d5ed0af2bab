/** Assessments for staff: every measure judged from approved data, with roll-ups. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { assessmentQuerySchema, planAssessmentSchema } from '../../../contract/assessments.ts';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import { requireActor } from '../../plugins/auth.ts';
import { authorize } from '../../policies/index.ts';
import { assessStoredPlan } from '../../services/assessPlanFromStore.ts';
import { loadPlan } from '../plans/plans.routes.ts';

export async function assessmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/plans/:planId/assessments',
    {
      schema: {
        tags: ['assessments'],
        params: planParamsSchema,
        querystring: assessmentQuerySchema,
        response: { 200: planAssessmentSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'assessment.read', undefined);
      const { structure } = await loadPlan(app, request.params.planId);
      const result = await assessStoredPlan(
        app.database.db,
        request.params.planId,
        structure,
        request.query.year,
      );
      return {
        planId: request.params.planId,
        ...result,
        method: { ...result.method },
        revisedTargets: result.revisedTargets.map((r) => ({
          ...r,
          original: { ...r.original },
          inForce: { ...r.inForce },
        })),
      };
    },
  );
}
