/**
 * The route-walking permission test (README: "a test walks the whole route table with every role and
 * checks each answer against a written permission matrix, so a new route without a rule fails the
 * build"). The route table is what Fastify registers, told by buildApp's `onRoute` option to an app
 * built over the same database (it includes the hidden routes; the OpenAPI paths must be among
 * them); every route must have an entry in permission-matrix.ts and every entry a route. Then every
 * route is called by every user of the harness and anonymously: signed out gets 401 on anything not
 * public, a user the matrix does not allow gets 403 LANTU_FORBIDDEN and changes nothing (audit trail,
 * touched record, table counts and versions), an allowed user gets an answer that is not a refusal.
 * No reply anywhere carries a password hash, and no public reply names a person (a zip reply, such
 * as an .xlsx file, is read by the text of its unzipped parts). SQLite only: this is about the route
 * table, not the dialects.
 */
import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { strFromU8, unzipSync } from 'fflate';
import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Database, Executor } from '../../src/store/database.ts';
import type { ReminderDB } from '../../src/store/reminders.table.ts';
import { seedPlanPath } from '../helpers.ts';
import { dialects } from '../store/dialects.ts';
import { type Client, createHarness, type Harness, type Username } from './harness.ts';
import {
  type Caller,
  type Fixture,
  MATRIX,
  type MatrixCase,
  type MatrixContext,
  prepareBaseline,
  type RequestParts,
  USERNAMES,
} from './permission-matrix.ts';

/** Display names given to the harness users, so that a leak of one is told apart from other text. */
const DISPLAY_NAMES: Record<Username, string> = {
  planner: '王规划员',
  'reporter.shangwu': '李商务填报',
  'reviewer.shangwu': '张商务审核',
  'reporter.tongji': '赵统计填报',
  'reviewer.tongji': '钱统计审核',
  viewer: '孙区府查阅',
  auditor: '周人大审计',
  admin: '吴系统管理',
};

/** What a reply must never carry: a password hash column or field, or a stored scrypt hash. */
const SECRET = /password_hash|passwordHash|scrypt\$\d+\$\d+\$\d+\$/i;

/** Tables whose row counts a refused request must leave alone. */
const COUNTED = [
  'org_units',
  'users',
  'sessions',
  'plans',
  'plan_items',
  'target_revisions',
  'assignments',
  'reporting_rounds',
  'observations',
  'observation_revisions',
  'audit_events',
  'notifications',
  'reminders_sent',
  'evaluations',
] as const;

/** Tables whose versions a refused request must leave alone. */
const VERSIONED = [
  'org_units',
  'users',
  'plans',
  'assignments',
  'reporting_rounds',
  'observations',
  'evaluations',
] as const;

const sqlite = dialects.find((d) => d.name === 'sqlite')!;

/** "METHOD /path" of a route. */
function routeKey(method: string, path: string): string {
  return `${method.toUpperCase()} ${path}`;
}

/**
 * Every route of the app as "METHOD /path" (HEAD included), as Fastify registers it: an app is built
 * over the database with buildApp's `onRoute` option, which is told of each route as it is added
 * (`printRoutes`, read before, prints sibling parameters of different names as one node). Fastify
 * adds a prefixed plugin's '/' route twice, as '/prefix' and '/prefix/', and runs onRoute hooks for
 * the first only (lib/route.js: the `prefixing` route skips them; its HEAD twin is told of), so the
 * '/prefix/' twin of a route is added where the router has it.
 */
