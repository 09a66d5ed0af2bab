/**
 * Which reminders are due today: pure, no I/O, no clock. A reporting round's deadline drives them.
 * For each open round and each lead unit (牵头单位), the unit owes every item assigned to it that has
 * no submitted, reviewed or approved value for the round's year and period. The unit is reminded on
 * fixed days around the deadline (by default 7 and 3 days before, on the day, and 1 and 3 days after,
 * 倒排时间节点), each (round, unit, day) at most once: the caller passes what was already sent.
 *
 * A run that missed a day catches up with the latest reminder day that has passed, never with a
 * burst of every missed one: on day −2 a unit that got nothing yet hears "due in 2 days" once, not
 * "7 days left" and "3 days left" together. Every text is written in Chinese first, then English.
 */

/** Days relative to the deadline on which a unit is reminded: negative before, 0 on the day, positive after. */
export const DEFAULT_REMINDER_OFFSETS: readonly number[] = [-7, -3, 0, 1, 3];

/** How many owed items a reminder lists by name before it says "and N more". */
export const DEFAULT_LIST_LIMIT = 3;

/** Values in these states mean the unit has delivered: a reviewer or the planner has it now. */
export const DELIVERED_STATUSES: readonly string[] = ['submitted', 'reviewed', 'approved'];

/** Before the deadline, on its day, or after it. */
export type ReminderKind = 'upcoming' | 'due' | 'overdue';

/** A user-visible text in the source language (zh-CN) and in English. */
export interface LocalizedText {
  zh: string;
  en: string;
}

/** What the schedule needs to know of a reporting round. */
export interface RoundFacts {
  id: string;
  planId: string;
  year: number;
  /** null or '' for an annual round; Q1–Q4 or M01–M12 otherwise. */
  period: string | null;
  title: string;
  /** The first day of reporting (YYYY-MM-DD); nobody is reminded before it. */
  opensOn: string | null;
  /** The last day of reporting (YYYY-MM-DD; a longer ISO time is read by its date). */
  deadline: string;
  /** Only `open` rounds remind. */
  status: string;
}

/** An item and the unit that leads it. */
export interface AssignedItem {
  planId: string;
  itemId: string;
  /** The item's stable key in its plan (ind:3, task:4.2.1, col:6.1). */
  itemKey: string;
  title: string;
  leadUnitId: string;
  /** Order of the item in its plan, so reminders list items as the plan does. */
  position: number;
}

/** One value reported for an item, as far as reminders care: for which year/period and in which state. */
export interface ReportedValue {
  itemId: string;
  year: number;
  period: string | null;
  status: string;
  /** A value approved before and kept while a correction is pending still counts as delivered. */
  hasApprovedValue: boolean;
}

/** A unit's name, for the salutation. */
export interface UnitFacts {
  id: string;
  name: string;
  shortName: string;
}

/** A reminder already delivered, identified by round, unit and reminder day. */
export interface ReminderKey {
  roundId: string;
  unitId: string;
  offsetDays: number;
}

/** An item a unit still owes. */
export interface OwedItem {
  itemKey: string;
  title: string;
}

/** One reminder to deliver: to one unit, about one round, for one reminder day. */
export interface Reminder extends ReminderKey {
  planId: string;
  roundTitle: string;
  unitName: string;
  /** The deadline (YYYY-MM-DD). */
  deadline: string;
  /** Days from today to the deadline: 7 a week before, 0 on the day, −1 the day after. */
  daysLeft: number;
  kind: ReminderKind;
  /** Everything the unit still owes, in plan order. */
  owed: OwedItem[];
  title: LocalizedText;
  body: LocalizedText;
}

