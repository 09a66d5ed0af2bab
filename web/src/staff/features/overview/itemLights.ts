/**
 * Tasks, projects (with the column boxes' actions) and commitments by light, as the server judges
 * each item's schedule (src/progress/itemProgress.ts): an item with no progress update is judged as
 * of today, so it is grey (no data), or red once overdue, and counts like an indicator with no value.
 * Items whose schedule the user may not see (another unit's, for a reporter) are left out.
 */
import type { Item, Light } from '../../api/types.ts';

/** The groups the overview counts, in the order shown. */
export const ITEM_GROUPS = ['task', 'project', 'commitment'] as const;
export type ItemGroup = (typeof ITEM_GROUPS)[number];

const GROUP_OF: Record<Item['kind'], ItemGroup | null> = {
  indicator: null,
  task: 'task',
  project: 'project',
  action: 'project',
  commitment: 'commitment',
};

/** One group's counts. */
export interface GroupLights {
  /** Items counted (those whose schedule the user may see). */
  total: number;
  /** Of which with an approved progress update. */
  reported: number;
  byLight: Record<Light, number>;
}

/** Every group's counts, and all of them together. */
export interface ItemLights {
  groups: Record<ItemGroup, GroupLights>;
  total: number;
  reported: number;
}

function empty(): GroupLights {
  return { total: 0, reported: 0, byLight: { red: 0, yellow: 0, green: 0, grey: 0 } };
}

/** Counts the items by group and light. */
export function itemLights(items: readonly Pick<Item, 'kind' | 'progress' | 'schedule'>[]): ItemLights {
  const groups: Record<ItemGroup, GroupLights> = { task: empty(), project: empty(), commitment: empty() };
  let total = 0;
  let reported = 0;
  for (const item of items) {
    const group = GROUP_OF[item.kind];
    if (!group || !item.schedule) continue;
    const counts = groups[group];
    counts.total++;
    counts.byLight[item.schedule.light]++;
    total++;
    if (item.progress) {
      counts.reported++;
      reported++;
    }
  }
  return { groups, total, reported };
}
