/** The API contract: plans. */
import { z } from 'zod';
import { idSchema, periodSchema, versionSchema } from './common.ts';

export const planSummarySchema = z.object({
  id: idSchema,
  title: z.string(),
  regionCode: z.string(),
  level: z.string(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  period: periodSchema,
  status: z.enum(['draft', 'confirmed']),
  published: z.boolean(),
  version: versionSchema,
  sourceSha256: z.string(),
  counts: z.object({
    indicators: z.number(),
    tasks: z.number(),
    projects: z.number(),
    actions: z.number(),
    commitments: z.number(),
    findings: z.number(),
  }),
  abilities: z.object({
    publish: z.boolean(),
    import: z.boolean(),
    /** Whether the caller may correct the structure now (a planner, while the plan is a draft). */
    correct: z.boolean(),
  }),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** Importing a plan file: its bytes in base64 (plain text, HTML or .docx; detected, not named). */
export const importPlanBodySchema = z.object({
  fileName: z.string().max(255).optional(),
  contentBase64: z.string().min(1),
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码为6位数字 · a 6-digit region code'),
  level: z.enum(['province', 'city', 'district', 'county']),
});

/** A place in the outline: a section of a chapter, or the chapter itself (section null). */
export const placementSchema = z.object({
  chapter: z.number().int().min(1),
  section: z.number().int().min(1).nullable(),
});

export const findingSchema = z.object({
  kind: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  messageEn: z.string(),
  line: z.number(),
  lineEnd: z.number().optional(),
  relatedLines: z.array(z.number()).optional(),
  place: placementSchema.optional(),
  corrected: z.boolean().optional(),
  commitments: z.array(z.object({ line: z.number(), start: z.number() })).optional(),
  dismissed: z.boolean().optional(),
});

export const importPlanReplySchema = z.object({ plan: planSummarySchema, findings: z.array(findingSchema) });

/** Confirming the structure read from the file (or taking the confirmation back). */
export const confirmBodySchema = z.object({ confirmed: z.boolean(), version: versionSchema });

/** One correction of the structure ingest read (see src/ingest/corrections.ts). */
export const structureCorrectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('moveParagraph'), line: z.number().int().min(1), to: placementSchema }),
  z.object({
    kind: z.literal('reviewCommitment'),
    key: z
      .string()
      .regex(/^com:\d+:\d+(:\d+)?$/, '承诺事项的键形如 com:行:位置 · a commitment key com:<line>:<offset>'),
    decision: z.enum(['confirmed', 'rejected', 'unreviewed']),
  }),
]);

/** POST /api/plans/:planId/structure/corrections: applied in order, all or none. */
export const correctStructureBodySchema = z.object({
  version: versionSchema,
  corrections: z.array(structureCorrectionSchema).min(1).max(500),
});

export const correctStructureReplySchema = z.object({
  plan: planSummarySchema,
  changes: z.object({
    rekeyed: z.array(z.object({ from: z.string(), to: z.string(), title: z.string() })),
    removed: z.array(z.object({ key: z.string(), title: z.string(), leadUnitId: z.string().nullable() })),
    added: z.array(z.object({ key: z.string(), title: z.string() })),
  }),
});

export const publishBodySchema = z.object({ published: z.boolean(), version: versionSchema });

/**
 * The plan's structure as ingest made it (the README's JSON contract). Checked at the top level here;
 * its nodes are specified by src/model/plan.ts and the README.
 */
export const planStructureSchema = z.object({
  title: z.string(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  period: periodSchema,
  chapters: z.array(z.looseObject({ number: z.number(), title: z.string() })),
  columns: z.array(z.looseObject({ number: z.number(), title: z.string() })),
  indicators: z.array(z.looseObject({ code: z.string(), name: z.string() })),
  commitments: z.array(z.looseObject({ subject: z.string() })),
  findings: z.array(findingSchema),
  source: z.object({ sha256: z.string(), format: z.string(), encoding: z.string(), lines: z.number() }),
});
