/**
 * The API contract: observations (values of indicator measures) and progress updates (percent done
 * of tasks, projects, actions and commitments), with their reporting workflow
 * draft → submitted → reviewed → approved, or returned with a comment. One schema per payload,
 * shared by the server and the web app.
 */
import { z } from 'zod';
import { idSchema, versionSchema } from './common.ts';

/** Where a value stands in the reporting workflow. Only approved values feed assessments. */
export const observationStatusSchema = z.enum(['draft', 'submitted', 'reviewed', 'approved', 'returned']);
export type ObservationStatus = z.infer<typeof observationStatusSchema>;

/**
 * What a value is: the progress engine's kinds for indicator measures (level, growth, increment,
 * target), and `progress`, the percent done (0-100) of a task, project, action or commitment.
 */
export const observationKindSchema = z.enum(['level', 'growth', 'increment', 'target', 'progress']);
export type ObservationKind = z.infer<typeof observationKindSchema>;

/** A workflow step a user can take on a value. */
export const transitionActionSchema = z.enum(['submit', 'review', 'approve', 'return', 'reopen']);
export type TransitionAction = z.infer<typeof transitionActionSchema>;

/** Sub-annual periods as the progress engine reads them: Q1–Q4 or M01–M12 (year to date). */
const periodSchema = z
  .string()
  .regex(/^(Q[1-4]|M(0[1-9]|1[0-2]))$/, '期间应为 Q1–Q4 或 M01–M12 · a period is Q1–Q4 or M01–M12');

/** The value as it was typed before it was converted into the measure's unit (万元 → 亿元). */
export const originalValueSchema = z.object({ value: z.number(), unit: z.string() });

/**
 * What a value comes with: a note and the evidence (a document, table or link), and for progress
 * updates the narrative, investment to date (亿元, for projects) and the milestone reached.
 */
export const observationDetailsSchema = z.object({
  note: z.string().max(2000).default(''),
  evidence: z.string().max(2000).default(''),
  narrative: z.string().max(5000).optional(),
  investment: z.number().nonnegative().optional(),
  milestone: z.string().max(500).optional(),
  /** Set by the server when the value was converted from another unit. */
  original: originalValueSchema.optional(),
});
export type ObservationDetails = z.infer<typeof observationDetailsSchema>;

/** What the signed-in user may do with a value; the web app shows buttons from this. */
export const observationAbilitiesSchema = z.object({
  edit: z.boolean(),
  submit: z.boolean(),
  review: z.boolean(),
  approve: z.boolean(),
  return: z.boolean(),
  reopen: z.boolean(),
});

/** An observation or progress update as staff see it. */
export const observationSchema = z.object({
  id: idSchema,
  planId: idSchema,
  itemId: idSchema,
  itemKey: z.string(),
  itemKind: z.string(),
  itemTitle: z.string(),
  /** The indicator's code (序号) for values of an indicator; null for progress updates. */
  indicatorCode: z.string().nullable(),
  measure: z.number().int(),
  area: z.string().nullable(),
  year: z.number().int(),
  period: z.string().nullable(),
  kind: observationKindSchema,
  /** In the measure's unit (for progress: percent done). */
  value: z.number().nullable(),
  unit: z.string(),
  details: observationDetailsSchema,
  status: observationStatusSchema,
  /** The value in force for assessments: the last approved one (kept while a correction is pending). */
  approvedValue: z.number().nullable(),
  approvedAt: z.string().nullable(),
  /** The last workflow comment (why it was returned or reopened); the reporter sees it. */
  comment: z.string().nullable(),
  source: z.string(),
  /** Sample data, not a published figure: shown as such wherever it appears. */
  sample: z.boolean(),
  unitId: idSchema,
  unitName: z.string(),
  version: versionSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  abilities: observationAbilitiesSchema,
});
export type ObservationReply = z.infer<typeof observationSchema>;

/** One revision: every change to a value is kept, with who, when, what, the previous value and why. */
export const observationRevisionSchema = z.object({
  revision: z.number().int(),
  /** create, edit, submit, review, approve, return, reopen (load: imported data). */
  action: z.string(),
  status: observationStatusSchema,
  value: z.number().nullable(),
  /** The value before this revision (null for the first). */
  previousValue: z.number().nullable(),
  details: observationDetailsSchema,
  comment: z.string().nullable(),
  actorName: z.string(),
  /** The actor's role (as the user directory holds it now; the audit trail has it as of then). */
  actorRole: z.string().optional(),
  at: z.string(),
});
export type ObservationRevisionReply = z.infer<typeof observationRevisionSchema>;

