/**
 * The API contract: planning a plan's implementation (分解目标、倒排时间节点): assignments of items to
 * lead and co-operating units, reporting rounds, and target revisions (调整修订).
 */
import { z } from 'zod';
import { errorSchema, idSchema, planParamsSchema, versionSchema } from './common.ts';
import { unitRefSchema } from './directory.ts';

/** A calendar date, YYYY-MM-DD (2025-02-30 is refused). */
export const isoDateSchema = z.iso.date({ error: '日期格式应为 YYYY-MM-DD · a date as YYYY-MM-DD' });

export const itemKindSchema = z.enum(['indicator', 'task', 'project', 'action', 'commitment']);

/** A time node (时间节点) of an assignment. */
export const milestoneSchema = z.object({
  title: z.string().trim().min(1).max(200),
  due: isoDateSchema,
  done: z.boolean().optional(),
});
export type Milestone = z.infer<typeof milestoneSchema>;

/**
 * One plan item and its assignment. Items not yet assigned are listed too, with `assignmentId`,
 * `leadUnit` and `version` null, so the planner sees what is left to assign.
 */
export const assignmentSchema = z.object({
  itemId: idSchema,
  /** The item's stable key: ind:10, task:3.1.2, col:6.1, com:<line>:<offset>. */
  key: z.string(),
  kind: itemKindSchema,
  title: z.string(),
  category: z.string().nullable(),
  assignmentId: idSchema.nullable(),
  leadUnit: unitRefSchema.nullable(),
  coUnits: z.array(unitRefSchema),
  dueDate: z.string().nullable(),
  milestones: z.array(milestoneSchema),
  version: versionSchema.nullable(),
  updatedAt: z.string().nullable(),
  abilities: z.object({ edit: z.boolean() }),
});
export type AssignmentReply = z.infer<typeof assignmentSchema>;

const flagSchema = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

export const assignmentQuerySchema = z.object({
  /** Only the items the caller's own unit leads or co-operates on. */
  mine: flagSchema.optional(),
  kind: itemKindSchema.optional(),
  /** Only the items this unit leads or co-operates on. */
  unitId: idSchema.optional(),
});

/** `itemId` is the item's id or its key (ind:10). */
export const assignmentParamsSchema = planParamsSchema.extend({ itemId: z.string().min(1).max(200) });

/**
 * Setting an item's assignment (the whole of it). `version` is the assignment's version as the
 * planner saw it, null when the item had none: a stale one gets 409.
 */
export const putAssignmentBodySchema = z.object({
  leadUnitId: idSchema,
  coUnitIds: z.array(idSchema).max(100).default([]),
  dueDate: isoDateSchema.nullable().default(null),
  milestones: z.array(milestoneSchema).max(100).default([]),
  version: versionSchema.nullable(),
});

/**
 * One row of a bulk assignment, as read from a spreadsheet: the item by key or id, units by id,
 * code, short name or full name. Dates and references are checked row by row, so one reply lists
 * every bad row.
 */
export const bulkAssignmentRowSchema = z.object({
  item: z.string().min(1).max(200),
  leadUnit: z.string().min(1).max(200),
  coUnits: z.array(z.string().min(1).max(200)).max(100).default([]),
  dueDate: z.string().max(40).nullable().optional(),
  milestones: z
    .array(z.object({ title: z.string().max(200), due: z.string().max(40), done: z.boolean().optional() }))
    .max(100)
    .default([]),
  /** The assignment's version as seen; omit to overwrite whatever is there (a file import). */
  version: z.number().int().nullable().optional(),
});

export const bulkAssignmentBodySchema = z.object({
  rows: z.array(bulkAssignmentRowSchema).min(1).max(10000),
});

/** What was wrong with one row of a bulk assignment: 0-based row index, field and message. */
export const rowErrorSchema = z.object({ index: z.number().int(), field: z.string(), message: z.string() });
export type RowError = z.infer<typeof rowErrorSchema>;

/** An error reply that lists every bad row (400) or every stale row (409). */
export const bulkErrorSchema = errorSchema.extend({ rows: z.array(rowErrorSchema).optional() });

export const bulkAssignmentReplySchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** The rows' assignments as they now stand, in the order of the request. */
  assignments: z.array(assignmentSchema),
});

/** A reporting period within a year: null for the whole year, Q1-Q4 or M01-M12. */
export const periodSchema = z
  .enum([
    'Q1',
    'Q2',
    'Q3',
    'Q4',
    'M01',
    'M02',
    'M03',
    'M04',
    'M05',
    'M06',
    'M07',
    'M08',
    'M09',
    'M10',
    'M11',
    'M12',
  ])
  .nullable();

