/**
 * The inputs one owed item needs: a value per measure (and per sub-area and kind, the way the unit
 * reported it last year), or a percent done for a task, project, action or commitment. Pure.
 */
import type { Measure } from '../../../../../src/model/plan.ts';
import { parseQuantity } from '../../../../../src/progress/numbers.ts';
import type { Item, ObservationReply, OwedItem } from '../../api/types.ts';
import { measuresOf } from '../indicators/targetText.ts';
import { valueText } from './parseValue.ts';

/** What a value is, for the API (progress for tasks and projects). */
export type ReportKind = ObservationReply['kind'];

/** One input of the form. */
export interface ReportRow {
  /** Form field name, unique within the item. */
  key: string;
  measure: number;
  area: string | null;
  kind: ReportKind;
  /** The unit the value is entered in (shown beside the input). */
  unit: string;
  /** The measure's name for a compound indicator. */
  label: string | null;
  /** Last year's approved value of the same measure, area and kind. */
  lastYear: number | null;
  /** Whether the row may be left empty (targets set by the level above). */
  optional: boolean;
  /**
   * Whether a negative value is ordinary: rates and changes (增速, 降低率, 百分点, an increment) can
   * fall below zero; levels and totals counted up (亿元, 个, 人, 家, a share in %) cannot.
   */
  mayBeNegative: boolean;
  /** The value already entered this year (a draft or a returned one), if any. */
  existing: ObservationReply | null;
}

/** Words of a name that make it a change or a balance, which can be negative (增速, 降低率, 净流入). */
const CHANGE_WORDS = /增速|增幅|增长|增量|增减|降低|下降|减少|变化|变动|差额|净|顺差|逆差|利润|盈亏/;

/** Whether a value of this kind, unit and name may be negative (see ReportRow.mayBeNegative). */
export function mayBeNegative(kind: ReportKind, unit: string, names: readonly (string | null)[]): boolean {
  if (kind === 'growth' || kind === 'increment') return true;
  if (kind === 'progress') return false;
  if (unit.trim() === '百分点') return true;
  return names.some((name) => name !== null && CHANGE_WORDS.test(name));
}

function defaultKind(measure: Measure | undefined): ReportKind {
  return measure?.target.kind === 'growth' && measure.baseline.value === null ? 'growth' : 'level';
}

/**
 * The rows of an owed item, from the item, last year's approved values and this year's entries.
 * `partArea` is set for a co-operating unit's own part of a task, project or commitment (its short
 * name as the area); the lead's progress has none.
 */
export function reportRows(
  owed: OwedItem,
  item: Item | undefined,
  lastYear: readonly ObservationReply[],
  thisYear: readonly ObservationReply[],
  partArea: string | null = null,
): ReportRow[] {
  const mine = (o: ObservationReply): boolean => o.itemId === owed.itemId && o.period === null;
  const existingOf = (measure: number, area: string | null, kind: ReportKind): ObservationReply | null =>
    thisYear.find(
      (o) =>
        mine(o) &&
        o.measure === measure &&
        o.area === area &&
        o.kind === kind &&
        (o.status === 'draft' || o.status === 'returned'),
    ) ?? null;
  if (owed.itemKind !== 'indicator') {
    const last = lastYear.find(
      (o) => mine(o) && o.area === partArea && o.kind === 'progress' && o.approvedValue !== null,
    );
    return [
      {
        key: 'v1',
        measure: 1,
        area: partArea,
        kind: 'progress',
        unit: '%',
        label: null,
        lastYear: last?.approvedValue ?? null,
        optional: false,
        mayBeNegative: false,
        existing: existingOf(1, partArea, 'progress'),
      },
    ];
  }
  const measures = measuresOf(item);
  const rows: ReportRow[] = [];
  for (const m of owed.measures) {
    const measure = measures[m - 1];
    const label = measures.length > 1 ? (measure?.name ?? null) : null;
    const previous = lastYear.filter((o) => mine(o) && o.measure === m && o.approvedValue !== null);
    const shapes = new Map<string, { area: string | null; kind: ReportKind; value: number | null }>();
    for (const o of previous)
      shapes.set(`${o.kind}|${o.area ?? ''}`, { area: o.area, kind: o.kind, value: o.approvedValue });
    for (const o of thisYear.filter((x) => mine(x) && x.measure === m)) {
      const key = `${o.kind}|${o.area ?? ''}`;
      if (!shapes.has(key)) shapes.set(key, { area: o.area, kind: o.kind, value: null });
    }
    if (shapes.size === 0) shapes.set('default', { area: null, kind: defaultKind(measure), value: null });
    const ordered = [...shapes.values()].sort(
      (a, b) =>
        Number(a.kind === 'target') - Number(b.kind === 'target') ||
        (a.area ?? '').localeCompare(b.area ?? ''),
    );
    for (const [n, shape] of ordered.entries()) {
      const unit = shape.kind === 'growth' ? '%' : (measure?.unit ?? item?.indicator?.unit ?? '');
      rows.push({
        key: `v${m}_${n}`,
        measure: m,
        area: shape.area,
        kind: shape.kind,
        unit,
        label,
        lastYear: shape.value,
        optional: shape.kind === 'target',
        mayBeNegative: mayBeNegative(shape.kind, unit, [owed.itemTitle, measure?.name ?? null]),
        existing: existingOf(m, shape.area, shape.kind),
      });
    }
  }
  return rows;
}

/** A change against last year's approved level that asks for a second look (the server's rule: ±50%). */
export const PLAUSIBLE_CHANGE = 0.5;

/** The relative change against last year when it is implausibly large, else null. */
export function implausibleChange(
  kind: ReportKind,
  value: number | null,
  lastYear: number | null,
): number | null {
  if (kind !== 'level' || value === null || lastYear === null || lastYear === 0) return null;
  const change = (value - lastYear) / Math.abs(lastYear);
  return Math.abs(change) > PLAUSIBLE_CHANGE ? change : null;
}

/** Something about a value that asks for a second look: not an error, but submitting asks why. */
export type ValueWarning =
  /** More than ±50% against last year's approved level; `change` is the share (85469 for +8,546,900%). */
  | { code: 'implausible'; change: number; previous: number }
  /** A percent done below last year's. */
  | { code: 'backwards'; previous: number }
  /** Below zero where values are not (see ReportRow.mayBeNegative). */
  | { code: 'negative' };

/** The warnings of one row's value (none for an empty value). */
export function valueWarnings(row: ReportRow, value: number | null): ValueWarning[] {
  if (value === null) return [];
  const warnings: ValueWarning[] = [];
  if (value < 0 && !row.mayBeNegative && row.kind !== 'progress') warnings.push({ code: 'negative' });
  const change = implausibleChange(row.kind, value, row.lastYear);
  if (change !== null && row.lastYear !== null)
    warnings.push({ code: 'implausible', change, previous: row.lastYear });
  if (row.kind === 'progress' && row.lastYear !== null && value < row.lastYear)
    warnings.push({ code: 'backwards', previous: row.lastYear });
  return warnings;
}

/** What is wrong with a typed value so that it cannot be saved: not a number, or a percent done outside 0–100. */
export type ValueProblem = 'not-a-number' | 'percent-range';

/** The problem of one row's typed value, or null (an empty value is the required rule's business). */
export function valueProblem(row: ReportRow, typed: unknown): ValueProblem | null {
  const text = valueText(typed);
  if (text.trim() === '') return null;
  const value = parseQuantity(text, row.unit);
  if (value === null) return 'not-a-number';
  if (row.kind === 'progress' && (value < 0 || value > 100)) return 'percent-range';
  return null;
}
