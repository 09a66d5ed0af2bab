/**
 * Delivering reminders by three channels: in the app (a row in `notifications`), by email (SMTP,
 * through nodemailer) and to a group chat robot (the markdown JSON that DingTalk and WeCom robots
 * accept). Every delivery is first claimed in the `reminders_sent` ledger, so it happens once even when
 * two runs overlap, and is then recorded as sent, skipped or failed. A failed one is retried by the
 * next run; a channel that fails never stops another, because each is called and caught on its own.
 */
import { createHmac } from 'node:crypto';
import { createTransport } from 'nodemailer';
import type { Executor } from '../store/database.ts';
import { newId } from '../store/ids.ts';
import {
  claimReminder,
  type DeliveryStatus,
  finishReminder,
  insertNotification,
  type ReminderChannel,
  unitEmailAddresses,
} from '../store/reminders.repository.ts';
import type { RemindersConfig, WebhookKind } from './config.ts';
import { chineseDate, type Reminder } from './schedule.ts';

/** The outcome of one reminder on one channel. */
export interface Delivery {
  channel: ReminderChannel;
  roundId: string;
  unitId: string;
  offsetDays: number;
  status: DeliveryStatus;
  /** Why it failed or was skipped; null when sent. */
  error: string | null;
  /** Email addresses it went to (email channel only). */
  recipients?: string[];
}

/** What the email channel needs of a mail transport: nodemailer's Transporter fits, and so does a test double. */
export interface MailTransport {
  sendMail(message: MailMessage): Promise<unknown>;
  close?(): void;
}

/** One reminder email. */
export interface MailMessage {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** What every channel is told about the run. */
export interface ChannelContext {
  /** The clock, for ledger times. */
  now: () => Date;
  /** A claim still pending after this many milliseconds was left by a run that died; it is retaken. */
  staleAfterMs: number;
  /** Where failures are reported (a failing channel is logged, never thrown). */
  log: (line: string) => void;
}

/** The default time after which a pending claim is taken to be abandoned. */
export const DEFAULT_STALE_AFTER_MS = 15 * 60_000;

/** How long a webhook or an SMTP connection may take before the attempt counts as failed. */
const NETWORK_TIMEOUT_MS = 10_000;

function staleBefore(ctx: ChannelContext): string {
  return new Date(ctx.now().getTime() - ctx.staleAfterMs).toISOString();
}

/** One line saying why a delivery failed; fetch hides the reason (ECONNREFUSED…) in `cause`. */
function describeError(error: unknown): string {
  const e = error as
    | { code?: string; message?: string; cause?: { code?: string; message?: string } }
    | undefined;
  let message = (e?.message ?? String(error)).split('\n')[0]!;
  if (e?.cause?.message && !message.includes(e.cause.message)) message = `${message}: ${e.cause.message}`;
  const code = e?.code ?? e?.cause?.code;
  return (code && !message.includes(code) ? `${code}: ${message}` : message).slice(0, 500);
}

/** The reminder's title and body as one stored or sent text: Chinese first, then English. */
export function combinedTitle(r: Reminder): string {
  return `${r.title.zh} · ${r.title.en}`;
}

export function combinedBody(r: Reminder): string {
  return `${r.body.zh}\n\n${r.body.en}`;
}

/**
 * In the app: stores each reminder as a notification of its unit, inside the caller's transaction,
 * so the notifications, their ledger rows and the run's audit event commit together.
 */
export async function deliverInApp(
  trx: Executor,
  reminders: readonly Reminder[],
  ctx: ChannelContext,
): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  for (const r of reminders) {
    const at = ctx.now().toISOString();
    if (!(await claimReminder(trx, r, 'app', at, staleBefore(ctx)))) continue;
    await insertNotification(trx, {
      id: newId(),
      unitId: r.unitId,
      roundId: r.roundId,
      kind: r.kind,
      title: combinedTitle(r),
      body: combinedBody(r),
      createdAt: at,
    });
    await finishReminder(trx, r, 'app', { status: 'sent', error: null, at });
    deliveries.push({
      channel: 'app',
      roundId: r.roundId,
      unitId: r.unitId,
      offsetDays: r.offsetDays,
      status: 'sent',
      error: null,
    });
  }
  return deliveries;
}

/** A nodemailer transport for an SMTP URL, with timeouts short enough that a dead server fails fast. */
export function createMailTransport(url: string): MailTransport {
  return createTransport({
    url,
    connectionTimeout: NETWORK_TIMEOUT_MS,
    greetingTimeout: NETWORK_TIMEOUT_MS,
    socketTimeout: 3 * NETWORK_TIMEOUT_MS,
  });
}

