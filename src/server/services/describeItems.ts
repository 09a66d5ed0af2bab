/**
 * The plan's items as people see them: each with the text it came from, where it stands in the
 * plan, and its lead and co-operating units. Joins the stored items, the plan structure and the
 * assignments in memory (a plan has a few hundred items).
 */
import type { z } from 'zod';
import type { itemSchema } from '../../contract/items.ts';
import type { Plan } from '../../model/plan.ts';
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
): Item[] {
  const unitById = new Map(units.map((u) => [u.id, u]));
  const byItem = new Map(assignments.map((a) => [a.itemId, a]));
  const indicators = new Map(plan.indicators.map((i) => [`ind:${i.code}`, i]));
  const tasks = new Map<string, { text: string; chapter: number; section: number | null }>();
  for (const ch of plan.chapters) {
    ch.tasks.forEach((t, n) =>
      tasks.set(`task:${ch.number}.0.${n + 1}`, { text: t.text, chapter: ch.number, section: null }),
    );
    for (const s of ch.sections) {
      s.tasks.forEach((t, n) =>
        tasks.set(`task:${ch.number}.${s.number}.${n + 1}`, {
          text: t.text,
          chapter: ch.number,
          section: s.number,
        }),
      );
    }
  }
  const columnItems = new Map<
    string,
    { text: string; chapter: number; section: number | null; column: number }
  >();
  for (const col of plan.columns) {
    for (const it of col.items)
      columnItems.set(`col:${col.number}.${it.number}`, {
        text: it.text,
        chapter: col.chapter,
        section: col.section,
        column: col.number,
      });
  }
  const commitments = new Map<string, Plan['commitments'][number]>();
  for (const c of plan.commitments) {
    const base = `com:${c.line}:${c.start}`;
    commitments.set(commitments.has(base) ? `${base}:2` : base, c);
  }
  return items.map((item) => {
    const a = byItem.get(item.id);
    const lead = a ? unitById.get(a.leadUnitId) : undefined;
    const ind = indicators.get(item.key);
    const task = tasks.get(item.key);
    const col = columnItems.get(item.key);
    const com = commitments.get(item.key);
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
    };
  });
}
