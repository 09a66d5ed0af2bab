/**
 * Stable keys of a plan's trackable items. Assignments, reports and imports name items by these keys,
 * so they are made in one place: `ind:<code>`, `task:<chapter>.<section>.<n>` (section 0 for a chapter
 * without sections, n counting from 1 within it), `col:<box>.<item>`, and `com:<line>:<start>` (with
 * `:2`, `:3` … when one clause holds several promises).
 */
import type { ColumnItem, Commitment, Plan, Task } from './plan.ts';

export interface KeyedTask {
  key: string;
  task: Task;
  chapter: number;
  chapterTitle: string;
  section: number | null;
  sectionTitle: string | null;
}

export interface KeyedColumnItem {
  key: string;
  item: ColumnItem;
  column: number;
  columnTitle: string;
  chapter: number;
  section: number | null;
}

export interface KeyedCommitment {
  key: string;
  commitment: Commitment;
}

export function indicatorKey(code: string): string {
  return `ind:${code}`;
}

export function keyedTasks(plan: Plan): KeyedTask[] {
  const out: KeyedTask[] = [];
  for (const ch of plan.chapters) {
    ch.tasks.forEach((task, n) => {
      out.push({
        key: `task:${ch.number}.0.${n + 1}`,
        task,
        chapter: ch.number,
        chapterTitle: ch.title,
        section: null,
        sectionTitle: null,
      });
    });
    for (const s of ch.sections) {
      s.tasks.forEach((task, n) => {
        out.push({
          key: `task:${ch.number}.${s.number}.${n + 1}`,
          task,
          chapter: ch.number,
          chapterTitle: ch.title,
          section: s.number,
          sectionTitle: s.title,
        });
      });
    }
  }
  return out;
}

export function keyedColumnItems(plan: Plan): KeyedColumnItem[] {
  return plan.columns.flatMap((col) =>
    col.items.map((item) => ({
      key: `col:${col.number}.${item.number}`,
      item,
      column: col.number,
      columnTitle: col.title,
      chapter: col.chapter,
      section: col.section,
    })),
  );
}

/**
 * The commitments with their keys. A key depends only on where the clause stands, so a planner's
 * rejection of one promise never changes another's key; rejected ones are left out unless asked for.
 */
export function keyedCommitments(plan: Plan, options: { includeRejected?: boolean } = {}): KeyedCommitment[] {
  const seen = new Map<string, number>();
  const keyed = plan.commitments.map((commitment) => {
    const base = `com:${commitment.line}:${commitment.start}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return { key: n === 1 ? base : `${base}:${n}`, commitment };
  });
  return options.includeRejected ? keyed : keyed.filter((k) => k.commitment.review !== 'rejected');
}
