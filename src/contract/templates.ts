/**
 * The API contract: Excel round-trips. A planner downloads the assignment template, fills it in
 * Excel and uploads it; a reporter downloads its unit's reporting template for a round and uploads
 * it filled; any table of the web app can be exported as .xlsx. Uploads travel as base64 in JSON,
 * and every problem of an uploaded file is named by sheet, row and column.
 */
import { z } from 'zod';
import { errorSchema, idSchema, planParamsSchema } from './common.ts';

/** The largest workbook accepted, in bytes, and the longest base64 text that can carry it. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const MAX_UPLOAD_BASE64 = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4;

/** An uploaded workbook: its bytes in base64. Its length is checked by the route (413 when too long). */
export const uploadBodySchema = z.object({
  fileName: z.string().max(255).optional(),
  contentBase64: z.string().min(1),
});

/** Uploading the assignment template: all rows or nothing, unless the planner applies the valid ones. */
export const assignmentUploadBodySchema = uploadBodySchema.extend({
  /** Apply the rows without problems and report the others, instead of refusing the whole file. */
  applyValidRows: z.boolean().default(false),
});

/** One problem of an uploaded workbook, where a person finds it in Excel: sheet, row (1-based), column letter. */
export const cellErrorSchema = z.object({
  sheet: z.string(),
  row: z.number().int(),
  /** The column letter (E), or null for the whole row. */
  column: z.string().nullable(),
  message: z.string(),
});
export type CellError = z.infer<typeof cellErrorSchema>;

/** A refused upload: the file or its rows had problems; nothing was changed. */
export const uploadErrorSchema = errorSchema.extend({ errors: z.array(cellErrorSchema).optional() });

/** What an assignment upload changed; `errors` lists the rows left out when valid rows were applied. */
export const assignmentUploadReplySchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows left out because they had problems (applyValidRows). */
  skipped: z.number().int(),
  errors: z.array(cellErrorSchema),
});
export type AssignmentUploadReply = z.infer<typeof assignmentUploadReplySchema>;

/** Path of the reporting template routes: the round's id is `id`, as in the rounds routes. */
export const roundTemplateParamsSchema = planParamsSchema.extend({ id: idSchema });

/** A planner names the unit whose template it wants; a reporter always gets its own unit's. */
export const reportingTemplateQuerySchema = z.object({ unitId: idSchema.optional() });

/** What a reporting upload did: drafts created or changed, rows unchanged or left empty. */
export const reportingUploadReplySchema = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** Rows with no value: nothing to report yet. */
  empty: z.number().int(),
  /** The drafts as they now stand: row of the sheet, item key, measure, id and version. */
  observations: z.array(
    z.object({
      row: z.number().int(),
      itemKey: z.string(),
      measure: z.number().int(),
      id: idSchema,
      status: z.string(),
      version: z.number().int(),
    }),
  ),
});
export type ReportingUploadReply = z.infer<typeof reportingUploadReplySchema>;

/** A cell of an exported table. */
export const exportCellSchema = z.union([z.string().max(32767), z.number(), z.boolean(), z.null()]);

/**
 * Exporting a table of the web app as it is shown: the columns in order (key and header) and the
 * rows as objects. At most 50,000 rows of 100 columns.
 */
export const exportXlsxBodySchema = z.object({
  title: z.string().trim().min(1).max(100),
  columns: z
    .array(z.object({ key: z.string().min(1).max(100), title: z.string().max(200) }))
    .min(1)
    .max(100),
  rows: z.array(z.record(z.string(), exportCellSchema)).max(50000),
});
export type ExportXlsxBody = z.infer<typeof exportXlsxBodySchema>;
