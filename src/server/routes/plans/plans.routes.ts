/** Plans: list, get, import (through the ingest pipeline), structure, publish. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import {
  confirmBodySchema,
  correctStructureBodySchema,
  correctStructureReplySchema,
  importPlanBodySchema,
  importPlanReplySchema,
  planStructureSchema,
  planSummarySchema,
  publishBodySchema,
} from '../../../contract/plans.ts';
import type { Plan } from '../../../model/plan.ts';
import { findPlan, findPlanStructure, listPlans, type PlanRecord } from '../../../store/plans.repository.ts';
import { LantuError } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { type Actor, authorize, can } from '../../policies/index.ts';
import { auditActor } from '../../services/auditActor.ts';
import { changePlanState } from '../../services/changePlanState.ts';
import { correctPlanStructure } from '../../services/correctPlanStructure.ts';
import { importPlan } from '../../services/importPlan.ts';

/** A plan as the API shows it. */
export function presentPlan(
  record: PlanRecord,
  structure: Plan,
  actor: Actor | null,
): z.infer<typeof planSummarySchema> {
  const projects = structure.columns.flatMap((c) => c.items).filter((i) => i.kind === 'project').length;
  const items = structure.columns.reduce((n, c) => n + c.items.length, 0);
  const tasks = structure.chapters.reduce(
    (n, ch) => n + ch.tasks.length + ch.sections.reduce((m, s) => m + s.tasks.length, 0),
    0,
  );
  return {
    id: record.id,
    title: record.title,
    regionCode: record.regionCode,
    level: record.level,
    issuer: record.issuer,
    issuedOn: record.issuedOn,
    period: {
      baseYear: record.baseYear,
      startYear: record.startYear,
      endYear: record.endYear,
      visionYear: record.visionYear,
    },
    status: record.status,
    published: record.published,
    version: record.version,
    sourceSha256: record.sourceSha256,
    counts: {
      indicators: structure.indicators.length,
      tasks,
      projects,
      actions: items - projects,
      commitments: structure.commitments.filter((c) => c.review !== 'rejected').length,
      findings: structure.findings.filter((f) => !f.dismissed).length,
    },
    abilities: {
      publish: actor ? can(actor, 'plan.publish', undefined) : false,
      import: actor ? can(actor, 'plan.import', undefined) : false,
      correct: actor ? can(actor, 'plan.correct', undefined) && record.status === 'draft' : false,
    },
  };
}

/** Loads a plan or answers 404. */
export async function loadPlan(
  app: FastifyInstance,
  planId: string,
): Promise<{ record: PlanRecord; structure: Plan }> {
  const record = await findPlan(app.database.db, planId);
  const structure = record ? await findPlanStructure(app.database.db, planId) : null;
  if (!record || !structure) throw new LantuError('LANTU_PLAN_NOT_FOUND', `plan ${planId} not found`);
  return { record, structure };
}

export async function planRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/plans',
    { schema: { tags: ['plans'], response: { 200: z.array(planSummarySchema), ...errorReplies } } },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'plan.read', undefined);
      const plans = await listPlans(app.database.db);
      return Promise.all(
        plans.map(async (p) => presentPlan(p, (await findPlanStructure(app.database.db, p.id))!, actor)),
      );
    },
  );

  app.get(
    '/api/plans/:planId',
    {
      schema: {
        tags: ['plans'],
        params: planParamsSchema,
        response: { 200: planSummarySchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'plan.read', undefined);
      const { record, structure } = await loadPlan(app, request.params.planId);
      return presentPlan(record, structure, actor);
    },
  );

  app.get(
    '/api/plans/:planId/structure',
    {
      schema: {
        tags: ['plans'],
        params: planParamsSchema,
        response: { 200: planStructureSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      authorize(actor, 'plan.read', undefined);
      // The model's interfaces are closed types; the reply schema checks them as open records.
      return (await loadPlan(app, request.params.planId)).structure as unknown as z.infer<
        typeof planStructureSchema
      >;
    },
  );

  app.post(
    '/api/plans',
    {
      schema: {
        tags: ['plans'],
        body: importPlanBodySchema,
        response: { 201: importPlanReplySchema, ...errorReplies, 422: errorReplies[400] },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      authorize(actor, 'plan.import', undefined);
      const bytes = Buffer.from(request.body.contentBase64, 'base64');
      const now = app.clock().toISOString();
      const imported = await app.database.db.transaction().execute((trx) =>
        importPlan(trx, {
          bytes,
          regionCode: request.body.regionCode,
          level: request.body.level,
          actor: auditActor(actor),
          now,
        }),
      );
      const record = (await findPlan(app.database.db, imported.id))!;
      return reply
        .status(201)
        .send({ plan: presentPlan(record, imported.plan, actor), findings: imported.plan.findings });
    },
  );

  app.post(
    '/api/plans/:planId/confirm',
    {
      schema: {
        tags: ['plans'],
        params: planParamsSchema,
        body: confirmBodySchema,
        response: { 200: planSummarySchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { record, structure } = await loadPlan(app, request.params.planId);
      authorize(actor, 'plan.import', undefined);
      await app.database.db.transaction().execute((trx) =>
        changePlanState(trx, {
          record,
          version: request.body.version,
          change: { status: request.body.confirmed ? 'confirmed' : 'draft' },
          actor: auditActor(actor),
          now: app.clock().toISOString(),
        }),
      );
      return presentPlan((await findPlan(app.database.db, record.id))!, structure, actor);
    },
  );

  app.post(
    '/api/plans/:planId/structure/corrections',
    {
      schema: {
        tags: ['plans'],
        params: planParamsSchema,
        body: correctStructureBodySchema,
        response: { 200: correctStructureReplySchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { record } = await loadPlan(app, request.params.planId);
      authorize(actor, 'plan.correct', undefined);
      const { structure, changes } = await app.database.db.transaction().execute((trx) =>
        correctPlanStructure(trx, {
          record,
          version: request.body.version,
          corrections: request.body.corrections,
          actor: auditActor(actor),
          now: app.clock().toISOString(),
        }),
      );
      return { plan: presentPlan((await findPlan(app.database.db, record.id))!, structure, actor), changes };
    },
  );

  app.post(
    '/api/plans/:planId/publish',
    {
      schema: {
        tags: ['plans'],
        params: planParamsSchema,
        body: publishBodySchema,
        response: { 200: planSummarySchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { record, structure } = await loadPlan(app, request.params.planId);
      authorize(actor, 'plan.publish', undefined);
      await app.database.db.transaction().execute((trx) =>
        changePlanState(trx, {
          record,
          version: request.body.version,
          change: { published: request.body.published },
          actor: auditActor(actor),
          now: app.clock().toISOString(),
        }),
      );
      return presentPlan((await findPlan(app.database.db, record.id))!, structure, actor);
    },
  );
}
