/**
 * Assignments (分解目标、明确牵头单位): every item of a plan with its lead unit, co-operating units,
 * due date and milestones. Planners set them one at a time or from a whole table at once.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import type { UnitRef } from '../../../contract/directory.ts';
import {
  type AssignmentReply,
  assignmentParamsSchema,
  assignmentQuerySchema,
  assignmentSchema,
  bulkAssignmentBodySchema,
  bulkAssignmentReplySchema,
  bulkErrorSchema,
  putAssignmentBodySchema,
} from '../../../contract/planning.ts';
import { allOrgUnits } from '../../../store/directory.repository.ts';
import type { OrgUnit } from '../../../store/people.repository.ts';
import { type AssignmentRecord, findItem, listAssignments } from '../../../store/planning.repository.ts';
import { listItems, type PlanItem } from '../../../store/plans.repository.ts';
import { notFound } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { type Actor, authorize, can } from '../../policies/index.ts';
import { assignItem, assignItemsInBulk } from '../../services/assignItems.ts';
import { requirePlanRecord } from '../planRecord.ts';

/** An item and its assignment (or none yet) as the API shows them. */
export function presentAssignment(
  item: PlanItem,
  a: AssignmentRecord | null,
  units: Map<string, OrgUnit>,
  actor: Actor,
): AssignmentReply {
  const ref = (id: string): UnitRef => {
    const u = units.get(id);
    return { id, code: u?.code ?? '', name: u?.name ?? '', shortName: u?.shortName ?? '' };
  };
  return {
    itemId: item.id,
    key: item.key,
    kind: item.kind,
    title: item.title,
    category: item.category,
    assignmentId: a?.id ?? null,
    leadUnit: a ? ref(a.leadUnitId) : null,
    coUnits: a ? a.coUnitIds.map(ref) : [],
    dueDate: a?.dueDate ?? null,
    milestones: a?.milestones ?? [],
    version: a?.version ?? null,
    updatedAt: a?.updatedAt ?? null,
    abilities: { edit: can(actor, 'assignment.write', undefined) },
  };
}

async function unitsById(app: FastifyInstance): Promise<Map<string, OrgUnit>> {
  return new Map((await allOrgUnits(app.database.db)).map((u) => [u.id, u]));
}

export async function assignmentRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/plans/:planId/assignments',
    {
      schema: {
        tags: ['planning'],
        params: planParamsSchema,
        querystring: assignmentQuerySchema,
        response: { 200: z.array(assignmentSchema), ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      authorize(actor, 'assignment.read', undefined);
      const { kind, unitId } = request.query;
      // Scoped in the query: a reporter or reviewer reads its own unit's assignments only.
      const all = can(actor, 'assignment.readAll', undefined);
      if (!all && unitId && unitId !== actor.unitId) authorize(actor, 'assignment.readAll', undefined);
      const mine = request.query.mine || !all;
      const byItem = new Map((await listAssignments(app.database.db, plan.id)).map((a) => [a.itemId, a]));
      const units = await unitsById(app);
      const involves = (a: AssignmentRecord | undefined, unit: string): boolean =>
        a !== undefined && (a.leadUnitId === unit || a.coUnitIds.includes(unit));
      return (await listItems(app.database.db, plan.id, kind))
        .filter(
          (item) =>
            (!mine || involves(byItem.get(item.id), actor.unitId)) &&
            (!unitId || involves(byItem.get(item.id), unitId)),
        )
        .map((item) => presentAssignment(item, byItem.get(item.id) ?? null, units, actor));
    },
  );

  app.put(
    '/api/plans/:planId/assignments/:itemId',
    {
      schema: {
        tags: ['planning'],
        params: assignmentParamsSchema,
        body: putAssignmentBodySchema,
        response: { 200: assignmentSchema, 201: assignmentSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      const item = await findItem(app.database.db, plan.id, request.params.itemId);
      if (!item) throw notFound(`item ${request.params.itemId} of plan ${plan.id}`);
      authorize(actor, 'assignment.write', undefined);
      const now = app.clock().toISOString();
      const { record, created } = await app.database.db
        .transaction()
        .execute((trx) => assignItem(trx, { actor, planId: plan.id, item, input: request.body, now }));
      return reply
        .status(created ? 201 : 200)
        .send(presentAssignment(item, record, await unitsById(app), actor));
    },
  );

  app.post(
    '/api/plans/:planId/assignments/bulk',
    {
      schema: {
        tags: ['planning'],
        params: planParamsSchema,
        body: bulkAssignmentBodySchema,
        response: {
          200: bulkAssignmentReplySchema,
          ...errorReplies,
          400: bulkErrorSchema,
          409: bulkErrorSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      authorize(actor, 'assignment.write', undefined);
      const now = app.clock().toISOString();
      const outcome = await app.database.db.transaction().execute((trx) =>
        assignItemsInBulk(trx, {
          actor,
          planId: plan.id,
          regionCode: plan.regionCode,
          rows: request.body.rows,
          now,
        }),
      );
      if (!outcome.ok) {
        const rows = new Set(outcome.errors.map((e) => e.index)).size;
        return reply.status(outcome.code === 'LANTU_STALE_VERSION' ? 409 : 400).send({
          code: outcome.code,
          message: `${rows}行有误,未做任何更改 · ${rows} row(s) are wrong; nothing was changed`,
          rows: outcome.errors,
        });
      }
      const units = await unitsById(app);
      const { created, updated, unchanged } = outcome;
      const assignments = outcome.items.map((item, k) =>
        presentAssignment(item, outcome.records[k]!, units, actor),
      );
      return { created, updated, unchanged, assignments };
    },
  );
}
