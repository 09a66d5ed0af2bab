/**
 * The vocabulary of the progress engine: statuses, lights, paths and the assessment record that
 * `lantu assess --json` prints. Everything here is plain data, so an assessment can be stored,
 * sent and compared as it is.
 */

/**
 * The judgement of one measure at one period (序时进度 vocabulary of a mid-term evaluation):
 * achieved 提前实现/已实现, ahead 快于预期, on_track 基本符合预期, lagging 滞后, off_track 严重滞后,
 * no_data 无数据, not_assessable 无法评估.
 */
export type Status =
  | 'achieved'
  | 'ahead'
  | 'on_track'
  | 'lagging'
  | 'off_track'
  | 'no_data'
  | 'not_assessable';

/** The traffic light (亮灯) a status shows as. */
export type Light = 'green' | 'yellow' | 'red' | 'grey';

/** The target path from baseline to target: straight line or constant growth rate. */
export type PathKind = 'linear' | 'geometric';

/** The Open SDG progress category (Statistics Canada method) shown beside the status. */
export type OpenSdgStatus = 'target_achieved' | 'substantial' | 'moderate' | 'limited' | 'deterioration';

/** Every status, in the order reports list them (best first). */
export const STATUSES: readonly Status[] = [
  'achieved',
  'ahead',
  'on_track',
  'lagging',
  'off_track',
  'no_data',
  'not_assessable',
];

/** Every light, in the order reports list them. */
export const LIGHTS: readonly Light[] = ['green', 'yellow', 'red', 'grey'];

/**
 * One measure (and optionally one sub-area) judged at one period: the record of the JSON contract
 * of `lantu assess --json`. Numbers are in the measure's unit; null means "cannot be computed"
 * (never NaN).
 */
export interface Assessment {
  /** The indicator's code (序号) as printed in the plan. */
  indicator: string;
  /** 1-based measure number (2 for the second part of a compound indicator). */
  measure: number;
  /** Sub-area the row is for (原上城); absent for the whole plan area. */
  area?: string;
  /** Year of the value judged (the assessed year when there is no value). */
  year: number;
  /** Sub-annual period of the value (Q2, M06), present only when the value is not a full-year one. */
  period?: string;
  /**
   * The value judged, A: the level (running total for cumulative targets; average annual rate in %
   * for growth targets reported only as yearly rates; the year's rate for relational targets).
   */
  value: number | null;
  /** Baseline B used (0 for a cumulative target with no printed baseline). */
  baseline: number | null;
  /**
   * Target T used: the level or total to reach, B·(1+g)^n for growth targets with a baseline, the
   * rate g for rates-only growth targets, the bound of a threshold, the year's target set by the
   * level above (external) or the related indicator's growth (relational).
   */
  target: number | null;
  /** The target path, null when the target is not a path (threshold, external, relational). */
  path: PathKind | null;
  /** E(y): the value on the target path at the period of the value. */
  expected: number | null;
  /** Completion c (完成度); 1 means the target is reached. */
  completion: number | null;
  /** Elapsed share τ of the plan period (序时进度), clamped to [0, 1]. */
  elapsed: number | null;
  status: Status;
  light: Light;
  /** The value expected at the end year if the pace so far holds. */
  projected: number | null;
  /** Whether `projected` reaches the target; null when there is no projection. */
  willReach: boolean | null;
  /** The Open SDG progress measure for the same data. */
  openSdg: { ratio: number | null; status: OpenSdgStatus | null };
}
