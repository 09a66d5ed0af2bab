/**
 * The progress engine (src/progress): judges every indicator, task, project and commitment against
 * the plan's own target path (序时进度) and beside it the Open SDG progress measure. Pure: no I/O,
 * no clock, deterministic.
 */
export {
  type AssessContext,
  type AssessOptions,
  assessIndicator,
  assessMeasure,
  assessPlan,
  assessPrepared,
  createAssessContext,
  defaultYear,
  type PlanAssessment,
  type PreparedMeasure,
  prepareMeasure,
} from './assess.ts';
export { type CompiledMeasure, compileMeasure, type MeasureMode, relatedIndicator } from './compile.ts';
export {
  averageRate,
  completion,
  completionFromRates,
  elapsedShare,
  growthTarget,
  MEET_TOLERANCE,
  meets,
} from './completion.ts';
export {
  DEFAULT_CONFIG,
  type OpenSdgThresholds,
  type ProgressConfig,
  type ProgressConfigInput,
  resolveConfig,
} from './config.ts';
export { assessPathValue, assessRates } from './evaluate.ts';
export {
  type ItemScheduleInput,
  isItemsOwnValue,
  judgeItemSchedule,
  latestProgress,
  type ProgressFact,
  reachedMilestones,
} from './itemProgress.ts';
export {
  describeMethod,
  METHOD_VERSION,
  type MethodDescription,
  type MethodRule,
  methodText,
} from './method.ts';
export {
  checkObservations,
  createObservationReader,
  decodeCsvBytes,
  formatObservationError,
  isRateMeasure,
  measureUnit,
  nfkc,
  type Observation,
  type ObservationCsvRecord,
  type ObservationError,
  type ObservationKind,
  type ObservationReader,
  type ObservationsResult,
  observationsFromRecords,
  parseNumber,
  parseObservationsCsv,
  parsePeriod,
  parseYear,
  periodFraction,
  readObservations,
} from './observations.ts';
export { cagr, openSdgCategory, openSdgRatio } from './opensdg.ts';
export { choosePath, expectedValue, isMoneyUnit } from './path.ts';
export { projectValue, willReach } from './projection.ts';
export {
  type Counts,
  type Escalation,
  emptyCounts,
  type IndicatorSummary,
  rollup,
  type Summary,
} from './rollup.ts';
export {
  assessCommitment,
  assessSchedule,
  type CommitmentProgress,
  commitmentSchedule,
  type Milestone,
  parseIsoDate,
  type ScheduleAssessment,
  type ScheduleInput,
} from './schedule.ts';
export {
  indexObservations,
  latestLevel,
  type ObservationIndex,
  type Series,
  type SeriesPoint,
  seriesKey,
  yearlyRates,
} from './series.ts';
export {
  judge,
  LIGHT_LABELS,
  LIGHT_RANK,
  lightOf,
  roundTo,
  STATUS_LABELS,
  STATUS_RANK,
  statusLabel,
  THRESHOLD_TOLERANCE,
} from './status.ts';
export {
  type Assessment,
  LIGHTS,
  type Light,
  type OpenSdgStatus,
  type PathKind,
  STATUSES,
  type Status,
} from './types.ts';
export { isPercentUnit, normaliseUnit, unitFactor } from './units.ts';
