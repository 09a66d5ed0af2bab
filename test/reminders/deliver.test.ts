/**
 * Delivering reminders, on SQLite and PostgreSQL: in the app always, by email to a local SMTP sink,
 * to a local stand-in for a DingTalk or WeCom robot; a channel that is down does not stop the
 * others and is retried on the next run; nothing is delivered twice.
 */
import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDERS_CONFIG,
  type RemindersConfig,
  remindersConfigFromEnv,
} from '../../src/reminders/config.ts';
import { webhookMarkdown } from '../../src/reminders/deliver.ts';
import { dueReminders } from '../../src/reminders/schedule.ts';
import { runReminders } from '../../src/server/services/runReminders.ts';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { listNotifications, listSentReminders, setUserEmail } from '../../src/store/reminders.repository.ts';
import { dialects, type TestDatabase } from '../store/dialects.ts';
import {
  closedPort,
  DEADLINE,
  decodeMail,
  type ReminderFixture,
  seedReminderFixture,
  startSmtpSink,
  startWebhookReceiver,
} from './fixtures.ts';

const WEEK_BEFORE = '2026-12-08';
const CLOCK = () => new Date('2026-12-08T01:00:00.000Z');

function withChannels(over: Partial<RemindersConfig>): RemindersConfig {
  return { ...DEFAULT_REMINDERS_CONFIG, ...over };
}

