/** The item rule by hand: which update counts, which milestones count, which due date applies. */
import { describe, expect, it } from 'vitest';
import {
  judgeItemSchedule,
  latestProgress,
  type ProgressFact,
  reachedMilestones,
} from '../../src/progress/itemProgress.ts';

const fact = (
  year: number,
  period: string | null,
  percent: number,
  milestone: string | null = null,
): ProgressFact => ({
  itemId: 'a',
  year,
  period,
  percent,
  milestone,
});

describe('latestProgress and reachedMilestones', () => {
  it('takes the latest year up to the one asked for, a whole-year update before a quarter', () => {
    const facts = [
      fact(2022, null, 30),
      fact(2023, 'Q2', 45),
      fact(2023, null, 50),
      fact(2023, 'Q4', 55),
      fact(2024, null, 70),
    ];
    expect(latestProgress(facts, 2023).get('a')?.percent).toBe(50);
    expect(latestProgress(facts, 2024).get('a')?.percent).toBe(70);
    expect(latestProgress(facts, 2021).has('a')).toBe(false);
  });

  it('collects the milestones updates name, up to the year', () => {
    const facts = [fact(2022, null, 30, '开工'), fact(2024, null, 70, '主体完工')];
    expect([...(reachedMilestones(facts, 2023).get('a') ?? [])]).toEqual(['开工']);
  });
});

describe('judgeItemSchedule', () => {
  const base = {
    startYear: 2021,
    endYear: 2025,
    asOf: '2023-07-02',
    dueDate: null,
    commitmentYear: null,
    percentDone: 40,
    milestones: [],
    reached: new Set<string>(),
  };

  it('falls back from the assignment to the commitment year to the plan end', () => {
    // Due 2025-12-31: τ = 912/1825 → 0.500, c = 0.4 ≥ 0.5 − 0.1: on track (the schedule's worked example).
    expect(judgeItemSchedule(base)).toMatchObject({ status: 'on_track', elapsed: 912 / 1825 });
    // Due by 2023: τ = 912/1094, c = 0.4 is far behind.
    expect(judgeItemSchedule({ ...base, commitmentYear: 2023 }).light).toBe('red');
    // The assignment's own date wins over the commitment's year.
    expect(judgeItemSchedule({ ...base, commitmentYear: 2023, dueDate: '2025-12-31' }).status).toBe(
      'on_track',
    );
  });

  it('judges only milestones whose state is on record; a reported one counts as reached', () => {
    const milestones = [
      { title: '开工', due: '2022-06-30' },
      { title: '方案批复', due: '2022-03-31', done: false },
    ];
    expect(judgeItemSchedule({ ...base, milestones }).overdueMilestones).toEqual(['方案批复']);
    expect(judgeItemSchedule({ ...base, milestones, reached: new Set(['方案批复']) }).status).toBe(
      'on_track',
    );
    expect(
      judgeItemSchedule({ ...base, milestones: [{ title: '开工', due: '2022-06-30' }], reached: new Set() })
        .overdueMilestones,
    ).toEqual([]);
  });
});
