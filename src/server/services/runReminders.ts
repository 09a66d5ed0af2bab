/**
 * runReminders: one reminder run, for every plan or one. It reads what each lead unit still owes
 * the open reporting rounds, asks the (pure) schedule which reminders are due today, and delivers
 * them: in the app always, by email and to the group robot when configured. The route
 * POST /api/plans/:planId/reminders/run and `lantu remind` (run daily, e.g. from cron) both call it.
 *
 * In-app notifications, their ledger rows and the run's audit event commit in one transaction. Email
 * and webhook go out afterwards, each on its own: one that fails is logged, recorded as failed and
 * retried by the next run, and never keeps the others from going out.
 */
import { DEFAULT_REMINDERS_CONFIG, type RemindersConfig, todayIn } from '../../reminders/config.ts';
import {
  type ChannelContext,
  createMailTransport,
  DEFAULT_STALE_AFTER_MS,
  type Delivery,
  deliverByEmail,
  deliverByWebhook,
  deliverInApp,
  type MailTransport,
} from '../../reminders/deliver.ts';
import {
  dayNumber,
  dueReminders,
  type Reminder,
  type ReminderKey,
  reminderKey,
} from '../../reminders/schedule.ts';
import { type AuditActor, appendAudit, SYSTEM_ACTOR } from '../../store/audit.ts';
import type { Database } from '../../store/database.ts';
import {
  listSentReminders,
  loadReminderFacts,
  type ReminderChannel,
} from '../../store/reminders.repository.ts';
import { LantuError } from '../errors.ts';

/** What a run is told. */
export interface RunRemindersOptions {
  /** The day to remind for (YYYY-MM-DD); default today in the configured time zone. */
  today?: string;
  /** Channels, reminder days and time zone; default in-app only with the standard days. */
  config?: RemindersConfig;
  /** A mail transport to use instead of one made from config.smtp (tests pass their own). */
  transport?: MailTransport;
  /** Only this plan's rounds; default every plan. */
  planId?: string;
  /** Decide what is due and say so, but deliver and record nothing. */
  dryRun?: boolean;
  /** Who runs it, for the audit trail; default the system (the CLI). */
  actor?: AuditActor;
  /** The clock; default the real one. */
  clock?: () => Date;
  /** Where a failing channel is reported; default standard error. */
  log?: (line: string) => void;
}

/** Counts of one channel's deliveries in a run. */
export interface ChannelSummary {
  sent: number;
  skipped: number;
  failed: number;
}

/** What a run did. */
export interface RunRemindersResult {
  today: string;
  dryRun: boolean;
  /** The channels this run used. */
  channels: ReminderChannel[];
  /** The reminders due today (delivered on at least one channel unless dryRun). */
  reminders: Reminder[];
  /** Every delivery attempted, on every channel. */
  deliveries: Delivery[];
  summary: Record<ReminderChannel, ChannelSummary>;
}

