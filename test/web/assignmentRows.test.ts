/** The pure parts of the 分工 page: filtering, the rows a bulk assignment sends, row errors by item. */
import { describe, expect, it } from 'vitest';
import type { AssignmentReply } from '../../src/contract/planning.ts';
import {
  bulkRows,
  filterAssignments,
  rowProblems,
} from '../../web/src/staff/features/assignments/assignmentRows.ts';

const unit = (id: string, shortName: string) => ({
  id,
  code: id,
  name: `杭州市上城区${shortName}`,
  shortName,
});

function assignment(key: string, over: Partial<AssignmentReply> = {}): AssignmentReply {
  return {
    itemId: `id-${key}`,
    key,
    kind: 'task',
    title: `条目 ${key}`,
    category: '改革引领',
    assignmentId: null,
    leadUnit: null,
    coUnits: [],
    dueDate: null,
    milestones: [],
    version: null,
    updatedAt: null,
    abilities: { edit: true },
    ...over,
  };
}

const assigned = assignment('task:1.1', {
  kind: 'task',
  title: '数字经济创新提质',
  assignmentId: 'a1',
  leadUnit: unit('u-jxj', '区经信局'),
  coUnits: [unit('u-hubin', '湖滨街道'), unit('u-swj', '区商务局')],
  dueDate: '2025-12-31',
  milestones: [{ title: '制定实施方案', due: '2021-06-30', done: true }],
  version: 3,
});
const open = assignment('col:2.1', { kind: 'action', title: '大力实施“金靴领跑计划”', category: '人才引育' });

describe('filterAssignments', () => {
  it('filters by kind, category, lead unit, what is unassigned and words of the title or key', () => {
    const list = [assigned, open];
    const all = { unassignedOnly: false, text: '' };
    expect(filterAssignments(list, all)).toEqual(list);
    expect(filterAssignments(list, { ...all, kind: 'action' })).toEqual([open]);
    expect(filterAssignments(list, { ...all, category: '改革引领' })).toEqual([assigned]);
    expect(filterAssignments(list, { ...all, leadUnitId: 'u-jxj' })).toEqual([assigned]);
    expect(filterAssignments(list, { ...all, unassignedOnly: true })).toEqual([open]);
    expect(filterAssignments(list, { ...all, text: ' 金靴 ' })).toEqual([open]);
    expect(filterAssignments(list, { ...all, text: 'TASK:1' })).toEqual([assigned]);
  });
});

describe('bulkRows', () => {
  it('sets the lead, keeps co-units (less the new lead), due date and milestones, with each version', () => {
    const rows = bulkRows([assigned, open], {
      leadUnitId: 'u-hubin',
      coUnitIds: [],
      dueDate: null,
      keepMilestones: true,
    });
    expect(rows).toEqual([
      {
        item: 'id-task:1.1',
        leadUnit: 'u-hubin',
        coUnits: ['u-swj'],
        dueDate: '2025-12-31',
        milestones: [{ title: '制定实施方案', due: '2021-06-30', done: true }],
        version: 3,
      },
      { item: 'id-col:2.1', leadUnit: 'u-hubin', coUnits: [], dueDate: null, milestones: [], version: null },
    ]);
  });

  it('replaces co-units and due date when given, and removes milestones when asked', () => {
    const [row] = bulkRows([assigned], {
      leadUnitId: 'u-hubin',
      coUnitIds: ['u-czj'],
      dueDate: '2024-06-30',
      keepMilestones: false,
    });
    expect(row).toMatchObject({ coUnits: ['u-czj'], dueDate: '2024-06-30', milestones: [], version: 3 });
  });
});

describe('rowProblems', () => {
  it('names the item of each refused row by the index of the request', () => {
    expect(
      rowProblems(
        [
          {
            index: 1,
            field: 'version',
            message: '该条目的分工已被他人修改 · the assignment changed meanwhile',
          },
          { index: 0, field: 'coUnits.0', message: '牵头单位不能同时是配合单位 · x' },
          { index: 5, field: 'item', message: 'x' },
        ],
        [assigned, open],
      ),
    ).toEqual([
      {
        title: open.title,
        key: 'col:2.1',
        field: 'version',
        message: '该条目的分工已被他人修改 · the assignment changed meanwhile',
      },
      { title: assigned.title, key: 'task:1.1', field: 'coUnits', message: '牵头单位不能同时是配合单位 · x' },
      { title: '', key: '#6', field: 'item', message: 'x' },
    ]);
  });
});
