/**
 * The reminder schedule, with dates worked by hand. Round R (2025, annual) is due 2026-03-31, so
 * with the default days (−7, −3, 0, +1, +3) 商务局 is reminded on 03-24, 03-28, 03-31, 04-01 and
 * 04-03. 商务局 leads ind:1 (approved), task:2.1.1 (only a draft), col:6.1 (a 2024 value only) and
 * owes the last two; 统计局 leads ind:2 (submitted) and owes nothing.
 */
import { describe, expect, it } from 'vitest';
import {
  type AssignedItem,
  chineseDate,
  currentOffset,
  dayNumber,
  dueReminders,
  type ReminderKey,
  type ReportedValue,
  type RoundFacts,
  type ScheduleInput,
} from '../../src/reminders/schedule.ts';

const R: RoundFacts = {
  id: 'R',
  planId: 'P',
  year: 2025,
  period: null,
  title: '2025年度规划实施情况填报',
  opensOn: '2026-01-05',
  deadline: '2026-03-31',
  status: 'open',
};
const item = (
  itemId: string,
  itemKey: string,
  title: string,
  leadUnitId: string,
  position: number,
  planId = 'P',
): AssignedItem => ({
  planId,
  itemId,
  itemKey,
  title,
  leadUnitId,
  position,
});
const ASSIGNMENTS: AssignedItem[] = [
  item('i3', 'col:6.1', '道路建设', 'A', 3),
  item('i1', 'ind:1', '地区生产总值', 'A', 1),
  item('i2', 'task:2.1.1', '加快构筑人才高地', 'A', 2),
  item('i4', 'ind:2', '规模以上工业增加值', 'B', 4),
];
const value = (
  itemId: string,
  year: number,
  status: string,
  period: string | null = '',
  hasApprovedValue = false,
): ReportedValue => ({
  itemId,
  year,
  period,
  status,
  hasApprovedValue,
});
const REPORTED: ReportedValue[] = [
  value('i1', 2025, 'approved', '', true),
  value('i2', 2025, 'draft'),
  value('i2', 2025, 'returned'),
  value('i3', 2024, 'approved', '', true),
  value('i4', 2025, 'submitted'),
];
const UNITS = new Map([
  ['A', { id: 'A', name: '杭州市上城区商务局', shortName: '商务局' }],
  ['B', { id: 'B', name: '杭州市上城区统计局', shortName: '统计局' }],
]);

function due(today: string, over: Partial<ScheduleInput> = {}) {
  return dueReminders({
    today,
    rounds: [R],
    assignments: ASSIGNMENTS,
    reported: REPORTED,
    units: UNITS,
    sent: [],
    ...over,
  });
}

