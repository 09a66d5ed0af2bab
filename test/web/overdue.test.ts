/** What each lead unit still owes, as the overview counts it: a co-operating unit's part hands in nothing. */
import { describe, expect, it } from 'vitest';
import type { Item, ObservationReply } from '../../web/src/staff/api/types.ts';
import { owedByUnit } from '../../web/src/staff/features/overview/overdue.ts';

const item = (id: string, lead: string): Item =>
  ({
    id,
    kind: 'task',
    leadUnit: { id: lead, name: lead, shortName: lead },
    indicator: null,
  }) as unknown as Item;

const value = (
  itemId: string,
  unitId: string,
  status: string,
  area: string | null = null,
): ObservationReply =>
  ({
    itemId,
    unitId,
    status,
    area,
    year: 2025,
    period: null,
    kind: 'progress',
    measure: 1,
  }) as unknown as ObservationReply;

describe('owedByUnit', () => {
  it('counts an item as handed in only when its lead unit has submitted it', () => {
    const items = [item('a', '商务局'), item('b', '商务局'), item('c', '统计局')];
    const values = [
      value('a', '商务局', 'submitted'),
      // 湖滨街道's own part of b, approved: b is still owed by 商务局.
      value('b', '湖滨街道', 'approved', '湖滨街道'),
      value('c', '统计局', 'draft'),
    ];
    expect(owedByUnit(items, values, 2025)).toEqual([
      { unitId: '商务局', unitName: '商务局', total: 2, owed: 1 },
      { unitId: '统计局', unitName: '统计局', total: 1, owed: 1 },
    ]);
  });
});
