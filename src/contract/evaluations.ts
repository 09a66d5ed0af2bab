/**
 * The API contract: evaluations (中期评估 / 总结评估). An evaluation freezes the data and assessments
 * of a plan at a year so its report can be produced again identically later; the planner writes
 * only its narrative (主要成效 / 存在问题 / 下步举措). The reports themselves (.docx, .html) and the unit
 * scorecard (.xlsx) are files, not JSON.
 */
import { z } from 'zod';
import { idSchema, versionSchema } from './common.ts';

/** midterm 中期评估 (usually in the plan's third year) or final 总结评估 (after its last year). */
export const evaluationKindSchema = z.enum(['midterm', 'final']);
export type EvaluationKind = z.infer<typeof evaluationKindSchema>;

/** Path parameter of evaluation routes. */
export const evaluationParamsSchema = z.object({ evaluationId: idSchema });

/** Making an evaluation: its kind and the year assessed (values up to and including it are used). */
export const createEvaluationBodySchema = z.object({
  kind: evaluationKindSchema,
  year: z.number().int().min(1900).max(2200),
  /** A title of the planner's own; default 《plan title》实施情况中期评估报告 (总结评估报告). */
  title: z.string().trim().min(1).max(300).optional(),
});

/** The narrative sections a planner writes; an empty text leaves a marked blank place in the report. */
export const narrativeSchema = z.object({
  /** 主要成效 */
  achievements: z.string().max(20_000),
  /** 存在问题 */
  problems: z.string().max(20_000),
  /** 下步举措 */
  nextSteps: z.string().max(20_000),
});
export type Narrative = z.infer<typeof narrativeSchema>;

/** Replacing the narrative, with the version the planner saw (a stale one gets 409). */
export const patchNarrativeBodySchema = z.object({
  version: versionSchema,
  narrative: narrativeSchema,
});

const lightCountsSchema = z.object({
  green: z.number(),
  yellow: z.number(),
  red: z.number(),
  grey: z.number(),
});

/** An evaluation as staff see it (without its snapshot). */
export const evaluationSchema = z.object({
  id: idSchema,
  planId: idSchema,
  kind: evaluationKindSchema,
  year: z.number(),
  title: z.string(),
  createdAt: z.string(),
  /** Who made it: the planner's name, or 命令行 (the CLI). */
  createdBy: z.object({ id: idSchema.nullable(), name: z.string() }),
  updatedAt: z.string(),
  version: versionSchema,
  narrative: narrativeSchema,
  /** The headline of the frozen assessment: indicators by light, and whether sample data was used. */
  summary: z.object({
    indicators: z.number(),
    byLight: lightCountsSchema,
    items: z.number(),
    itemsByLight: lightCountsSchema,
    containsSampleData: z.boolean(),
  }),
  /** Where the files are. */
  files: z.object({ docx: z.string(), html: z.string(), scorecard: z.string() }),
  abilities: z.object({ editNarrative: z.boolean(), download: z.boolean() }),
});
export type EvaluationReply = z.infer<typeof evaluationSchema>;

/** One evaluation with a draft narrative written from its data, for the planner to start from. */
export const evaluationDetailSchema = evaluationSchema.extend({ narrativeDraft: narrativeSchema });

export const evaluationListSchema = z.array(evaluationSchema);
