/**
 * Reminders in the database: the facts the schedule decides from (open rounds, lead assignments,
 * reported values, unit names), the ledger of what was delivered on which channel (`reminders_sent`),
 * the in-app notifications, and the email addresses of a unit's users. Every function takes the
 * connection or a transaction first, so callers decide the transaction.
 */
import { type Kysely, sql } from 'kysely';
import type {
  AssignedItem,
  ReminderKey,
  ReportedValue,
  RoundFacts,
  UnitFacts,
} from '../reminders/schedule.ts';
import type { Executor } from './database.ts';
import { itemsOwnValues } from './observations.repository.ts';
import type { ReminderDB, ReminderTables } from './reminders.table.ts';

/** The channels a reminder travels by. */
export type ReminderChannel = 'app' | 'email' | 'webhook';

/** How a delivery ended: sent, skipped (nobody to tell: a unit without email addresses), or failed. */
export type DeliveryStatus = 'sent' | 'skipped' | 'failed';

/** A row of the delivery ledger. */
export interface SentReminder extends ReminderKey {
  channel: ReminderChannel;
  status: DeliveryStatus | 'pending';
  sentAt: string;
  attempts: number;
  error: string | null;
}

/** An in-app reminder as stored. */
export interface NotificationRecord {
  id: string;
  unitId: string;
  roundId: string | null;
  planId: string | null;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

/** Everything the schedule needs, for every plan or one. */
export interface ReminderFacts {
  rounds: RoundFacts[];
  assignments: AssignedItem[];
  reported: ReportedValue[];
  units: Map<string, UnitFacts>;
}

/**
 * The connection seen with the reminder tables. A transaction stays a transaction
 * (Transaction#withTables returns a Transaction on the same connection).
 */
function view(db: Executor): Kysely<ReminderDB> {
  return (db as Kysely<ReminderDB>).withTables<ReminderTables>();
}

/** Open rounds, the items their plans assign to lead units, the values reported for them, and unit names. */
export async function loadReminderFacts(
  db: Executor,
  options: { planId?: string } = {},
): Promise<ReminderFacts> {
  let roundQuery = db
    .selectFrom('reporting_rounds')
    .select(['id', 'plan_id', 'year', 'period', 'title', 'opens_on', 'deadline', 'status'])
    .where('status', '=', 'open')
    .orderBy('deadline')
    .orderBy('id');
  if (options.planId) roundQuery = roundQuery.where('plan_id', '=', options.planId);
  const rounds: RoundFacts[] = (await roundQuery.execute()).map((r) => ({
    id: r.id,
    planId: r.plan_id,
    year: Number(r.year),
    period: r.period,
    title: r.title,
    opensOn: r.opens_on,
    deadline: r.deadline,
    status: r.status,
  }));
  if (rounds.length === 0) return { rounds, assignments: [], reported: [], units: new Map() };

  const planIds = [...new Set(rounds.map((r) => r.planId))];
  const years = [...new Set(rounds.map((r) => r.year))];
  const assignments: AssignedItem[] = (
    await db
      .selectFrom('assignments')
      .innerJoin('plan_items', 'plan_items.id', 'assignments.item_id')
      .select([
        'assignments.plan_id as planId',
        'plan_items.id as itemId',
        'plan_items.key as itemKey',
        'plan_items.title as title',
        'plan_items.position as position',
        'assignments.lead_unit_id as leadUnitId',
      ])
      .where('assignments.plan_id', 'in', planIds)
      .execute()
  ).map((a) => ({ ...a, position: Number(a.position) }));

  // One row per item, year, period and state is all the schedule needs, however many measures,
  // sub-areas and revisions lie behind it.
  const reported: ReportedValue[] = (
    await db
      .selectFrom('observations')
      .select([
        'item_id',
        'year',
        'period',
        'status',
        sql<number>`case when approved_at is not null or approved_value is not null then 1 else 0 end`.as(
          'approved',
        ),
      ])
      .distinct()
      .where('plan_id', 'in', planIds)
      .where('year', 'in', years)
      .where(itemsOwnValues())
      .execute()
  ).map((o) => ({
    itemId: o.item_id,
    year: Number(o.year),
    period: o.period,
    status: o.status,
    hasApprovedValue: Number(o.approved) === 1,
  }));

  const unitIds = [...new Set(assignments.map((a) => a.leadUnitId))];
  const units = new Map<string, UnitFacts>();
  if (unitIds.length > 0) {
    const rows = await db
      .selectFrom('org_units')
      .select(['id', 'name', 'short_name'])
      .where('id', 'in', unitIds)
      .execute();
    for (const u of rows) units.set(u.id, { id: u.id, name: u.name, shortName: u.short_name });
  }
  return { rounds, assignments, reported, units };
}

/** The delivery ledger of these rounds. */
export async function listSentReminders(db: Executor, roundIds: readonly string[]): Promise<SentReminder[]> {
  if (roundIds.length === 0) return [];
  const rows = await view(db)
    .selectFrom('reminders_sent')
    .selectAll()
    .where('round_id', 'in', [...roundIds])
    .execute();
  return rows.map((r) => ({
    roundId: r.round_id,
    unitId: r.unit_id,
    offsetDays: Number(r.offset_days),
    channel: r.channel as ReminderChannel,
    status: r.status as SentReminder['status'],
    sentAt: r.sent_at,
    attempts: Number(r.attempts),
    error: r.error,
  }));
}

/**
 * Claims a reminder on a channel for this run: true when this run may deliver it. A new reminder is
 * claimed by inserting its ledger row (the primary key makes a concurrent second claim lose); a
 * failed one, or one left pending by a run that died before `staleBefore`, by moving it back to
 * pending. One that is sent, skipped or being delivered by another run is not claimed.
 */
export async function claimReminder(
  db: Executor,
  key: ReminderKey,
  channel: ReminderChannel,
  now: string,
  staleBefore: string,
): Promise<boolean> {
  const v = view(db);
  const inserted = await v
    .insertInto('reminders_sent')
    .values({
      round_id: key.roundId,
      unit_id: key.unitId,
      offset_days: key.offsetDays,
      channel,
      sent_at: now,
      status: 'pending',
      error: null,
    })
    .onConflict((oc) => oc.columns(['round_id', 'unit_id', 'offset_days', 'channel']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) return true;
  const retried = await v
    .updateTable('reminders_sent')
    .set((eb) => ({ status: 'pending', sent_at: now, attempts: eb('attempts', '+', 1) }))
    .where('round_id', '=', key.roundId)
    .where('unit_id', '=', key.unitId)
    .where('offset_days', '=', key.offsetDays)
    .where('channel', '=', channel)
    .where((eb) =>
      eb.or([
        eb('status', '=', 'failed'),
        eb.and([eb('status', '=', 'pending'), eb('sent_at', '<', staleBefore)]),
      ]),
    )
    .executeTakeFirst();
  return Number(retried.numUpdatedRows) > 0;
}

/** Records how a claimed delivery ended. */
export async function finishReminder(
  db: Executor,
  key: ReminderKey,
  channel: ReminderChannel,
  outcome: { status: DeliveryStatus; error: string | null; at: string },
): Promise<void> {
  await view(db)
    .updateTable('reminders_sent')
    .set({ status: outcome.status, error: outcome.error, sent_at: outcome.at })
    .where('round_id', '=', key.roundId)
    .where('unit_id', '=', key.unitId)
    .where('offset_days', '=', key.offsetDays)
    .where('channel', '=', channel)
    .execute();
}

/** Stores an in-app reminder. */
export async function insertNotification(
  db: Executor,
  n: Omit<NotificationRecord, 'planId' | 'readAt'>,
): Promise<void> {
  await view(db)
    .insertInto('notifications')
    .values({
      id: n.id,
      unit_id: n.unitId,
      round_id: n.roundId,
      kind: n.kind,
      title: n.title,
      body: n.body,
      created_at: n.createdAt,
      read_at: null,
    })
    .execute();
}

function notificationQuery(db: Executor) {
  return view(db)
    .selectFrom('notifications')
    .leftJoin('reporting_rounds', 'reporting_rounds.id', 'notifications.round_id')
    .select([
      'notifications.id as id',
      'notifications.unit_id as unitId',
      'notifications.round_id as roundId',
      'reporting_rounds.plan_id as planId',
      'notifications.kind as kind',
      'notifications.title as title',
      'notifications.body as body',
      'notifications.created_at as createdAt',
      'notifications.read_at as readAt',
    ]);
}

/** A unit's in-app reminders, newest first. */
export async function listNotifications(
  db: Executor,
  unitId: string,
  options: { unreadOnly?: boolean; limit?: number } = {},
): Promise<NotificationRecord[]> {
  let query = notificationQuery(db)
    .where('notifications.unit_id', '=', unitId)
    .orderBy('notifications.created_at', 'desc')
    .orderBy('notifications.id')
    .limit(options.limit ?? 50);
  if (options.unreadOnly) query = query.where('notifications.read_at', 'is', null);
  return (await query.execute()).map((n) => ({ ...n, planId: n.planId ?? null }));
}

/** One in-app reminder, or null. */
export async function findNotification(db: Executor, id: string): Promise<NotificationRecord | null> {
  const row = await notificationQuery(db).where('notifications.id', '=', id).executeTakeFirst();
  return row ? { ...row, planId: row.planId ?? null } : null;
}

/** Marks a reminder read, once: a second call keeps the first time. Returns whether it changed. */
export async function markNotificationRead(db: Executor, id: string, at: string): Promise<boolean> {
  const result = await view(db)
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The email addresses of the active users of each unit (units without any are absent). */
export async function unitEmailAddresses(
  db: Executor,
  unitIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byUnit = new Map<string, string[]>();
  if (unitIds.length === 0) return byUnit;
  const rows = await view(db)
    .selectFrom('users')
    .select(['org_unit_id', 'email'])
    .where('org_unit_id', 'in', [...unitIds])
    .where('active', '=', 1)
    .where('email', 'is not', null)
    .orderBy('username')
    .execute();
  for (const r of rows) {
    const email = r.email?.trim();
    if (!email) continue;
    const list = byUnit.get(r.org_unit_id) ?? [];
    if (!list.includes(email)) list.push(email);
    byUnit.set(r.org_unit_id, list);
  }
  return byUnit;
}

/** Sets (or clears) a user's email address, where reminders to their unit are sent. */
export async function setUserEmail(db: Executor, userId: string, email: string | null): Promise<void> {
  await view(db).updateTable('users').set({ email }).where('id', '=', userId).execute();
}
