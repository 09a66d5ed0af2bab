/** Signing in, sessions, CSRF, rate limiting, security headers and the OpenAPI document, on both databases. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { dialects } from '../store/dialects.ts';
import { createHarness, type Harness, PASSWORD } from './harness.ts';

describe.each(dialects)('auth on $name', ({ open }) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(await open());
  });
  afterEach(async () => {
    await h.close();
  });

  it('signs in with an HttpOnly SameSite session cookie and knows who I am', async () => {
    const reply = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'reporter.shangwu', password: PASSWORD },
    });
    expect(reply.statusCode).toBe(200);
    expect(reply.json()).toMatchObject({
      username: 'reporter.shangwu',
      role: 'reporter',
      unit: { shortName: '商务局' },
    });
    expect(reply.json()).not.toHaveProperty('passwordHash');
    const cookie = reply.cookies.find((c) => c.name === 'lantu_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    // The page's hint that a session was started holds nothing secret.
    const hint = reply.cookies.find((c) => c.name === 'lantu_signed_in')!;
    expect(hint).toMatchObject({ value: '1', sameSite: 'Strict', path: '/' });
    expect(hint.httpOnly).toBeFalsy();
    const me = await h.app.inject({
      method: 'GET',
      url: '/api/auth/me',
      cookies: { lantu_session: cookie.value },
    });
    expect(me.json()).toMatchObject({ username: 'reporter.shangwu', csrfToken: reply.json().csrfToken });
    // The database keeps only a hash of the session token.
    const stored = await h.database.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).not.toContain(cookie.value);
  });

  it('gives one answer for a wrong password and an unknown user', async () => {
    const wrong = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'planner', password: 'nope' },
    });
    const unknown = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'nobody', password: 'nope' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json().code).toBe('LANTU_BAD_CREDENTIALS');
  });

  it('answers 401 without a session and 400 naming the field for a bad body', async () => {
    expect((await h.app.inject({ method: 'GET', url: `/api/plans/${h.planId}` })).statusCode).toBe(401);
    const bad = await h.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'planner' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'LANTU_VALIDATION', field: 'body.password' });
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const planner = await h.login('planner');
    const without = await planner.request(
      'POST',
      `/api/plans/${h.planId}/publish`,
      { published: true, version: 1 },
      { 'x-csrf-token': '' },
    );
    expect(without.statusCode).toBe(403);
    expect(without.json().code).toBe('LANTU_CSRF');
    const published = await planner.request('POST', `/api/plans/${h.planId}/publish`, {
      published: true,
      version: 1,
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ published: true, version: 2 });
  });

  it('gives 409 to a stale version and changes nothing', async () => {
    const planner = await h.login('planner');
    expect(
      (await planner.request('POST', `/api/plans/${h.planId}/publish`, { published: true, version: 1 }))
        .statusCode,
    ).toBe(200);
    const stale = await planner.request('POST', `/api/plans/${h.planId}/publish`, {
      published: false,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('LANTU_STALE_VERSION');
    expect((await planner.request('GET', `/api/plans/${h.planId}`)).json()).toMatchObject({
      published: true,
      version: 2,
    });
  });

  it('only a planner publishes (403 for others), and every change is audited in an intact chain', async () => {
    const reporter = await h.login('reporter.shangwu');
    const denied = await reporter.request('POST', `/api/plans/${h.planId}/publish`, {
      published: true,
      version: 1,
    });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().code).toBe('LANTU_FORBIDDEN');
    const planner = await h.login('planner');
    await planner.request('POST', `/api/plans/${h.planId}/publish`, { published: true, version: 1 });
    const actions = (
      await h.database.db.selectFrom('audit_events').select(['action', 'actor_role']).orderBy('seq').execute()
    ).map((e) => e.action);
    expect(actions).toEqual(['plan.import', 'session.login', 'session.login', 'plan.publish']);
    expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
  });

  it('signs out', async () => {
    const planner = await h.login('planner');
    const out = await planner.request('POST', '/api/auth/logout');
    expect(out.statusCode).toBe(204);
    // Both cookies are cleared: the session and the page's hint.
    expect(
      out.cookies
        .filter((c) => c.value === '')
        .map((c) => c.name)
        .sort(),
    ).toEqual(['lantu_session', 'lantu_signed_in']);
    expect((await planner.request('GET', '/api/auth/me')).statusCode).toBe(401);
  });

  it('rate-limits logins', async () => {
    const app = await buildApp({ database: h.database, config: { loginAttemptsPerMinute: 3 } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { username: 'planner', password: 'wrong' },
          })
        ).statusCode,
      );
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    await app.close();
  });

  it('tells the security log of every refusal: who, what, from where; never the password', async () => {
    const lines: string[] = [];
    const app = await buildApp({
      database: h.database,
      config: { loginAttemptsPerMinute: 2 },
      securityLog: (line) => lines.push(line),
    });
    const login = (password: string) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'planner', password } });
    expect((await login('Wrong-secret-1')).statusCode).toBe(401);
    const signedIn = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'reporter.shangwu', password: PASSWORD },
    });
    const cookie = signedIn.cookies.find((c) => c.name === 'lantu_session')!.value;
    const csrf = signedIn.json().csrfToken as string;
    // A reporter forging a plan publication, with and without its CSRF token.
    const forged = (headers: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: `/api/plans/${h.planId}/publish`,
        cookies: { lantu_session: cookie },
        headers,
        payload: { published: true, version: 1 },
      });
    expect((await forged({ 'x-csrf-token': csrf })).statusCode).toBe(403);
    expect((await forged({})).statusCode).toBe(403);
    expect((await login('Wrong-secret-2')).statusCode).toBe(429);
    // A successful sign-in and the reads are not refusals.
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /refused LANTU_BAD_CREDENTIALS POST \/api\/auth\/login by anonymous as "planner" from /,
    );
    expect(lines[1]).toMatch(
      /refused LANTU_FORBIDDEN POST \/api\/plans\/\S+\/publish by reporter\.shangwu \(reporter, 商务局\)/,
    );
    expect(lines[2]).toMatch(/refused LANTU_CSRF POST /);
    expect(lines[3]).toMatch(/refused LANTU_RATE_LIMITED POST \/api\/auth\/login/);
    expect(lines.join('\n')).not.toContain('Wrong-secret');
    await app.close();
  });

  it('sets security headers and serves the OpenAPI document', async () => {
    const reply = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(reply.headers['content-security-policy']).toContain("default-src 'self'");
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const doc = reply.json() as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/plans/{planId}', '/api/public/plans']),
    );
  });
});