async function collectRoutes(database: Database): Promise<string[]> {
  const keys = new Set<string>();
  const app = await buildApp({
    database,
    onRoute: (route) => {
      for (const method of [route.method].flat()) keys.add(routeKey(method, route.url));
    },
  });
  try {
    await app.ready();
    for (const key of [...keys]) {
      const [method, url] = splitKey(key);
      const twin = `${url}/`;
      if (!/[/*]$/.test(url) && app.hasRoute({ method: method as 'GET', url: twin }))
        keys.add(routeKey(method, twin));
    }
  } finally {
    await app.close();
  }
  return [...keys];
}

/** The method and the path of a route key. */
function splitKey(key: string): [string, string] {
  const space = key.indexOf(' ');
  return [key.slice(0, space), key.slice(space + 1)];
}

/**
 * The text of a reply body, for the checks of what it carries: a zip file (.xlsx, .docx) is the text
 * of its unzipped XML parts, anything else the body itself.
 */
function textOf(reply: LightMyRequestResponse): string {
  const bytes = reply.rawPayload;
  if (!(bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50)) return reply.body;
  const parts = unzipSync(bytes, { filter: (file) => /\.(xml|rels)$/.test(file.name) });
  return Object.entries(parts)
    .map(([name, data]) => `${name}\n${strFromU8(data)}`)
    .join('\n');
}

/** The path of a route key with its parameters filled in, and the query appended. */
function urlOf(pattern: string, parts: RequestParts): string {
  const params = parts.params ?? {};
  const value = (name: string): string => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for the path parameter ${name} of ${pattern}`);
    return v;
  };
  const path = pattern
    .replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(value(name)))
    .replace(/\*$/, () => value('*'));
  const query = new URLSearchParams(parts.query ?? {}).toString();
  return query ? `${path}?${query}` : path;
}

describe('permission matrix: every route, every role', () => {
  let h: Harness;
  let ctx: MatrixContext;
  const clients = new Map<Username, Client>();
  let checks = 0;
  /** The route table, collected once from an app built over the harness's database. */
  let collected: string[] = [];

  beforeAll(async () => {
    const database = await sqlite.open();
    h = await createHarness(database, { published: true });
    collected = await collectRoutes(h.database);
    const db = h.database.db;
    for (const [username, displayName] of Object.entries(DISPLAY_NAMES)) {
      await db
        .updateTable('users')
        .set({ display_name: displayName })
        .where('username', '=', username)
        .execute();
    }
    for (const username of USERNAMES) clients.set(username, await h.login(username));
    const { password_hash } = await db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'viewer')
      .executeTakeFirstOrThrow();
    let counter = 0;
    let periods = 0;
    ctx = {
      h,
      db,
      planId: h.planId,
      client: (username) => {
        const client = clients.get(username);
        if (!client) throw new Error(`no session of ${username}`);
        return client;
      },
      item: (key) => {
        const found = h.items.find((i) => i.key === key);
        if (!found) throw new Error(`the seed plan has no item ${key}`);
        return found.id;
      },
      next: () => counter++,
      nextPeriod: () => periods++,
      seedPlanBase64: readFileSync(seedPlanPath).toString('base64'),
      passwordHash: password_hash,
    };
    await prepareBaseline(ctx);
  });

  afterAll(async () => {
    console.info(`[permissions] ${Object.keys(MATRIX).length} routes, ${checks} (route, caller) checks`);
    await h?.close();
  });

  /** Every route of the app ("METHOD /path"), as registered, checked against the harness's router. */
  function routeTable(): string[] {
    expect(collected.length, 'routes told to onRoute').toBeGreaterThan(20);
    // The collecting app is the app under test: every route it was told of is one the harness's has.
    const unknown = collected.filter((key) => {
      const [method, url] = splitKey(key);
      return !h.app.hasRoute({ method: method as 'GET', url });
    });
    expect(unknown, 'routes told to onRoute that the harness app does not have').toEqual([]);
    return collected;
  }

  const pathOf = (key: string): string => key.slice(key.indexOf(' ') + 1);
  const isApi = (key: string): boolean => pathOf(key) === '/api' || pathOf(key).startsWith('/api/');

  it('has a rule for every route under /api, and a route for every rule', async () => {
    const table = routeTable();
    // The table holds every route of the OpenAPI document.
    const openapi = h.app.swagger() as { paths?: Record<string, Record<string, unknown>> };
    const documented = Object.entries(openapi.paths ?? {}).flatMap(([path, methods]) =>
      Object.keys(methods).map((m) => routeKey(m, path.replace(/\{([^}]+)\}/g, ':$1'))),
    );
    expect(documented.length).toBeGreaterThan(20);
    expect(
      documented.filter((key) => !table.includes(key)),
      'OpenAPI routes missing from the route table',
    ).toEqual([]);

    // HEAD is Fastify's automatic twin of GET: it falls under the GET route's rule.
    expect(
      table.filter((key) => key.startsWith('HEAD ') && !table.includes(key.replace(/^HEAD /, 'GET '))),
      'HEAD routes without a GET route (they need their own matrix entry)',
    ).toEqual([]);
    const routes = [...new Set(table.filter((key) => isApi(key) && !key.startsWith('HEAD ')))].sort();
    const missing = routes.filter((key) => !(key in MATRIX));
    const stale = Object.keys(MATRIX).filter((key) => !routes.includes(key));
    expect(
      {
        'routes without a rule in test/server/permission-matrix.ts': missing,
        'rules without a route': stale,
      },
      'the route table and the permission matrix differ',
    ).toEqual({
      'routes without a rule in test/server/permission-matrix.ts': [],
      'rules without a route': [],
    });
  });

  it('serves only public, read-only pages and files outside /api (the web app)', async () => {
    const outside = routeTable().filter((key) => !isApi(key));
    expect(
      outside.filter((key) => !key.startsWith('GET ') && !key.startsWith('HEAD ')),
      'routes outside /api that are not GET or HEAD: an API route belongs under /api, with a rule in the matrix',
    ).toEqual([]);
    const problems: string[] = [];
    for (const key of outside.filter((k) => k.startsWith('GET '))) {
      const url = pathOf(key)
        .replace(/:([A-Za-z0-9_]+)/g, 'x')
        .replace(/\*$/, 'x');
      const reply = await h.app.inject({ method: 'GET', url });
      checks += 1;
      if (reply.statusCode === 401 || reply.statusCode === 403 || reply.statusCode >= 500)
        problems.push(`${key} (as ${url}, anonymous): ${describeReply(reply)}`);
      problems.push(...(await leaks(key, reply)).map((p) => `${key}: ${p}`));
    }
    expect(problems).toEqual([]);
  });

  /** Everything a refused request must leave as it was. */
  async function databaseState(db: Executor): Promise<Record<string, unknown>> {
    const state: Record<string, unknown> = {};
    for (const table of COUNTED) {
      const { rows } = await sql<{
        n: number | string;
      }>`select count(*) as n from ${sql.table(table)}`.execute(db);
      state[table] = Number(rows[0]?.n);
    }
    for (const table of VERSIONED) {
      const { rows } = await sql<{
        v: number | string | null;
      }>`select sum(version) as v from ${sql.table(table)}`.execute(db);
      state[`${table}.versions`] = Number(rows[0]?.v ?? 0);
    }
    state['notifications.read'] = (
      await (db as unknown as Kysely<ReminderDB>)
        .selectFrom('notifications')
        .select('id')
        .where('read_at', 'is not', null)
        .execute()
    ).length;
    state.auditHead = await db.selectFrom('audit_head').selectAll().execute();
    return state;
  }

  async function send(
    key: string,
    parts: RequestParts,
    caller: Caller,
    options: { freshSession?: boolean; head?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const [routeMethod, pattern] = key.split(' ') as [string, string];
    const method = options.head ? 'HEAD' : routeMethod;
    const url = urlOf(pattern, parts);
    if (caller === 'anonymous') {
      return h.app.inject({
        method: method as 'GET',
        url,
        ...(parts.body === undefined ? {} : { payload: parts.body as object }),
      });
    }
    const client = options.freshSession ? await h.login(caller) : ctx.client(caller);
    return client.request(method, url, parts.body);
  }

  /** Names of people (usernames and display names) a public reply must not carry. */
  async function peoplesNames(): Promise<string[]> {
    const users = await h.database.db.selectFrom('users').select(['username', 'display_name']).execute();
    return users.flatMap((u) => [u.username, u.display_name]);
  }

  /** Problems with one reply's content, whoever sent it. */
  async function leaks(key: string, reply: LightMyRequestResponse): Promise<string[]> {
    const problems: string[] = [];
    const text = textOf(reply);
    const secret = SECRET.exec(text);
    if (secret) problems.push(`reply carries ${JSON.stringify(secret[0])}`);
    if (key.startsWith('GET /api/public/')) {
      for (const name of await peoplesNames()) {
        if (text.includes(name)) problems.push(`public reply names a person: ${JSON.stringify(name)}`);
      }
    }
    return problems;
  }

  /** What differs between two snapshots [database state, touched record], in words. */
  function differences(before: unknown[], after: unknown[]): string[] {
    const [stateBefore, recordBefore] = before as [Record<string, unknown>, unknown];
    const [stateAfter, recordAfter] = after as [Record<string, unknown>, unknown];
    const changed = Object.keys(stateBefore)
      .filter((k) => JSON.stringify(stateBefore[k]) !== JSON.stringify(stateAfter[k]))
      .map((k) => `${k}: ${JSON.stringify(stateBefore[k])} → ${JSON.stringify(stateAfter[k])}`);
    if (JSON.stringify(recordBefore) !== JSON.stringify(recordAfter))
      changed.push(`the touched record: ${JSON.stringify(recordBefore)} → ${JSON.stringify(recordAfter)}`);
    return changed;
  }

  function describeReply(reply: LightMyRequestResponse): string {
    return `${reply.statusCode} ${reply.body.length > 300 ? `${reply.body.slice(0, 300)}…` : reply.body}`;
  }

  async function walkCase(key: string, c: MatrixCase): Promise<string[]> {
    const problems: string[] = [];
    const label = (caller: Caller) => `${key} [${c.fixture}] as ${caller}`;
    const isPublic = c.allowed === 'public';
    const allowed: Caller[] = c.allowed === 'public' ? ['anonymous', ...USERNAMES] : [...c.allowed];
    const refused: Caller[] = [...(isPublic ? [] : ['anonymous' as const]), ...USERNAMES].filter(
      (u) => !allowed.includes(u),
    );
    let fixture: Fixture = c.setup ? await c.setup(ctx) : { id: '' };

    // Refusals first: none of them may change anything.
    for (const caller of refused) {
      const before = [await databaseState(ctx.db), await c.touched?.(ctx, fixture)];
      const reply = await send(key, await c.request(ctx, fixture, caller), caller, {
        freshSession: c.freshSession ?? false,
      });
      checks += 1;
      problems.push(...(await leaks(key, reply)).map((p) => `${label(caller)}: ${p}`));
      const want = caller === 'anonymous' ? [401, 'LANTU_UNAUTHENTICATED'] : [403, 'LANTU_FORBIDDEN'];
      const code = reply.statusCode === want[0] ? (reply.json() as { code?: string }).code : undefined;
      if (reply.statusCode !== want[0] || code !== want[1]) {
        problems.push(`${label(caller)}: expected ${want[0]} ${want[1]}, got ${describeReply(reply)}`);
      }
      const after = [await databaseState(ctx.db), await c.touched?.(ctx, fixture)];
      const changed = differences(before, after);
      if (changed.length > 0)
        problems.push(`${label(caller)}: the refused request changed ${changed.join('; ')}`);
      if (caller === 'anonymous' && key.startsWith('GET ')) {
        const head = await send(key, await c.request(ctx, fixture, caller), caller, { head: true });
        checks += 1;
        if (head.statusCode !== 401)
          problems.push(`HEAD of ${label(caller)}: expected 401, got ${head.statusCode}`);
      }
    }

    // Then the allowed callers, each on a fixture of its own when a call uses it up.
    let first = true;
    for (const caller of allowed) {
      if (!first && c.consumes && c.setup) fixture = await c.setup(ctx);
      first = false;
      const reply = await send(key, await c.request(ctx, fixture, caller), caller, {
        freshSession: c.freshSession ?? false,
      });
      checks += 1;
      problems.push(...(await leaks(key, reply)).map((p) => `${label(caller)}: ${p}`));
      const ok =
        (reply.statusCode >= 200 && reply.statusCode < 300) ||
        (c.acceptable ?? []).some((a) => a.status === reply.statusCode);
      if (!ok) problems.push(`${label(caller)}: allowed, but got ${describeReply(reply)}`);
      if (caller === 'anonymous' && key.startsWith('GET ')) {
        const head = await send(key, await c.request(ctx, fixture, caller), caller, { head: true });
        checks += 1;
        if (head.statusCode === 401 || head.statusCode === 403 || head.statusCode >= 500)
          problems.push(`HEAD of ${label(caller)}: public, but got ${head.statusCode}`);
      }
    }
    return problems;
  }

  it.each(Object.keys(MATRIX).sort())('%s answers as the matrix says', async (key) => {
    const entry = MATRIX[key]!;
    const problems: string[] = [];
    for (const c of entry.cases) problems.push(...(await walkCase(key, c)));
    expect(problems, `${key} (${entry.rule})`).toEqual([]);
  });

  it('shows the public portal approved data (so the no-names check above had something to check)', async () => {
    const reply = await h.app.inject({ method: 'GET', url: `/api/public/plans/${h.planId}` });
    expect(reply.statusCode).toBe(200);
    const plan = reply.json() as { indicators: { code: string; measures: { series: unknown[] }[] }[] };
    const trade = plan.indicators.find((i) => i.code === '7');
    expect(trade?.measures[0]?.series.length).toBeGreaterThan(0);
  });
});