/** The email for one reminder: the subject is the title, the text the body, Chinese first. */
export function reminderEmail(
  r: Reminder,
  options: { from: string; to: string[]; appUrl: string | null },
): MailMessage {
  const text = [
    r.body.zh,
    ...(options.appUrl ? [`登录填报:${options.appUrl}`] : []),
    '',
    '——',
    '',
    r.body.en,
    ...(options.appUrl ? [`Sign in: ${options.appUrl}`] : []),
    '',
    '此邮件由蓝图(lantu)规划实施监测系统自动发送,请勿直接回复。',
    'Sent automatically by lantu, the plan monitoring system; please do not reply.',
  ].join('\n');
  return { from: options.from, to: options.to, subject: `【蓝图】${combinedTitle(r)}`, text };
}

/** Errors that mean the mail server itself is unusable (down, unreachable, refusing our login). */
const SERVER_ERRORS = new Set([
  'ECONNECTION',
  'ETIMEDOUT',
  'ESOCKET',
  'EDNS',
  'EAUTH',
  'ETLS',
  'EPROXY',
  'ECONNREFUSED',
]);

/**
 * By email: one message per reminder to the active users of the unit who have an address. A unit
 * without any address is skipped (and told in the app). Once the server itself fails, the remaining
 * messages of this run are marked failed without waiting on it again; the next run retries them all.
 */
export async function deliverByEmail(
  db: Executor,
  reminders: readonly Reminder[],
  options: { transport: MailTransport; from: string; appUrl: string | null },
  ctx: ChannelContext,
): Promise<Delivery[]> {
  const deliveries: Delivery[] = [];
  const addresses = await unitEmailAddresses(db, [...new Set(reminders.map((r) => r.unitId))]);
  let serverDown: string | null = null;
  for (const r of reminders) {
    if (!(await claimReminder(db, r, 'email', ctx.now().toISOString(), staleBefore(ctx)))) continue;
    const to = addresses.get(r.unitId) ?? [];
    const base = {
      channel: 'email' as const,
      roundId: r.roundId,
      unitId: r.unitId,
      offsetDays: r.offsetDays,
    };
    let status: DeliveryStatus;
    let error: string | null = null;
    if (to.length === 0) {
      status = 'skipped';
      error = '该单位没有用户登记邮箱 · no user of the unit has an email address';
    } else if (serverDown) {
      status = 'failed';
      error = `not attempted: the mail server failed earlier in this run (${serverDown})`;
    } else {
      try {
        await options.transport.sendMail(
          reminderEmail(r, { from: options.from, to, appUrl: options.appUrl }),
        );
        status = 'sent';
      } catch (e) {
        status = 'failed';
        error = describeError(e);
        if (SERVER_ERRORS.has((e as { code?: string }).code ?? '')) serverDown = error;
        ctx.log(`reminders: email to ${r.unitName} failed, retried next run: ${error}`);
      }
    }
    await finishReminder(db, r, 'email', { status, error, at: ctx.now().toISOString() });
    deliveries.push({ ...base, status, error, recipients: to });
  }
  return deliveries;
}

/** The most a robot accepts in one message (WeCom: 4096 bytes of content; DingTalk allows more). */
const WEBHOOK_BYTES: Record<WebhookKind, number> = { wecom: 4000, dingtalk: 18000 };

/** The markdown text and the title of one chat message for reminders of one round and day. */
export function webhookMarkdown(
  reminders: readonly Reminder[],
  options: { kind: WebhookKind; appUrl: string | null },
): { title: string; text: string } {
  const first = reminders[0];
  if (!first) throw new Error('webhookMarkdown needs at least one reminder');
  const units = reminders.length;
  const days = Math.abs(first.daysLeft);
  const zhDeadline = chineseDate(first.deadline);
  const heading =
    first.kind === 'upcoming'
      ? {
          zh: `填报提醒:${first.roundTitle}还有${days}天截止`,
          en: `Reminder: "${first.roundTitle}" is due in ${days} day${days === 1 ? '' : 's'}`,
        }
      : first.kind === 'due'
        ? { zh: `今日截止:${first.roundTitle}`, en: `Due today: "${first.roundTitle}"` }
        : {
            zh: `逾期提醒:${first.roundTitle}已逾期${days}天`,
            en: `Overdue: "${first.roundTitle}" is ${days} day${days === 1 ? '' : 's'} past its deadline`,
          };
  const head = [
    `### 【蓝图】${heading.zh}`,
    heading.en,
    '',
    `截止日期 deadline:${zhDeadline} (${first.deadline})`,
    '',
    `以下${units}个牵头单位尚有事项未报送 · ${units} lead unit${units === 1 ? '' : 's'} still owe items:`,
    '',
  ];
  const foot = [
    '',
    '请各单位登录蓝图填报并提交 · please sign in to lantu and submit.',
    ...(options.appUrl ? [`[打开蓝图 · open lantu](${options.appUrl})`] : []),
  ];
  const lines = reminders.map((r) => {
    const n = r.owed.length;
    const named = r.owed
      .slice(0, 2)
      .map((o) => `${o.title.replace(/\s+/g, ' ').slice(0, 24)} [${o.itemKey}]`)
      .join(';');
    return `- **${r.unitName}** ${n}项 · ${n} item${n === 1 ? '' : 's'}:${named}${n > 2 ? '…' : ''}`;
  });
  // Add unit lines while the message fits the robot's limit; name how many did not.
  const budget = WEBHOOK_BYTES[options.kind] - Buffer.byteLength([...head, ...foot].join('\n')) - 100;
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const size = Buffer.byteLength(line) + 1;
    if (used + size > budget) break;
    kept.push(line);
    used += size;
  }
  if (kept.length < lines.length) {
    const more = lines.length - kept.length;
    kept.push(`- ……另有${more}个单位 · and ${more} more unit${more === 1 ? '' : 's'}`);
  }
  return { title: `【蓝图】${heading.zh}`, text: [...head, ...kept, ...foot].join('\n') };
}

