/**
 * What every lead unit still owes a reporting round, as GET /api/plans/:planId/owed counts it for one
 * unit (an item it leads with no annual value submitted, reviewed or approved for the year). The API
 * answers that only for the caller's own unit, so for those who read every unit's values (planners,
 * leadership, auditors) the workspace counts it from the items and the year's values.
 */
import { isItemsOwnValue } from '../../../../../src/progress/itemProgress.ts';
import type { Item, ObservationReply } from '../../api/types.ts';

/** One unit's outstanding items. */
export interface UnitOwed {
  unitId: string;
  unitName: string;
  /** Items it leads. */
  total: number;
  /** Of which nothing has been handed in for the year. */
  owed: number;
}

const HANDED_IN = new Set(['submitted', 'reviewed', 'approved']);

/** Units with something outstanding, most outstanding first. */
export function owedByUnit(
  items: readonly Item[],
  observations: readonly ObservationReply[],
  year: number,
): UnitOwed[] {
  // Measures handed in per item: an indicator with two measures owes until both are in.
  const handedIn = new Map<string, Set<number>>();
  for (const o of observations) {
    if (o.year !== year || o.period !== null || !HANDED_IN.has(o.status) || o.kind === 'target') continue;
    if (!isItemsOwnValue(o)) continue;
    const measures = handedIn.get(o.itemId) ?? new Set<number>();
    measures.add(o.measure);
    handedIn.set(o.itemId, measures);
  }
  const byUnit = new Map<string, UnitOwed>();
  for (const item of items) {
    if (!item.leadUnit) continue;
    let row = byUnit.get(item.leadUnit.id);
    if (!row) {
      row = { unitId: item.leadUnit.id, unitName: item.leadUnit.shortName, total: 0, owed: 0 };
      byUnit.set(item.leadUnit.id, row);
    }
    row.total++;
    const required = Math.max(1, item.indicator?.measures.length ?? 1);
    if ((handedIn.get(item.id)?.size ?? 0) < required) row.owed++;
  }
  return [...byUnit.values()]
    .filter((r) => r.owed > 0)
    .sort((a, b) => b.owed - a.owed || a.unitName.localeCompare(b.unitName, 'zh-CN'));
}
