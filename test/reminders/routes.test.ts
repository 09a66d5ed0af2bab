/**
 * The reminder routes on both databases: only a planner runs reminders (and the run is audited);
 * each user reads and marks read only their own unit's in-app reminders.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { todayIn } from '../../src/reminders/config.ts';
import { newId } from '../../src/store/ids.ts';
import { createHarness, type Harness } from '../server/harness.ts';
import { dialects } from '../store/dialects.ts';

/** The date `days` after today in China, as the route's clock sees it. */
function daysFromToday(days: number): string {
  const today = todayIn('Asia/Shanghai');
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

describe.each(dialects)('reminder routes on $name', ({ open }) => {
  let h: Harness;
  let roundId: string;

  beforeEach(async () => {
    h = await createHarness(await open());
    // 商务局 leads the first three indicators; the open 2025 round is due in three days.
    const now = new Date().toISOString();
    const indicators = h.items.filter((i) => i.kind === 'indicator').slice(0, 3);
    for (const item of indicators) {
      await h.database.db
        .insertInto('assignments')
        .values({
          id: newId(),
          plan_id: h.planId,
          item_id: item.id,
          lead_unit_id: h.unitIds.shangwu,
          co_unit_ids: '[]',
          due_date: null,
          milestones: '[]',
          updated_at: now,
        })
        .execute();
    }
    roundId = newId();
    await h.database.db
      .insertInto('reporting_rounds')
      .values({
        id: roundId,
        plan_id: h.planId,
        year: 2025,
        period: null,
        title: '2025年度规划实施情况填报',
        opens_on: '2026-01-05',
        deadline: daysFromToday(3),
        status: 'open',
        created_at: now,
      })
      .execute();
  });
  afterEach(async () => {
    await h.close();
  });

  it('only a planner runs reminders: 401 signed out, 403 for a reporter, reviewer, viewer or auditor', async () => {
    const url = `/api/plans/${h.planId}/reminders/run`;
    expect((await h.app.inject({ method: 'POST', url, payload: {} })).statusCode).toBe(401);
    for (const username of ['reporter.shangwu', 'reviewer.shangwu', 'viewer', 'auditor', 'admin'] as const) {
      const client = await h.login(username);
      const reply = await client.request('POST', url, {});
      expect(reply.statusCode, username).toBe(403);
      expect(reply.json().code).toBe('LANTU_FORBIDDEN');
    }
    expect(
      await h.database.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'reminders.run')
        .execute(),
    ).toEqual([]);
    const planner = await h.login('planner');
    expect((await planner.request('POST', `/api/plans/${newId()}/reminders/run`, {})).statusCode).toBe(404);
  });

  it('a planner’s run tells the unit in the app, is audited, and a dry run changes nothing', async () => {
    const planner = await h.login('planner');
    const dry = await planner.request('POST', `/api/plans/${h.planId}/reminders/run`, { dryRun: true });
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({
      dryRun: true,
      deliveries: [],
      reminders: [{ unitName: '商务局', offsetDays: -3, daysLeft: 3 }],
    });

    const run = await planner.request('POST', `/api/plans/${h.planId}/reminders/run`);
    expect(run.statusCode).toBe(200);
    const body = run.json();
    expect(body).toMatchObject({
      today: todayIn('Asia/Shanghai'),
      channels: ['app'],
      summary: { app: { sent: 1, skipped: 0, failed: 0 } },
      reminders: [{ roundId, unitId: h.unitIds.shangwu, kind: 'upcoming', daysLeft: 3 }],
    });
    expect(body.reminders[0].owed).toHaveLength(3);
    expect(body.reminders[0].title).toContain('还有3天截止');
    const audit = await h.database.db
      .selectFrom('audit_events')
      .select(['actor_role', 'actor_unit', 'plan_id'])
      .where('action', '=', 'reminders.run')
      .execute();
    expect(audit).toEqual([{ actor_role: 'planner', actor_unit: '发改局', plan_id: h.planId }]);

    // Run again: nothing new.
    expect(
      (await planner.request('POST', `/api/plans/${h.planId}/reminders/run`, {})).json().reminders,
    ).toEqual([]);
  });

  it('each user reads and marks read their own unit’s reminders only', async () => {
    const planner = await h.login('planner');
    await planner.request('POST', `/api/plans/${h.planId}/reminders/run`, {});

    const reporter = await h.login('reporter.shangwu');
    const list = await reporter.request('GET', '/api/notifications');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(1);
    const note = list.json()[0];
    expect(note).toMatchObject({
      planId: h.planId,
      roundId,
      kind: 'upcoming',
      readAt: null,
      abilities: { markRead: true },
    });
    expect(note.title).toMatch(/^填报提醒:.*尚有3项未报送 · Reminder: 3 items/);

    const other = await h.login('reporter.tongji');
    expect((await other.request('GET', '/api/notifications')).json()).toEqual([]);
    const forbidden = await other.request('POST', `/api/notifications/${note.id}/read`);
    expect(forbidden.statusCode).toBe(403);
    expect((await other.request('POST', `/api/notifications/${newId()}/read`)).statusCode).toBe(404);

    const read = await reporter.request('POST', `/api/notifications/${note.id}/read`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: note.id, abilities: { markRead: false } });
    expect(read.json().readAt).toEqual(expect.any(String));
    expect((await reporter.request('GET', '/api/notifications?unread=true')).json()).toEqual([]);
    // The reviewer of the same unit sees it read; reading again changes nothing and records nothing.
    const reviewer = await h.login('reviewer.shangwu');
    expect((await reviewer.request('GET', '/api/notifications')).json()[0].readAt).toBe(read.json().readAt);
    expect((await reviewer.request('POST', `/api/notifications/${note.id}/read`)).json().readAt).toBe(
      read.json().readAt,
    );
    const reads = await h.database.db
      .selectFrom('audit_events')
      .select(['actor_name'])
      .where('action', '=', 'notification.read')
      .execute();
    expect(reads).toEqual([{ actor_name: 'reporter.shangwu' }]);
  });
});
