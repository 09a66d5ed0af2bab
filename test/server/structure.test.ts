/**
 * Correcting a draft plan's structure over HTTP, on both databases: a paragraph moved to its section
 * re-keys the tasks in place (the same item rows, so an assignment stays with its paragraph), a
 * rejected commitment's item and assignment go and come back when the rejection is taken back, and
 * every correction is one audit event in an intact chain. Stale versions, a confirmed plan, a
 * correction that cannot be applied and a commitment that already holds values change nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keyedCommitments } from '../../src/model/keys.ts';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { findPlanStructure } from '../../src/store/plans.repository.ts';
import { dialects } from '../store/dialects.ts';
import { type Client, createHarness, type Harness } from './harness.ts';

const HEALTH_LINE = 235;
const toHealth = { kind: 'moveParagraph', line: HEALTH_LINE, to: { chapter: 8, section: 2 } } as const;

/** What a refused correction must leave as it was. */
async function snapshot(h: Harness) {
  const db = h.database.db;
  return {
    plan: await db.selectFrom('plans').select(['version', 'structure']).where('id', '=', h.planId).execute(),
    items: await db.selectFrom('plan_items').selectAll().orderBy('id').execute(),
    assignments: await db.selectFrom('assignments').selectAll().orderBy('id').execute(),
    audit: (await db.selectFrom('audit_events').select('seq').execute()).length,
  };
}

