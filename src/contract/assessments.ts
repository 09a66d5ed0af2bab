/** The API contract: assessments from the progress engine, staff and public views. */
import { z } from 'zod';
import { idSchema, periodSchema } from './common.ts';

export const statusSchema = z.enum([
  'achieved',
  'ahead',
  'on_track',
  'lagging',
  'off_track',
  'no_data',
  'not_assessable',
]);
export const lightSchema = z.enum(['green', 'yellow', 'red', 'grey']);

export const assessmentSchema = z.object({
  indicator: z.string(),
  measure: z.number(),
  area: z.string().optional(),
  year: z.number(),
  period: z.string().optional(),
  value: z.number().nullable(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  path: z.enum(['linear', 'geometric']).nullable(),
  expected: z.number().nullable(),
  completion: z.number().nullable(),
  elapsed: z.number().nullable(),
  status: statusSchema,
  light: lightSchema,
  projected: z.number().nullable(),
  willReach: z.boolean().nullable(),
  openSdg: z.object({
    ratio: z.number().nullable(),
    status: z.enum(['target_achieved', 'substantial', 'moderate', 'limited', 'deterioration']).nullable(),
  }),
});

const countsSchema = z.object({
  total: z.number(),
  byStatus: z.record(statusSchema, z.number()),
  byLight: z.record(lightSchema, z.number()),
});

export const summarySchema = z.object({
  indicators: countsSchema,
  measures: countsSchema,
  categories: z.array(countsSchema.extend({ category: z.string() })),
  items: z.array(
    z.object({
      indicator: z.string(),
      name: z.string(),
      category: z.string(),
      binding: z.boolean(),
      status: statusSchema,
      light: lightSchema,
    }),
  ),
  escalations: z.array(
    z.object({
      indicator: z.string(),
      measure: z.number(),
      area: z.string().optional(),
      name: z.string(),
      status: statusSchema,
      light: lightSchema,
    }),
  ),
});

export const assessmentQuerySchema = z.object({
  year: z.coerce.number().int().min(1900).max(2200).optional(),
});

/** A measure judged against a revised target (调整修订): the original and the one in force. */
export const revisedTargetSchema = z.object({
  indicatorCode: z.string(),
  measure: z.number(),
  original: z.looseObject({ kind: z.string() }),
  inForce: z.looseObject({ kind: z.string() }),
  revisionId: z.string(),
  revision: z.number(),
  effectiveYear: z.number(),
  reason: z.string(),
  document: z.string(),
});

export const unitRollupSchema = z.object({
  unitId: idSchema,
  unitName: z.string(),
  total: z.number(),
  byLight: z.record(lightSchema, z.number()),
  notGreen: z.array(z.string()),
});

export const planAssessmentSchema = z.object({
  planId: idSchema,
  year: z.number(),
  method: z.looseObject({}),
  assessments: z.array(assessmentSchema),
  summary: summarySchema,
  revisedTargets: z.array(revisedTargetSchema),
  byLeadUnit: z.array(unitRollupSchema),
});

/** One year's approved value of a measure, as the public sees it (no names of people). */
export const publicPointSchema = z.object({
  year: z.number(),
  kind: z.string(),
  area: z.string().nullable(),
  value: z.number(),
  sample: z.boolean(),
  source: z.string(),
});

export const publicIndicatorSchema = z.object({
  code: z.string(),
  name: z.string(),
  category: z.string(),
  unit: z.string(),
  binding: z.boolean(),
  measures: z.array(
    z.object({
      measure: z.number(),
      name: z.string(),
      unit: z.string(),
      direction: z.enum(['up', 'down']),
      baseline: z.object({
        year: z.number(),
        value: z.number().nullable(),
        byArea: z.record(z.string(), z.number()).optional(),
      }),
      target: z.object({
        year: z.number(),
        kind: z.string(),
        value: z.number().nullable(),
        /** How the value binds (>99 is a bound to hold above 99). */
        comparator: z.enum(['=', '>', '>=', '<', '<=', 'about', 'range']).optional(),
        annualRate: z.number().optional(),
        text: z.string().optional(),
      }),
      series: z.array(publicPointSchema),
      assessment: assessmentSchema.nullable(),
    }),
  ),
});

export const publicPlanListSchema = z.array(
  z.object({
    id: idSchema,
    title: z.string(),
    regionCode: z.string(),
    issuer: z.string().nullable(),
    issuedOn: z.string().nullable(),
    period: periodSchema,
  }),
);

export const publicPlanSchema = z.object({
  id: idSchema,
  title: z.string(),
  regionCode: z.string(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  period: periodSchema,
  year: z.number(),
  summary: summarySchema,
  indicators: z.array(publicIndicatorSchema),
  method: z.looseObject({}),
  /** Whether any value shown is sample data rather than a published figure. */
  containsSampleData: z.boolean(),
});

/** The headline of a published plan: counts by light and status, overall and per category. */
export const publicSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  period: periodSchema,
  year: z.number(),
  indicators: countsSchema,
  categories: z.array(countsSchema.extend({ category: z.string() })),
  containsSampleData: z.boolean(),
});