/** A plausibility warning: not an error, the value is kept; the reviewer sees it too. */
export const observationWarningSchema = z.object({
  code: z.enum(['implausible_change']),
  message: z.string(),
  field: z.string(),
});

/** One value with its whole history and any plausibility warnings. */
export const observationDetailSchema = observationSchema.extend({
  revisions: z.array(observationRevisionSchema),
  warnings: z.array(observationWarningSchema),
});
export type ObservationDetailReply = z.infer<typeof observationDetailSchema>;

/** Path parameter of /api/observations/:id. */
export const observationParamsSchema = z.object({ id: idSchema });

/** Filters of the list; a reporter or reviewer always sees only its own unit's values. */
export const observationListQuerySchema = z.object({
  unitId: idSchema.optional(),
  status: observationStatusSchema.optional(),
  itemId: idSchema.optional(),
  year: z.coerce.number().int().min(1900).max(2200).optional(),
});

/** Creating a draft value. */
export const createObservationBodySchema = z.object({
  itemId: idSchema,
  /** 1-based measure of a compound indicator; 1 for progress updates. */
  measure: z.number().int().min(1).max(99).default(1),
  /** Sub-area (原上城, a street); null or absent for the whole plan area. */
  area: z.string().trim().min(1).max(64).nullable().optional(),
  year: z.number().int().min(1900).max(2200),
  period: periodSchema.nullable().optional(),
  kind: observationKindSchema,
  value: z.number(),
  /** The unit the value is given in; converted into the measure's unit (万元 → 亿元). */
  unit: z.string().trim().min(1).max(32),
  details: observationDetailsSchema.default({ note: '', evidence: '' }),
  source: z.string().max(500).default(''),
  sample: z.boolean().default(false),
});
export type CreateObservationBody = z.infer<typeof createObservationBodySchema>;

/** Editing a draft or returned value; `version` is the one the editor saw. */
export const editObservationBodySchema = z
  .object({
    version: versionSchema,
    value: z.number().optional(),
    /** The unit of `value`; the measure's unit when absent. */
    unit: z.string().trim().min(1).max(32).optional(),
    /** Replaces the details as a whole. */
    details: observationDetailsSchema.optional(),
    source: z.string().max(500).optional(),
    sample: z.boolean().optional(),
    /** Why it changed; kept with the revision. */
    reason: z.string().trim().max(2000).optional(),
  })
  .refine((b) => b.unit === undefined || b.value !== undefined, {
    path: ['value'],
    message: '给出单位时须同时给出数值 · a unit comes with a value',
  });
export type EditObservationBody = z.infer<typeof editObservationBodySchema>;

/**
 * A workflow step. `return` and `reopen` need a comment saying why (the reporter sees it); the
 * others may carry one.
 */
export const transitionBodySchema = z
  .object({
    action: transitionActionSchema,
    version: versionSchema,
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((b) => (b.action !== 'return' && b.action !== 'reopen') || (b.comment ?? '') !== '', {
    path: ['comment'],
    message: '退回或重新打开须说明理由 · returning or reopening needs a comment saying why',
  });
export type TransitionBody = z.infer<typeof transitionBodySchema>;

/** Query of what my unit owes: the year, by default the year before the current one. */
export const owedQuerySchema = z.object({ year: z.coerce.number().int().min(1900).max(2200).optional() });

/** One item my unit leads and has not yet submitted a value for (annual values). */
export const owedItemSchema = z.object({
  itemId: idSchema,
  itemKey: z.string(),
  itemKind: z.string(),
  itemTitle: z.string(),
  indicatorCode: z.string().nullable(),
  year: z.number().int(),
  dueDate: z.string().nullable(),
  /** missing: nothing entered yet; draft: entered, not submitted; returned: sent back for rework. */
  state: z.enum(['missing', 'draft', 'returned']),
  /** The measures still owed (1 for progress updates). */
  measures: z.array(z.number().int()),
  /** The drafts and returned values already entered for the year. */
  observations: z.array(
    z.object({
      id: idSchema,
      measure: z.number().int(),
      status: observationStatusSchema,
      version: versionSchema,
    }),
  ),
});

export const owedReplySchema = z.object({
  year: z.number().int(),
  unitId: idSchema,
  items: z.array(owedItemSchema),
});
