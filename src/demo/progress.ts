/**
 * Demo progress updates (进度填报) of column items and tasks: percent done, the time nodes reached,
 * a sentence in Chinese and, for projects, the investment to date. Sample data throughout, marked
 * as such in every update. Pure and deterministic: a seeded generator, years passed in, no clock.
 */
import type { Plan } from '../model/plan.ts';
import { assessSchedule } from '../progress/index.ts';
import { type DemoAssignment, planItems } from './assign.ts';
import { seededRandom, seededShuffle } from './random.ts';

function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/** A demo progress update of a column item or task. */
export interface DemoProgressUpdate {
  itemKey: string;
  year: number;
  /** Percent done at the end of the year, 0–100. */
  percent: number;
  /** One sentence in Chinese, marked as sample data. */
  narrative: string;
  /** Investment completed to date, 亿元 (column items that are projects only). */
  investment?: number;
  /** Titles of the assignment's milestones reached by the end of the year. */
  milestonesDone: string[];
  sample: true;
}

const SCHEDULE_WORDS: Readonly<Record<string, string>> = {
  achieved: '已全面完成',
  ahead: '快于序时进度',
  on_track: '基本符合序时进度',
  lagging: '进度滞后，正在加快推进',
  off_track: '严重滞后，已列入督办',
};

/**
 * Progress updates for the column items and tasks among the assignments, one per year until the
 * item is done: percent done along its schedule (start of the plan period → due date) at a seeded
 * pace (a few ahead, most on track, some lagging, a few far behind; a slow item misses its due date
 * and is finished the year after), the milestones reached (a node counts as reached when the
 * percent done is at least 80% of the time share of its date), a
 * sentence saying where it stands (judged by the engine's assessSchedule) and, for projects, the
 * investment to date out of a sample total.
 */
export function demoProgress(
  plan: Plan,
  assignments: readonly DemoAssignment[],
  years: readonly number[],
  options: { seed?: string } = {},
): DemoProgressUpdate[] {
  const seed = options.seed ?? 'lantu-demo';
  const items = new Map(planItems(plan).map((i) => [i.key, i]));
  const scheduled = assignments.filter((a) => {
    const type = items.get(a.itemKey)?.type;
    return type === 'task' || type === 'column';
  });
  const order = seededShuffle(scheduled, `${seed}|progress`);
  const pace = new Map<DemoAssignment, readonly [number, number]>();
  order.forEach((a, i) => {
    const share = i / order.length;
    pace.set(
      a,
      share < 0.06 ? [0.45, 0.6] : share < 0.2 ? [0.72, 0.82] : share < 0.4 ? [1.1, 1.25] : [0.94, 1.04],
    );
  });
  const start = `${plan.period.startYear}-01-01`;
  const day = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;
  const sortedYears = [...new Set(years)].sort((a, b) => a - b);
  const out: DemoProgressUpdate[] = [];

  for (const a of scheduled) {
    const item = items.get(a.itemKey)!;
    const random = seededRandom(`${seed}|progress|${a.itemKey}`);
    const p = random.between(...pace.get(a)!);
    const total = item.kind === 'project' ? round(random.between(5, 120), 1) : null;
    const span = day(a.dueDate) - day(start);
    let previous = 0;
    for (const y of sortedYears) {
      const asOf = `${y}-12-31`;
      if (day(asOf) < day(start)) continue;
      const elapsed = Math.min(1, Math.max(0, (day(asOf) - day(start)) / span));
      let percent: number;
      // Done by the due date at a good pace; otherwise short of it then, and finished a year late.
      if (day(asOf) > day(a.dueDate)) percent = 100;
      else if (elapsed >= 1) percent = p >= 0.9 ? 100 : Math.round(100 * Math.min(0.97, p + 0.2));
      else percent = Math.round(Math.min(99, Math.max(0, 100 * elapsed * p + random.between(-3, 3))));
      percent = Math.max(previous, percent);
      previous = percent;
      const milestonesDone = a.milestones
        .filter((m) => {
          if (m.due > asOf) return false;
          const share = Math.min(1, (day(m.due) - day(start)) / span);
          return percent >= 100 || percent / 100 >= share * 0.8;
        })
        .map((m) => m.title);
      const judged = assessSchedule({
        start,
        due: a.dueDate,
        asOf,
        percentDone: percent,
        milestones: a.milestones.map((m) => ({
          name: m.title,
          due: m.due,
          done: milestonesDone.includes(m.title),
        })),
      });
      const title = item.title.length > 24 ? `${item.title.slice(0, 23)}…` : item.title;
      const words = SCHEDULE_WORDS[judged.status] ?? '正在推进';
      const narrative =
        percent >= 100
          ? `（示例数据）${y}年，“${title}”已全面完成。`
          : `（示例数据）${y}年，“${title}”累计完成${percent}%，${words}。`;
      const update: DemoProgressUpdate = {
        itemKey: a.itemKey,
        year: y,
        percent,
        narrative,
        milestonesDone,
        sample: true,
      };
      if (total !== null) update.investment = round((total * percent) / 100, 1);
      out.push(update);
      if (percent >= 100) break;
    }
  }
  return out;
}
