/**
 * The frozen snapshot of an evaluation: everything its report, its HTML page and its scorecard are
 * rendered from, computed once when the evaluation is made and stored as JSON. Rendering reads only
 * this (and the narrative), never the live tables, so a report produced years later is the report
 * that was handed in, even after values were corrected or added. Plain data: no class, no Map.
 */
import type { Plan, Target } from '../model/plan.ts';
import type {
  Assessment,
  Light,
  MethodDescription,
  PathKind,
  ScheduleAssessment,
  Summary,
} from '../progress/index.ts';

/** Bumped whenever the snapshot's shape changes, so a renderer can tell old snapshots apart. */
export const SNAPSHOT_FORMAT = 1;

/** midterm 中期评估 or final 总结评估. */
export type EvaluationKind = 'midterm' | 'final';

/** The report's name for each kind of evaluation. */
export const KIND_TITLES: Readonly<Record<EvaluationKind, string>> = {
  midterm: '中期评估报告',
  final: '总结评估报告',
};

/** The title an evaluation gets when the planner gives none: 《plan title》实施情况中期评估报告. */
export function defaultTitle(planTitle: string, kind: EvaluationKind): string {
  return `《${planTitle}》实施情况${KIND_TITLES[kind]}`;
}

/** An org unit as the report names it. */
export interface SnapshotUnit {
  id: string;
  name: string;
  shortName: string;
  kind: string;
}

/** An approved value of an indicator measure, as it stood when the evaluation was made. */
export interface SnapshotValue {
  indicator: string;
  measure: number;
  area: string | null;
  year: number;
  period: string | null;
  /** level, growth, increment or target (the year's target set by the level above). */
  kind: string;
  value: number;
  unit: string;
  /** Generated demo data rather than a published or reported figure. */
  sample: boolean;
  source: string;
}

/** A target in force that differs from the plan as printed (调整修订). */
export interface SnapshotRevisedTarget {
  indicatorCode: string;
  measure: number;
  original: Target;
  inForce: Target;
  effectiveYear: number;
  reason: string;
  document: string;
}

/** One point of a measure's chart: the value judged in that year and the target path there. */
export interface ChartPoint {
  year: number;
  /** The value judged for that year (running total, level, or average rate); null without one. */
  actual: number | null;
  /** E(y) on the target path; null when the target is not a path. */
  expected: number | null;
  /**
   * For targets that are not a path, the bound the value of that year was judged against: the
   * threshold, the target the level above set for the year, or the related indicator's growth.
   */
  bound: number | null;
}

/** The chart data of one assessment row (a measure, or a sub-area of it). */
export interface MeasureChart {
  indicator: string;
  measure: number;
  area: string | null;
  path: PathKind | null;
  /** From the base year to the end year. */
  points: ChartPoint[];
  /** The end-year value if the pace so far holds. */
  projected: number | null;
}

/** The latest approved progress update of a task, project, action or commitment up to the year assessed. */
export interface SnapshotProgress {
  year: number;
  /** Percent done, 0–100. */
  percent: number;
  narrative: string | null;
  /** Investment completed to date, 亿元 (projects). */
  investment: number | null;
  sample: boolean;
}

/** A trackable item with its owners and, for everything but indicators, where its schedule stands. */
export interface SnapshotItem {
  /** ind:10, task:3.1.2, col:6.1, com:<line>:<start>. */
  key: string;
  kind: 'indicator' | 'task' | 'project' | 'action' | 'commitment';
  title: string;
  /** Where it stands in the plan, in words (第三章第二节, 专栏6). */
  place: string;
  leadUnitId: string | null;
  coUnitIds: string[];
  dueDate: string | null;
  milestones: Array<{ title: string; due: string; done?: boolean }>;
  progress: SnapshotProgress | null;
  /** The schedule judged at the end of the year assessed; null for indicators. */
  schedule: ScheduleAssessment | null;
  /** For a commitment: the promise as printed and the indicator it restates, if any. */
  commitment: { quantity: string; year: number | null; indicatorCode: string | null } | null;
}

/** What a lead unit owed one reporting round for one item and measure, and how it was handed in. */
export interface Obligation {
  unitId: string;
  itemKey: string;
  measure: number;
  year: number;
  period: string | null;
  /** The round's deadline, YYYY-MM-DD. */
  deadline: string;
  /** on time, late, handed in at a time not recorded (loaded in bulk), or not handed in. */
  state: 'on_time' | 'late' | 'time_unknown' | 'missing';
  /** The first submission (ISO time), when there was one. */
  handedInAt: string | null;
}

/** A reporting round counted in the scorecard (its deadline had passed when the evaluation was made). */
export interface SnapshotRound {
  year: number;
  period: string | null;
  title: string;
  deadline: string;
}

/** Everything an evaluation's report is rendered from. */
export interface EvaluationSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  kind: EvaluationKind;
  /** The year assessed: values up to and including it were used. */
  year: number;
  /** The day schedules were judged at: 31 December of the year assessed. */
  asOf: string;
  /** When the evaluation was made (ISO). */
  madeAt: string;
  createdBy: { id: string | null; name: string };
  /** Who hands the report in: the maker's unit, else the region's development and reform bureau. */
  issuingBody: string;
  plan: {
    id: string;
    title: string;
    regionCode: string;
    level: string;
    issuer: string | null;
    issuedOn: string | null;
    period: Plan['period'];
    sourceSha256: string;
  };
  /** The plan structure with the targets in force for the year assessed. */
  structure: Plan;
  revisedTargets: SnapshotRevisedTarget[];
  method: MethodDescription;
  /** Every approved indicator value of the plan up to the year assessed. */
  values: SnapshotValue[];
  /** The assessment of the year assessed and its roll-ups. */
  assessments: Assessment[];
  summary: Summary;
  charts: MeasureChart[];
  items: SnapshotItem[];
  units: SnapshotUnit[];
  reporting: { rounds: SnapshotRound[]; obligations: Obligation[] };
  /** Whether any value or progress update used is sample data. */
  containsSampleData: boolean;
}

/** The light of an item: indicators from the assessment's roll-up, the others from their schedule. */
export function itemLight(snapshot: EvaluationSnapshot, item: SnapshotItem): Light {
  if (item.kind === 'indicator') {
    const code = item.key.slice('ind:'.length);
    return snapshot.summary.items.find((i) => i.indicator === code)?.light ?? 'grey';
  }
  return item.schedule?.light ?? 'grey';
}

/** Reads a stored snapshot; throws when it is not one this code can render. */
export function parseSnapshot(text: string): EvaluationSnapshot {
  const snapshot = JSON.parse(text) as EvaluationSnapshot;
  if (snapshot?.format !== SNAPSHOT_FORMAT) {
    throw new Error(`evaluation snapshot format ${String(snapshot?.format)} is not ${SNAPSHOT_FORMAT}`);
  }
  return snapshot;
}
