/** The public API's replies as the portal uses them (types only: no Zod code reaches the browser). */
import type { z } from 'zod';
import type {
  assessmentSchema,
  lightSchema,
  publicIndicatorSchema,
  publicPlanListSchema,
  publicPlanSchema,
  publicPointSchema,
  statusSchema,
} from '../../../src/contract/assessments.ts';
import type { publicDataIndexSchema } from '../../../src/contract/opendata.ts';
import type {
  publicTextSchema,
  publicVisionSchema,
  textBlockSchema,
  textMarkSchema,
} from '../../../src/contract/publicText.ts';

export type PublicPlan = z.infer<typeof publicPlanSchema>;
export type PublicPlanList = z.infer<typeof publicPlanListSchema>;
export type PublicIndicator = z.infer<typeof publicIndicatorSchema>;
export type PublicMeasure = PublicIndicator['measures'][number];
export type PublicPoint = z.infer<typeof publicPointSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
export type Status = z.infer<typeof statusSchema>;
export type Light = z.infer<typeof lightSchema>;
export type PublicText = z.infer<typeof publicTextSchema>;
export type PublicVision = z.infer<typeof publicVisionSchema>;
export type TextBlock = z.infer<typeof textBlockSchema>;
export type TextMark = z.infer<typeof textMarkSchema>;

export const LIGHTS: readonly Light[] = ['green', 'yellow', 'red', 'grey'];
export type PublicDataIndex = z.infer<typeof publicDataIndexSchema>;
