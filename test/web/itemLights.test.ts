/** The overview's tasks, projects and commitments by light: every item the user may see counts, no progress is grey. */
import { describe, expect, it } from 'vitest';
import type { Item } from '../../src/contract/items.ts';
import { itemLights } from '../../web/src/staff/features/overview/itemLights.ts';

type Counted = Pick<Item, 'kind' | 'progress' | 'schedule'>;

const item = (
  kind: Item['kind'],
  light: 'red' | 'yellow' | 'green' | 'grey' | null,
  percent?: number,
): Counted => ({
  kind,
  progress: percent === undefined ? null : { year: 2025, percent },
  schedule:
    light === null
      ? null
      : {
          status: light === 'grey' ? 'no_data' : light === 'red' ? 'off_track' : 'on_track',
          light,
          elapsed: 0.9,
          overdue: false,
          overdueMilestones: [],
        },
});

describe('itemLights', () => {
  it('counts by kind and light, projects with actions, items without progress as their schedule says', () => {
    const lights = itemLights([
      item('task', 'green', 90),
      item('task', 'grey'),
      item('task', 'grey'),
      item('task', 'red'),
      item('project', 'yellow', 40),
      item('action', 'grey'),
      item('commitment', 'green', 100),
      // An indicator, and an item whose schedule the user may not see: not counted.
      { kind: 'indicator', progress: null, schedule: null },
      item('commitment', null),
    ]);
    expect(lights.groups.task).toEqual({
      total: 4,
      reported: 1,
      byLight: { red: 1, yellow: 0, green: 1, grey: 2 },
    });
    expect(lights.groups.project).toEqual({
      total: 2,
      reported: 1,
      byLight: { red: 0, yellow: 1, green: 0, grey: 1 },
    });
    expect(lights.groups.commitment).toEqual({
      total: 1,
      reported: 1,
      byLight: { red: 0, yellow: 0, green: 1, grey: 0 },
    });
    expect(lights.total).toBe(7);
    expect(lights.reported).toBe(3);
  });
});
