/**
 * Demo content for a fresh installation (`lantu serve --demo`): Shangcheng's directory of org
 * units, demo users, assignments of every plan item to a lead unit, and observations and progress
 * updates (real published figures where they exist, marked sample data everywhere else). Pure:
 * plain data for the shell to insert.
 */
export {
  type AssignOptions,
  assignLeadUnits,
  type DemoAssignment,
  type DemoItem,
  type DemoItemType,
  type DemoMilestone,
  planItems,
} from './assign.ts';
export {
  type DemoOrgUnit,
  type DemoOrgUnitKind,
  PLANNER_UNIT_CODE,
  shangchengDirectory,
} from './directory.ts';
export {
  type DemoObservation,
  type DemoObservationOptions,
  demoObservations,
  type PublishedFigure,
  parsePublishedFigures,
  SAMPLE_SOURCE,
  toObservation,
} from './observations.ts';
export { type DemoProgressUpdate, demoProgress } from './progress.ts';
export { hashString, type Random, seededRandom, seededShuffle } from './random.ts';
export { type AssignmentRule, SHANGCHENG_RULES } from './rules.ts';
export { type DemoRole, type DemoUser, demoPassword, demoUsers } from './users.ts';