describe.each(dialects)('reminder delivery on $name', ({ open }) => {
  let database: TestDatabase;
  let fx: ReminderFixture;
  const closers: (() => Promise<void>)[] = [];
  const logged: string[] = [];
  const log = (line: string) => logged.push(line);

  beforeEach(async () => {
    database = await open();
    fx = await seedReminderFixture(database.db);
    logged.length = 0;
  });
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    await database.close();
  });

  it('in the app: one notification for the unit that owes, none for the one that does not, never twice', async () => {
    const first = await runReminders(database, { today: WEEK_BEFORE, clock: CLOCK, log });
    expect(first.channels).toEqual(['app']);
    expect(first.reminders).toMatchObject([
      { unitId: fx.units.shangwu, offsetDays: -7, kind: 'upcoming', daysLeft: 7 },
    ]);
    expect(first.reminders[0]!.owed.map((o) => o.itemKey)).toEqual(['ind:4', 'task:3.1.1']);
    expect(first.summary.app).toEqual({ sent: 1, skipped: 0, failed: 0 });

    const notes = await listNotifications(database.db, fx.units.shangwu);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({
      roundId: fx.roundId,
      planId: fx.planId,
      kind: 'upcoming',
      readAt: null,
    });
    expect(notes[0]!.title).toContain('还有7天截止(2026年12月15日),尚有2项未报送 · Reminder: 2 items');
    expect(notes[0]!.body).toContain(
      '1. 社会消费品零售总额 [ind:4]\n2. 加快建设国际消费中心城市核心区 [task:3.1.1]',
    );
    expect(await listNotifications(database.db, fx.units.tongji)).toEqual([]);

    // The same day again, and the next day: nothing new.
    expect((await runReminders(database, { today: WEEK_BEFORE, clock: CLOCK, log })).reminders).toEqual([]);
    expect((await runReminders(database, { today: '2026-12-09', clock: CLOCK, log })).reminders).toEqual([]);
    expect(await listNotifications(database.db, fx.units.shangwu)).toHaveLength(1);
    // Three days before: the second reminder.
    const later = await runReminders(database, { today: '2026-12-12', clock: CLOCK, log });
    expect(later.reminders).toMatchObject([{ offsetDays: -3, daysLeft: 3 }]);
    expect(await listNotifications(database.db, fx.units.shangwu)).toHaveLength(2);

    // Every run is in the audit chain, which stays intact.
    const runs = await database.db
      .selectFrom('audit_events')
      .select(['action', 'actor_role'])
      .where('action', '=', 'reminders.run')
      .execute();
    expect(runs).toHaveLength(4);
    expect(runs[0]).toMatchObject({ actor_role: 'system' });
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true });
    expect(logged).toEqual([]);
  });

  it('a dry run says what is due and delivers and records nothing', async () => {
    const dry = await runReminders(database, { today: DEADLINE, clock: CLOCK, log, dryRun: true });
    expect(dry.reminders).toMatchObject([{ kind: 'due', offsetDays: 0 }]);
    expect(dry.deliveries).toEqual([]);
    expect(await listNotifications(database.db, fx.units.shangwu)).toEqual([]);
    expect(await listSentReminders(database.db, [fx.roundId])).toEqual([]);
  });

  it('by email: to every user of the unit with an address, subject and body in Chinese then English', async () => {
    const sink = await startSmtpSink();
    closers.push(sink.close);
    const config = remindersConfigFromEnv({
      LANTU_SMTP_URL: `smtp://lantu:secret@127.0.0.1:${sink.port}`,
      LANTU_SMTP_FROM: '上城区发改局 <fgj@example.gov.cn>',
      LANTU_APP_URL: 'https://lantu.example.gov.cn/',
    });
    const result = await runReminders(database, { today: '2026-12-16', config, clock: CLOCK, log });
    expect(result.channels).toEqual(['app', 'email']);
    expect(result.summary.email).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(sink.messages).toHaveLength(1);
    const mail = sink.messages[0]!;
    expect(mail.from).toBe('fgj@example.gov.cn');
    expect(mail.to.sort()).toEqual(['baosong@shangwu.example.cn', 'shenhe@shangwu.example.cn']);
    const { subject, text } = decodeMail(mail.raw);
    expect(subject).toBe(
      '【蓝图】逾期提醒:2025年度规划实施情况填报已于2026年12月15日截止,逾期1天,尚有2项未报送 · ' +
        'Overdue: 2 items still owed for the 2025 reporting round, 1 day past the deadline (2026-12-15)',
    );
    expect(text).toContain(
      '商务局:\n「2025年度规划实施情况填报」的填报截止日期为2026年12月15日(已逾期1天)。贵单位作为牵头单位,尚有2项未报送:',
    );
    expect(text).toContain('1. 社会消费品零售总额 [ind:4]');
    expect(text).toContain('登录填报:https://lantu.example.gov.cn/');
    expect(text.indexOf('贵单位')).toBeLessThan(text.indexOf('As lead unit you still owe 2 items'));

    // Sent once: the same day again sends nothing.
    await runReminders(database, { today: '2026-12-16', config, clock: CLOCK, log });
    expect(sink.messages).toHaveLength(1);
  });

  it('by email: a unit whose users have no address is skipped, not retried, and still told in the app', async () => {
    const sink = await startSmtpSink();
    closers.push(sink.close);
    await setUserEmail(database.db, fx.users.shangwuReporter, null);
    await setUserEmail(database.db, fx.users.shangwuReviewer, null);
    const config = remindersConfigFromEnv({ LANTU_SMTP_URL: `smtp://127.0.0.1:${sink.port}` });
    const first = await runReminders(database, { today: WEEK_BEFORE, config, clock: CLOCK, log });
    expect(first.summary).toMatchObject({ app: { sent: 1 }, email: { sent: 0, skipped: 1, failed: 0 } });
    expect(sink.messages).toEqual([]);
    const again = await runReminders(database, { today: WEEK_BEFORE, config, clock: CLOCK, log });
    expect(again.reminders).toEqual([]);
  });

  it.each([
    ['dingtalk', { msgtype: 'markdown', markdown: { title: expect.any(String), text: expect.any(String) } }],
    ['wecom', { msgtype: 'markdown', markdown: { content: expect.any(String) } }],
  ] as const)('to a %s group robot: its markdown JSON, one message naming the units', async (kind, shape) => {
    const robot = await startWebhookReceiver();
    closers.push(robot.close);
    const config = remindersConfigFromEnv({ LANTU_WEBHOOK_URL: robot.url, LANTU_WEBHOOK_KIND: kind });
    const result = await runReminders(database, { today: WEEK_BEFORE, config, clock: CLOCK, log });
    expect(result.summary.webhook).toEqual({ sent: 1, skipped: 0, failed: 0 });
    expect(robot.posts).toHaveLength(1);
    const body = robot.posts[0]!.body as { msgtype: string; markdown: Record<string, string> };
    expect(body).toEqual(shape);
    expect(Object.keys(body.markdown)).toEqual(kind === 'dingtalk' ? ['title', 'text'] : ['content']);
    const text = kind === 'dingtalk' ? body.markdown.text! : body.markdown.content!;
    expect(text).toContain('### 【蓝图】填报提醒:2025年度规划实施情况填报还有7天截止');
    expect(text).toContain('截止日期 deadline:2026年12月15日 (2026-12-15)');
    expect(text).toContain(
      '- **商务局** 2项 · 2 items:社会消费品零售总额 [ind:4];加快建设国际消费中心城市核心区 [task:3.1.1]',
    );
    expect(text).not.toContain('统计局');
    if (kind === 'dingtalk')
      expect(body.markdown.title).toBe('【蓝图】填报提醒:2025年度规划实施情况填报还有7天截止');
    expect(robot.posts[0]!.url).toBe('/robot/send?access_token=test');
  });

  it('signs DingTalk messages when a secret is set (加签)', async () => {
    const robot = await startWebhookReceiver();
    closers.push(robot.close);
    const config = remindersConfigFromEnv({ LANTU_WEBHOOK_URL: robot.url, LANTU_WEBHOOK_SECRET: 'SECtest' });
    await runReminders(database, { today: WEEK_BEFORE, config, clock: CLOCK, log });
    const url = new URL(robot.posts[0]!.url, 'http://x');
    const timestamp = url.searchParams.get('timestamp')!;
    expect(timestamp).toBe(String(CLOCK().getTime()));
    expect(url.searchParams.get('access_token')).toBe('test');
    expect(url.searchParams.get('sign')).toBe(
      createHmac('sha256', 'SECtest').update(`${timestamp}\nSECtest`).digest('base64'),
    );
  });

  it('SMTP and robot down: the in-app reminder still goes out, and the next run delivers the rest once', async () => {
    const [smtpPort, robotPort] = [await closedPort(), await closedPort()];
    const down = withChannels({
      smtp: { url: `smtp://u:p@127.0.0.1:${smtpPort}`, from: 'lantu@example.gov.cn' },
      webhook: { url: `http://127.0.0.1:${robotPort}/robot/send`, kind: 'dingtalk', secret: null },
    });
    const first = await runReminders(database, { today: WEEK_BEFORE, config: down, clock: CLOCK, log });
    expect(first.summary).toEqual({
      app: { sent: 1, skipped: 0, failed: 0 },
      email: { sent: 0, skipped: 0, failed: 1 },
      webhook: { sent: 0, skipped: 0, failed: 1 },
    });
    expect(await listNotifications(database.db, fx.units.shangwu)).toHaveLength(1);
    expect(logged.some((l) => l.includes('email to 商务局 failed') && l.includes('ECONNREFUSED'))).toBe(true);
    expect(logged.some((l) => l.includes('dingtalk webhook failed') && l.includes('ECONNREFUSED'))).toBe(
      true,
    );
    const failed = await listSentReminders(database.db, [fx.roundId]);
    expect(failed.map((r) => `${r.channel}:${r.status}`).sort()).toEqual([
      'app:sent',
      'email:failed',
      'webhook:failed',
    ]);

    // The next run, with both back: email and robot retried, the app not repeated.
    const sink = await startSmtpSink();
    const robot = await startWebhookReceiver();
    closers.push(sink.close, robot.close);
    const up = withChannels({
      smtp: { url: `smtp://u:p@127.0.0.1:${sink.port}`, from: 'lantu@example.gov.cn' },
      webhook: { url: robot.url, kind: 'dingtalk', secret: null },
    });
    const second = await runReminders(database, { today: '2026-12-09', config: up, clock: CLOCK, log });
    expect(second.reminders).toMatchObject([{ offsetDays: -7, daysLeft: 6 }]);
    expect(second.summary).toEqual({
      app: { sent: 0, skipped: 0, failed: 0 },
      email: { sent: 1, skipped: 0, failed: 0 },
      webhook: { sent: 1, skipped: 0, failed: 0 },
    });
    expect(sink.messages).toHaveLength(1);
    expect(robot.posts).toHaveLength(1);
    expect(await listNotifications(database.db, fx.units.shangwu)).toHaveLength(1);
    const ledger = await listSentReminders(database.db, [fx.roundId]);
    expect(ledger.map((r) => `${r.channel}:${r.status}:${r.attempts}`).sort()).toEqual([
      'app:sent:1',
      'email:sent:2',
      'webhook:sent:2',
    ]);

    // And a third run has nothing left to do.
    const third = await runReminders(database, { today: '2026-12-09', config: up, clock: CLOCK, log });
    expect(third.reminders).toEqual([]);
    expect(sink.messages).toHaveLength(1);
    expect(robot.posts).toHaveLength(1);
  });

  it('a robot that answers with an errcode has not taken the message', async () => {
    const robot = await startWebhookReceiver({
      status: 200,
      body: { errcode: 310000, errmsg: 'keywords not in content' },
    });
    closers.push(robot.close);
    const config = withChannels({ webhook: { url: robot.url, kind: 'dingtalk', secret: null } });
    const result = await runReminders(database, { today: WEEK_BEFORE, config, clock: CLOCK, log });
    expect(result.deliveries.find((d) => d.channel === 'webhook')).toMatchObject({
      status: 'failed',
      error: 'errcode 310000: keywords not in content',
    });
  });
});

