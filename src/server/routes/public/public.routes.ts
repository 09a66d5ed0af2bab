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
import { publishedSeries, type SeriesPoint } from '../../../store/observations.repository.ts';
import {
  findPlan,
  findPlanStructure,
  listPlans,
  type PlanRecord,
  publicDataStamp,
} from '../../../store/plans.repository.ts';
import { LantuError } from '../../errors.ts';
import { assessStoredPlan } from '../../services/assessPlanFromStore.ts';
import { PublicCache } from '../../services/publicCache.ts';

type PublicPlan = z.infer<typeof publicPlanSchema>;
type PublicSummary = z.infer<typeof publicSummarySchema>;

/** What a public reply is made from. */
interface PublishedData {
  record: PlanRecord;
  structure: Plan;
  assessment: PlanAssessment;
  series: SeriesPoint[];
}

/** The plan period as the contract spells it. */
function periodOf(p: PlanRecord): PublicPlan['period'] {
  return { baseYear: p.baseYear, startYear: p.startYear, endYear: p.endYear, visionYear: p.visionYear };
}

export async function publicRoutes(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const cache = new PublicCache();

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
        period: periodOf(p),
      }));
    },
  );

  /**
   * A published plan's reply: loaded, assessed and presented once per change of its data, checked
   * against the reply schema then, and kept as ready JSON (see PublicCache). 404 unless published.
   */
  const publishedReply = async (
    what: string,
    planId: string,
    year: number | undefined,
    present: (data: PublishedData) => unknown,
  ): Promise<Buffer> => {
    const body = await cache.bytes(
      `${what}:${planId}:${year ?? ''}`,
      () => publicDataStamp(app.database.db, planId),
      async () => {
        const record = await findPlan(app.database.db, planId);
        if (!record?.published) return '';
        const structure = (await findPlanStructure(app.database.db, record.id))!;
        const assessment = await assessStoredPlan(app.database.db, record.id, structure, year);
        const series = await publishedSeries(app.database.db, record.id);
        return JSON.stringify(present({ record, structure, assessment, series }));
      },
    );
    if (body.length === 0) throw new LantuError('LANTU_PLAN_NOT_FOUND', `no published plan ${planId}`);
    return body;
  };
  const replySchema = {
    tags: ['public'],
    params: planParamsSchema,
    querystring: assessmentQuerySchema,
  };

  app.get(
    '/api/public/plans/:planId',
    {
      schema: {
        ...replySchema,
        response: { 200: publicPlanSchema, 404: errorReplies[404], 503: errorReplies[503] },
      },
    },
    async (request, reply) => {
      const body = await publishedReply('plan', request.params.planId, request.query.year, (d) =>
        publicPlanSchema.parse(presentPublicPlan(d.record, d.structure, d.assessment, d.series)),
      );
      // Already serialized and checked: sent as bytes, which no serializer touches.
      return reply.type('application/json; charset=utf-8').send(body as unknown as PublicPlan);
    },
  );

  app.get(
    '/api/public/plans/:planId/summary',
    {
      schema: {
        ...replySchema,
        response: { 200: publicSummarySchema, 404: errorReplies[404], 503: errorReplies[503] },
      },
    },
    async (request, reply) => {
      const body = await publishedReply('summary', request.params.planId, request.query.year, (d) =>
        publicSummarySchema.parse({
          id: d.record.id,
          title: d.record.title,
          period: periodOf(d.record),
          year: d.assessment.year,
          indicators: d.assessment.summary.indicators,
          categories: d.assessment.summary.categories,
          containsSampleData: d.series.some((p) => p.sample),
        }),
      );
      return reply.type('application/json; charset=utf-8').send(body as unknown as PublicSummary);
    },
  );
}

function presentPublicPlan(
  record: PlanRecord,
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
          ...(m.target.comparator !== undefined ? { comparator: m.target.comparator } : {}),
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
    period: periodOf(record),
    year: assessment.year,
    summary: assessment.summary,
    indicators,
    method: assessment.method as unknown as Record<string, unknown>,
    containsSampleData: series.some((p) => p.sample),
  };
}
