/**
 * The API contract, part 1: what every route shares. Request and reply schemas live in
 * src/contract/ and are imported by both the server and the web app; types come from z.infer.
 */
import { z } from 'zod';

export const ROLES = ['planner', 'reporter', 'reviewer', 'viewer', 'auditor', 'admin'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

export const idSchema = z.string().min(1).max(64);
export const versionSchema = z.number().int().min(1);

/** A plan's period: base year (baselines), first and last year, and the vision year if any. */
export const periodSchema = z.object({
  baseYear: z.number(),
  startYear: z.number(),
  endYear: z.number(),
  visionYear: z.number().nullable(),
});

/** The body of every error reply. */
export const errorSchema = z.object({
  code: z.string(),
  message: z.string(),
  field: z.string().optional(),
});
export type ErrorReply = z.infer<typeof errorSchema>;

/** Path parameter of plan-scoped routes. */
export const planParamsSchema = z.object({ planId: idSchema });

/** The standard error replies a route can give, for the OpenAPI document and the serializer. */
export const errorReplies = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  503: errorSchema,
};
