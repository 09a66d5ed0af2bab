/**
 * Planning over HTTP, on both databases: assignments (one at a time and in bulk, all or nothing),
 * reporting rounds and target revisions. Each route's happy path, 403 for roles that may not,
 * 409 on stale versions with nothing changed, and an audit event for every change in an intact chain.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planWithTargetsInForce } from '../../src/server/services/targetsInForce.ts';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { listTargetRevisions } from '../../src/store/planning.repository.ts';
import { findPlanStructure } from '../../src/store/plans.repository.ts';
import { dialects } from '../store/dialects.ts';
import { type Client, createHarness, type Harness, type Username } from './harness.ts';

/** Everything a failed write must leave as it was: the planning tables and the audit log. */
async function snapshot(h: Harness) {
  const db = h.database.db;
  return {
    assignments: await db.selectFrom('assignments').selectAll().orderBy('id').execute(),
    rounds: await db.selectFrom('reporting_rounds').selectAll().orderBy('id').execute(),
    revisions: await db.selectFrom('target_revisions').selectAll().orderBy('id').execute(),
    audit: (await db.selectFrom('audit_events').select('seq').execute()).length,
  };
}

async function actions(h: Harness): Promise<string[]> {
  return (await h.database.db.selectFrom('audit_events').select('action').orderBy('seq').execute()).map(
    (e) => e.action,
  );
}

const WRITERS_DENIED: Username[] = ['reporter.shangwu', 'reviewer.shangwu', 'viewer', 'auditor', 'admin'];

