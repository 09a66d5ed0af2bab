/**
 * The directory (org units, users) and the audit log over HTTP, on both databases: happy paths,
 * 403 for roles that may not, 409 on stale versions with nothing changed, audit events for every
 * change with the chain intact, and no password hash in any reply.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { dialects } from '../store/dialects.ts';
import { createHarness, type Harness, type Username } from './harness.ts';

/** Signs in as any account (including ones the test created), through the login route. */
async function loginAs(h: Harness, username: string, password: string): Promise<LightMyRequestResponse> {
  return h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
}

async function auditRows(h: Harness) {
  return h.database.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
}

describe.each(dialects)('directory on $name', ({ open }) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(await open());
  });
  afterEach(async () => {
    await h.close();
  });

  describe('org units', () => {
    it('lists units flat, parents before children, to every signed-in user', async () => {
      const planner = await h.login('planner');
      const child = await planner.request('POST', '/api/org-units', {
        code: 'shangwu-wm',
        name: '杭州市上城区商务局外贸科',
        shortName: '外贸科',
        kind: 'affiliated',
        parentId: h.unitIds.shangwu,
      });
      expect(child.statusCode).toBe(201);
      expect(child.json()).toMatchObject({
        regionCode: '330102',
        parentId: h.unitIds.shangwu,
        depth: 1,
        version: 1,
      });

      const reporter = await h.login('reporter.tongji');
      const list = await reporter.request('GET', '/api/org-units');
      expect(list.statusCode).toBe(200);
      const units = list.json() as {
        id: string;
        code: string;
        parentId: string | null;
        depth: number;
        abilities: { edit: boolean };
      }[];
      expect(units).toHaveLength(6);
      expect(Object.keys(units[0]!).sort()).toEqual(
        [
          'abilities',
          'code',
          'depth',
          'id',
          'kind',
          'name',
          'parentId',
          'regionCode',
          'shortName',
          'version',
        ].sort(),
      );
      const index = (id: string) => units.findIndex((u) => u.id === id);
      expect(index(child.json().id)).toBe(index(h.unitIds.shangwu) + 1);
      expect(units.every((u) => u.abilities.edit === false)).toBe(true);
      expect((await reporter.request('GET', '/api/org-units?regionCode=110101')).json()).toEqual([]);
      expect((await h.app.inject({ method: 'GET', url: '/api/org-units' })).statusCode).toBe(401);
    });

    it('lets planners and admins create units, and no one else', async () => {
      for (const [username, code] of [
        ['planner', 'a1'],
        ['admin', 'a2'],
      ] as const) {
        const client = await h.login(username);
        const reply = await client.request('POST', '/api/org-units', {
          code,
          name: `单位${code}`,
          shortName: code,
          kind: 'bureau',
        });
        expect(reply.statusCode, username).toBe(201);
        expect(reply.json().abilities).toEqual({ edit: true });
      }
      for (const username of ['reporter.shangwu', 'reviewer.shangwu', 'viewer', 'auditor'] as Username[]) {
        const client = await h.login(username);
        const reply = await client.request('POST', '/api/org-units', {
          code: 'x',
          name: '某单位',
          shortName: '某',
          kind: 'bureau',
        });
        expect(reply.statusCode, username).toBe(403);
        expect(reply.json().code).toBe('LANTU_FORBIDDEN');
      }
      const count = await h.database.db.selectFrom('org_units').select('id').execute();
      expect(count).toHaveLength(7);
    });

    it('refuses a duplicate code, an unknown parent and a bad kind', async () => {
      const planner = await h.login('planner');
      const dup = await planner.request('POST', '/api/org-units', {
        code: 'fgj',
        name: '又一个发改局',
        shortName: '发改',
        kind: 'bureau',
      });
      expect(dup.statusCode).toBe(409);
      expect(dup.json()).toMatchObject({ code: 'LANTU_DUPLICATE', field: 'body.code' });
      const orphan = await planner.request('POST', '/api/org-units', {
        code: 'o',
        name: '孤儿',
        shortName: '孤',
        kind: 'bureau',
        parentId: 'nope',
      });
      expect(orphan.statusCode).toBe(400);
      expect(orphan.json()).toMatchObject({ code: 'LANTU_VALIDATION', field: 'body.parentId' });
      const kind = await planner.request('POST', '/api/org-units', {
        code: 'k',
        name: '某',
        shortName: '某',
        kind: 'club',
      });
      expect(kind.statusCode).toBe(400);
      expect(kind.json().field).toBe('body.kind');
    });

    it('updates a unit with its version, answers 409 to a stale one and changes nothing', async () => {
      const admin = await h.login('admin');
      const url = `/api/org-units/${h.unitIds.shangwu}`;
      const ok = await admin.request('PATCH', url, {
        version: 1,
        shortName: '区商务局',
        parentId: h.unitIds.zf,
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({
        shortName: '区商务局',
        parentId: h.unitIds.zf,
        version: 2,
        depth: 1,
      });

      const events = (await auditRows(h)).length;
      const stale = await admin.request('PATCH', url, { version: 1, name: '改名' });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'LANTU_STALE_VERSION', field: 'body.version' });
      const row = await h.database.db
        .selectFrom('org_units')
        .selectAll()
        .where('id', '=', h.unitIds.shangwu)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ name: '杭州市上城区商务局', short_name: '区商务局', version: 2 });
      expect(await auditRows(h)).toHaveLength(events);

      const audit = (await auditRows(h)).filter((e) => e.action === 'orgUnit.update');
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]!.before!)).toMatchObject({
        shortName: '商务局',
        parentId: null,
        version: 1,
      });
      expect(JSON.parse(audit[0]!.after!)).toMatchObject({
        shortName: '区商务局',
        parentId: h.unitIds.zf,
        version: 2,
      });
      expect(audit[0]).toMatchObject({
        actor_role: 'admin',
        entity: 'org_unit',
        entity_id: h.unitIds.shangwu,
      });
      expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
    });

    it('refuses to put a unit under itself or its own sub-unit, and a viewer may not edit', async () => {
      const planner = await h.login('planner');
      const child = (
        await planner.request('POST', '/api/org-units', {
          code: 'c',
          name: '下级',
          shortName: '下级',
          kind: 'affiliated',
          parentId: h.unitIds.fgj,
        })
      ).json();
      const cycle = await planner.request('PATCH', `/api/org-units/${h.unitIds.fgj}`, {
        version: 1,
        parentId: child.id,
      });
      expect(cycle.statusCode).toBe(400);
      expect(cycle.json().field).toBe('body.parentId');
      const self = await planner.request('PATCH', `/api/org-units/${h.unitIds.fgj}`, {
        version: 1,
        parentId: h.unitIds.fgj,
      });
      expect(self.statusCode).toBe(400);
      const viewer = await h.login('viewer');
      expect(
        (await viewer.request('PATCH', `/api/org-units/${h.unitIds.fgj}`, { version: 1, name: '改' }))
          .statusCode,
      ).toBe(403);
      expect(
        (await planner.request('PATCH', '/api/org-units/nope', { version: 1, name: '改' })).statusCode,
      ).toBe(404);
    });
  });

  describe('users', () => {
    it('lists users to admins, planners and auditors without any password hash', async () => {
      for (const username of ['admin', 'planner', 'auditor'] as Username[]) {
        const client = await h.login(username);
        const reply = await client.request('GET', '/api/users');
        expect(reply.statusCode, username).toBe(200);
        const users = reply.json() as Record<string, unknown>[];
        expect(users).toHaveLength(8);
        expect(reply.body).not.toMatch(/scrypt\$|password/i);
        for (const user of users)
          expect(Object.keys(user)).not.toEqual(expect.arrayContaining(['passwordHash']));
        expect(users.find((u) => u.username === 'reporter.shangwu')).toMatchObject({
          role: 'reporter',
          active: true,
          version: 1,
          unit: { id: h.unitIds.shangwu, shortName: '商务局' },
          abilities: { edit: username === 'admin' },
        });
      }
      const planner = await h.login('planner');
      const filtered = (
        await planner.request('GET', `/api/users?orgUnitId=${h.unitIds.shangwu}&role=reviewer`)
      ).json();
      expect(filtered.map((u: { username: string }) => u.username)).toEqual(['reviewer.shangwu']);
      for (const username of ['reporter.shangwu', 'reviewer.tongji', 'viewer'] as Username[]) {
        expect((await (await h.login(username)).request('GET', '/api/users')).statusCode, username).toBe(403);
      }
    });

    it('lets only an admin create a user, who can then sign in; the audit keeps no hash', async () => {
      const body = {
        username: 'reporter.jiubao',
        displayName: '九堡街道填报员',
        role: 'reporter',
        orgUnitId: h.unitIds.shangwu,
        password: 'Long-enough-1',
      };
      for (const username of ['planner', 'auditor', 'reporter.shangwu'] as Username[]) {
        expect(
          (await (await h.login(username)).request('POST', '/api/users', body)).statusCode,
          username,
        ).toBe(403);
      }
      const admin = await h.login('admin');
      const created = await admin.request('POST', '/api/users', body);
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        username: 'reporter.jiubao',
        role: 'reporter',
        active: true,
        version: 1,
      });
      expect(created.body).not.toMatch(/scrypt|password/i);
      const stored = await h.database.db
        .selectFrom('users')
        .select('password_hash')
        .where('username', '=', 'reporter.jiubao')
        .executeTakeFirstOrThrow();
      expect(stored.password_hash).toMatch(/^scrypt\$/);
      expect((await loginAs(h, 'reporter.jiubao', 'Long-enough-1')).statusCode).toBe(200);

      const event = (await auditRows(h)).find((e) => e.action === 'user.create')!;
      expect(event).toMatchObject({ entity: 'user', entity_id: created.json().id, actor_role: 'admin' });
      expect(event.after).not.toMatch(/scrypt|password/i);
      expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
    });

    it('refuses a short password, a taken username and an unknown unit', async () => {
      const admin = await h.login('admin');
      const base = {
        username: 'new.user',
        displayName: '新用户',
        role: 'viewer',
        orgUnitId: h.unitIds.zf,
        password: 'Long-enough-1',
      };
      const short = await admin.request('POST', '/api/users', { ...base, password: 'short' });
      expect(short.statusCode).toBe(400);
      expect(short.json()).toMatchObject({ code: 'LANTU_VALIDATION', field: 'body.password' });
      expect(short.json().message).toContain('10');
      const taken = await admin.request('POST', '/api/users', { ...base, username: 'planner' });
      expect(taken.statusCode).toBe(409);
      expect(taken.json()).toMatchObject({ code: 'LANTU_DUPLICATE', field: 'body.username' });
      const unit = await admin.request('POST', '/api/users', { ...base, orgUnitId: 'nope' });
      expect(unit.statusCode).toBe(400);
      expect(unit.json().field).toBe('body.orgUnitId');
      expect(await h.database.db.selectFrom('users').select('id').execute()).toHaveLength(8);
    });

    it('updates a user with their version, answers 409 to a stale one and changes nothing', async () => {
      const admin = await h.login('admin');
      const url = `/api/users/${h.userIds['reporter.tongji']}`;
      const ok = await admin.request('PATCH', url, {
        version: 1,
        displayName: '统计局 张三',
        role: 'reviewer',
        orgUnitId: h.unitIds.shangwu,
      });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({
        displayName: '统计局 张三',
        role: 'reviewer',
        orgUnitId: h.unitIds.shangwu,
        version: 2,
      });
      const events = (await auditRows(h)).length;
      const stale = await admin.request('PATCH', url, { version: 1, active: false });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('LANTU_STALE_VERSION');
      const row = await h.database.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', h.userIds['reporter.tongji'])
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ active: 1, version: 2, role: 'reviewer' });
      expect(await auditRows(h)).toHaveLength(events);
      const planner = await h.login('planner');
      expect((await planner.request('PATCH', url, { version: 2, displayName: '改' })).statusCode).toBe(403);
      const event = (await auditRows(h)).find((e) => e.action === 'user.update')!;
      expect(JSON.parse(event.before!)).toMatchObject({
        role: 'reporter',
        orgUnitId: h.unitIds.tongji,
        version: 1,
      });
      expect(JSON.parse(event.after!)).toMatchObject({
        role: 'reviewer',
        orgUnitId: h.unitIds.shangwu,
        version: 2,
      });
    });

    it('resets a password and deactivates, ending the user’s sessions', async () => {
      const viewer = await h.login('viewer');
      expect((await viewer.request('GET', '/api/auth/me')).statusCode).toBe(200);
      const admin = await h.login('admin');
      const url = `/api/users/${h.userIds.viewer}`;
      const reset = await admin.request('PATCH', url, { version: 1, password: 'A-new-password-2' });
      expect(reset.statusCode).toBe(200);
      expect(reset.body).not.toMatch(/scrypt|A-new-password/);
      expect((await viewer.request('GET', '/api/auth/me')).statusCode).toBe(401);
      expect((await loginAs(h, 'viewer', 'A-new-password-2')).statusCode).toBe(200);
      const event = (await auditRows(h)).find((e) => e.action === 'user.update')!;
      expect(JSON.parse(event.after!)).toMatchObject({ passwordReset: true });
      expect(event.after).not.toMatch(/scrypt|A-new-password/);

      const auditor = await h.login('auditor');
      const off = await admin.request('PATCH', `/api/users/${h.userIds.auditor}`, {
        version: 1,
        active: false,
      });
      expect(off.json()).toMatchObject({ active: false, version: 2 });
      expect((await auditor.request('GET', '/api/auth/me')).statusCode).toBe(401);
      expect(
        (
          await h.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'auditor', password: 'Test-password-1' },
          })
        ).statusCode,
      ).toBe(401);
      expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
    });

    it('never demotes or deactivates the last active administrator', async () => {
      const admin = await h.login('admin');
      const demote = await admin.request('PATCH', `/api/users/${h.userIds.admin}`, {
        version: 1,
        role: 'planner',
      });
      expect(demote.statusCode).toBe(409);
      expect(demote.json().code).toBe('LANTU_INVALID_STATE');
      const off = await admin.request('PATCH', `/api/users/${h.userIds.admin}`, {
        version: 1,
        active: false,
      });
      expect(off.statusCode).toBe(409);
      const row = await h.database.db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', h.userIds.admin)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ role: 'admin', active: 1, version: 1 });
    });
  });

  describe('audit events', () => {
    it('is read by auditors, admins and planners only', async () => {
      for (const username of ['auditor', 'admin', 'planner'] as Username[]) {
        expect(
          (await (await h.login(username)).request('GET', '/api/audit-events')).statusCode,
          username,
        ).toBe(200);
      }
      for (const username of ['reporter.shangwu', 'reviewer.shangwu', 'viewer'] as Username[]) {
        expect(
          (await (await h.login(username)).request('GET', '/api/audit-events')).statusCode,
          username,
        ).toBe(403);
      }
    });

    it('filters, pages newest or oldest first, and shows before and after as JSON', async () => {
      const admin = await h.login('admin');
      const started = new Date().toISOString();
      for (let k = 0; k < 3; k++) {
        const unit = (await admin.request('GET', '/api/org-units'))
          .json()
          .find((u: { id: string }) => u.id === h.unitIds.tongji);
        expect(
          (
            await admin.request('PATCH', `/api/org-units/${h.unitIds.tongji}`, {
              version: unit.version,
              shortName: `统计${k}`,
            })
          ).statusCode,
        ).toBe(200);
      }
      const auditor = await h.login('auditor');
      const all = (await auditor.request('GET', '/api/audit-events?limit=500')).json();
      const seqs = all.events.map((e: { seq: number }) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      expect(all.next).toBeNull();

      const query = `entity=org_unit&entityId=${h.unitIds.tongji}&action=orgUnit.update&actorId=${h.userIds.admin}`;
      const newest = await auditor.request('GET', `/api/audit-events?${query}&limit=2`);
      expect(newest.statusCode).toBe(200);
      const page1 = newest.json();
      expect(page1.events.map((e: { after: { shortName: string } }) => e.after.shortName)).toEqual([
        '统计2',
        '统计1',
      ]);
      expect(page1.events[0]).toMatchObject({
        actor: { id: h.userIds.admin, name: 'admin', role: 'admin', unit: '发改局' },
        entity: 'org_unit',
        before: { shortName: '统计1', version: 3 },
        after: { shortName: '统计2', version: 4 },
      });
      expect(page1.next).toBe(page1.events[1].seq);
      const page2 = (
        await auditor.request('GET', `/api/audit-events?${query}&limit=2&after=${page1.next}`)
      ).json();
      expect(page2.events.map((e: { after: { shortName: string } }) => e.after.shortName)).toEqual(['统计0']);
      expect(page2.next).toBeNull();
      const oldest = (await auditor.request('GET', `/api/audit-events?${query}&order=asc&limit=1`)).json();
      expect(oldest.events[0].after.shortName).toBe('统计0');
      const next = (
        await auditor.request('GET', `/api/audit-events?${query}&order=asc&limit=5&after=${oldest.next}`)
      ).json();
      expect(next.events.map((e: { after: { shortName: string } }) => e.after.shortName)).toEqual([
        '统计1',
        '统计2',
      ]);

      const byPlan = (await auditor.request('GET', `/api/audit-events?planId=${h.planId}`)).json();
      expect(byPlan.events.map((e: { action: string }) => e.action)).toEqual(['plan.import']);
      const since = (
        await auditor.request('GET', `/api/audit-events?from=${encodeURIComponent(started)}&entity=org_unit`)
      ).json();
      expect(since.events).toHaveLength(3);
      expect((await auditor.request('GET', '/api/audit-events?to=2000-01-01')).json().events).toEqual([]);
      expect(
        (await auditor.request('GET', '/api/audit-events?from=2000-01-01&entity=org_unit')).json().events,
      ).toHaveLength(3);
      const bad = await auditor.request('GET', '/api/audit-events?from=yesterday');
      expect(bad.statusCode).toBe(400);
      expect(bad.json().field).toMatch(/^querystring/);
      expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
    });
  });
});
