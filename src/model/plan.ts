/**
 * The nouns of a plan outline (规划纲要) as ingest produces them. This is the JSON contract of
 * `lantu inspect --json`: other parts of lantu and outside tools rely on it, so fields are only
 * ever added, never renamed. Every node carries the 1-based `line` of the normalised source it
 * came from (for plain text, the line of the file).
 */

/** How a quantity relates to its number: 以上 >=, 超过/突破/余 >, 以下/以内/控制在 <=, 约/左右 about. */
export type Comparator = '=' | '>' | '>=' | '<' | '<=' | 'about' | 'range';

/** The kinds of target a measure can have (see DESIGN.md, domain model). */
export type TargetKind = 'level' | 'growth' | 'cumulative' | 'threshold' | 'external' | 'relational';

/** Which way is better for a measure. */
export type Direction = 'up' | 'down';

/** A quantity that is either one number or a range such as 1-2家. */
export type Quantity = number | { min: number; max: number };

export interface Plan {
  /** Full title, e.g. 杭州市上城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要. */
  title: string;
  /** The issuing body (印发机关), e.g. 杭州市上城区人民政府; null when the text does not say. */
  issuer: string | null;
  /** Date of issue as YYYY-MM-DD; null when the text does not say. */
  issuedOn: string | null;
  period: PlanPeriod;
  chapters: Chapter[];
  columns: Column[];
  indicators: Indicator[];
  commitments: Commitment[];
  findings: Finding[];
  source: SourceInfo;
}

export interface PlanPeriod {
  /** The year baselines are taken in (the last year of the previous plan), e.g. 2020. */
  baseYear: number;
  startYear: number;
  endYear: number;
  /** The long-range vision year (远景目标), e.g. 2035; null when the plan names none. */
  visionYear: number | null;
}

export interface SourceInfo {
  /** SHA-256 of the bytes read, hex. */
  sha256: string;
  format: SourceFormat;
  /** The character encoding the bytes were decoded with (utf-8, utf-16le, gb18030 …). */
  encoding: string;
  /** Number of lines in the normalised stream. */
  lines: number;
}

export type SourceFormat = 'text' | 'html' | 'docx';

/** What a section is for: only `action` sections hold tasks (review paragraphs are achievements). */
export type SectionKind = 'review' | 'context' | 'vision' | 'guidance' | 'goals' | 'action';

export interface Chapter {
  /** 1-based chapter number (第三章 → 3). */
  number: number;
  title: string;
  /** Line of the chapter heading in the body (or of its table-of-contents entry when the body lacks it). */
  line: number;
  /** Last line that belongs to the chapter. */
  lineEnd: number;
  /** Whether the chapter heading was found in the body. */
  foundInBody: boolean;
  /** The chapter's opening paragraph(s) before its first section, if any. */
  intro: Paragraph[];
  sections: Section[];
  /** Tasks of a chapter that has no sections at all (some plans have none). */
  tasks: Task[];
}

export interface Section {
  number: number;
  title: string;
  kind: SectionKind;
  /** Whether the heading appears in the body; when false, `line` is where it should have been. */
  foundInBody: boolean;
  line: number;
  lineEnd: number;
  tasks: Task[];
  /** Paragraphs of a review section (总结回顾): what the last plan achieved. */
  achievements: Paragraph[];
  /** Other paragraphs (guidance, goals, context, or paragraphs that open with no title). */
  paragraphs: Paragraph[];
}

/** A body paragraph that opens with a short title ending in 。 ("加快构筑人才高地。"). */
export interface Task {
  title: string;
  /** The whole paragraph, title included. */
  text: string;
  line: number;
  /** Where ingest had put the paragraph, when a planner has since moved it (see ingest/corrections.ts). */
  movedFrom?: PlacementInOutline;
}

export interface Paragraph {
  /** The short opening title, when the paragraph has one. */
  title: string | null;
  text: string;
  line: number;
  /** Where ingest had put the paragraph, when a planner has since moved it. */
  movedFrom?: PlacementInOutline;
}

/** A place in the outline: a section of a chapter, or the chapter itself (section null). */
export interface PlacementInOutline {
  chapter: number;
  section: number | null;
}

/** A numbered box (专栏) of projects or actions. */
export interface Column {
  number: number;
  title: string;
  line: number;
  /** Chapter and section the box stands in (section null when it stands before the first one). */
  chapter: number;
  section: number | null;
  items: ColumnItem[];
}