describe('reminder schedule', () => {
  it('counts days between dates in the calendar, not in clock hours', () => {
    expect(dayNumber('2026-03-31')! - dayNumber('2026-03-24')!).toBe(7);
    expect(dayNumber('2024-03-01')! - dayNumber('2024-02-28')!).toBe(2); // 2024 is a leap year
    expect(dayNumber('2026-02-30')).toBeNull();
    expect(dayNumber('31/03/2026')).toBeNull();
    expect(dayNumber('2026-03-31T23:00:00+08:00')).toBe(dayNumber('2026-03-31'));
    expect(chineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(currentOffset(-8, [-7, -3, 0, 1, 3])).toBeNull();
    expect(currentOffset(-5, [-7, -3, 0, 1, 3])).toBe(-7);
    expect(currentOffset(2, [3, -7, 1, 0, -3])).toBe(1);
  });

  it('says nothing more than 7 days before the deadline', () => {
    expect(due('2026-03-23')).toEqual([]);
    expect(due('2026-01-01')).toEqual([]);
  });

  it('7 days before: an upcoming reminder to the unit that owes, listing what it owes in plan order', () => {
    const reminders = due('2026-03-24');
    expect(reminders).toHaveLength(1);
    const r = reminders[0]!;
    expect(r).toMatchObject({
      roundId: 'R',
      unitId: 'A',
      unitName: '商务局',
      offsetDays: -7,
      daysLeft: 7,
      kind: 'upcoming',
      deadline: '2026-03-31',
    });
    // ind:1 is approved; the draft and the returned value of task:2.1.1 do not count; col:6.1 has only 2024.
    expect(r.owed).toEqual([
      { itemKey: 'task:2.1.1', title: '加快构筑人才高地' },
      { itemKey: 'col:6.1', title: '道路建设' },
    ]);
    expect(r.title.zh).toBe('填报提醒:2025年度规划实施情况填报还有7天截止(2026年3月31日),尚有2项未报送');
    expect(r.title.en).toBe(
      'Reminder: 2 items still owed for the 2025 reporting round, due in 7 days (2026-03-31)',
    );
    expect(r.body.zh).toContain('商务局:');
    expect(r.body.zh).toContain('填报截止日期为2026年3月31日(还有7天)');
    expect(r.body.zh).toContain('1. 加快构筑人才高地 [task:2.1.1]\n2. 道路建设 [col:6.1]');
    expect(r.body.en).toContain('is 2026-03-31 (in 7 days). As lead unit you still owe 2 items:');
  });

  it('a unit that owes nothing gets nothing', () => {
    for (const today of ['2026-03-24', '2026-03-31', '2026-04-03']) {
      expect(due(today).map((r) => r.unitId)).toEqual(['A']);
    }
    const allDelivered = [...REPORTED, value('i2', 2025, 'submitted'), value('i3', 2025, 'reviewed')];
    expect(due('2026-03-24', { reported: allDelivered })).toEqual([]);
  });

  it('never the same (round, unit, day) twice, and a missed day catches up once with the latest', () => {
    const sent: ReminderKey[] = [{ roundId: 'R', unitId: 'A', offsetDays: -7 }];
    expect(due('2026-03-24', { sent })).toEqual([]);
    expect(due('2026-03-25', { sent })).toEqual([]);
    // Nothing sent yet on 03-26: the −7 reminder goes out late, once, saying 5 days.
    expect(due('2026-03-26')).toMatchObject([{ offsetDays: -7, daysLeft: 5 }]);
    expect(due('2026-03-28', { sent })).toMatchObject([{ offsetDays: -3, daysLeft: 3, kind: 'upcoming' }]);
  });

  it('on the deadline day: due today', () => {
    const [r] = due('2026-03-31', { sent: [{ roundId: 'R', unitId: 'A', offsetDays: -3 }] });
    expect(r).toMatchObject({ offsetDays: 0, daysLeft: 0, kind: 'due' });
    expect(r!.title.zh).toBe('今日截止:2025年度规划实施情况填报今天(2026年3月31日)截止,尚有2项未报送');
    expect(r!.body.zh).toContain('(即今天)');
    expect(r!.title.en).toBe('Due today: 2 items still owed for the 2025 reporting round (2026-03-31)');
  });

  it('after the deadline: overdue on day 1 and day 3, then silence', () => {
    const [d1] = due('2026-04-01');
    expect(d1).toMatchObject({ offsetDays: 1, daysLeft: -1, kind: 'overdue' });
    expect(d1!.title.zh).toBe('逾期提醒:2025年度规划实施情况填报已于2026年3月31日截止,逾期1天,尚有2项未报送');
    expect(d1!.title.en).toBe(
      'Overdue: 2 items still owed for the 2025 reporting round, 1 day past the deadline (2026-03-31)',
    );
    expect(d1!.body.zh).toContain('请尽快登录蓝图(lantu)填报并提交。');
    expect(due('2026-04-02', { sent: [{ roundId: 'R', unitId: 'A', offsetDays: 1 }] })).toEqual([]);
    expect(due('2026-04-03', { sent: [{ roundId: 'R', unitId: 'A', offsetDays: 1 }] })).toMatchObject([
      { offsetDays: 3, daysLeft: -3 },
    ]);
    expect(due('2026-05-20', { sent: [{ roundId: 'R', unitId: 'A', offsetDays: 3 }] })).toEqual([]);
  });

  it('a daily run over two months sends each reminder day exactly once', () => {
    const sent: ReminderKey[] = [];
    const log: string[] = [];
    for (let day = dayNumber('2026-03-01')!; day <= dayNumber('2026-05-01')!; day++) {
      const today = new Date(day * 86_400_000).toISOString().slice(0, 10);
      for (const r of due(today, { sent })) {
        sent.push(r);
        log.push(`${today} ${r.offsetDays} ${r.kind}`);
      }
    }
    expect(log).toEqual([
      '2026-03-24 -7 upcoming',
      '2026-03-28 -3 upcoming',
      '2026-03-31 0 due',
      '2026-04-01 1 overdue',
      '2026-04-03 3 overdue',
    ]);
  });

  it('stops once the unit has submitted, and starts again when the value is returned', () => {
    const submitted = [...REPORTED, value('i2', 2025, 'submitted'), value('i3', 2025, 'submitted')];
    expect(due('2026-03-31', { reported: submitted })).toEqual([]);
    const returned = [...REPORTED, value('i2', 2025, 'returned'), value('i3', 2025, 'submitted')];
    expect(due('2026-03-31', { reported: returned })[0]!.owed.map((o) => o.itemKey)).toEqual(['task:2.1.1']);
    // A correction in draft over a value approved before: the approved one still counts.
    const correcting = [
      ...REPORTED,
      value('i2', 2025, 'draft', '', true),
      value('i3', 2025, 'approved', '', true),
    ];
    expect(due('2026-03-31', { reported: correcting })).toEqual([]);
  });

  it('only open rounds that have opened remind; other plans’ items are not owed', () => {
    expect(due('2026-03-31', { rounds: [{ ...R, status: 'closed' }] })).toEqual([]);
    expect(due('2026-03-31', { rounds: [{ ...R, opensOn: '2026-04-01' }] })).toEqual([]);
    const other = [...ASSIGNMENTS, item('x1', 'ind:1', '其他规划的指标', 'B', 1, 'Q')];
    expect(due('2026-03-31', { assignments: other }).map((r) => r.unitId)).toEqual(['A']);
  });

  it('a quarterly round counts values of its own period only', () => {
    const q1: RoundFacts = { ...R, id: 'Q1', period: 'Q1', year: 2026, deadline: '2026-04-15' };
    const reported = [
      value('i1', 2026, 'approved', 'Q1', true),
      value('i2', 2026, 'approved', '', true),
      value('i4', 2026, 'submitted', 'Q1'),
    ];
    const [r] = due('2026-04-15', { rounds: [q1], reported });
    expect(r!.owed.map((o) => o.itemKey)).toEqual(['task:2.1.1', 'col:6.1']);
    expect(r!.title.en).toContain('the 2026 Q1 reporting round');
  });

  it('names the first items and counts the rest', () => {
    const many = [
      ...ASSIGNMENTS,
      item('i5', 'ind:5', '五', 'A', 5),
      item('i6', 'ind:6', '六', 'A', 6),
      item('i7', 'ind:7', '七', 'A', 7),
    ];
    const [r] = due('2026-03-24', { assignments: many });
    expect(r!.owed).toHaveLength(5);
    expect(r!.body.zh).toContain('3. 五 [ind:5]\n……等共5项');
    expect(r!.body.zh).not.toContain('六');
    expect(r!.body.en).toContain('… and 2 more');
    expect(r!.title.zh).toContain('尚有5项未报送');
  });

  it('follows configured reminder days', () => {
    expect(due('2026-03-17', { offsets: [-14, 0] })).toMatchObject([{ offsetDays: -14, daysLeft: 14 }]);
    expect(
      due('2026-03-24', { offsets: [-14, 0], sent: [{ roundId: 'R', unitId: 'A', offsetDays: -14 }] }),
    ).toEqual([]);
  });

  it('refuses a today that is not a date', () => {
    expect(() => due('2026-13-01')).toThrow(/YYYY-MM-DD/);
  });
});
