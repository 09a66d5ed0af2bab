/**
 * The public portal's API: no login, published plans only, approved values only, and no names of
 * people (reply schemas have no field that could carry one).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import {
  assessmentQuerySchema,
  publicPlanListSchema,
  publicPlanSchema,
  publicSummarySchema,
} from '../../../contract/assessments.ts';
import { errorReplies, planParamsSchema } from '../../../contract/common.ts';
import type { Plan } from '../../../model/plan.ts';
import type { PlanAssessment } from '../../../progress/index.ts';
import { publishedSeries } from '../../../store/observations.repository.ts';
import { findPlan, findPlanStructure, listPlans, publicDataStamp } from '../../../store/plans.repository.ts';
import { LantuError } from '../../errors.ts';
import { assessStoredPlan } from '../../services/assessPlanFromStore.ts';
import { PublicCache } from '../../services/publicCache.ts';

type PublicPlan = z.infer<typeof publicPlanSchema>;
type PublicSummary = z.infer<typeof publicSummarySchema>;

export async function publicRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cache = new PublicCache();

  const planStamp = (planId: string): Promise<string> => publicDataStamp(app.database.db, planId);

  app.get(
    '/api/public/plans',
    { schema: { tags: ['public'], response: { 200: publicPlanListSchema } } },
    async () => {
      const plans = await listPlans(app.database.db, { publishedOnly: true });
      return plans.map((p) => ({
        id: p.id,
        title: p.title,
        regionCode: p.regionCode,
        issuer: p.issuer,
        issuedOn: p.issuedOn,
        period: {
          baseYear: p.baseYear,
          startYear: p.startYear,
          endYear: p.endYear,
          visionYear: p.visionYear,
        },
      }));
    },
  );

  app.get(
    '/api/public/plans/:planId',
    {
      schema: {
        tags: ['public'],
        params: planParamsSchema,
        querystring: assessmentQuerySchema,
        response: { 200: publicPlanSchema, 404: errorReplies[404], 503: errorReplies[503] },
      },
    },
    async (request, reply) => {
      const { planId } = request.params;
      const body = await cache.get(
        `plan:${planId}:${request.query.year ?? ''}`,
        () => planStamp(planId),
        async () => {
          const record = await findPlan(app.database.db, planId);
          if (!record?.published) return '';
          const structure = (await findPlanStructure(app.database.db, record.id))!;
          const assessment = await assessStoredPlan(
            app.database.db,
            record.id,
            structure,
            request.query.year,
          );
          const series = await publishedSeries(app.database.db, record.id);
          // Checked against the reply schema here, once per change, instead of on every request.
          return JSON.stringify(
            publicPlanSchema.parse(presentPublicPlan(record, structure, assessment, series)),
          );
        },
      );
      if (!body) throw new LantuError('LANTU_PLAN_NOT_FOUND', `no published plan ${planId}`);
      // Already serialized and checked: sent as bytes, which no serializer touches.
      return reply.type('application/json; charset=utf-8').send(Buffer.from(body) as unknown as PublicPlan);
    },
  );

  app.get(
    '/api/public/plans/:planId/summary',
    {
      schema: {
        tags: ['public'],
        params: planParamsSchema,
        querystring: assessmentQuerySchema,
        response: { 200: publicSummarySchema, 404: errorReplies[404], 503: errorReplies[503] },
      },
    },
    async (request, reply) => {
      const { planId } = request.params;
      const body = await cache.get(
        `summary:${planId}:${request.query.year ?? ''}`,
        () => planStamp(planId),
        async () => {
          const record = await findPlan(app.database.db, planId);
          if (!record?.published) return '';
          const structure = (await findPlanStructure(app.database.db, record.id))!;
          const assessment = await assessStoredPlan(
            app.database.db,
            record.id,
            structure,
            request.query.year,
          );
          const sample = (await publishedSeries(app.database.db, record.id)).some((p) => p.sample);
          return JSON.stringify(
            publicSummarySchema.parse({
              id: record.id,
              title: record.title,
              period: {
                baseYear: record.baseYear,
                startYear: record.startYear,
                endYear: record.endYear,
                visionYear: record.visionYear,
              },
              year: assessment.year,
              indicators: assessment.summary.indicators,
              categories: assessment.summary.categories,
              containsSampleData: sample,
            }),
          );
        },
      );
      if (!body) throw new LantuError('LANTU_PLAN_NOT_FOUND', `no published plan ${planId}`);
      return reply
        .type('application/json; charset=utf-8')
        .send(Buffer.from(body) as unknown as PublicSummary);
    },
  );
}

type SeriesPoint = {
  indicator: string;
  measure: number;
  year: number;
  kind: string;
  area: string | null;
  value: number;
  sample: boolean;
  source: string;
};

function presentPublicPlan(
  record: {
    id: string;
    title: string;
    regionCode: string;
    issuer: string | null;
    issuedOn: string | null;
    baseYear: number;
    startYear: number;
    endYear: number;
    visionYear: number | null;
  },
  plan: Plan,
  assessment: PlanAssessment,
  series: SeriesPoint[],
): PublicPlan {
  const indicators = plan.indicators.map((indicator) => ({
    code: indicator.code,
    name: indicator.name,
    category: indicator.category,
    unit: indicator.unit,
    binding: indicator.binding,
    measures: indicator.measures.map((m, k) => {
      const measure = k + 1;
      const row =
        assessment.assessments.find(
          (a) => a.indicator === indicator.code && a.measure === measure && !a.area,
        ) ?? null;
      return {
        measure,
        name: m.name ?? indicator.name,
        unit: m.unit,
        direction: m.direction,
        baseline: {
          year: m.baseline.year,
          value: m.baseline.value,
          ...(m.baseline.byArea ? { byArea: m.baseline.byArea } : {}),
        },
        target: {
          year: m.target.year,
          kind: m.target.kind,
          value: m.target.value,
          ...(m.target.annualRate !== undefined ? { annualRate: m.target.annualRate } : {}),
          ...(m.target.text !== undefined ? { text: m.target.text } : {}),
        },
        series: series
          .filter((p) => p.indicator === indicator.code && p.measure === measure)
          .map(({ year, kind, area, value, sample, source }) => ({
            year,
            kind,
            area,
            value,
            sample,
            source,
          })),
        assessment: row,
      };
    }),
  }));
  return {
    id: record.id,
    title: record.title,
    regionCode: record.regionCode,
    issuer: record.issuer,
    issuedOn: record.issuedOn,
    period: {
      baseYear: record.baseYear,
      startYear: record.startYear,
      endYear: record.endYear,
      visionYear: record.visionYear,
    },
    year: assessment.year,
    summary: assessment.summary,
    indicators,
    method: assessment.method as unknown as Record<string, unknown>,
    containsSampleData: series.some((p) => p.sample),
  };
}
