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
  abilities: z.object({ publish: z.boolean(), import: z.boolean() }),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

/** Importing a plan file: its bytes in base64 (plain text, HTML or .docx; detected, not named). */
export const importPlanBodySchema = z.object({
  fileName: z.string().max(255).optional(),
  contentBase64: z.string().min(1),
  regionCode: z.string().regex(/^\d{6}$/, '行政区划代码为6位数字 · a 6-digit region code'),
  level: z.enum(['province', 'city', 'district', 'county']),
});

export const findingSchema = z.object({
  kind: z.string(),
  severity: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  messageEn: z.string(),
  line: z.number(),
  lineEnd: z.number().optional(),
  relatedLines: z.array(z.number()).optional(),
});

export const importPlanReplySchema = z.object({ plan: planSummarySchema, findings: z.array(findingSchema) });

/** Confirming the structure read from the file (or taking the confirmation back). */
export const confirmBodySchema = z.object({ confirmed: z.boolean(), version: versionSchema });

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
