/**
 * The API contract of the public plan text: the outline of a published plan (chapters → sections →
 * paragraphs and column boxes, in reading order) with its indicator and commitment mentions marked,
 * and the plan's long-range vision (远景目标). Only the published plan's own words: no names of
 * people, no assignments, no ingest findings.
 */
import { z } from 'zod';
import { idSchema, periodSchema } from './common.ts';

/** A promise found in the text (承诺事项), as the public sees it. */
export const publicCommitmentSchema = z.object({
  subject: z.string(),
  quantity: z.union([z.number(), z.object({ min: z.number(), max: z.number() })]),
  unit: z.string(),
  comparator: z.enum(['=', '>', '>=', '<', '<=', 'about', 'range']),
  year: z.number().nullable(),
});

/** A marked stretch of a paragraph: [start, end) in UTF-16 code units of `text`. */
export const textMarkSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  kind: z.enum(['indicator', 'commitment']),
  /** The indicator the stretch names or restates (its code), when there is one. */
  indicator: z.string().nullable(),
  commitment: publicCommitmentSchema.nullable(),
});

export const textParagraphSchema = z.object({
  /** The short opening title of a task paragraph (加快构筑人才高地), else null. */
  title: z.string().nullable(),
  text: z.string(),
  line: z.number(),
  marks: z.array(textMarkSchema),
});

export const textBlockSchema = z.discriminatedUnion('kind', [
  textParagraphSchema.extend({ kind: z.literal('paragraph') }),
  z.object({
    kind: z.literal('column'),
    number: z.number(),
    title: z.string(),
    line: z.number(),
    items: z.array(
      textParagraphSchema.extend({ number: z.number(), itemKind: z.enum(['project', 'action']) }),
    ),
  }),
]);

export const textSectionSchema = z.object({
  number: z.number(),
  title: z.string(),
  kind: z.enum(['review', 'context', 'vision', 'guidance', 'goals', 'action']),
  blocks: z.array(textBlockSchema),
});

export const textChapterSchema = z.object({
  number: z.number(),
  title: z.string(),
  /** Paragraphs before the first section (and the whole body of a chapter without sections). */
  blocks: z.array(textBlockSchema),
  sections: z.array(textSectionSchema),
});

/** GET /api/public/plans/:planId/text */
export const publicTextSchema = z.object({
  id: idSchema,
  title: z.string(),
  issuer: z.string().nullable(),
  issuedOn: z.string().nullable(),
  period: periodSchema,
  chapters: z.array(textChapterSchema),
  /** The indicators the marks refer to: code and name, for link labels. */
  indicators: z.array(z.object({ code: z.string(), name: z.string() })),
});

/** GET /api/public/plans/:planId/vision: the section on the long-range goals, null when the plan has none. */
export const publicVisionSchema = z.object({
  id: idSchema,
  visionYear: z.number().nullable(),
  vision: z
    .object({
      title: z.string(),
      paragraphs: z.array(z.object({ title: z.string().nullable(), text: z.string() })),
    })
    .nullable(),
});