describe.each(dialects)('planning on $name', ({ open }) => {
  let h: Harness;
  let planner: Client;
  let base: string;
  const item = (key: string) => h.items.find((i) => i.key === key)!;

  beforeEach(async () => {
    h = await createHarness(await open());
    planner = await h.login('planner');
    base = `/api/plans/${h.planId}`;
  });
  afterEach(async () => {
    await h.close();
  });

  describe('assignments', () => {
    it('lists every item of the plan, assigned or not, to planners, viewers and auditors; a reporter only its own', async () => {
      for (const username of ['viewer', 'auditor'] as Username[]) {
        const reply = await (await h.login(username)).request('GET', `${base}/assignments`);
        expect(reply.statusCode, username).toBe(200);
        expect(reply.json()).toHaveLength(h.items.length);
      }
      // Nothing is assigned yet: a reporter sees nothing, and may not ask for another unit's.
      const reporter = await h.login('reporter.shangwu');
      expect((await reporter.request('GET', `${base}/assignments`)).json()).toEqual([]);
      expect(
        (await reporter.request('GET', `${base}/assignments?unitId=${h.unitIds.tongji}`)).statusCode,
      ).toBe(403);
      const list = (await planner.request('GET', `${base}/assignments?kind=indicator`)).json();
      expect(list).toHaveLength(37);
      expect(list[0]).toMatchObject({
        key: 'ind:1',
        kind: 'indicator',
        assignmentId: null,
        leadUnit: null,
        coUnits: [],
        version: null,
        abilities: { edit: true },
      });
      expect((await planner.request('GET', `/api/plans/nope/assignments`)).statusCode).toBe(404);
    });

    it('creates and updates an assignment with its version; a reporter filters to its own unit', async () => {
      const gdp = item('ind:10');
      const body = {
        leadUnitId: h.unitIds.tongji,
        coUnitIds: [h.unitIds.fgj, h.unitIds.shangwu],
        dueDate: '2025-12-31',
        milestones: [{ title: '中期评估', due: '2023-06-30' }],
        version: null,
      };
      const created = await planner.request('PUT', `${base}/assignments/${gdp.id}`, body);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        itemId: gdp.id,
        key: 'ind:10',
        title: gdp.title,
        leadUnit: { id: h.unitIds.tongji, code: 'tongji', shortName: '统计局' },
        coUnits: [{ shortName: '发改局' }, { shortName: '商务局' }],
        dueDate: '2025-12-31',
        milestones: [{ title: '中期评估', due: '2023-06-30' }],
        version: 1,
      });
      // By key as well as by id.
      const updated = await planner.request('PUT', `${base}/assignments/ind:10`, {
        ...body,
        coUnitIds: [h.unitIds.fgj],
        milestones: [{ title: '中期评估', due: '2023-06-30', done: true }],
        version: 1,
      });
      expect(updated.statusCode).toBe(200);
      expect(updated.json()).toMatchObject({
        version: 2,
        coUnits: [{ shortName: '发改局' }],
        milestones: [{ done: true }],
      });
      await planner.request('PUT', `${base}/assignments/ind:7`, {
        leadUnitId: h.unitIds.shangwu,
        version: null,
      });

      const reporter = await h.login('reporter.shangwu');
      const mine = (await reporter.request('GET', `${base}/assignments?mine=1`)).json();
      expect(mine.map((a: { key: string }) => a.key)).toEqual(['ind:7']);
      expect(mine[0].abilities).toEqual({ edit: false });
      // Without ?mine=1 a reporter still gets only its own unit's; another unit's are refused.
      const own = (await reporter.request('GET', `${base}/assignments`)).json();
      expect(own.map((a: { key: string }) => a.key)).toEqual(['ind:7']);
      expect((await reporter.request('GET', `${base}/assignments?unitId=${h.unitIds.fgj}`)).statusCode).toBe(
        403,
      );
      const planners = (await planner.request('GET', `${base}/assignments?unitId=${h.unitIds.fgj}`)).json();
      expect(planners.map((a: { key: string }) => a.key)).toEqual(['ind:10']);

      const events = await h.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('entity', '=', 'assignment')
        .orderBy('seq')
        .execute();
      expect(events.map((e) => e.action)).toEqual([
        'assignment.create',
        'assignment.update',
        'assignment.create',
      ]);
      expect(JSON.parse(events[1]!.before!)).toMatchObject({
        itemKey: 'ind:10',
        coUnitIds: [h.unitIds.fgj, h.unitIds.shangwu],
        version: 1,
      });
      expect(JSON.parse(events[1]!.after!)).toMatchObject({
        itemKey: 'ind:10',
        coUnitIds: [h.unitIds.fgj],
        version: 2,
      });
      expect(events[1]).toMatchObject({ plan_id: h.planId, actor_role: 'planner' });
      expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
    });

    it('answers 409 to a stale version and changes nothing', async () => {
      const url = `${base}/assignments/ind:10`;
      expect(
        (await planner.request('PUT', url, { leadUnitId: h.unitIds.tongji, version: null })).statusCode,
      ).toBe(201);
      expect((await planner.request('PUT', url, { leadUnitId: h.unitIds.fgj, version: 1 })).statusCode).toBe(
        200,
      );
      const before = await snapshot(h);
      for (const version of [1, null, 7]) {
        const stale = await planner.request('PUT', url, { leadUnitId: h.unitIds.shangwu, version });
        expect(stale.statusCode, String(version)).toBe(409);
        expect(stale.json().code).toBe('LANTU_STALE_VERSION');
      }
      expect(await snapshot(h)).toEqual(before);
    });

    it('lets only a planner edit assignments (a reporter cannot)', async () => {
      const before = await snapshot(h);
      for (const username of WRITERS_DENIED) {
        const client = await h.login(username);
        const put = await client.request('PUT', `${base}/assignments/ind:10`, {
          leadUnitId: h.unitIds.shangwu,
          version: null,
        });
        expect(put.statusCode, username).toBe(403);
        const bulk = await client.request('POST', `${base}/assignments/bulk`, {
          rows: [{ item: 'ind:10', leadUnit: '商务局' }],
        });
        expect(bulk.statusCode, username).toBe(403);
      }
      expect((await snapshot(h)).assignments).toEqual(before.assignments);
    });

    it('refuses an unknown unit, a lead that co-operates, a bad date and an unknown item', async () => {
      const url = `${base}/assignments/ind:10`;
      const unit = await planner.request('PUT', url, { leadUnitId: 'nope', version: null });
      expect(unit.statusCode).toBe(400);
      expect(unit.json().field).toBe('body.leadUnitId');
      const both = await planner.request('PUT', url, {
        leadUnitId: h.unitIds.fgj,
        coUnitIds: [h.unitIds.fgj],
        version: null,
      });
      expect(both.json().field).toBe('body.coUnitIds.0');
      const date = await planner.request('PUT', url, {
        leadUnitId: h.unitIds.fgj,
        dueDate: '2025-02-30',
        version: null,
      });
      expect(date.statusCode).toBe(400);
      expect(date.json()).toMatchObject({ code: 'LANTU_VALIDATION', field: 'body.dueDate' });
      expect(date.json().message).toContain('YYYY-MM-DD');
      const milestone = await planner.request('PUT', url, {
        leadUnitId: h.unitIds.fgj,
        milestones: [{ title: '开工', due: '2024/03/01' }],
        version: null,
      });
      expect(milestone.json().field).toBe('body.milestones.0.due');
      expect(
        (
          await planner.request('PUT', `${base}/assignments/ind:999`, {
            leadUnitId: h.unitIds.fgj,
            version: null,
          })
        ).statusCode,
      ).toBe(404);
      expect(await h.database.db.selectFrom('assignments').select('id').execute()).toEqual([]);
    });

    it('applies a whole table in one go, by keys and unit names, and a second import changes nothing', async () => {
      const task = h.items.find((i) => i.kind === 'task')!;
      const rows = [
        { item: 'ind:10', leadUnit: '统计局', coUnits: ['fgj'], dueDate: '2025-12-31' },
        {
          item: 'ind:7',
          leadUnit: '杭州市上城区商务局',
          milestones: [{ title: '年度目标', due: '2024-12-31' }],
        },
        { item: task.id, leadUnit: h.unitIds.fgj, coUnits: ['商务局', '统计局'], dueDate: '' },
      ];
      const first = await planner.request('POST', `${base}/assignments/bulk`, { rows });
      expect(first.statusCode).toBe(200);
      expect(first.json()).toMatchObject({ created: 3, updated: 0, unchanged: 0 });
      expect(first.json().assignments.map((a: { key: string }) => a.key)).toEqual([
        'ind:10',
        'ind:7',
        task.key,
      ]);
      expect(first.json().assignments[2]).toMatchObject({
        leadUnit: { code: 'fgj' },
        coUnits: [{ code: 'shangwu' }, { code: 'tongji' }],
        dueDate: null,
      });

      const again = await planner.request('POST', `${base}/assignments/bulk`, { rows });
      expect(again.json()).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
      const changed = await planner.request('POST', `${base}/assignments/bulk`, {
        rows: [{ ...rows[0]!, dueDate: '2025-06-30', version: 1 }],
      });
      expect(changed.json()).toMatchObject({
        created: 0,
        updated: 1,
        unchanged: 0,
        assignments: [{ version: 2, dueDate: '2025-06-30' }],
      });
      expect((await actions(h)).filter((a) => a.startsWith('assignment.'))).toEqual([
        'assignment.create',
        'assignment.create',
        'assignment.create',
        'assignment.update',
      ]);
      expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
    });

    it('rejects a table with bad rows, listing every one by index and field, and applies nothing', async () => {
      await planner.request('PUT', `${base}/assignments/ind:1`, { leadUnitId: h.unitIds.fgj, version: null });
      const before = await snapshot(h);
      const reply = await planner.request('POST', `${base}/assignments/bulk`, {
        rows: [
          { item: 'ind:10', leadUnit: '统计局', dueDate: '2025-12-31' },
          { item: 'ind:7', leadUnit: '外星局' },
          { item: 'ind:8', leadUnit: '商务局', dueDate: '2025-02-30' },
          {
            item: 'ind:9',
            leadUnit: '商务局',
            coUnits: ['统计局', '无此局'],
            milestones: [{ title: '', due: '明年' }],
          },
          { item: 'ind:404', leadUnit: '商务局' },
          { item: 'ind:10', leadUnit: '统计局' },
          { item: 'ind:1', leadUnit: '统计局', version: null },
        ],
      });
      expect(reply.statusCode).toBe(400);
      expect(reply.json()).toMatchObject({ code: 'LANTU_VALIDATION' });
      expect(reply.json().message).toContain('6');
      expect(reply.json().rows.map((r: { index: number; field: string }) => [r.index, r.field])).toEqual([
        [1, 'leadUnit'],
        [2, 'dueDate'],
        [3, 'coUnits.1'],
        [3, 'milestones.0.title'],
        [3, 'milestones.0.due'],
        [4, 'item'],
        [5, 'item'],
        [6, 'version'],
      ]);
      expect(reply.json().rows[0].message).toContain('外星局');
      expect(await snapshot(h)).toEqual(before);
    });

    it('answers 409 listing the rows whose version is stale, and applies nothing', async () => {
      await planner.request('PUT', `${base}/assignments/ind:10`, {
        leadUnitId: h.unitIds.fgj,
        version: null,
      });
      const before = await snapshot(h);
      const reply = await planner.request('POST', `${base}/assignments/bulk`, {
        rows: [
          { item: 'ind:7', leadUnit: '商务局' },
          { item: 'ind:10', leadUnit: '统计局', version: null },
        ],
      });
      expect(reply.statusCode).toBe(409);
      expect(reply.json()).toMatchObject({
        code: 'LANTU_STALE_VERSION',
        rows: [{ index: 1, field: 'version' }],
      });
      expect(await snapshot(h)).toEqual(before);
    });
  });

  describe('reporting rounds', () => {
    it('opens, lists, closes and reopens a round, audited', async () => {
      const opened = await planner.request('POST', `${base}/rounds`, {
        year: 2024,
        period: null,
        opensOn: '2025-01-05',
        deadline: '2025-03-31',
      });
      expect(opened.statusCode).toBe(201);
      expect(opened.json()).toMatchObject({
        year: 2024,
        period: null,
        title: '2024年度规划实施情况填报',
        status: 'open',
        version: 1,
      });
      const q = await planner.request('POST', `${base}/rounds`, {
        year: 2025,
        period: 'Q1',
        title: '2025年一季度',
        opensOn: '2025-04-01',
        deadline: '2025-04-15',
      });
      expect(q.json()).toMatchObject({ period: 'Q1', title: '2025年一季度' });

      const reporter = await h.login('reporter.shangwu');
      const list = await reporter.request('GET', `${base}/rounds`);
      expect(list.statusCode).toBe(200);
      expect(list.json().map((r: { year: number; period: string | null }) => [r.year, r.period])).toEqual([
        [2025, 'Q1'],
        [2024, null],
      ]);
      expect(list.json()[0].abilities).toEqual({ edit: false });

      const url = `${base}/rounds/${opened.json().id}`;
      const closed = await planner.request('PATCH', url, { version: 1, status: 'closed' });
      expect(closed.json()).toMatchObject({ status: 'closed', version: 2 });
      const moved = await planner.request('PATCH', url, {
        version: 2,
        status: 'open',
        deadline: '2025-04-30',
      });
      expect(moved.json()).toMatchObject({ status: 'open', deadline: '2025-04-30', version: 3 });
      expect((await actions(h)).filter((a) => a.startsWith('round.'))).toEqual([
        'round.open',
        'round.open',
        'round.close',
        'round.reopen',
      ]);
      const close = await h.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'round.close')
        .executeTakeFirstOrThrow();
      expect(JSON.parse(close.before!)).toMatchObject({ status: 'open', version: 1 });
      expect(JSON.parse(close.after!)).toMatchObject({ status: 'closed', version: 2 });
      expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
    });

    it('answers 409 to a stale version or a second round for the same period, and changes nothing', async () => {
      const round = (
        await planner.request('POST', `${base}/rounds`, {
          year: 2023,
          opensOn: '2024-01-05',
          deadline: '2024-03-31',
        })
      ).json();
      await planner.request('PATCH', `${base}/rounds/${round.id}`, { version: 1, status: 'closed' });
      const before = await snapshot(h);
      const stale = await planner.request('PATCH', `${base}/rounds/${round.id}`, {
        version: 1,
        deadline: '2024-12-31',
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('LANTU_STALE_VERSION');
      const twice = await planner.request('POST', `${base}/rounds`, {
        year: 2023,
        period: null,
        opensOn: '2024-02-01',
        deadline: '2024-04-30',
      });
      expect(twice.statusCode).toBe(409);
      expect(twice.json().code).toBe('LANTU_DUPLICATE');
      expect(await snapshot(h)).toEqual(before);
    });

    it('refuses a year outside the plan, a deadline before the opening and a bad period', async () => {
      const year = await planner.request('POST', `${base}/rounds`, {
        year: 2031,
        opensOn: '2032-01-05',
        deadline: '2032-03-31',
      });
      expect(year.statusCode).toBe(400);
      expect(year.json().field).toBe('body.year');
      const order = await planner.request('POST', `${base}/rounds`, {
        year: 2024,
        opensOn: '2025-03-05',
        deadline: '2025-01-31',
      });
      expect(order.json().field).toBe('body.deadline');
      const period = await planner.request('POST', `${base}/rounds`, {
        year: 2024,
        period: 'H1',
        opensOn: '2024-07-01',
        deadline: '2024-07-31',
      });
      expect(period.json().field).toBe('body.period');
      expect((await snapshot(h)).rounds).toEqual([]);
    });

    it('lets only a planner open or change rounds', async () => {
      const round = (
        await planner.request('POST', `${base}/rounds`, {
          year: 2024,
          opensOn: '2025-01-05',
          deadline: '2025-03-31',
        })
      ).json();
      const before = await snapshot(h);
      for (const username of WRITERS_DENIED) {
        const client = await h.login(username);
        expect(
          (
            await client.request('POST', `${base}/rounds`, {
              year: 2022,
              opensOn: '2023-01-05',
              deadline: '2023-03-31',
            })
          ).statusCode,
          username,
        ).toBe(403);
        expect(
          (await client.request('PATCH', `${base}/rounds/${round.id}`, { version: 1, status: 'closed' }))
            .statusCode,
          username,
        ).toBe(403);
      }
      expect((await snapshot(h)).rounds).toEqual(before.rounds);
    });
  });

  describe('target revisions', () => {
    const revision = {
      indicatorCode: '10',
      measure: 1,
      effectiveYear: 2023,
      target: { kind: 'level', value: 3000 },
      reason: '受疫情影响,中期评估后下调地区生产总值目标',
      document: '杭州市上城区人大常委会关于调整上城区国民经济和社会发展第十四个五年规划部分指标的决定',
      version: 1,
    };

    it('records a revision with the target it replaced, who and when, and the target in force follows it', async () => {
      const first = await planner.request('POST', `${base}/revisions`, revision);
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        indicatorCode: '10',
        indicatorName: '地区生产总值(GDP)',
        measure: 1,
        revision: 1,
        version: 2,
        effectiveYear: 2023,
        target: { year: 2025, kind: 'level', value: 3000 },
        previousTarget: { year: 2025, kind: 'level', value: 3250 },
        createdBy: { id: h.userIds.planner, name: 'planner' },
      });
      const second = await planner.request('POST', `${base}/revisions`, {
        ...revision,
        effectiveYear: 2024,
        target: { kind: 'level', value: 2900 },
        version: 2,
      });
      expect(second.json()).toMatchObject({
        revision: 2,
        previousTarget: { value: 3000 },
        target: { value: 2900 },
      });
      await planner.request('POST', `${base}/revisions`, {
        ...revision,
        indicatorCode: '15',
        target: { kind: 'growth', annualRate: 6 },
        version: 1,
      });

      const auditor = await h.login('auditor');
      const list = await auditor.request('GET', `${base}/revisions`);
      expect(list.statusCode).toBe(200);
      expect(
        list.json().map((r: { indicatorCode: string; revision: number }) => [r.indicatorCode, r.revision]),
      ).toEqual([
        ['10', 1],
        ['10', 2],
        ['15', 1],
      ]);
      expect((await auditor.request('GET', `${base}/revisions?indicatorCode=15`)).json()[0]).toMatchObject({
        target: { kind: 'growth', annualRate: 6, value: null, year: 2025 },
        previousTarget: { kind: 'growth', annualRate: 7.5 },
      });

      // The stored revisions drive the targets in force: the plan itself keeps its printed target.
      const structure = (await findPlanStructure(h.database.db, h.planId))!;
      const stored = await listTargetRevisions(h.database.db, h.planId);
      const gdpIn = (year: number) =>
        planWithTargetsInForce(structure, stored, year).indicators.find((i) => i.code === '10')!.measures[0]!
          .target.value;
      expect([gdpIn(2022), gdpIn(2023), gdpIn(2025)]).toEqual([3250, 3000, 2900]);
      expect(structure.indicators.find((i) => i.code === '10')!.measures[0]!.target.value).toBe(3250);

      const events = await h.database.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'target.revise')
        .orderBy('seq')
        .execute();
      expect(events).toHaveLength(3);
      expect(JSON.parse(events[0]!.before!)).toMatchObject({ indicatorCode: '10', target: { value: 3250 } });
      expect(JSON.parse(events[0]!.after!)).toMatchObject({
        effectiveYear: 2023,
        target: { value: 3000 },
        document: revision.document,
      });
      expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
    });

    it('answers 409 to a stale version and records nothing', async () => {
      expect((await planner.request('POST', `${base}/revisions`, revision)).statusCode).toBe(201);
      const before = await snapshot(h);
      const stale = await planner.request('POST', `${base}/revisions`, {
        ...revision,
        target: { kind: 'level', value: 3100 },
      });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('LANTU_STALE_VERSION');
      expect(await snapshot(h)).toEqual(before);
    });

    it('refuses an unknown indicator or measure, a year outside the plan, an incomplete or unchanged target', async () => {
      const cases: [object, string][] = [
        [{ indicatorCode: '99' }, 'body.indicatorCode'],
        [{ measure: 2 }, 'body.measure'],
        [{ effectiveYear: 2026 }, 'body.effectiveYear'],
        [{ target: { kind: 'growth' } }, 'body.target.annualRate'],
        [{ target: { kind: 'level' } }, 'body.target.value'],
        [{ target: { kind: 'level', value: 3250 } }, 'body.target'],
        [{ document: '' }, 'body.document'],
      ];
      for (const [change, field] of cases) {
        const reply = await planner.request('POST', `${base}/revisions`, { ...revision, ...change });
        expect(reply.statusCode, field).toBe(400);
        expect(reply.json().field, field).toBe(field);
      }
      expect((await snapshot(h)).revisions).toEqual([]);
    });

    it('lets only a planner revise, and every staff role read', async () => {
      for (const username of WRITERS_DENIED) {
        const client = await h.login(username);
        expect((await client.request('POST', `${base}/revisions`, revision)).statusCode, username).toBe(403);
        expect((await client.request('GET', `${base}/revisions`)).statusCode, username).toBe(200);
      }
      expect((await snapshot(h)).revisions).toEqual([]);
    });
  });
});