describe('reminder settings and robot messages', () => {
  it('reads the environment and names a wrong variable', () => {
    expect(remindersConfigFromEnv({})).toEqual(DEFAULT_REMINDERS_CONFIG);
    const config = remindersConfigFromEnv({
      LANTU_SMTP_URL: 'smtps://fgj%40example.gov.cn:pw@smtp.example.gov.cn:465',
      LANTU_WEBHOOK_URL: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
      LANTU_WEBHOOK_KIND: 'WeCom',
      LANTU_REMINDER_OFFSETS: '3, -14, 0',
      LANTU_TIME_ZONE: 'Asia/Urumqi',
    });
    expect(config).toMatchObject({
      smtp: { from: 'fgj@example.gov.cn' },
      webhook: { kind: 'wecom', secret: null },
      offsets: [-14, 0, 3],
      timeZone: 'Asia/Urumqi',
    });
    expect(() =>
      remindersConfigFromEnv({ LANTU_WEBHOOK_URL: 'http://x', LANTU_WEBHOOK_KIND: 'slack' }),
    ).toThrow(/LANTU_WEBHOOK_KIND/);
    expect(() => remindersConfigFromEnv({ LANTU_SMTP_URL: 'mail.example.cn' })).toThrow(/LANTU_SMTP_URL/);
    expect(() => remindersConfigFromEnv({ LANTU_REMINDER_OFFSETS: '-7,soon' })).toThrow(
      /LANTU_REMINDER_OFFSETS/,
    );
  });

  it('keeps a WeCom message under its 4096-byte limit however many units owe', () => {
    const assignments = Array.from({ length: 60 }, (_, i) => ({
      planId: 'P',
      itemId: `i${i}`,
      itemKey: `ind:${i}`,
      title: `一个相当长的指标名称用来把消息撑大第${i}项`,
      leadUnitId: `U${i}`,
      position: i,
    }));
    const units = new Map(
      assignments.map((a) => [
        a.leadUnitId,
        { id: a.leadUnitId, name: a.leadUnitId, shortName: `单位${a.leadUnitId}` },
      ]),
    );
    const reminders = dueReminders({
      today: '2026-12-08',
      rounds: [
        {
          id: 'R',
          planId: 'P',
          year: 2025,
          period: null,
          title: '2025年度规划实施情况填报',
          opensOn: null,
          deadline: DEADLINE,
          status: 'open',
        },
      ],
      assignments,
      reported: [],
      units,
      sent: [],
    });
    expect(reminders).toHaveLength(60);
    const wecom = webhookMarkdown(reminders, { kind: 'wecom', appUrl: null });
    expect(Buffer.byteLength(wecom.text)).toBeLessThanOrEqual(4096);
    expect(wecom.text).toMatch(/……另有\d+个单位 · and \d+ more units/);
    const dingtalk = webhookMarkdown(reminders, { kind: 'dingtalk', appUrl: null });
    expect(dingtalk.text).not.toContain('另有');
  });
});
