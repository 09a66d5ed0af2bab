/**
 * Excel round-trips: the assignment template of a plan (planners download it, fill it, upload it)
 * and a unit's reporting template of a round (its reporter downloads and uploads it; a planner may
 * download any unit's). Uploads are base64 in JSON; a refused upload answers 400 with every
 * problem by sheet, row and column, and changes nothing.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReplies, errorSchema, planParamsSchema } from '../../../contract/common.ts';
import {
  assignmentUploadBodySchema,
  assignmentUploadReplySchema,
  type CellError,
  reportingTemplateQuerySchema,
  reportingUploadReplySchema,
  roundTemplateParamsSchema,
  uploadBodySchema,
  uploadErrorSchema,
} from '../../../contract/templates.ts';
import { findOrgUnit } from '../../../store/directory.repository.ts';
import { findRound } from '../../../store/planning.repository.ts';
import { findPlanStructure } from '../../../store/plans.repository.ts';
import { notFound } from '../../errors.ts';
import { requireActor } from '../../plugins/auth.ts';
import { authorize } from '../../policies/index.ts';
import {
  importAssignmentTemplate,
  importReportingTemplate,
  TemplateRejected,
} from '../../services/importTemplates.ts';
import { assignmentWorkbook, reportingWorkbook } from '../../services/templateWorkbooks.ts';
import { decodeUpload, openWorkbook, sendFile, UPLOAD_BODY_LIMIT, XLSX_TYPE } from '../files.ts';
import { requirePlanRecord } from '../planRecord.ts';

/** A download: the bytes of an .xlsx workbook. */
const workbookReply = z.string().describe('.xlsx workbook (binary)');

/** 400 with every problem of the file, by sheet, row and column; nothing was changed. */
function rejected(reply: FastifyReply, errors: CellError[]): FastifyReply {
  const rows = new Set(errors.map((e) => `${e.sheet}:${e.row}`)).size;
  return reply.status(400).send({
    code: 'LANTU_VALIDATION',
    message: `文件中 ${rows} 行有误,未做任何更改 · ${rows} row(s) of the file are wrong; nothing was changed`,
    errors,
  });
}

export async function templateRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const tags = ['templates'];

  app.get(
    '/api/plans/:planId/templates/assignments.xlsx',
    { schema: { tags, params: planParamsSchema, response: { 200: workbookReply, ...errorReplies } } },
    async (request, reply) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      authorize(actor, 'assignment.template', undefined);
      const bytes = await assignmentWorkbook(app.database.db, plan);
      return sendFile(
        reply,
        bytes,
        XLSX_TYPE,
        `分工方案表-${plan.regionCode}.xlsx`,
        `assignments-${plan.regionCode}.xlsx`,
      );
    },
  );

  app.post(
    '/api/plans/:planId/templates/assignments',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        params: planParamsSchema,
        body: assignmentUploadBodySchema,
        response: {
          200: assignmentUploadReplySchema,
          ...errorReplies,
          400: uploadErrorSchema,
          413: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      authorize(actor, 'assignment.template', undefined);
      const bytes = decodeUpload(request.body.contentBase64);
      const workbook = await openWorkbook(bytes);
      try {
        return await app.database.db.transaction().execute((trx) =>
          importAssignmentTemplate(trx, {
            actor,
            plan,
            workbook,
            bytes,
            fileName: request.body.fileName ?? null,
            applyValidRows: request.body.applyValidRows,
            now: app.clock().toISOString(),
          }),
        );
      } catch (error) {
        if (error instanceof TemplateRejected) return rejected(reply, error.errors);
        throw error;
      }
    },
  );

  app.get(
    '/api/plans/:planId/rounds/:id/template.xlsx',
    {
      schema: {
        tags,
        params: roundTemplateParamsSchema,
        querystring: reportingTemplateQuerySchema,
        response: { 200: workbookReply, ...errorReplies },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      const round = await findRound(app.database.db, plan.id, request.params.id);
      if (!round) throw notFound(`reporting round ${request.params.id}`);
      const unit = await findOrgUnit(app.database.db, request.query.unitId ?? actor.unitId);
      if (!unit) throw notFound(`org unit ${request.query.unitId}`);
      authorize(actor, 'round.template', { unitId: unit.id });
      const structure = (await findPlanStructure(app.database.db, plan.id))!;
      const bytes = await reportingWorkbook(app.database.db, { plan, structure, round, unit });
      return sendFile(
        reply,
        bytes,
        XLSX_TYPE,
        `${round.title}-${unit.shortName}.xlsx`,
        `reporting-${round.year}${round.period ?? ''}-${unit.code}.xlsx`,
      );
    },
  );

  app.post(
    '/api/plans/:planId/rounds/:id/template',
    {
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        params: roundTemplateParamsSchema,
        body: uploadBodySchema,
        response: {
          200: reportingUploadReplySchema,
          ...errorReplies,
          400: uploadErrorSchema,
          413: errorSchema,
        },
      },
    },
    async (request, reply) => {
      const actor = requireActor(request);
      const plan = await requirePlanRecord(app, request.params.planId);
      const round = await findRound(app.database.db, plan.id, request.params.id);
      if (!round) throw notFound(`reporting round ${request.params.id}`);
      // The web form's own rule: a reporter writes drafts of its own unit.
      authorize(actor, 'observation.write', { unitId: actor.unitId, status: 'draft' });
      const bytes = decodeUpload(request.body.contentBase64);
      const workbook = await openWorkbook(bytes);
      try {
        return await app.database.db.transaction().execute((trx) =>
          importReportingTemplate(trx, {
            actor,
            plan,
            round,
            workbook,
            bytes,
            fileName: request.body.fileName ?? null,
            now: app.clock().toISOString(),
          }),
        );
      } catch (error) {
        if (error instanceof TemplateRejected) return rejected(reply, error.errors);
        throw error;
      }
    },
  );
}
