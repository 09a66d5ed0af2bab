/**
 * Observations and progress updates with their reporting workflow: list a plan's values, create a
 * draft, read one with its revisions, edit a draft or returned value, take a workflow step, and
 * what my unit still owes. Each handler authenticates, validates, loads, authorises once, calls a
 * service and presents; the rules live in the policies, the work in services/observationWorkflow.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import {
  createObservationBodySchema,
  editObservationBodySchema,
  observationDetailSchema,
  observationListQuerySchema,
  observationParamsSchema,
  observationSchema,
  owedQuerySchema,
  owedReplySchema,
  transitionBodySchema,
} from '../../../contract/observations.ts';
import {
  findObservation,
  indicatorCodeOf,
  listObservations,
  listRevisions,
  type ObservationRecord,
  type ObservationRevision,
} from '../../../store/observations.repository.ts';
import { findPlan } from '../../../store/plans.repository.ts';
import { LantuError, notFound } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { type Actor, authorize, can, observationAbilities } from '../../policies/index.ts';
import { listOwed } from '../../services/listOwed.ts';
import {
  assertVersion,
  createObservation,
  editObservation,
  type ObservationWarning,
  observationFacts,
  plausibilityWarnings,
  transitionObservation,
  transitionPolicy,
} from '../../services/observationWorkflow.ts';
import { loadPlan } from '../plans/plans.routes.ts';

/** A value as the API shows it to this actor, with what the actor may do with it. */
export function presentObservation(
  record: ObservationRecord,
  actor: Actor,
): z.infer<typeof observationSchema> {
  const facts = observationFacts(record);
  const abilities = observationAbilities(actor, facts);
  return {
    id: record.id,
    planId: record.planId,
    itemId: record.itemId,
    itemKey: record.itemKey,
    itemKind: record.itemKind,
    itemTitle: record.itemTitle,
    indicatorCode: record.itemKind === 'indicator' ? indicatorCodeOf(record.itemKey) : null,
    measure: record.measure,
    area: record.area,
    year: record.year,
    period: record.period,
    kind: record.kind,
    value: record.value,
    unit: record.unit,
    details: record.details,
    status: record.status,
    approvedValue: record.approvedValue,
    approvedAt: record.approvedAt,
    comment: record.comment,
    source: record.source,
    sample: record.sample,
    unitId: record.unitId,
    unitName: record.unitName,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    abilities,
  };
}

/** A value with its whole history (each revision beside the value before it) and its warnings. */
export function presentObservationDetail(
  record: ObservationRecord,
  revisions: ObservationRevision[],
  warnings: ObservationWarning[],
  actor: Actor,
): z.infer<typeof observationDetailSchema> {
  return {
    ...presentObservation(record, actor),
    revisions: revisions.map((r, n) => ({
      revision: r.revision,
      action: r.action,
      status: r.status,
      value: r.value,
      previousValue: n === 0 ? null : (revisions[n - 1]?.value ?? null),
      details: r.details,
      comment: r.comment,
      actorName: r.actorName,
      actorRole: r.actorRole,
      at: r.at,
    })),
    warnings,
  };
}

/** Loads a value or answers 404. */
async function loadObservation(app: FastifyInstance, id: string): Promise<ObservationRecord> {
  const record = await findObservation(app.database.db, id);
  if (!record) throw notFound(`observation ${id}`);
  return record;
}

/** Loads a value with its revisions and warnings and presents it. */
async function detail(
  app: FastifyInstance,
  id: string,
  actor: Actor,
): Promise<z.infer<typeof observationDetailSchema>> {
  const record = await loadObservation(app, id);
  const [revisions, warnings] = await Promise.all([
    listRevisions(app.database.db, id),
    plausibilityWarnings(app.database.db, record),
  ]);
  return presentObservationDetail(record, revisions, warnings, actor);
}

/**
 * Whether the policy lets the actor read every unit's values (planner, viewer, auditor), asked
 * about a record of no unit (''); otherwise lists are kept to the actor's unit, in the query.
 */
