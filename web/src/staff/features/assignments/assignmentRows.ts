/**
 * The pure parts of the 分工 page: which assignments a filter shows, the rows a bulk assignment
 * sends (each with the version it was seen at, so a stale one is refused), and a refused bulk
 * request's row errors named by the items they concern.
 */
import type { ApiRowError } from '../../../shared/api.ts';
import { ORG_UNIT_KINDS } from '../../api/orgUnitKinds.ts';
import type { AssignmentReply, BulkAssignmentBody, OrgUnitKind, OrgUnitReply } from '../../api/types.ts';

/** The kinds of plan item, in the plan's order. */
export const ITEM_KINDS = ['indicator', 'task', 'project', 'action', 'commitment'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** What the table is filtered by; an undefined field does not filter. */
export interface AssignmentFilter {
  kind?: ItemKind;
  category?: string;
  /** A lead unit's id. */
  leadUnitId?: string;
  /** Only the items with no lead unit yet. */
  unassignedOnly: boolean;
  /** Words looked for in the title and the key. */
  text: string;
}

/** The assignments the filter lets through, in the order given. */
export function filterAssignments(
  list: readonly AssignmentReply[],
  filter: AssignmentFilter,
): AssignmentReply[] {
  const text = filter.text.trim().toLowerCase();
  return list.filter(
    (a) =>
      (!filter.kind || a.kind === filter.kind) &&
      (!filter.category || a.category === filter.category) &&
      (!filter.leadUnitId || a.leadUnit?.id === filter.leadUnitId) &&
      (!filter.unassignedOnly || a.leadUnit === null) &&
      (!text || a.title.toLowerCase().includes(text) || a.key.toLowerCase().includes(text)),
  );
}

/** What a bulk assignment sets on every selected item. */
export interface BulkChoice {
  /** The lead unit's id. */
  leadUnitId: string;
  /** Co-operating units' ids; empty keeps each item's own (less the new lead). */
  coUnitIds: readonly string[];
  /** YYYY-MM-DD; null keeps each item's own due date. */
  dueDate: string | null;
  /** Keep each item's milestones (the default), or remove them. */
  keepMilestones: boolean;
}

/** The rows of POST …/assignments/bulk for the selected items, one per item in the order given. */
export function bulkRows(
  selected: readonly AssignmentReply[],
  choice: BulkChoice,
): BulkAssignmentBody['rows'] {
  return selected.map((a) => ({
    item: a.itemId,
    leadUnit: choice.leadUnitId,
    // The new lead cannot also co-operate: an item's own co-unit that becomes its lead leaves the list.
    coUnits: (choice.coUnitIds.length > 0 ? [...choice.coUnitIds] : a.coUnits.map((u) => u.id)).filter(
      (id) => id !== choice.leadUnitId,
    ),
    dueDate: choice.dueDate ?? a.dueDate,
    milestones: choice.keepMilestones ? a.milestones.map((m) => ({ ...m })) : [],
    version: a.version,
  }));
}

/** One row error of a refused bulk request, with the item it concerns. */
export interface RowProblem {
  /** The item's title and key ('' when the index is outside the request). */
  title: string;
  key: string;
  /** The field's family: item, leadUnit, coUnits, dueDate, milestones or version. */
  field: string;
  /** The server's message ("中文 · English"). */
  message: string;
}

/** Maps the `rows` of a 400 or 409 reply back to the items sent, by index. */
export function rowProblems(errors: readonly ApiRowError[], sent: readonly AssignmentReply[]): RowProblem[] {
  return errors.map((e) => {
    const item = sent[e.index];
    return {
      title: item?.title ?? '',
      key: item?.key ?? `#${e.index + 1}`,
      field: e.field.split('.')[0] ?? e.field,
      message: e.message,
    };
  });
}

/** Org units grouped by kind for a picker, each group's units in the directory's order. */
export function unitsByKind(units: readonly OrgUnitReply[]): { kind: OrgUnitKind; units: OrgUnitReply[] }[] {
  return ORG_UNIT_KINDS.map((kind) => ({ kind, units: units.filter((u) => u.kind === kind) })).filter(
    (g) => g.units.length > 0,
  );
}