export interface ColumnItem {
  number: number;
  title: string;
  /** The full text of the item, title included. */
  text: string;
  line: number;
  /** project (重大项目/工程: something built) or action (行动/计划/改革). */
  kind: 'project' | 'action';
}

/** A row of the headline-indicator table (主要指标). */
export interface Indicator {
  /** 序号 as printed. */
  code: string;
  /** 类别, e.g. 改革引领. Empty when the table has no category column. */
  category: string;
  name: string;
  /** Unit as printed (亿元,% stays as it is). */
  unit: string;
  /** 约束性 (true) or 预期性 (false). */
  binding: boolean;
  /** Whether any value of the row is marked [ ] (累计数). */
  cumulative: boolean;
  measures: Measure[];
  line: number;
  /** The cells as read, for tracing back (category, code, name, unit, baseline, target, rate, attribute). */
  cells: string[];
}

export interface Measure {
  /** Name of the measure when the indicator has more than one (first and second part of the name). */
  name?: string;
  /** The unit this measure is counted in (for 亿元,% the level unit 亿元). */
  unit: string;
  direction: Direction;
  baseline: Baseline;
  target: Target;
}

export interface Baseline {
  year: number;
  /** null when the table gives no baseline (—) or one per area only. */
  value: number | null;
  /** One value per sub-area, e.g. {原上城: 86.6, 原江干: 87.4}. */
  byArea?: Record<string, number>;
  /** Whether the baseline is a running total ([474]). */
  cumulative?: boolean;
}

export interface Target {
  year: number;
  kind: TargetKind;
  /** The level, total or bound to reach; null for growth, external and relational targets. */
  value: number | null;
  comparator?: Comparator;
  /** Average annual rate in percent for growth targets (7.5 for 年均 7.5%). */
  annualRate?: number;
  /** The target as printed when it is words (完成市下达目标, 高于经济增长). */
  text?: string;
  /** For relational targets: what the target is stated against (经济增长). */
  relatesTo?: string;
}

export interface Commitment {
  /** What is promised, e.g. 新建幼儿园. */
  subject: string;
  /** The number as written, in the plan's unit (8 for 8万名); a range for 1-2家. */
  quantity: Quantity;
  /** The plan's unit as written, multiplier included (万名, 万平方米, %). */
  unit: string;
  /** The quantity in base units (8万名 → 80000; 700万平方米 → 7000000); a range stays a range. */
  value: Quantity;
  /** The base unit of `value` (名, 平方米, %). */
  baseUnit: string;
  comparator: Comparator;
  /** The year the promise is due, null when the text names none. */
  year: number | null;
  /** The clause the promise was read from. */
  text: string;
  line: number;
  /** Character offsets of `text` within its line (0-based, end exclusive). */
  start: number;
  end: number;
  chapter: number | null;
  section: number | null;
  /** The column box it comes from, when it is in one. */
  column: number | null;
  /** The table indicator this promise restates, when it does. */
  indicatorCode: string | null;
  /**
   * A planner's verdict on what ingest read: confirmed (a real promise), rejected (not one: it is
   * not tracked and not shown as a promise). Absent while nobody has looked.
   */
  review?: 'confirmed' | 'rejected';
}

export type FindingKind =
  | 'missing_heading'
  | 'missing_chapter'
  | 'unreadable_row'
  | 'missing_cell'
  | 'contradiction'
  | 'unreachable_level'
  | 'unit_mismatch'
  | 'duplicate_code'
  | 'no_indicator_table'
  | 'no_outline'
  | 'header_incomplete';

export interface Finding {
  kind: FindingKind;
  severity: 'info' | 'warning' | 'error';
  /** What was found, in Chinese (the language of the plan and of its users). */
  message: string;
  /** The same in English. */
  messageEn: string;
  line: number;
  /** For findings about a stretch of text: the last line of it. */
  lineEnd?: number;
  /** Other lines the finding refers to (the second statement of a contradiction). */
  relatedLines?: number[];
  /** The part of the outline the finding is about (the section of a missing heading). */
  place?: PlacementInOutline;
  /** Whether a planner has since corrected the structure the finding is about (a moved section boundary). */
  corrected?: boolean;
  /** The commitments the finding is about, by where their clauses start (line and offset). */
  commitments?: { line: number; start: number }[];
  /** Whether a planner has rejected a commitment the finding is about (it is no longer a finding). */
  dismissed?: boolean;
}