describe.each(dialects)('structure corrections on $name', ({ open }) => {
  let h: Harness;
  let planner: Client;
  let base: string;
  const version = async (): Promise<number> =>
    (await planner.request('GET', base)).json<{ version: number }>().version;
  const correct = async (corrections: unknown[], v?: number) =>
    planner.request('POST', `${base}/structure/corrections`, {
      version: v ?? (await version()),
      corrections,
    });
  const itemByKey = async (key: string) =>
    h.database.db
      .selectFrom('plan_items')
      .selectAll()
      .where('plan_id', '=', h.planId)
      .where('key', '=', key)
      .executeTakeFirst();

  beforeEach(async () => {
    h = await createHarness(await open());
    planner = await h.login('planner');
    base = `/api/plans/${h.planId}`;
  });
  afterEach(async () => {
    await h.close();
  });

  it('moves a paragraph: the tasks are re-keyed in place and the assignment follows its paragraph', async () => {
    const moved = h.items.find((i) => i.key === 'task:8.1.4')!;
    expect(moved.line).toBe(HEALTH_LINE);
    const firstOfSection2 = h.items.find((i) => i.key === 'task:8.2.1')!;
    const put = await planner.request('PUT', `${base}/assignments/${moved.id}`, {
      leadUnitId: h.unitIds.shangwu,
      version: null,
    });
    expect(put.statusCode).toBe(201);
    const before = await version();
    expect((await planner.request('GET', base)).json()).toMatchObject({ abilities: { correct: true } });

    const reply = await correct([toHealth], before);
    expect(reply.statusCode, reply.body).toBe(200);
    const body = reply.json();
    expect(body.plan.version).toBe(before + 1);
    expect(body.changes.rekeyed).toEqual(
      expect.arrayContaining([
        { from: 'task:8.1.4', to: 'task:8.2.1', title: '完善公共卫生服务体系' },
        { from: 'task:8.2.1', to: 'task:8.2.2', title: firstOfSection2.title },
      ]),
    );
    expect(body.changes.removed).toEqual([]);

    // Same row, new key; the assignment is still on it, and the assignments list shows the new key.
    expect((await itemByKey('task:8.2.1'))?.id).toBe(moved.id);
    expect((await itemByKey('task:8.2.2'))?.id).toBe(firstOfSection2.id);
    expect(await itemByKey('task:8.1.4')).toBeUndefined();
    const assignment = (await planner.request('GET', `${base}/assignments?kind=task`))
      .json<{ itemId: string }[]>()
      .find((a) => a.itemId === moved.id);
    expect(assignment).toMatchObject({ key: 'task:8.2.1', leadUnit: { id: h.unitIds.shangwu } });

    const structure = (await planner.request('GET', `${base}/structure`)).json();
    const finding = structure.findings.find(
      (f: { kind: string; place?: { chapter: number; section: number } }) =>
        f.kind === 'missing_heading' && f.place?.chapter === 8 && f.place.section === 2,
    );
    expect(finding).toMatchObject({ corrected: true, line: HEALTH_LINE });

    const events = await h.database.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'plan.correct')
      .execute();
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.after!)).toMatchObject({ corrections: [toHealth], version: before + 1 });
    expect((await verifyAuditChain(h.database.db)).ok).toBe(true);
  });

  it('never lets an assigned task stop being one: moving it where it would be an achievement is refused', async () => {
    const task = h.items.find((i) => i.key === 'task:8.1.4')!;
    await planner.request('PUT', `${base}/assignments/${task.id}`, {
      leadUnitId: h.unitIds.shangwu,
      version: null,
    });
    const start = await snapshot(h);
    // Chapter 1 section 1 is the review of the last plan: a titled paragraph there is an achievement.
    const reply = await correct([
      { kind: 'moveParagraph', line: HEALTH_LINE, to: { chapter: 1, section: 1 } },
    ]);
    expect(reply.statusCode).toBe(409);
    expect(reply.json().message).toContain('已有分工');
    expect(await snapshot(h)).toEqual(start);
  });

  it('rejecting a commitment drops its item and assignment; taking it back brings the item again', async () => {
    const plan = (await findPlanStructure(h.database.db, h.planId))!;
    const victim = keyedCommitments(plan)[3]!;
    const item = (await itemByKey(victim.key))!;
    await planner.request('PUT', `${base}/assignments/${item.id}`, {
      leadUnitId: h.unitIds.tongji,
      version: null,
    });
    const countBefore = (await planner.request('GET', base)).json().counts.commitments;

    const rejected = await correct([{ kind: 'reviewCommitment', key: victim.key, decision: 'rejected' }]);
    expect(rejected.statusCode, rejected.body).toBe(200);
    expect(rejected.json().changes.removed).toEqual([
      { key: victim.key, title: item.title, leadUnitId: h.unitIds.tongji },
    ]);
    expect(rejected.json().plan.counts.commitments).toBe(countBefore - 1);
    // The audit event keeps the whole assignment, so it can be set up again from there.
    const event = await h.database.db
      .selectFrom('audit_events')
      .select('after')
      .where('action', '=', 'plan.correct')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.after!).removed[0].assignment).toMatchObject({
      leadUnitId: h.unitIds.tongji,
      coUnitIds: [],
    });
    expect(await itemByKey(victim.key)).toBeUndefined();
    expect(
      await h.database.db.selectFrom('assignments').selectAll().where('item_id', '=', item.id).execute(),
    ).toEqual([]);

    const back = await correct([{ kind: 'reviewCommitment', key: victim.key, decision: 'unreviewed' }]);
    expect(back.statusCode).toBe(200);
    expect(back.json().changes.added).toEqual([{ key: victim.key, title: item.title }]);
    expect((await itemByKey(victim.key))?.kind).toBe('commitment');
  });

  it('refuses, changing nothing: a stale version, a confirmed plan, a bad correction, a reporter', async () => {
    const reporter = await h.login('reporter.shangwu');
    const start = await snapshot(h);
    const v = await version();

    const stale = await correct([toHealth], v + 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('LANTU_STALE_VERSION');

    const bad = await correct(
      [toHealth, { kind: 'moveParagraph', line: 1, to: { chapter: 8, section: 2 } }],
      v,
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'LANTU_VALIDATION', field: 'corrections.1' });
    expect(bad.json().message).toContain('第2项调整:第1行不是提纲中的正文段落');

    const malformed = await correct([{ kind: 'reviewCommitment', key: 'ind:10', decision: 'rejected' }], v);
    expect(malformed.statusCode).toBe(400);

    const refused = await reporter.request('POST', `${base}/structure/corrections`, {
      version: v,
      corrections: [toHealth],
    });
    expect(refused.statusCode).toBe(403);
    expect(await snapshot(h)).toEqual(start);

    const confirmed = await planner.request('POST', `${base}/confirm`, { confirmed: true, version: v });
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', abilities: { correct: false } });
    const afterConfirm = await snapshot(h);
    const late = await correct([toHealth]);
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'LANTU_INVALID_STATE' });
    expect(late.json().message).toContain('撤销确认');
    expect(await snapshot(h)).toEqual(afterConfirm);
  });

  it('never drops a commitment that already holds reported values', async () => {
    const plan = (await findPlanStructure(h.database.db, h.planId))!;
    const victim = keyedCommitments(plan)[0]!;
    const item = (await itemByKey(victim.key))!;
    await planner.request('PUT', `${base}/assignments/${item.id}`, {
      leadUnitId: h.unitIds.shangwu,
      version: null,
    });
    const reporter = await h.login('reporter.shangwu');
    const saved = await reporter.request('POST', `${base}/observations`, {
      itemId: item.id,
      kind: 'progress',
      year: 2024,
      value: 40,
      unit: '%',
      details: { note: '', evidence: '', narrative: '已开工' },
    });
    expect(saved.statusCode, saved.body).toBe(201);
    const start = await snapshot(h);
    const reply = await correct([{ kind: 'reviewCommitment', key: victim.key, decision: 'rejected' }]);
    expect(reply.statusCode).toBe(409);
    expect(reply.json().message).toContain('已有填报数据');
    expect(await snapshot(h)).toEqual(start);
  });
});
