/**
 * Evaluations (中期评估 / 总结评估): a planner makes one of a plan at a year, which freezes its data
 * and assessments; staff read it and download its report (.docx, .html) and unit scorecard (.xlsx);
 * the planner writes its narrative. Every write, and every download (a report leaving the system),
 * is audited.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import {
  createEvaluationBodySchema,
  type EvaluationReply,
  evaluationDetailSchema,
  evaluationListSchema,
  evaluationParamsSchema,
  evaluationSchema,
  patchNarrativeBodySchema,
} from '../../../contract/evaluations.ts';
import type { Light } from '../../../progress/index.ts';
import {
  createEvaluation,
  draftNarrative,
  type EvaluationSnapshot,
  itemLight,
  loadEvaluation,
  parseSnapshot,
  type ReportFormat,
  renderEvaluation,
  updateNarrative,
} from '../../../reports/index.ts';
import { appendAudit } from '../../../store/audit.ts';
import { type EvaluationRecord, listEvaluations } from '../../../store/evaluations.repository.ts';
import { notFound } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { type Actor, authorize, can } from '../../policies/index.ts';
import { auditActor } from '../../services/auditActor.ts';
import { requirePlanRecord } from '../planRecord.ts';

/** An evaluation as the API shows it: its headline figures, its files, what the actor may do. */
export function presentEvaluation(
  record: EvaluationRecord,
  snapshot: EvaluationSnapshot,
  actor: Actor,
): EvaluationReply {
  const itemsByLight: Record<Light, number> = { green: 0, yellow: 0, red: 0, grey: 0 };
  const items = snapshot.items.filter((i) => i.kind !== 'indicator');
  for (const i of items) itemsByLight[itemLight(snapshot, i)]++;
  const base = `/api/evaluations/${record.id}`;
  return {
    id: record.id,
    planId: record.planId,
    kind: record.kind,
    year: record.year,
    title: record.title,
    createdAt: record.createdAt,
    createdBy: { id: snapshot.createdBy.id, name: snapshot.createdBy.name },
    updatedAt: record.updatedAt,
    version: record.version,
    narrative: record.narrative,
    summary: {
      indicators: snapshot.summary.indicators.total,
      byLight: { ...snapshot.summary.indicators.byLight },
      items: items.length,
      itemsByLight,
      containsSampleData: snapshot.containsSampleData,
    },
    files: { docx: `${base}/report.docx`, html: `${base}/report.html`, scorecard: `${base}/scorecard.xlsx` },
    abilities: {
      editNarrative: can(actor, 'evaluation.write', undefined),
      download: can(actor, 'evaluation.read', undefined),
    },
  };
}

/** Content-Disposition with the Chinese file name (RFC 6266/5987) and an ASCII fallback. */
function disposition(kind: 'inline' | 'attachment', fileName: string, id: string): string {
  const ascii = `evaluation-${id}${fileName.slice(fileName.lastIndexOf('.'))}`;
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function evaluationRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();

  /** The evaluation or 404; the actor must be allowed to read it. */
  const load = async (id: string) => {
    const found = await loadEvaluation(app.database.db, id);
    if (!found) throw notFound(`evaluation ${id}`);
    return found;
  };

  app.post(
    '/api/plans/:planId/evaluations',
    {
      schema: {
        tags: ['evaluations'],
        params: planParamsSchema,
        body: createEvaluationBodySchema,
        response: { 201: evaluationSchema, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      authorize(actor, 'evaluation.write', undefined);
      const { record, snapshot } = await app.database.db.transaction().execute((trx) =>
        createEvaluation(trx, {
          planId: plan.id,
          kind: request.body.kind,
          year: request.body.year,
          ...(request.body.title ? { title: request.body.title } : {}),
          actor: auditActor(actor),
          now: app.clock().toISOString(),
        }),
      );
      return reply.status(201).send(presentEvaluation(record, snapshot, actor));
    },
  );

  app.get(
    '/api/plans/:planId/evaluations',
    {
      schema: {
        tags: ['evaluations'],
        params: planParamsSchema,
        response: { 200: evaluationListSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      authorize(actor, 'evaluation.read', undefined);
      const list = await listEvaluations(app.database.db, plan.id);
      return list.map(({ snapshot, ...record }) => presentEvaluation(record, parseSnapshot(snapshot), actor));
    },
  );

  app.get(
    '/api/evaluations/:evaluationId',
    {
      schema: {
        tags: ['evaluations'],
        params: evaluationParamsSchema,
        response: { 200: evaluationDetailSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { record, snapshot } = await load(request.params.evaluationId);
      authorize(actor, 'evaluation.read', undefined);
      return { ...presentEvaluation(record, snapshot, actor), narrativeDraft: draftNarrative(snapshot) };
    },
  );

  app.patch(
    '/api/evaluations/:evaluationId/narrative',
    {
      schema: {
        tags: ['evaluations'],
        params: evaluationParamsSchema,
        body: patchNarrativeBodySchema,
        response: { 200: evaluationSchema, ...errorReplies },
      },
    },
    async (request) => {
      const actor = requireActor(request);
      const { record, snapshot } = await load(request.params.evaluationId);
      authorize(actor, 'evaluation.write', undefined);
      const updated = await app.database.db.transaction().execute((trx) =>
        updateNarrative(trx, {
          evaluation: record,
          version: request.body.version,
          narrative: request.body.narrative,
          actor: auditActor(actor),
          now: app.clock().toISOString(),
        }),
      );
      return presentEvaluation(updated, snapshot, actor);
    },
  );

  /** Renders a file of an evaluation, records the download, and sends it. */
  const download = async (id: string, format: ReportFormat, actor: Actor, reply: FastifyReply) => {
    const { record, snapshot } = await load(id);
    authorize(actor, 'evaluation.read', undefined);
    const file = await renderEvaluation(record, snapshot, format);
    await app.database.db.transaction().execute((trx) =>
      appendAudit(trx, {
        actor: auditActor(actor),
        action: 'evaluation.export',
        entity: 'evaluation',
        entityId: record.id,
        planId: record.planId,
        after: { format, version: record.version, bytes: file.bytes.length },
        at: app.clock().toISOString(),
      }),
    );
    reply
      .header('content-type', file.contentType)
      .header(
        'content-disposition',
        disposition(format === 'html' ? 'inline' : 'attachment', file.fileName, id),
      )
      .header('cache-control', 'private, no-store');
    // The page is self-contained: it needs its inline styles and nothing else.
    if (format === 'html') {
      reply.header(
        'content-security-policy',
        "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
      );
    }
    return reply.send(file.bytes);
  };

  const fileRoute = (path: string, format: ReportFormat, summary: string) =>
    app.get(
      path,
      {
        schema: {
          tags: ['evaluations'],
          summary,
          params: evaluationParamsSchema,
          response: { ...errorReplies },
        },
      },
      async (request, reply) => download(request.params.evaluationId, format, requireActor(request), reply),
    );

  fileRoute('/api/evaluations/:evaluationId/report.docx', 'docx', '评估报告（Word）· the report as .docx');
  fileRoute(
    '/api/evaluations/:evaluationId/report.html',
    'html',
    '评估报告（网页）· the report as one HTML page',
  );
  fileRoute(
    '/api/evaluations/:evaluationId/scorecard.xlsx',
    'xlsx',
    '牵头单位监督考核表 · the unit scorecard as .xlsx',
  );
}