/** The JSON body a group robot accepts: DingTalk's markdown {title, text}, WeCom's markdown {content}. */
export function webhookPayload(
  reminders: readonly Reminder[],
  options: { kind: WebhookKind; appUrl: string | null },
): Record<string, unknown> {
  const { title, text } = webhookMarkdown(reminders, options);
  return options.kind === 'wecom'
    ? { msgtype: 'markdown', markdown: { content: text } }
    : { msgtype: 'markdown', markdown: { title, text } };
}

/**
 * A DingTalk robot URL signed for its 加签 security setting: timestamp and
 * sign = base64(HMAC-SHA256(secret, "timestamp\nsecret")), as DingTalk documents.
 */
export function signDingTalkUrl(url: string, secret: string, timestamp: number): string {
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(timestamp));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/**
 * Posts one message to the robot. Throws when the robot does not take it: an HTTP error, or a reply
 * whose errcode is not 0 (both robots answer 200 with {"errcode":…} for a rejected message).
 */
export async function postWebhook(
  webhook: NonNullable<RemindersConfig['webhook']>,
  payload: Record<string, unknown>,
  now: Date,
): Promise<void> {
  const url =
    webhook.kind === 'dingtalk' && webhook.secret
      ? signDingTalkUrl(webhook.url, webhook.secret, now.getTime())
      : webhook.url;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify(payload),
    signal: AbortSignal.timeout(NETWORK_TIMEOUT_MS),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`HTTP ${response.status} ${text.slice(0, 200)}`);
  let reply: { errcode?: number; errmsg?: string } = {};
  try {
    reply = JSON.parse(text) as typeof reply;
  } catch {
    // A relay that answers 2xx without JSON has taken the message.
  }
  if (typeof reply.errcode === 'number' && reply.errcode !== 0) {
    throw new Error(`errcode ${reply.errcode}: ${reply.errmsg ?? ''}`);
  }
}

/**
 * To the group robot: one message per round and reminder day naming every unit that still owes
 * (a robot takes about 20 messages a minute, so forty units get one message, not forty). The units
 * of a message succeed or fail together.
 */
export async function deliverByWebhook(
  db: Executor,
  reminders: readonly Reminder[],
  options: { webhook: NonNullable<RemindersConfig['webhook']>; appUrl: string | null },
  ctx: ChannelContext,
): Promise<Delivery[]> {
  const groups = new Map<string, Reminder[]>();
  for (const r of reminders) {
    const key = `${r.roundId}\u0000${r.offsetDays}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const deliveries: Delivery[] = [];
  for (const group of groups.values()) {
    const claimed: Reminder[] = [];
    for (const r of group)
      if (await claimReminder(db, r, 'webhook', ctx.now().toISOString(), staleBefore(ctx))) claimed.push(r);
    if (claimed.length === 0) continue;
    let status: DeliveryStatus = 'sent';
    let error: string | null = null;
    try {
      await postWebhook(
        options.webhook,
        webhookPayload(claimed, { kind: options.webhook.kind, appUrl: options.appUrl }),
        ctx.now(),
      );
    } catch (e) {
      status = 'failed';
      error = describeError(e);
      ctx.log(
        `reminders: ${options.webhook.kind} webhook failed for ${claimed[0]!.roundTitle}, retried next run: ${error}`,
      );
    }
    for (const r of claimed) {
      await finishReminder(db, r, 'webhook', { status, error, at: ctx.now().toISOString() });
      deliveries.push({
        channel: 'webhook',
        roundId: r.roundId,
        unitId: r.unitId,
        offsetDays: r.offsetDays,
        status,
        error,
      });
    }
  }
  return deliveries;
}
