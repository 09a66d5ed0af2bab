/**
 * The reporting workflow of observations and progress updates, through the HTTP API on both
 * databases: draft → submitted → reviewed → approved or returned with a comment, revisions kept,
 * stale versions refused, every unit kept to its own values, units converted, every mutation audited.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.ts';
import type { Executor } from '../../src/store/database.ts';
import { newId } from '../../src/store/ids.ts';
import { approvedObservations } from '../../src/store/observations.repository.ts';
import { dialects } from '../store/dialects.ts';
import { type Client, createHarness, type Harness } from './harness.ts';

/** Assigns an item to a lead unit (and co-operating units), as the assignment routes will. */
async function assign(
  db: Executor,
  planId: string,
  itemId: string,
  leadUnitId: string,
  coUnitIds: string[] = [],
): Promise<void> {
  await db
    .insertInto('assignments')
    .values({
      id: newId(),
      plan_id: planId,
      item_id: itemId,
      lead_unit_id: leadUnitId,
      co_unit_ids: JSON.stringify(coUnitIds),
      due_date: '2025-12-31',
      milestones: '[]',
      updated_at: '2026-11-26T08:00:00.000Z',
    })
    .execute();
}

async function auditActions(db: Executor, entityId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select('action')
    .where('entity_id', '=', entityId)
    .orderBy('seq')
    .execute();
  return rows.map((r) => r.action);
}

