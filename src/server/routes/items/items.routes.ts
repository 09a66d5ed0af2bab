/** The plan's trackable items with their owners: the lists of indicators, tasks, projects and commitments. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import { itemQuerySchema, itemSchema } from '../../../contract/items.ts';
import { approvedProgressFacts } from '../../../store/observations.repository.ts';
import { listOrgUnits } from '../../../store/people.repository.ts';
import { listAssignments } from '../../../store/planning.repository.ts';
import { listItems } from '../../../store/plans.repository.ts';
import { requireActor } from '../../plugins/auth.ts';
import { authorize, can } from '../../policies/index.ts';
import { describeItems } from '../../services/describeItems.ts';
import { loadPlan } from '../plans/plans.routes.ts';

export async function itemRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/plans/:planId/items',
    {
      schema: {
        tags: ['plans'],
        params: planParamsSchema,
        querystring: itemQuerySchema,
        response: { 200: z.array(itemSchema), ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'plan.read', undefined);
      const { record, structure } = await loadPlan(app, request.params.planId);
      const db = app.database.db;
      const [items, assignments, units, progress] = await Promise.all([
        listItems(db, record.id, request.query.kind),
        listAssignments(db, record.id),
        listOrgUnits(db),
        approvedProgressFacts(db, record.id),
      ]);
      // The district's calendar day (China Standard Time, UTC+8).
      const today = new Date(app.clock().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      // Progress is a unit's reported value: shown only to those who may read the lead unit's values.
      const described = describeItems(structure, items, assignments, units, progress, today).map((item) =>
        can(actor, 'observation.read', { unitId: item.leadUnit?.id ?? '', status: 'approved' })
          ? item
          : { ...item, progress: null, schedule: null },
      );
      if (request.query.mine !== '1') return described;
      return described.filter(
        (i) => i.leadUnit?.id === actor.unitId || i.coUnits.some((u) => u.id === actor.unitId),
      );
    },
  );
}