/** Everything the schedule decides from. */
export interface ScheduleInput {
  /** Today's date where the plan is run (YYYY-MM-DD). */
  today: string;
  rounds: readonly RoundFacts[];
  assignments: readonly AssignedItem[];
  reported: readonly ReportedValue[];
  /** Unit names by id; a unit missing here is addressed by its id. */
  units?: ReadonlyMap<string, UnitFacts>;
  /** Reminders already delivered: none of these is due again. */
  sent: readonly ReminderKey[];
  /** Reminder days relative to the deadline; default DEFAULT_REMINDER_OFFSETS. */
  offsets?: readonly number[];
  /** Items named in a reminder's text before "and N more"; default DEFAULT_LIST_LIMIT. */
  listLimit?: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a YYYY-MM-DD date (or the date part of an ISO time); null if unreadable. */
export function dayNumber(date: string): number | null {
  const m = DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  // 2026-02-30 is not a date: Date.UTC would quietly roll it into March.
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** A stable string for a reminder key, for sets and maps. */
export function reminderKey(k: ReminderKey): string {
  return `${k.roundId}\u0000${k.unitId}\u0000${k.offsetDays}`;
}

/**
 * The reminder day in force: the latest offset whose day has come (today − deadline ≥ offset), or
 * null while it is earlier than the first one.
 */
export function currentOffset(elapsedDays: number, offsets: readonly number[]): number | null {
  let best: number | null = null;
  for (const o of offsets) if (o <= elapsedDays && (best === null || o > best)) best = o;
  return best;
}

/** The reminders due today, sorted by deadline, round and unit. Throws if `today` is not a date. */
export function dueReminders(input: ScheduleInput): Reminder[] {
  const today = dayNumber(input.today);
  if (today === null) throw new Error(`today must be a date YYYY-MM-DD, not '${input.today}'`);
  const offsets = input.offsets ?? DEFAULT_REMINDER_OFFSETS;
  const listLimit = input.listLimit ?? DEFAULT_LIST_LIMIT;
  const sent = new Set(input.sent.map(reminderKey));

  const delivered = new Set<string>();
  for (const r of input.reported) {
    if (DELIVERED_STATUSES.includes(r.status) || r.hasApprovedValue)
      delivered.add(valueKey(r.itemId, r.year, r.period));
  }
  const byPlan = new Map<string, AssignedItem[]>();
  for (const a of input.assignments) {
    const list = byPlan.get(a.planId) ?? [];
    list.push(a);
    byPlan.set(a.planId, list);
  }

  const reminders: Reminder[] = [];
  for (const round of input.rounds) {
    if (round.status !== 'open') continue;
    const deadline = dayNumber(round.deadline);
    // A round without a readable deadline cannot drive reminders; the round's own schema prevents it.
    if (deadline === null) continue;
    const opens = round.opensOn ? dayNumber(round.opensOn) : null;
    if (opens !== null && today < opens) continue;
    const offset = currentOffset(today - deadline, offsets);
    if (offset === null) continue;

    const owedByUnit = new Map<string, AssignedItem[]>();
    for (const a of byPlan.get(round.planId) ?? []) {
      if (delivered.has(valueKey(a.itemId, round.year, round.period))) continue;
      const list = owedByUnit.get(a.leadUnitId) ?? [];
      list.push(a);
      owedByUnit.set(a.leadUnitId, list);
    }
    for (const [unitId, items] of owedByUnit) {
      const key = { roundId: round.id, unitId, offsetDays: offset };
      if (sent.has(reminderKey(key))) continue;
      const owed = [...items]
        .sort((a, b) => a.position - b.position)
        .map((a) => ({ itemKey: a.itemKey, title: a.title }));
      const unitName = input.units?.get(unitId)?.shortName ?? unitId;
      const daysLeft = deadline - today;
      const deadlineDate = round.deadline.slice(0, 10);
      const kind: ReminderKind = daysLeft > 0 ? 'upcoming' : daysLeft === 0 ? 'due' : 'overdue';
      const text = reminderText({ round, unitName, deadline: deadlineDate, daysLeft, kind, owed, listLimit });
      reminders.push({
        ...key,
        planId: round.planId,
        roundTitle: round.title,
        unitName,
        deadline: deadlineDate,
        daysLeft,
        kind,
        owed,
        ...text,
      });
    }
  }
  return reminders.sort(
    (a, b) =>
      compare(a.deadline, b.deadline) ||
      compare(a.roundId, b.roundId) ||
      compare(a.unitName, b.unitName) ||
      compare(a.unitId, b.unitId),
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function valueKey(itemId: string, year: number, period: string | null): string {
  // Annual values are stored with period '' and annual rounds with period null: the same thing.
  return `${itemId}\u0000${year}\u0000${period ?? ''}`;
}

/** 2026-12-15 → 2026年12月15日. */
export function chineseDate(date: string): string {
  const m = DATE.exec(date);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Long task titles are cut so that a reminder stays readable on a phone. */
function shorten(title: string, max = 40): string {
  return title.length > max ? `${title.slice(0, max - 1)}…` : title;
}

interface TextFacts {
  round: RoundFacts;
  unitName: string;
  deadline: string;
  daysLeft: number;
  kind: ReminderKind;
  owed: OwedItem[];
  listLimit: number;
}

/** The title and body of a reminder, in Chinese and in English. */
export function reminderText(f: TextFacts): { title: LocalizedText; body: LocalizedText } {
  const n = f.owed.length;
  const late = -f.daysLeft;
  const zhDeadline = chineseDate(f.deadline);
  const label = `the ${f.round.year}${f.round.period ? ` ${f.round.period}` : ''} reporting round`;

  const title: LocalizedText =
    f.kind === 'upcoming'
      ? {
          zh: `填报提醒:${f.round.title}还有${f.daysLeft}天截止(${zhDeadline}),尚有${n}项未报送`,
          en: `Reminder: ${plural(n, 'item', 'items')} still owed for ${label}, due in ${plural(f.daysLeft, 'day', 'days')} (${f.deadline})`,
        }
      : f.kind === 'due'
        ? {
            zh: `今日截止:${f.round.title}今天(${zhDeadline})截止,尚有${n}项未报送`,
            en: `Due today: ${plural(n, 'item', 'items')} still owed for ${label} (${f.deadline})`,
          }
        : {
            zh: `逾期提醒:${f.round.title}已于${zhDeadline}截止,逾期${late}天,尚有${n}项未报送`,
            en: `Overdue: ${plural(n, 'item', 'items')} still owed for ${label}, ${plural(late, 'day', 'days')} past the deadline (${f.deadline})`,
          };

  const listed = f.owed.slice(0, f.listLimit);
  const rest = n - listed.length;
  const zhList = listed.map((o, i) => `${i + 1}. ${shorten(o.title)} [${o.itemKey}]`);
  const enList = [...zhList];
  if (rest > 0) {
    zhList.push(`……等共${n}项`);
    enList.push(`… and ${rest} more`);
  }
  const zhWhen =
    f.kind === 'upcoming' ? `还有${f.daysLeft}天` : f.kind === 'due' ? '即今天' : `已逾期${late}天`;
  const enWhen =
    f.kind === 'upcoming'
      ? `in ${plural(f.daysLeft, 'day', 'days')}`
      : f.kind === 'due'
        ? 'today'
        : `${plural(late, 'day', 'days')} ago`;
  const body: LocalizedText = {
    zh: [
      `${f.unitName}:`,
      `「${f.round.title}」的填报截止日期为${zhDeadline}(${zhWhen})。贵单位作为牵头单位,尚有${n}项未报送:`,
      ...zhList,
      f.kind === 'overdue'
        ? '请尽快登录蓝图(lantu)填报并提交。'
        : '请在截止日期前登录蓝图(lantu)填报并提交。',
    ].join('\n'),
    en: [
      `${f.unitName}:`,
      `The deadline of ${label} ("${f.round.title}") is ${f.deadline} (${enWhen}). As lead unit you still owe ${plural(n, 'item', 'items')}:`,
      ...enList,
      f.kind === 'overdue'
        ? 'Please sign in to lantu and submit them as soon as possible.'
        : 'Please sign in to lantu and submit them before the deadline.',
    ].join('\n'),
  };
  return { title, body };
}
