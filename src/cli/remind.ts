/**
 * `lantu remind [--database URL] [--today YYYY-MM-DD] [--plan ID] [--dry-run]`: one reminder run, meant
 * to be run once a day (cron, a systemd timer). It tells each lead unit what it still owes the open
 * reporting rounds, in the app and, when LANTU_SMTP_URL / LANTU_WEBHOOK_URL are set, by email and
 * to the group robot. Exit 0 when everything due went out, 1 when a channel failed (it is retried on
 * the next run), 2 for bad arguments or settings.
 */
import { parseArgs } from 'node:util';
import {
  describeRemindersConfig,
  RemindersConfigError,
  remindersConfigFromEnv,
} from '../reminders/config.ts';
import { dayNumber } from '../reminders/schedule.ts';
import { runReminders } from '../server/services/runReminders.ts';
import { DEFAULT_DATABASE_URL, openDatabase } from '../store/database.ts';
import type { CliIo } from './io.ts';

export const remindUsage =
  'usage: lantu remind [--database URL] [--today YYYY-MM-DD] [--plan ID] [--dry-run]';

const KIND_LABEL = {
  upcoming: '即将截止 upcoming',
  due: '今日截止 due today',
  overdue: '已逾期 overdue',
} as const;

export async function runRemind(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      database: { type: 'string' },
      today: { type: 'string' },
      plan: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
    allowPositionals: true,
  });
  if (positionals.length > 0) {
    io.stderr(`lantu remind: unexpected argument '${positionals[0]}'\n${remindUsage}\n`);
    return 2;
  }
  if (
    values.today !== undefined &&
    (!/^\d{4}-\d{2}-\d{2}$/.test(values.today) || dayNumber(values.today) === null)
  ) {
    io.stderr(`lantu remind: --today must be a date YYYY-MM-DD, not '${values.today}'\n`);
    return 2;
  }
  let config: ReturnType<typeof remindersConfigFromEnv>;
  try {
    config = remindersConfigFromEnv(process.env);
  } catch (error) {
    if (!(error instanceof RemindersConfigError)) throw error;
    io.stderr(`lantu remind: ${error.message}\n`);
    return 2;
  }

  const url = values.database ?? process.env.LANTU_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const database = await openDatabase(url);
  try {
    const dryRun = values['dry-run'] ?? false;
    const result = await runReminders(database, {
      config,
      dryRun,
      ...(values.today ? { today: values.today } : {}),
      ...(values.plan ? { planId: values.plan } : {}),
      log: (line) => io.stderr(`${line}\n`),
    });
    io.stdout(
      `提醒 reminders for ${result.today}: ${result.reminders.length} due` +
        `${dryRun ? ' (演习,未发送 dry run: nothing sent)' : ''}\n` +
        `  渠道 channels: ${describeRemindersConfig(config)}  (数据库 database ${database.description})\n`,
    );
    for (const r of result.reminders) {
      const when =
        r.daysLeft > 0
          ? `还有${r.daysLeft}天 in ${r.daysLeft}d`
          : r.daysLeft === 0
            ? '今天 today'
            : `逾期${-r.daysLeft}天 ${-r.daysLeft}d late`;
      io.stdout(
        `  ${r.unitName}  ${r.roundTitle}  ${r.deadline} ${when}  ${KIND_LABEL[r.kind]}  欠报${r.owed.length}项 owes ${r.owed.length}\n`,
      );
    }
    if (dryRun) return 0;
    const parts = result.channels.map((c) => {
      const s = result.summary[c];
      return `${c} ${s.sent} sent${s.skipped ? `, ${s.skipped} skipped` : ''}${s.failed ? `, ${s.failed} failed` : ''}`;
    });
    io.stdout(`送达 delivered: ${parts.join('; ')}\n`);
    const failed = result.deliveries.filter((d) => d.status === 'failed').length;
    if (failed > 0) {
      io.stderr(
        `lantu remind: ${failed} 项发送失败,下次运行时重试 · ${failed} deliveries failed and will be retried on the next run\n`,
      );
      return 1;
    }
    return 0;
  } finally {
    await database.close();
  }
}