/** Runs reminders once. Throws LANTU_VALIDATION for a `today` that is not a date. */
export async function runReminders(
  database: Database,
  options: RunRemindersOptions = {},
): Promise<RunRemindersResult> {
  const config = options.config ?? DEFAULT_REMINDERS_CONFIG;
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const today = options.today ?? todayIn(config.timeZone, clock());
  if (dayNumber(today) === null) {
    throw new LantuError(
      'LANTU_VALIDATION',
      `日期无效 · today must be a date YYYY-MM-DD, not '${today}'`,
      'today',
    );
  }
  const transport = options.transport ?? (config.smtp ? createMailTransport(config.smtp.url) : null);
  const channels: ReminderChannel[] = ['app'];
  if (transport) channels.push('email');
  if (config.webhook) channels.push('webhook');

  const db = database.db;
  const facts = await loadReminderFacts(db, options.planId ? { planId: options.planId } : {});
  const ledger = await listSentReminders(
    db,
    facts.rounds.map((r) => r.id),
  );
  // Done on a channel: sent, or skipped for want of anyone to tell. Failed and pending are not.
  const done = new Map<ReminderChannel, Set<string>>(channels.map((c) => [c, new Set<string>()]));
  for (const row of ledger)
    if (row.status === 'sent' || row.status === 'skipped') done.get(row.channel)?.add(reminderKey(row));
  // The schedule leaves out only what every channel has done; each channel then skips its own.
  const doneEverywhere: ReminderKey[] = ledger.filter((row) =>
    channels.every((c) => done.get(c)!.has(reminderKey(row))),
  );
  const reminders = dueReminders({
    today,
    rounds: facts.rounds,
    assignments: facts.assignments,
    reported: facts.reported,
    units: facts.units,
    sent: doneEverywhere,
    offsets: config.offsets,
  });
  const result: RunRemindersResult = {
    today,
    dryRun: Boolean(options.dryRun),
    channels,
    reminders,
    deliveries: [],
    summary: { app: count([], 'app'), email: count([], 'email'), webhook: count([], 'webhook') },
  };
  if (options.dryRun) {
    if (transport && !options.transport) transport.close?.();
    return result;
  }

  const ctx: ChannelContext = { now: clock, staleAfterMs: DEFAULT_STALE_AFTER_MS, log };
  const pending = (channel: ReminderChannel): Reminder[] =>
    reminders.filter((r) => !done.get(channel)?.has(reminderKey(r)));
  const deliveries: Delivery[] = [];

  try {
    const inApp = await db.transaction().execute(async (trx) => {
      const delivered = await deliverInApp(trx, pending('app'), ctx);
      await appendAudit(trx, {
        actor: options.actor ?? SYSTEM_ACTOR,
        action: 'reminders.run',
        entity: 'reminder',
        entityId: null,
        planId: options.planId ?? null,
        after: {
          today,
          channels,
          due: reminders.map((r) => ({
            roundId: r.roundId,
            unitId: r.unitId,
            offsetDays: r.offsetDays,
            owed: r.owed.length,
          })),
        },
        at: clock().toISOString(),
      });
      return delivered;
    });
    deliveries.push(...inApp);
  } catch (error) {
    log(`reminders: in-app reminders failed, retried next run: ${(error as Error).message}`);
  }

  const external: Promise<Delivery[]>[] = [];
  if (transport) {
    const from = config.smtp?.from ?? 'lantu@localhost';
    external.push(
      guard('email', log, () =>
        deliverByEmail(db, pending('email'), { transport, from, appUrl: config.appUrl }, ctx),
      ),
    );
  }
  if (config.webhook) {
    const webhook = config.webhook;
    external.push(
      guard('webhook', log, () =>
        deliverByWebhook(db, pending('webhook'), { webhook, appUrl: config.appUrl }, ctx),
      ),
    );
  }
  for (const list of await Promise.all(external)) deliveries.push(...list);
  if (transport && !options.transport) transport.close?.();

  result.deliveries = deliveries;
  result.summary = {
    app: count(deliveries, 'app'),
    email: count(deliveries, 'email'),
    webhook: count(deliveries, 'webhook'),
  };
  return result;
}

/** A channel that throws (its ledger unreachable, a bug) is logged and yields nothing; the others go on. */
async function guard(
  channel: ReminderChannel,
  log: (line: string) => void,
  deliver: () => Promise<Delivery[]>,
): Promise<Delivery[]> {
  try {
    return await deliver();
  } catch (error) {
    log(`reminders: the ${channel} channel failed, retried next run: ${(error as Error).message}`);
    return [];
  }
}

function count(deliveries: readonly Delivery[], channel: ReminderChannel): ChannelSummary {
  const summary: ChannelSummary = { sent: 0, skipped: 0, failed: 0 };
  for (const d of deliveries) if (d.channel === channel) summary[d.status]++;
  return summary;
}
