/** The API contract: the plan's trackable items (indicators, tasks, projects, actions, commitments) with their owners. */
import { z } from 'zod';
import { lightSchema, statusSchema } from './assessments.ts';
import { idSchema } from './common.ts';

export const itemKindSchema = z.enum(['indicator', 'task', 'project', 'action', 'commitment']);

export const itemQuerySchema = z.object({
  kind: itemKindSchema.optional(),
  /** Only items my unit leads or co-operates on. */
  mine: z.enum(['0', '1']).optional(),
});

export const itemSchema = z.object({
  id: idSchema,
  key: z.string(),
  kind: itemKindSchema,
  title: z.string(),
  category: z.string().nullable(),
  line: z.number(),
  /** Where it stands in the plan: chapter and section numbers, or the column box. */
  place: z.object({
    chapter: z.number().nullable(),
    section: z.number().nullable(),
    column: z.number().nullable(),
  }),
  /** The paragraph, clause or row it was read from. */
  text: z.string(),
  leadUnit: z.object({ id: idSchema, name: z.string(), shortName: z.string() }).nullable(),
  coUnits: z.array(z.object({ id: idSchema, shortName: z.string() })),
  dueDate: z.string().nullable(),
  milestones: z.array(z.object({ title: z.string(), due: z.string(), done: z.boolean().optional() })),
  /** For indicators: the table row as typed by ingest (unit, binding, measures with baselines and targets). */
  indicator: z
    .object({
      code: z.string(),
      unit: z.string(),
      binding: z.boolean(),
      cumulative: z.boolean(),
      measures: z.array(z.looseObject({ unit: z.string(), direction: z.enum(['up', 'down']) })),
    })
    .nullable(),
  /** For commitments: the promise as read (quantity, unit, comparator, year) and the indicator it restates. */
  commitment: z
    .object({
      quantity: z.union([z.number(), z.object({ min: z.number(), max: z.number() })]),
      unit: z.string(),
      comparator: z.string(),
      year: z.number().nullable(),
      indicatorCode: z.string().nullable(),
    })
    .nullable(),
  /** The latest approved progress update (tasks, projects, actions, commitments); null when none. */
  progress: z.object({ year: z.number(), percent: z.number() }).nullable(),
  /**
   * Where the item's schedule stands (src/progress/itemProgress.ts), judged as of the end of the year
   * of its latest update; without any update it is no data (grey) unless a milestone recorded as
   * missed is past; null for indicators and for callers who may not read the lead unit's values.
   */
  schedule: z
    .object({
      status: statusSchema,
      light: lightSchema,
      /** Share of the time from the plan's start to the due date elapsed. */
      elapsed: z.number().nullable(),
      overdue: z.boolean(),
      overdueMilestones: z.array(z.string()),
    })
    .nullable(),
});
export type Item = z.infer<typeof itemSchema>;
