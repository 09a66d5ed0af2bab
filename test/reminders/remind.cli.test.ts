/** `lantu remind`: a dry run, a real run, and the arguments it refuses, on an SQLite file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/io.ts';
import { remindUsage, runRemind } from '../../src/cli/remind.ts';
import { openDatabase } from '../../src/store/database.ts';
import { listNotifications } from '../../src/store/reminders.repository.ts';
import { seedReminderFixture } from './fixtures.ts';

function captureIo(): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => {
      io.out += text;
    },
    stderr: (text: string) => {
      io.err += text;
    },
    readFile: async () => new Uint8Array(),
    isTty: false,
  };
  return io;
}

describe('lantu remind', () => {
  let dir: string;
  let url: string;
  let shangwu: string;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lantu-remind-'));
    url = `sqlite:${join(dir, 'lantu.sqlite')}`;
    const database = await openDatabase(url);
    shangwu = (await seedReminderFixture(database.db)).units.shangwu;
    await database.close();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('a dry run lists what is due and sends nothing; a real run delivers in the app', async () => {
    const dry = captureIo();
    expect(await runRemind(['--database', url, '--today', '2026-12-08', '--dry-run'], dry)).toBe(0);
    expect(dry.out).toContain('提醒 reminders for 2026-12-08: 1 due (演习,未发送 dry run: nothing sent)');
    expect(dry.out).toContain(
      '商务局  2025年度规划实施情况填报  2026-12-15 还有7天 in 7d  即将截止 upcoming  欠报2项 owes 2',
    );

    const real = captureIo();
    expect(await runRemind(['--database', url, '--today', '2026-12-08'], real)).toBe(0);
    expect(real.out).toContain('送达 delivered: app 1 sent');
    expect(real.err).toBe('');
    const database = await openDatabase(url);
    try {
      expect(await listNotifications(database.db, shangwu)).toHaveLength(1);
    } finally {
      await database.close();
    }
  });

  it('refuses a date that is not one, and stray arguments', async () => {
    const io = captureIo();
    expect(await runRemind(['--database', url, '--today', '2026-02-30'], io)).toBe(2);
    expect(io.err).toContain("--today must be a date YYYY-MM-DD, not '2026-02-30'");
    const stray = captureIo();
    expect(await runRemind(['now'], stray)).toBe(2);
    expect(stray.err).toContain(remindUsage);
  });
});
