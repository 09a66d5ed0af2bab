/**
 * What a unit still owes for a year: the items it leads (牵头) for which some measure has no annual
 * value submitted yet (nothing entered, or only a draft, or a value returned for rework). This is
 * the reporter's to-do list and what reminders before a deadline are made of.
 */
import type { ObservationStatus } from '../../contract/observations.ts';
import type { Plan } from '../../model/plan.ts';
import type { Executor } from '../../store/database.ts';
import {
  indicatorCodeOf,
  listLeadItemsWithValues,
  type ReportableItem,
} from '../../store/observations.repository.ts';

/** What listOwed needs. */
export interface ListOwedProps {
  planId: string;
  /** The plan's structure, for the number of measures of each indicator. */
  plan: Plan;
  /** The unit whose obligations are listed (the actor's). */
  unitId: string;
  year: number;
}

/** One item the unit still owes a value for. */
export interface OwedItem {
  itemId: string;
  itemKey: string;
  itemKind: ReportableItem['kind'];
  itemTitle: string;
  indicatorCode: string | null;
  year: number;
  dueDate: string | null;
  state: 'missing' | 'draft' | 'returned';
  measures: number[];
  observations: { id: string; measure: number; status: ObservationStatus; version: number }[];
}

/** A value in one of these states has been handed in: the unit owes nothing more for its measure. */
const HANDED_IN: readonly ObservationStatus[] = ['submitted', 'reviewed', 'approved'];

/** The items a unit leads that still lack a submitted annual value for the year, in the plan's order. */
export async function listOwed(db: Executor, props: ListOwedProps): Promise<OwedItem[]> {
  const measuresOf = new Map(props.plan.indicators.map((i) => [i.code, Math.max(1, i.measures.length)]));
  const owed: OwedItem[] = [];
  for (const { item, values } of await listLeadItemsWithValues(db, props.planId, props.unitId, props.year)) {
    const code = indicatorCodeOf(item.key);
    const count = code === null ? 1 : (measuresOf.get(code) ?? 1);
    const measures: number[] = [];
    for (let m = 1; m <= count; m++) {
      if (!values.some((v) => v.measure === m && HANDED_IN.includes(v.status))) measures.push(m);
    }
    if (measures.length === 0) continue;
    const pending = values.filter((v) => measures.includes(v.measure) && !HANDED_IN.includes(v.status));
    const state = pending.some((v) => v.status === 'returned')
      ? 'returned'
      : pending.length > 0
        ? 'draft'
        : 'missing';
    owed.push({
      itemId: item.id,
      itemKey: item.key,
      itemKind: item.kind,
      itemTitle: item.title,
      indicatorCode: code,
      year: props.year,
      dueDate: item.dueDate,
      state,
      measures,
      observations: pending,
    });
  }
  return owed;
}
