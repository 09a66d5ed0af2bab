/**
 * The API contract: open data of published plans (no login). The index lists every downloadable
 * file with its address and the data dictionary; the files themselves are CSV (UTF-8 with a BOM,
 * the values in the Open SDG layout), JSON and XLSX.
 */
import { z } from 'zod';
import { periodSchema, planParamsSchema } from './common.ts';

/** A data file by name: indicators.csv, observations.json, dictionary.xlsx … */
export const dataFileParamsSchema = planParamsSchema.extend({
  file: z.string().regex(/^(indicators|observations|assessments|dictionary)\.(csv|json|xlsx)$/, {
    error:
      '文件名应为 indicators|observations|assessments|dictionary .csv|.json|.xlsx · an open data file name',
  }),
});

/** An indicator's file in the Open SDG layout: indicator_<code>.csv. */
export const openSdgFileParamsSchema = planParamsSchema.extend({
  file: z.string().regex(/^indicator_[0-9A-Za-z.-]+\.csv$/, {
    error: '文件名应为 indicator_<序号>.csv · a file name such as indicator_10.csv',
  }),
});

/** One column of the data dictionary. */
export const dictionaryEntrySchema = z.object({
  dataset: z.string(),
  dataset_zh: z.string(),
  column: z.string(),
  type: z.string(),
  description_zh: z.string(),
  description_en: z.string(),
});

/** What a published plan offers for download. */
export const publicDataIndexSchema = z.object({
  plan: z.object({
    id: z.string(),
    title: z.string(),
    regionCode: z.string(),
    issuer: z.string().nullable(),
    issuedOn: z.string().nullable(),
    period: periodSchema,
  }),
  /** Whether any value is sample data rather than a published figure. */
  containsSampleData: z.boolean(),
  /** The years assessed, from the plan's start to the latest year with approved data. */
  years: z.array(z.number()),
  files: z.array(
    z.object({
      name: z.string(),
      dataset: z.enum(['indicators', 'observations', 'assessments', 'dictionary']),
      format: z.enum(['csv', 'json', 'xlsx']),
      /** The file's address under the API. */
      url: z.string(),
      zh: z.string(),
      en: z.string(),
    }),
  ),
  dictionary: z.array(dictionaryEntrySchema),
});
export type PublicDataIndex = z.infer<typeof publicDataIndexSchema>;
