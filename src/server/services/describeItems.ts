/**
 * The plan's items as people see them: each with the text it came from, where it stands in the
 * plan, its lead and co-operating units and, for everything but indicators, its latest approved
 * progress and where its schedule stands (one rule: src/progress/itemProgress.ts). Joins the stored
 * items, the plan structure, the assignments and the updates in memory (a plan has a few hundred items).
 */
import type { z } from 'zod';
import type { itemSchema } from '../../contract/items.ts';
import { keyedColumnItems, keyedCommitments, keyedTasks } from '../../model/keys.ts';
import type { Plan } from '../../model/plan.ts';
import {
  judgeItemSchedule,
  latestProgress,
  type ProgressFact,
  reachedMilestones,
} from '../../progress/itemProgress.ts';
import type { OrgUnit } from '../../store/people.repository.ts';
import type { AssignmentRecord } from '../../store/planning.repository.ts';
import type { PlanItem } from '../../store/plans.repository.ts';

type Item = z.infer<typeof itemSchema>;

/** Presents items with their source and owners. */
export function describeItems(
  plan: Plan,
  items: PlanItem[],
  assignments: AssignmentRecord[],
  units: OrgUnit[],
  progressFacts: readonly ProgressFact[],
  /** Today, YYYY-MM-DD: items without an update are judged as of this day. */
  today: string,
): Item[] {
  const upTo = Number(today.slice(0, 4));
  const latest = latestProgress(progressFacts, upTo);
  const reached = reachedMilestones(progressFacts, upTo);
  const unitById = new Map(units.map((u) => [u.id, u]));
  const byItem = new Map(assignments.map((a) => [a.itemId, a]));
  const indicators = new Map(plan.indicators.map((i) => [`ind:${i.code}`, i]));
  const tasks = new Map(
    keyedTasks(plan).map((t) => [t.key, { text: t.task.text, chapter: t.chapter, section: t.section }]),
  );
  const columnItems = new Map(
    keyedColumnItems(plan).map((c) => [
      c.key,
      { text: c.item.text, chapter: c.chapter, section: c.section, column: c.column },
    ]),
  );
  const commitments = new Map(keyedCommitments(plan).map((c) => [c.key, c.commitment]));
  return items.map((item) => {
    const a = byItem.get(item.id);
    const lead = a ? unitById.get(a.leadUnitId) : undefined;
    const ind = indicators.get(item.key);
    const task = tasks.get(item.key);
    const col = columnItems.get(item.key);
    const com = commitments.get(item.key);
    const update = latest.get(item.id);
    const schedule =
      item.kind === 'indicator'
        ? null
        : judgeItemSchedule({
            startYear: plan.period.startYear,
            endYear: plan.period.endYear,
            // A value is judged at the end of the period it was reported for (a value for 2024 at the
            // end of 2024, a first-quarter one at 31 March), never later than today. Without any update
            // nothing is known (grey), past its due date too; only a milestone recorded as missed counts.
            asOf: update
              ? minDate(today, periodEnd(update.year, update.period))
              : minDate(today, a?.dueDate ?? `${com?.year ?? plan.period.endYear}-12-31`),
            dueDate: a?.dueDate ?? null,
            commitmentYear: com?.year ?? null,
            percentDone: update?.percent ?? null,
            milestones: a?.milestones ?? [],
            reached: reached.get(item.id) ?? new Set(),
          });
    return {
      id: item.id,
      key: item.key,
      kind: item.kind,
      title: item.title,
      category: item.category,
      line: item.line,
      place: {
        chapter: task?.chapter ?? col?.chapter ?? com?.chapter ?? null,
        section: task?.section ?? col?.section ?? com?.section ?? null,
        column: col?.column ?? com?.column ?? null,
      },
      text: ind
        ? ind.cells.filter(Boolean).join(' | ')
        : (task?.text ?? col?.text ?? com?.text ?? item.title),
      leadUnit: lead ? { id: lead.id, name: lead.name, shortName: lead.shortName } : null,
      coUnits: (a?.coUnitIds ?? []).flatMap((id) => {
        const u = unitById.get(id);
        return u ? [{ id: u.id, shortName: u.shortName }] : [];
      }),
      dueDate: a?.dueDate ?? null,
      milestones: a?.milestones ?? [],
      indicator: ind
        ? {
            code: ind.code,
            unit: ind.unit,
            binding: ind.binding,
            cumulative: ind.cumulative,
            measures: ind.measures.map((m) => ({ ...m })),
          }
        : null,
      commitment: com
        ? {
            quantity: com.quantity,
            unit: com.unit,
            comparator: com.comparator,
            year: com.year,
            indicatorCode: com.indicatorCode,
          }
        : null,
      progress: update ? { year: update.year, percent: update.percent } : null,
      schedule: schedule && {
        status: schedule.status,
        light: schedule.light,
        elapsed: schedule.elapsed,
        overdue: schedule.overdue,
        overdueMilestones: schedule.overdueMilestones,
      },
    };
  });
}

/** The last day of a reporting period: 12-31 for the year, the quarter's or month's last day. */
function periodEnd(year: number, period: string | null): string {
  const month =
    period === null ? 12 : period.startsWith('Q') ? Number(period.slice(1)) * 3 : Number(period.slice(1));
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function minDate(a: string, b: string): string {
  return a < b ? a : b;
}
