/**
 * The Excel templates filled from the store: the assignment template of a plan (every item with its
 * assignment today) and a unit's reporting template for a round (the items it leads, last year's
 * approved values, its drafts so far). The formats are src/opendata's; this gathers their data.
 */

import type { Plan } from '../../model/plan.ts';
import { type AssignmentTemplateItem, buildAssignmentTemplate } from '../../opendata/assignmentTemplate.ts';
import { valueUnit } from '../../opendata/opensdg.ts';
import { buildReportingTemplate, type ReportingTemplateRow } from '../../opendata/reportingTemplate.ts';
import type { Executor } from '../../store/database.ts';
import { allOrgUnits } from '../../store/directory.repository.ts';
import {
  indicatorCodeOf,
  listObservations,
  type ObservationRecord,
} from '../../store/observations.repository.ts';
import type { OrgUnit } from '../../store/people.repository.ts';
import { listAssignments, type RoundRecord } from '../../store/planning.repository.ts';
import { listItems, type PlanRecord } from '../../store/plans.repository.ts';

/** The assignment template of a plan (.xlsx bytes). */
export async function assignmentWorkbook(db: Executor, plan: PlanRecord): Promise<Buffer> {
  const [items, assignments, units] = await Promise.all([
    listItems(db, plan.id),
    listAssignments(db, plan.id),
    allOrgUnits(db),
  ]);
  const ordered = orderUnits(units, plan.regionCode);
  const nameOf = new Map(units.map((u) => [u.id, u.shortName]));
  const byItem = new Map(assignments.map((a) => [a.itemId, a]));
  const rows: AssignmentTemplateItem[] = items.map((item) => {
    const a = byItem.get(item.id);
    return {
      key: item.key,
      kind: item.kind,
      title: item.title,
      category: item.category,
      leadUnit: a ? (nameOf.get(a.leadUnitId) ?? null) : null,
      coUnits: a ? a.coUnitIds.map((id) => nameOf.get(id) ?? id) : [],
      dueDate: a?.dueDate ?? null,
      milestones: a?.milestones ?? [],
    };
  });
  return buildAssignmentTemplate({
    planTitle: plan.title,
    items: rows,
    units: ordered.map((u) => ({ code: u.code, shortName: u.shortName, name: u.name })),
  });
}

/** The plan's own region first (the units a planner picks), then the rest, each by code. */
function orderUnits(units: OrgUnit[], regionCode: string): OrgUnit[] {
  return [...units].sort(
    (a, b) =>
      Number(b.regionCode === regionCode) - Number(a.regionCode === regionCode) ||
      a.code.localeCompare(b.code),
  );
}

/** What a reporting template is for. */
export interface ReportingWorkbookProps {
  plan: PlanRecord;
  structure: Plan;
  round: RoundRecord;
  unit: OrgUnit;
}

/** A unit's reporting template for a round (.xlsx bytes). */
export async function reportingWorkbook(db: Executor, props: ReportingWorkbookProps): Promise<Buffer> {
  const { plan, structure, round, unit } = props;
  const [items, assignments, thisYear, lastYear] = await Promise.all([
    listItems(db, plan.id),
    listAssignments(db, plan.id),
    listObservations(db, plan.id, { year: round.year }),
    listObservations(db, plan.id, { year: round.year - 1 }),
  ]);
  const leads = new Set(assignments.filter((a) => a.leadUnitId === unit.id).map((a) => a.itemId));
  const samePeriod = (o: ObservationRecord): boolean => o.area === null && o.period === round.period;
  const key = (itemId: string, measure: number, kind: string): string =>
    `${itemId}\u0001${measure}\u0001${kind}`;
  const approvedLastYear = new Map(
    lastYear
      .filter((o) => samePeriod(o) && o.approvedValue !== null)
      .map((o) => [key(o.itemId, o.measure, o.kind), o.approvedValue]),
  );
  const current = new Map(
    thisYear
      .filter((o) => samePeriod(o) && o.unitId === unit.id)
      .map((o) => [key(o.itemId, o.measure, o.kind), o]),
  );
  const byCode = new Map(structure.indicators.map((i) => [i.code, i]));
  const rows: ReportingTemplateRow[] = [];
  for (const item of items) {
    if (!leads.has(item.id)) continue;
    const code = indicatorCodeOf(item.key);
    const indicator = code === null ? undefined : byCode.get(code);
    const measures = indicator
      ? indicator.measures.map((m, k) => ({ measure: k + 1, name: m.name ?? '' }))
      : [{ measure: 1, name: '' }];
    for (const { measure, name } of measures) {
      const kind = indicator ? 'level' : 'progress';
      const mine = current.get(key(item.id, measure, kind));
      rows.push({
        key: item.key,
        code: code ?? '',
        title: item.title,
        measure,
        measureName: indicator && indicator.measures.length > 1 ? name : '',
        kind,
        unit: indicator ? valueUnit(indicator, measure, kind, indicator.unit) : '%',
        lastYear: approvedLastYear.get(key(item.id, measure, kind)) ?? null,
        current: mine
          ? {
              value: mine.value,
              note: mine.details.note,
              evidence: mine.details.evidence,
              source: mine.source,
            }
          : null,
      });
    }
  }
  return buildReportingTemplate({
    planTitle: plan.title,
    roundTitle: round.title,
    deadline: round.deadline,
    unitName: unit.name,
    meta: { planId: plan.id, roundId: round.id, unitId: unit.id },
    rows,
  });
}