export const roundStatusSchema = z.enum(['open', 'closed']);

export const roundSchema = z.object({
  id: idSchema,
  planId: idSchema,
  year: z.number().int(),
  period: periodSchema,
  title: z.string(),
  opensOn: z.string(),
  deadline: z.string(),
  status: roundStatusSchema,
  version: versionSchema,
  createdAt: z.string(),
  abilities: z.object({ edit: z.boolean() }),
});
export type RoundReply = z.infer<typeof roundSchema>;

export const roundParamsSchema = planParamsSchema.extend({ id: idSchema });

/** Opening a round for a year's (or a quarter's, a month's) data; the title defaults to one made from them. */
export const createRoundBodySchema = z.object({
  year: z.number().int().min(1900).max(2200),
  period: periodSchema.default(null),
  title: z.string().trim().min(1).max(200).optional(),
  opensOn: isoDateSchema,
  deadline: isoDateSchema,
});

/** Closing, reopening or rescheduling a round, with the version seen. */
export const updateRoundBodySchema = z.object({
  version: versionSchema,
  status: roundStatusSchema.optional(),
  title: z.string().trim().min(1).max(200).optional(),
  opensOn: isoDateSchema.optional(),
  deadline: isoDateSchema.optional(),
});

export const targetKindSchema = z.enum([
  'level',
  'growth',
  'cumulative',
  'threshold',
  'external',
  'relational',
]);
export const comparatorSchema = z.enum(['=', '>', '>=', '<', '<=', 'about', 'range']);

/** A measure's target as the API shows it (the model's Target). */
export const targetSchema = z.object({
  year: z.number().int(),
  kind: targetKindSchema,
  value: z.number().nullable(),
  comparator: comparatorSchema.optional(),
  annualRate: z.number().optional(),
  text: z.string().optional(),
  relatesTo: z.string().optional(),
});

/**
 * A revised target. Its year defaults to the target year of the target it replaces. A level,
 * cumulative or threshold target needs a value, a growth target an annual rate, an external or
 * relational one its words.
 */
export const revisedTargetSchema = z
  .object({
    year: z.number().int().min(1900).max(2200).optional(),
    kind: targetKindSchema,
    value: z.number().nullable().default(null),
    comparator: comparatorSchema.optional(),
    annualRate: z.number().optional(),
    text: z.string().trim().min(1).max(200).optional(),
    relatesTo: z.string().trim().min(1).max(200).optional(),
  })
  .superRefine((t, ctx) => {
    if (['level', 'cumulative', 'threshold'].includes(t.kind) && t.value === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: '此类目标需要目标值 · this kind of target needs a value',
      });
    }
    if (t.kind === 'growth' && t.annualRate === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['annualRate'],
        message: '增速目标需要年均增速 · a growth target needs an annual rate',
      });
    }
    if ((t.kind === 'external' || t.kind === 'relational') && !t.text) {
      ctx.addIssue({
        code: 'custom',
        path: ['text'],
        message: '此类目标需要文字表述 · this kind of target needs its words',
      });
    }
  });

/**
 * A target revision (调整修订), typically at mid-term. `version` is the measure's target version as
 * the planner saw it: 1 as printed in the plan, n + 1 after n revisions; a stale one gets 409.
 */
export const createRevisionBodySchema = z.object({
  indicatorCode: z.string().min(1).max(20),
  /** 1-based measure of the indicator (an indicator such as [163]/0 → [190]/[35] has two). */
  measure: z.number().int().min(1).default(1),
  effectiveYear: z.number().int().min(1900).max(2200),
  target: revisedTargetSchema,
  reason: z.string().trim().min(1).max(2000),
  /** The approving document, e.g. 区人大常委会关于调整…的决定. */
  document: z.string().trim().min(1).max(500),
  version: versionSchema,
});

export const revisionQuerySchema = z.object({ indicatorCode: z.string().min(1).max(20).optional() });

export const revisionSchema = z.object({
  id: idSchema,
  planId: idSchema,
  indicatorCode: z.string(),
  indicatorName: z.string().nullable(),
  measure: z.number().int(),
  /** 1-based number of this revision among its measure's revisions. */
  revision: z.number().int(),
  /** The measure's target version this revision made (revision + 1). */
  version: z.number().int(),
  effectiveYear: z.number().int(),
  target: targetSchema,
  previousTarget: targetSchema,
  reason: z.string(),
  document: z.string(),
  createdBy: z.object({ id: idSchema, name: z.string().nullable() }),
  createdAt: z.string(),
});
export type RevisionReply = z.infer<typeof revisionSchema>;
