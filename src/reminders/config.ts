/**
 * Reminder settings, read from the environment so that one deployment decides once where reminders
 * go: in the app always; by email when LANTU_SMTP_URL is set; to a DingTalk or WeCom group robot when
 * LANTU_WEBHOOK_URL is set. Without either, reminders still appear in the app.
 */
import { DEFAULT_REMINDER_OFFSETS } from './schedule.ts';

/** Which group robot's JSON a webhook speaks. */
export type WebhookKind = 'dingtalk' | 'wecom';

/** Where and when reminders are delivered. */
export interface RemindersConfig {
  /** Reminder days relative to the deadline (negative before it). */
  offsets: readonly number[];
  /** The time zone whose calendar date is "today" (the plan's region, not the server's clock). */
  timeZone: string;
  /** SMTP: a URL (smtp://user:pass@host:port, smtps:// for implicit TLS) and the sender; null for none. */
  smtp: { url: string; from: string } | null;
  /** Chat robot: its URL, its kind, and for DingTalk's 加签 security the secret (SEC…); null for none. */
  webhook: { url: string; kind: WebhookKind; secret: string | null } | null;
  /** The address of the web app, linked from emails and chat messages; null to leave the link out. */
  appUrl: string | null;
}

/** The defaults: in-app only, the standard reminder days, China Standard Time. */
export const DEFAULT_REMINDERS_CONFIG: RemindersConfig = {
  offsets: DEFAULT_REMINDER_OFFSETS,
  timeZone: 'Asia/Shanghai',
  smtp: null,
  webhook: null,
  appUrl: null,
};

/** A setting that cannot be used; the message names the variable. */
export class RemindersConfigError extends Error {
  override name = 'RemindersConfigError';
}

/**
 * Reads LANTU_SMTP_URL, LANTU_SMTP_FROM, LANTU_WEBHOOK_URL, LANTU_WEBHOOK_KIND, LANTU_WEBHOOK_SECRET,
 * LANTU_REMINDER_OFFSETS, LANTU_TIME_ZONE and LANTU_APP_URL. Throws RemindersConfigError naming the
 * variable that is wrong.
 */
export function remindersConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): RemindersConfig {
  const value = (name: string): string | null => {
    const v = env[name]?.trim();
    return v ? v : null;
  };
  const config: RemindersConfig = { ...DEFAULT_REMINDERS_CONFIG };

  const offsets = value('LANTU_REMINDER_OFFSETS');
  if (offsets) {
    const parsed = offsets.split(',').map((s) => Number(s.trim()));
    if (parsed.length === 0 || parsed.some((n) => !Number.isInteger(n) || Math.abs(n) > 366)) {
      throw new RemindersConfigError(
        `LANTU_REMINDER_OFFSETS must be whole days relative to the deadline, such as -7,-3,0,1,3 (not '${offsets}')`,
      );
    }
    config.offsets = [...new Set(parsed)].sort((a, b) => a - b);
  }

  const timeZone = value('LANTU_TIME_ZONE');
  if (timeZone) {
    try {
      new Intl.DateTimeFormat('en-CA', { timeZone });
    } catch {
      throw new RemindersConfigError(
        `LANTU_TIME_ZONE is not a time zone: '${timeZone}' (e.g. Asia/Shanghai)`,
      );
    }
    config.timeZone = timeZone;
  }

  const smtpUrl = value('LANTU_SMTP_URL');
  if (smtpUrl) {
    let url: URL;
    try {
      url = new URL(smtpUrl);
    } catch {
      throw new RemindersConfigError('LANTU_SMTP_URL is not a URL (smtp://user:pass@host:port)');
    }
    if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
      throw new RemindersConfigError(
        `LANTU_SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`,
      );
    }
    // Without an explicit sender, the account's own address is the natural one, if it is an address.
    const user = decodeURIComponent(url.username);
    const from = value('LANTU_SMTP_FROM') ?? (user.includes('@') ? user : `lantu@${url.hostname}`);
    config.smtp = { url: smtpUrl, from };
  }

  const webhookUrl = value('LANTU_WEBHOOK_URL');
  if (webhookUrl) {
    let url: URL;
    try {
      url = new URL(webhookUrl);
    } catch {
      throw new RemindersConfigError('LANTU_WEBHOOK_URL is not a URL');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new RemindersConfigError('LANTU_WEBHOOK_URL must be an http:// or https:// URL');
    }
    const kind = (value('LANTU_WEBHOOK_KIND') ?? 'dingtalk').toLowerCase();
    if (kind !== 'dingtalk' && kind !== 'wecom') {
      throw new RemindersConfigError(`LANTU_WEBHOOK_KIND must be dingtalk or wecom, not '${kind}'`);
    }
    config.webhook = { url: webhookUrl, kind, secret: value('LANTU_WEBHOOK_SECRET') };
  }

  config.appUrl = value('LANTU_APP_URL');
  return config;
}

/** Today's calendar date (YYYY-MM-DD) in a time zone: reminders follow the plan's calendar. */
export function todayIn(timeZone: string, now: Date = new Date()): string {
  // en-CA formats dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}

/** The config with secrets masked, for messages and logs. */
export function describeRemindersConfig(config: RemindersConfig): string {
  const mask = (u: string): string =>
    u.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@').replace(/([?&](access_token|key)=)[^&]+/g, '$1***');
  const channels = ['app 站内'];
  if (config.smtp) channels.push(`email 邮件 ${mask(config.smtp.url)} from ${config.smtp.from}`);
  if (config.webhook) channels.push(`${config.webhook.kind} webhook ${mask(config.webhook.url)}`);
  return `${channels.join('; ')}; offsets ${config.offsets.join(',')}; time zone ${config.timeZone}`;
}
