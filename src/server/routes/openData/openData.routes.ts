/**
 * Open data (no login, published plans only, approved values only, no names of people): the index
 * of a plan's downloads with its data dictionary, and each file (indicators, approved values and
 * assessments as CSV, JSON and XLSX; each indicator's values in the Open SDG layout). Files are
 * made once per change of the plan's public data and kept ready (PublicCache).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import {
  dataFileParamsSchema,
  openSdgFileParamsSchema,
  type PublicDataIndex,
  publicDataIndexSchema,
} from '../../../contract/opendata.ts';
import { dictionaryRows, publicFiles, renderPublicFile } from '../../../opendata/dataset.ts';
import { publicDataStamp } from '../../../store/plans.repository.ts';
import { LantuError } from '../../errors.ts';
import { loadPublicData } from '../../services/loadPublicData.ts';
import { PublicCache } from '../../services/publicCache.ts';
import { sendFile } from '../files.ts';

const fileReply = z.string().describe('CSV, JSON or XLSX file');
const publicErrors = { 400: errorReplies[400], 404: errorReplies[404], 503: errorReplies[503] };

export async function openDataRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cache = new PublicCache();

  /** A cached rendering of `name` for a published plan ('' when the plan or file is not there). */
  const cached = (planId: string, name: string, render: () => Promise<string>): Promise<string> =>
    cache.get(`data:${planId}:${name}`, () => publicDataStamp(app.database.db, planId), render);

  const notPublished = (planId: string): LantuError =>
    new LantuError('LANTU_PLAN_NOT_FOUND', `没有已发布的规划 ${planId} · no published plan ${planId}`);

  /** Sends a file of a plan's open data, rendered once per change of the data. */
  const sendDataFile = async (reply: FastifyReply, planId: string, name: string): Promise<FastifyReply> => {
    const stored = await cached(planId, name, async () => {
      const data = await loadPublicData(app.database.db, planId);
      if (!data) return '';
      const file = await renderPublicFile(data, name);
      if (!file) return JSON.stringify({ missing: true });
      const bytes = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
      return JSON.stringify({ type: file.type, base64: bytes.toString('base64') });
    });
    if (!stored) throw notPublished(planId);
    const file = JSON.parse(stored) as { missing?: boolean; type: string; base64: string };
    if (file.missing) throw new LantuError('LANTU_NOT_FOUND', `no open data file ${name}`);
    const base = name.split('/').pop()!;
    return sendFile(reply, Buffer.from(file.base64, 'base64'), file.type, base);
  };

  app.get(
    '/api/public/plans/:planId/data',
    {
      schema: {
        tags: ['public'],
        params: planParamsSchema,
        response: { 200: publicDataIndexSchema, ...publicErrors },
      },
    },
    async (request, reply) => {
      const { planId } = request.params;
      const body = await cached(planId, 'index', async () => {
        const data = await loadPublicData(app.database.db, planId);
        if (!data) return '';
        const base = `/api/public/plans/${encodeURIComponent(planId)}/data`;
        const index: PublicDataIndex = {
          plan: data.plan,
          containsSampleData: data.values.some((v) => v.sample),
          years: data.assessments.map((a) => a.year),
          files: publicFiles(data.structure).map((f) => ({ ...f, url: `${base}/${f.name}` })),
          dictionary: dictionaryRows() as PublicDataIndex['dictionary'],
        };
        return JSON.stringify(publicDataIndexSchema.parse(index));
      });
      if (!body) throw notPublished(planId);
      // Already serialized and checked against the reply schema: sent as bytes.
      return reply
        .type('application/json; charset=utf-8')
        .send(Buffer.from(body) as unknown as PublicDataIndex);
    },
  );

  app.get(
    '/api/public/plans/:planId/data/:file',
    {
      schema: {
        tags: ['public'],
        params: dataFileParamsSchema,
        response: { 200: fileReply, ...publicErrors },
      },
    },
    async (request, reply) => sendDataFile(reply, request.params.planId, request.params.file),
  );

  app.get(
    '/api/public/plans/:planId/data/opensdg/:file',
    {
      schema: {
        tags: ['public'],
        params: openSdgFileParamsSchema,
        response: { 200: fileReply, ...publicErrors },
      },
    },
    async (request, reply) => sendDataFile(reply, request.params.planId, `opensdg/${request.params.file}`),
  );
}
