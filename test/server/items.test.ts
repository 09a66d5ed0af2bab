/**
 * The items list carries each task's latest approved progress and its schedule judgement (the rule of
 * src/progress/itemProgress.ts, the one the reports use), on both databases; a reporter of another
 * unit gets the item without its progress (the server decides, not the page).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dialects } from '../store/dialects.ts';
import { type Client, createHarness, type Harness } from './harness.ts';

interface ItemReply {
  id: string;
  key: string;
  progress: { year: number; percent: number } | null;
  schedule: { status: string; light: string; overdue: boolean; overdueMilestones: string[] } | null;
}

describe.each(dialects)('item progress on $name', ({ open }) => {
  let h: Harness;
  let planner: Client;
  let base: string;

  beforeEach(async () => {
    h = await createHarness(await open());
    planner = await h.login('planner');
    base = `/api/plans/${h.planId}`;
  });
  afterEach(async () => {
    await h.close();
  });

  /** A progress update of 商务局 taken through the whole workflow to approval. */
  async function approvedProgress(itemId: string, year: number, percent: number): Promise<void> {
    const reporter = await h.login('reporter.shangwu');
    const reviewer = await h.login('reviewer.shangwu');
    const created = await reporter.request('POST', `${base}/observations`, {
      itemId,
      kind: 'progress',
      year,
      value: percent,
      unit: '%',
      details: { note: '', evidence: '', narrative: '按计划推进' },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    for (const [client, action, version] of [
      [reporter, 'submit', 1],
      [reviewer, 'review', 2],
      [planner, 'approve', 3],
    ] as const) {
      const reply = await client.request('POST', `/api/observations/${id}/transitions`, { action, version });
      expect(reply.statusCode, reply.body).toBe(200);
    }
  }

  const tasks = async (client: Client): Promise<Map<string, ItemReply>> =>
    new Map(
      (await client.request('GET', `${base}/items?kind=task`)).json<ItemReply[]>().map((i) => [i.key, i]),
    );

  it('judges each task by its latest approved update, its milestones and its due date', async () => {
    const [late, done] = ['task:3.1.1', 'task:3.1.2'].map((key) => h.items.find((i) => i.key === key)!);
    for (const [item, milestones] of [
      [late!, [{ title: '完成方案编制', due: '2023-06-30', done: false }]],
      [done!, []],
    ] as const) {
      const put = await planner.request('PUT', `${base}/assignments/${item.id}`, {
        leadUnitId: h.unitIds.shangwu,
        dueDate: '2025-12-31',
        milestones,
        version: null,
      });
      expect(put.statusCode, put.body).toBe(201);
    }
    await approvedProgress(late!.id, 2022, 20);
    await approvedProgress(late!.id, 2023, 40);
    await approvedProgress(done!.id, 2024, 100);

    const seen = await tasks(planner);
    // The 2023 update is the latest; judged at the end of 2023 the milestone of June 2023 is overdue.
    expect(seen.get('task:3.1.1')).toMatchObject({
      progress: { year: 2023, percent: 40 },
      schedule: { status: 'off_track', light: 'red', overdue: false, overdueMilestones: ['完成方案编制'] },
    });
    expect(seen.get('task:3.1.2')).toMatchObject({
      progress: { year: 2024, percent: 100 },
      schedule: { status: 'achieved', light: 'green' },
    });
    // Never reported and never assigned: nothing is known, even past the plan's end (grey, not red).
    expect(seen.get('task:3.1.3')).toMatchObject({
      progress: null,
      schedule: { status: 'no_data', light: 'grey', overdue: false },
    });

    // The unit's own reporter and leadership see it; another unit's reporter gets no progress.
    expect((await tasks(await h.login('reporter.shangwu'))).get('task:3.1.1')?.progress).toEqual({
      year: 2023,
      percent: 40,
    });
    expect((await tasks(await h.login('viewer'))).get('task:3.1.2')?.schedule?.status).toBe('achieved');
    const other = (await tasks(await h.login('reporter.tongji'))).get('task:3.1.1');
    expect(other).toMatchObject({ progress: null, schedule: null });
  });

  it('a co-operating unit reports its own part, which is not the item’s progress', async () => {
    const task = h.items.find((i) => i.key === 'task:3.1.1')!;
    await planner.request('PUT', `${base}/assignments/${task.id}`, {
      leadUnitId: h.unitIds.shangwu,
      coUnitIds: [h.unitIds.tongji],
      version: null,
    });
    await approvedProgress(task.id, 2023, 40);
    const co = await h.login('reporter.tongji');
    const part = {
      itemId: task.id,
      kind: 'progress',
      year: 2023,
      value: 100,
      unit: '%',
      details: { note: '', evidence: '', narrative: '本单位承担部分已完成' },
    };
    // Its part carries its own name as the area; the item's own value is the lead's.
    const whole = await co.request('POST', `${base}/observations`, part);
    expect(whole.statusCode).toBe(403);
    const created = await co.request('POST', `${base}/observations`, { ...part, area: '统计局' });
    expect(created.statusCode, created.body).toBe(201);
    const reviewer = await h.login('reviewer.tongji');
    const id = created.json().id;
    expect(
      (await co.request('POST', `/api/observations/${id}/transitions`, { action: 'submit', version: 1 }))
        .statusCode,
    ).toBe(200);
    expect(
      (
        await reviewer.request('POST', `/api/observations/${id}/transitions`, {
          action: 'review',
          version: 2,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await planner.request('POST', `/api/observations/${id}/transitions`, {
          action: 'approve',
          version: 3,
        })
      ).statusCode,
    ).toBe(200);
    expect((await tasks(planner)).get('task:3.1.1')?.progress).toEqual({ year: 2023, percent: 40 });
    // Nor does a part hand the item in: for 2024 only the part is in, and the lead still owes it.
    const part2024 = await co.request('POST', `${base}/observations`, {
      ...part,
      year: 2024,
      area: '统计局',
    });
    expect(part2024.statusCode).toBe(201);
    await co.request('POST', `/api/observations/${part2024.json().id}/transitions`, {
      action: 'submit',
      version: 1,
    });
    const owed = (await (await h.login('reporter.shangwu')).request('GET', `${base}/owed?year=2024`)).json();
    expect(owed.items.map((o: { itemKey: string }) => o.itemKey)).toContain('task:3.1.1');

    // The lead unit reads the part (it sums its co-operating units' work up), but cannot change it.
    const lead = await h.login('reporter.shangwu');
    const listed = (await lead.request('GET', `${base}/observations?itemId=${task.id}&year=2023`)).json<
      { id: string; area: string | null; abilities: { edit: boolean } }[]
    >();
    expect(listed.map((o) => o.area).sort()).toEqual([null, '统计局']);
    const seen = await lead.request('GET', `/api/observations/${id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({ area: '统计局', abilities: { edit: false, review: false } });
    // The co-operating unit does not read the lead's own values.
    const leadValue = listed.find((o) => o.area === null)!;
    expect((await co.request('GET', `/api/observations/${leadValue.id}`)).statusCode).toBe(403);
    expect(
      (await co.request('GET', `${base}/observations?itemId=${task.id}&year=2023`)).json<
        { area: string | null }[]
      >(),
    ).toEqual([expect.objectContaining({ area: '统计局' })]);
  });
});