function readsEveryUnit(actor: Actor): boolean {
  return can(actor, 'observation.read', { unitId: '', status: 'approved' });
}

export async function observationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['observations'];

  app.get(
    '/api/plans/:planId/observations',
    {
      schema: {
        tags,
        params: planParamsSchema,
        querystring: observationListQuerySchema,
        response: { 200: z.array(observationSchema), ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { unitId, ...filter } = request.query;
      if (!(await findPlan(app.database.db, request.params.planId))) {
        throw new LantuError('LANTU_PLAN_NOT_FOUND', `plan ${request.params.planId} not found`);
      }
      authorize(actor, 'observation.read', { unitId: unitId ?? actor.unitId, status: filter.status ?? '' });
      // Asked for one unit: that unit's values. Otherwise all, or what the actor's unit may read.
      const scope =
        unitId !== undefined ? { unitId } : readsEveryUnit(actor) ? {} : { visibleToUnit: actor.unitId };
      const records = await listObservations(app.database.db, request.params.planId, { ...filter, ...scope });
      return records.map((r) => presentObservation(r, actor));
    },
  );

  app.post(
    '/api/plans/:planId/observations',
    {
      schema: {
        tags,
        params: planParamsSchema,
        body: createObservationBodySchema,
        response: { 201: observationDetailSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const body = request.body;
      if (!(await findPlan(app.database.db, request.params.planId))) {
        throw new LantuError('LANTU_PLAN_NOT_FOUND', `plan ${request.params.planId} not found`);
      }
      authorize(actor, 'observation.write', { unitId: actor.unitId, status: 'draft' });
      const now = app.clock().toISOString();
      const { id } = await app.database.db.transaction().execute((trx) =>
        createObservation(trx, {
          ...body,
          planId: request.params.planId,
          area: body.area ?? null,
          period: body.period ?? null,
          actor,
          now,
        }),
      );
      return reply.status(201).send(await detail(app, id, actor));
    },
  );

  app.get(
    '/api/observations/:id',
    {
      schema: {
        tags,
        params: observationParamsSchema,
        response: { 200: observationDetailSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const record = await loadObservation(app, request.params.id);
      authorize(actor, 'observation.read', observationFacts(record));
      return detail(app, record.id, actor);
    },
  );

  app.patch(
    '/api/observations/:id',
    {
      schema: {
        tags,
        params: observationParamsSchema,
        body: editObservationBodySchema,
        response: { 200: observationDetailSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const record = await loadObservation(app, request.params.id);
      assertVersion(record, request.body.version);
      authorize(actor, 'observation.write', observationFacts(record));
      const now = app.clock().toISOString();
      await app.database.db
        .transaction()
        .execute((trx) => editObservation(trx, { ...request.body, record, actor, now }));
      return detail(app, record.id, actor);
    },
  );

  app.post(
    '/api/observations/:id/transitions',
    {
      schema: {
        tags,
        params: observationParamsSchema,
        body: transitionBodySchema,
        response: { 200: observationDetailSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const record = await loadObservation(app, request.params.id);
      assertVersion(record, request.body.version);
      authorize(actor, transitionPolicy(request.body.action), observationFacts(record));
      const now = app.clock().toISOString();
      await app.database.db
        .transaction()
        .execute((trx) => transitionObservation(trx, { ...request.body, record, actor, now }));
      return detail(app, record.id, actor);
    },
  );

  app.get(
    '/api/plans/:planId/owed',
    {
      schema: {
        tags,
        params: planParamsSchema,
        querystring: owedQuerySchema,
        response: { 200: owedReplySchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { structure } = await loadPlan(app, request.params.planId);
      authorize(actor, 'assignment.read', undefined);
      const year = request.query.year ?? app.clock().getUTCFullYear() - 1;
      const items = await listOwed(app.database.db, {
        planId: request.params.planId,
        plan: structure,
        unitId: actor.unitId,
        year,
      });
      return { year, unitId: actor.unitId, items };
    },
  );
}
