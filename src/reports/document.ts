/**
 * The report as a neutral document: sections of headings, paragraphs, tables, charts and marked
 * blanks, with every figure already written as text. The Word and the HTML renderers both walk this
 * one tree, so the two always say the same thing; only layout differs.
 */
import type { Light } from '../progress/index.ts';
import type { MeasureChart } from './snapshot.ts';

/** A run of text with the few marks a report uses. */
export interface Run {
  text: string;
  bold?: boolean;
  /** A light's colour (the ● before a status), or muted for secondary text. */
  color?: Light | 'muted';
  /** Superscript (the * of a sample value). */
  sup?: boolean;
}

/** A table cell. */
export interface Cell {
  runs: Run[];
  align?: 'left' | 'center' | 'right';
  /** Columns it spans (group rows span them all). */
  span?: number;
  /** Tints the cell with a light's colour (status cells). */
  light?: Light;
}

/** A table row; `group` rows name a category and span the table. */
export interface Row {
  cells: Cell[];
  group?: boolean;
  /** A total row, set in bold. */
  total?: boolean;
}

/** A column of a table: its title and its share of the width. */
export interface Column {
  title: string;
  /** Relative width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

/** What a chart shows; rendered on the server as SVG (HTML) and PNG (Word). */
export type ChartSpec =
  | {
      kind: 'measure';
      chart: MeasureChart;
      unit: string;
      /** The year assessed: the projection starts there. */
      year: number;
    }
  | {
      kind: 'lights';
      /** One bar per group (category, or the plan as a whole), stacked by light. */
      groups: Array<{ name: string; byLight: Record<Light, number> }>;
    };

/** A block of a section. */
export type Block =
  | { type: 'heading'; level: 1 | 2; text: string }
  | { type: 'paragraph'; runs: Run[]; variant?: 'body' | 'note' | 'center' }
  | {
      type: 'table';
      /** 表N 标题, printed above the table. */
      caption: string;
      columns: Column[];
      rows: Row[];
      /** small: the wide tables (五号 → 小五). */
      size?: 'normal' | 'small';
      /** Notes printed under the table (注：…), one paragraph each. */
      notes?: Run[][];
    }
  | {
      type: 'charts';
      /** Charts laid out two to a row, each with its caption (图N …) under it. */
      charts: Array<{ id: string; caption: string; spec: ChartSpec }>;
      /** One per row instead (the overall chart). */
      wide?: boolean;
    }
  | {
      type: 'narrative';
      /** 主要成效, 存在问题 or 下步举措. */
      title: string;
      /** The planner's text, paragraphs separated by line breaks; empty leaves a marked blank. */
      text: string;
      /** What belongs in the blank, for whoever fills it in. */
      hint: string;
    };

/** A run of pages in one orientation. */
export interface Section {
  orientation: 'portrait' | 'landscape';
  blocks: Block[];
}

/** The whole report. */
export interface ReportDocument {
  /** The evaluation's title (document properties, HTML title). */
  title: string;
  cover: {
    planTitle: string;
    /** 实施情况中期评估报告 / 实施情况总结评估报告 */
    kindLine: string;
    /** （评估期：2021—2024年） */
    periodLine: string;
    issuer: string;
    /** 2026年11月26日 */
    date: string;
    /** Said on the cover when sample data was used; null otherwise. */
    sampleNote: string | null;
  };
  sections: Section[];
}

/** Plain text of runs. */
export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** A cell of plain text. */
export function cell(text: string, align?: Cell['align']): Cell {
  return align ? { runs: [{ text }], align } : { runs: [{ text }] };
}