describe.each(dialects)('observation workflow on $name', ({ open }) => {
  let h: Harness;
  /** Item ids by key. */
  let item: (key: string) => string;
  let taskId: string;

  /** The harness to close after the test (unset when building it failed). */
  let current: Harness | undefined;

  beforeEach(async () => {
    const database = await open();
    try {
      current = h = await createHarness(database);
    } catch (error) {
      // A failed set-up must not leave its database (a PostgreSQL schema) behind.
      await database.close();
      throw error;
    }
    item = (key) => {
      const found = h.items.find((i) => i.key === key);
      if (!found) throw new Error(`no item ${key}`);
      return found.id;
    };
    taskId = h.items.find((i) => i.kind === 'task')!.id;
    // 货物贸易进出口总额 (亿元) and a task are 商务局's; GDP is 统计局's with 商务局 co-operating.
    await assign(h.database.db, h.planId, item('ind:7'), h.unitIds.shangwu);
    await assign(h.database.db, h.planId, item('ind:21'), h.unitIds.shangwu);
    await assign(h.database.db, h.planId, taskId, h.unitIds.shangwu);
    await assign(h.database.db, h.planId, item('ind:10'), h.unitIds.tongji, [h.unitIds.shangwu]);
  });
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });

  const draft = (overrides: Record<string, unknown> = {}) => ({
    itemId: item('ind:7'),
    year: 2023,
    kind: 'level',
    value: 600,
    unit: '亿元',
    details: { note: '海关统计', evidence: '《上城区统计年鉴2024》表5-2' },
    source: '区统计局',
    ...overrides,
  });

  async function create(client: Client, overrides: Record<string, unknown> = {}) {
    const reply = await client.request('POST', `/api/plans/${h.planId}/observations`, draft(overrides));
    expect(reply.statusCode, reply.body).toBe(201);
    return reply.json();
  }

  async function step(client: Client, id: string, action: string, version: number, comment?: string) {
    return client.request('POST', `/api/observations/${id}/transitions`, {
      action,
      version,
      ...(comment ? { comment } : {}),
    });
  }

  it('walks the whole path: return with a comment, rework, review, approval; every revision kept', async () => {
    const reporter = await h.login('reporter.shangwu');
    const reviewer = await h.login('reviewer.shangwu');
    const planner = await h.login('planner');

    const created = await create(reporter);
    expect(created).toMatchObject({
      status: 'draft',
      version: 1,
      value: 600,
      unit: '亿元',
      indicatorCode: '7',
      itemKey: 'ind:7',
      area: null,
      period: null,
      unitName: '杭州市上城区商务局',
      approvedValue: null,
      abilities: { edit: true, submit: true, review: false, approve: false },
    });
    const id: string = created.id;

    expect((await step(reporter, id, 'submit', 1)).json()).toMatchObject({ status: 'submitted', version: 2 });
    const returned = await step(reviewer, id, 'return', 2, '数据与统计年鉴不一致,请核对');
    expect(returned.statusCode).toBe(200);
    expect(returned.json()).toMatchObject({ status: 'returned', version: 3 });

    // The reporter sees why, and may now edit and resubmit.
    const seen = (await reporter.request('GET', `/api/observations/${id}`)).json();
    expect(seen).toMatchObject({
      status: 'returned',
      comment: '数据与统计年鉴不一致,请核对',
      abilities: { edit: true, submit: true },
    });
    const edited = await reporter.request('PATCH', `/api/observations/${id}`, {
      version: 3,
      value: 610,
      reason: '按年鉴修正',
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ status: 'returned', value: 610, version: 4 });
    expect((await step(reporter, id, 'submit', 4)).json()).toMatchObject({ status: 'submitted', version: 5 });
    expect((await step(reviewer, id, 'review', 5)).json()).toMatchObject({ status: 'reviewed', version: 6 });
    expect(await approvedObservations(h.database.db, h.planId)).toEqual([]);
    const approved = await step(planner, id, 'approve', 6);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', approvedValue: 610, version: 7 });

    expect(await approvedObservations(h.database.db, h.planId)).toEqual([
      expect.objectContaining({
        indicator: '7',
        measure: 1,
        year: 2023,
        value: 610,
        kind: 'level',
        unit: '亿元',
        status: 'approved',
        area: null,
        period: null,
      }),
    ]);

    const revisions = approved.json().revisions;
    expect(revisions.map((r: { action: string }) => r.action)).toEqual([
      'create',
      'submit',
      'return',
      'edit',
      'submit',
      'review',
      'approve',
    ]);
    expect(revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(revisions[2]).toMatchObject({
      status: 'returned',
      comment: '数据与统计年鉴不一致,请核对',
      actorName: 'reviewer.shangwu',
      actorRole: 'reviewer',
    });
    expect(revisions[3]).toMatchObject({
      value: 610,
      previousValue: 600,
      comment: '按年鉴修正',
      actorName: 'reporter.shangwu',
    });
    expect(revisions[6]).toMatchObject({ actorName: 'planner', status: 'approved' });
    expect(revisions.every((r: { at: string }) => typeof r.at === 'string' && r.at !== '')).toBe(true);

    expect(await auditActions(h.database.db, id)).toEqual([
      'observation.create',
      'observation.submit',
      'observation.return',
      'observation.edit',
      'observation.submit',
      'observation.review',
      'observation.approve',
    ]);
    const edit = await h.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', id)
      .where('action', '=', 'observation.edit')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(edit.before!)).toMatchObject({ value: 600, version: 3 });
    expect(JSON.parse(edit.after!)).toMatchObject({ value: 610, version: 4, why: '按年鉴修正' });
    expect(edit).toMatchObject({
      actor_name: 'reporter.shangwu',
      actor_role: 'reporter',
      actor_unit: '商务局',
    });
    expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
  });

  it('keeps the approved value in force while a correction is pending (reopen)', async () => {
    const reporter = await h.login('reporter.shangwu');
    const reviewer = await h.login('reviewer.shangwu');
    const planner = await h.login('planner');
    const { id } = await create(reporter);
    await step(reporter, id, 'submit', 1);
    await step(reviewer, id, 'review', 2);
    await step(planner, id, 'approve', 3);
    expect((await step(reporter, id, 'reopen', 4)).statusCode).toBe(400); // a reason is required
    const reopened = await step(reporter, id, 'reopen', 4, '统计局修订了2023年数据');
    expect(reopened.json()).toMatchObject({
      status: 'draft',
      approvedValue: 600,
      comment: '统计局修订了2023年数据',
    });
    await reporter.request('PATCH', `/api/observations/${id}`, { version: 5, value: 605 });
    expect((await approvedObservations(h.database.db, h.planId))[0]).toMatchObject({ value: 600 });
    await step(reporter, id, 'submit', 6);
    await step(reviewer, id, 'review', 7);
    expect((await step(planner, id, 'approve', 8)).json()).toMatchObject({ approvedValue: 605, version: 9 });
    expect((await approvedObservations(h.database.db, h.planId))[0]).toMatchObject({ value: 605 });
  });

  it('gives 409 to a stale version and leaves the value, its revisions and the audit trail unchanged', async () => {
    const reporter = await h.login('reporter.shangwu');
    const { id } = await create(reporter);
    expect(
      (await reporter.request('PATCH', `/api/observations/${id}`, { version: 1, value: 601 })).statusCode,
    ).toBe(200);
    const events = await h.database.db.selectFrom('audit_events').select('seq').execute();

    const stale = await reporter.request('PATCH', `/api/observations/${id}`, { version: 1, value: 999 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'LANTU_STALE_VERSION' });
    const staleStep = await step(reporter, id, 'submit', 1);
    expect(staleStep.statusCode).toBe(409);
    expect(staleStep.json().code).toBe('LANTU_STALE_VERSION');

    const now = (await reporter.request('GET', `/api/observations/${id}`)).json();
    expect(now).toMatchObject({ value: 601, version: 2, status: 'draft' });
    expect(now.revisions).toHaveLength(2);
    expect(await h.database.db.selectFrom('audit_events').select('seq').execute()).toHaveLength(
      events.length,
    );
  });

  it('keeps every unit to its own values: another unit can neither see, change nor create', async () => {
    const reporter = await h.login('reporter.shangwu');
    const other = await h.login('reporter.tongji');
    const otherReviewer = await h.login('reviewer.tongji');
    const { id } = await create(reporter);
    const gdp = await create(other, { itemId: item('ind:10'), value: 2900 });

    const list = (await other.request('GET', `/api/plans/${h.planId}/observations`)).json();
    expect(list.map((o: { id: string }) => o.id)).toEqual([gdp.id]);
    expect(
      (await other.request('GET', `/api/plans/${h.planId}/observations?unitId=${h.unitIds.shangwu}`))
        .statusCode,
    ).toBe(403);
    expect((await other.request('GET', `/api/observations/${id}`)).statusCode).toBe(403);
    const change = await other.request('PATCH', `/api/observations/${id}`, { version: 1, value: 1 });
    expect(change.statusCode).toBe(403);
    expect(change.json().code).toBe('LANTU_FORBIDDEN');
    expect((await step(other, id, 'submit', 1)).statusCode).toBe(403);
    // ind:7 is 商务局's alone: 统计局 may not report it.
    const foreign = await other.request('POST', `/api/plans/${h.planId}/observations`, draft({ year: 2022 }));
    expect(foreign.statusCode).toBe(403);
    // A co-operating unit does not write the indicator's values: they are the lead unit's.
    const coValue = await reporter.request(
      'POST',
      `/api/plans/${h.planId}/observations`,
      draft({ itemId: item('ind:10'), year: 2022, value: 2700 }),
    );
    expect(coValue.statusCode).toBe(403);
    expect(coValue.json().message).toContain('配合单位只报送本单位承担部分的进展');

    // Another unit's reviewer cannot review.
    await step(reporter, id, 'submit', 1);
    const review = await step(otherReviewer, id, 'review', 2);
    expect(review.statusCode).toBe(403);
    const mine = (await reporter.request('GET', `/api/plans/${h.planId}/observations`)).json();
    expect(mine.every((o: { unitId: string }) => o.unitId === h.unitIds.shangwu)).toBe(true);
    expect((await reporter.request('GET', `/api/observations/${id}`)).json()).toMatchObject({
      status: 'submitted',
      version: 2,
    });
  });

  it('lets a viewer and an auditor read everything and write nothing', async () => {
    const reporter = await h.login('reporter.shangwu');
    const { id } = await create(reporter);
    for (const username of ['viewer', 'auditor'] as const) {
      const reader = await h.login(username);
      const list = await reader.request('GET', `/api/plans/${h.planId}/observations?year=2023`);
      expect(list.statusCode).toBe(200);
      expect(list.json().map((o: { id: string }) => o.id)).toEqual([id]);
      const one = await reader.request('GET', `/api/observations/${id}`);
      expect(one.statusCode).toBe(200);
      expect(one.json().abilities).toEqual({
        edit: false,
        submit: false,
        review: false,
        approve: false,
        return: false,
        reopen: false,
      });
      expect(
        (await reader.request('POST', `/api/plans/${h.planId}/observations`, draft({ year: 2022 })))
          .statusCode,
      ).toBe(403);
      expect(
        (await reader.request('PATCH', `/api/observations/${id}`, { version: 1, value: 1 })).statusCode,
      ).toBe(403);
      expect((await step(reader, id, 'submit', 1)).statusCode).toBe(403);
    }
  });

  it('refuses the planner approval of a value its unit has not reviewed (403: the policy decides)', async () => {
    const reporter = await h.login('reporter.shangwu');
    const planner = await h.login('planner');
    const { id } = await create(reporter);
    await step(reporter, id, 'submit', 1);
    const early = await step(planner, id, 'approve', 2);
    expect(early.statusCode).toBe(403);
    expect(early.json().code).toBe('LANTU_FORBIDDEN');
    expect((await planner.request('GET', `/api/observations/${id}`)).json()).toMatchObject({
      status: 'submitted',
      abilities: { approve: false, return: true },
    });
  });

  it('checks the unit: 米 for an 亿元 measure is 400 naming the field; 万元 converts to 亿元', async () => {
    const reporter = await h.login('reporter.shangwu');
    const wrong = await reporter.request(
      'POST',
      `/api/plans/${h.planId}/observations`,
      draft({ unit: '米' }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'LANTU_VALIDATION', field: 'body.unit' });
    expect(wrong.json().message).toContain(' · ');

    const converted = await create(reporter, { value: 6_000_000, unit: '万元' });
    expect(converted).toMatchObject({
      value: 600,
      unit: '亿元',
      details: { original: { value: 6_000_000, unit: '万元' } },
    });

    const task = await reporter.request(
      'POST',
      `/api/plans/${h.planId}/observations`,
      draft({ itemId: taskId, kind: 'progress', value: 120, unit: '%' }),
    );
    expect(task.json()).toMatchObject({ field: 'body.value' });
    const kind = await reporter.request(
      'POST',
      `/api/plans/${h.planId}/observations`,
      draft({ itemId: taskId }),
    );
    expect(kind.json()).toMatchObject({ field: 'body.kind' });
    const progress = await create(reporter, {
      itemId: taskId,
      kind: 'progress',
      value: 40,
      unit: '%',
      details: { note: '', evidence: '', narrative: '完成方案编制', milestone: '方案获批' },
    });
    expect(progress).toMatchObject({
      kind: 'progress',
      value: 40,
      indicatorCode: null,
      details: { narrative: '完成方案编制' },
    });
    const missing = await reporter.request('POST', `/api/plans/${h.planId}/observations`, {
      ...draft(),
      value: undefined,
    });
    expect(missing.json()).toMatchObject({ code: 'LANTU_VALIDATION', field: 'body.value' });
  });

  it('answers 409 naming the existing record when the same value is created twice', async () => {
    const reporter = await h.login('reporter.shangwu');
    const { id } = await create(reporter);
    const again = await reporter.request(
      'POST',
      `/api/plans/${h.planId}/observations`,
      draft({ value: 700 }),
    );
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('LANTU_DUPLICATE');
    expect(again.json().message).toContain(id);
    // Another area or period is another value.
    expect(
      (await reporter.request('POST', `/api/plans/${h.planId}/observations`, draft({ area: '原江干' })))
        .statusCode,
    ).toBe(201);
    expect(
      (await reporter.request('POST', `/api/plans/${h.planId}/observations`, draft({ period: 'Q2' })))
        .statusCode,
    ).toBe(201);
  });

  it('warns (without refusing) when a level moves more than 50% from last year’s approved value', async () => {
    const reporter = await h.login('reporter.shangwu');
    const reviewer = await h.login('reviewer.shangwu');
    const planner = await h.login('planner');
    const last = await create(reporter, { year: 2022 });
    await step(reporter, last.id, 'submit', 1);
    await step(reviewer, last.id, 'review', 2);
    await step(planner, last.id, 'approve', 3);
    const plausible = await create(reporter, { value: 650 });
    expect(plausible.warnings).toEqual([]);
    const odd = await create(reporter, { year: 2023, period: 'Q4', value: 1 }); // no Q4 of 2022: no warning
    expect(odd.warnings).toEqual([]);
    const edited = await reporter.request('PATCH', `/api/observations/${plausible.id}`, {
      version: 1,
      value: 1000,
    });
    expect(edited.json().warnings).toEqual([
      expect.objectContaining({ code: 'implausible_change', field: 'value' }),
    ]);
    expect(edited.json().warnings[0].message).toContain('+67%');
  });

  it('refuses a mutation without the CSRF token and writes nothing', async () => {
    const reporter = await h.login('reporter.shangwu');
    const reply = await reporter.request('POST', `/api/plans/${h.planId}/observations`, draft(), {
      'x-csrf-token': '',
    });
    expect(reply.statusCode).toBe(403);
    expect(reply.json().code).toBe('LANTU_CSRF');
    expect(await h.database.db.selectFrom('observations').select('id').execute()).toEqual([]);
    expect(
      (await h.app.inject({ method: 'GET', url: `/api/plans/${h.planId}/observations` })).statusCode,
    ).toBe(401);
  });

  it('lists what my unit still owes for a year, measure by measure', async () => {
    const reporter = await h.login('reporter.shangwu');
    const owed = async () => (await reporter.request('GET', `/api/plans/${h.planId}/owed?year=2023`)).json();
    const before = await owed();
    expect(before.year).toBe(2023);
    expect(before.items.map((i: { itemKey: string }) => i.itemKey)).toEqual([
      'ind:7',
      'ind:21',
      expect.stringMatching(/^task:/),
    ]);
    expect(before.items[1]).toMatchObject({ state: 'missing', measures: [1, 2] });

    const { id } = await create(reporter);
    await create(reporter, { itemId: item('ind:21'), measure: 2, value: 20, unit: '个' });
    const drafted = await owed();
    expect(drafted.items[0]).toMatchObject({
      itemKey: 'ind:7',
      state: 'draft',
      observations: [{ id, status: 'draft', version: 1 }],
    });
    await step(reporter, id, 'submit', 1);
    const after = await owed();
    expect(after.items.map((i: { itemKey: string }) => i.itemKey)).not.toContain('ind:7');
    const defaultYear = (await reporter.request('GET', `/api/plans/${h.planId}/owed`)).json();
    expect(defaultYear.year).toBe(new Date().getUTCFullYear() - 1);
    // 统计局 leads GDP only.
    const other = await h.login('reporter.tongji');
    expect(
      (await other.request('GET', `/api/plans/${h.planId}/owed?year=2023`))
        .json()
        .items.map((i: { itemKey: string }) => i.itemKey),
    ).toEqual(['ind:10']);
  });
});
