/**
 * A server for tests: a fresh database of the given dialect with the seed plan imported, a small
 * directory of units and one user per role, and helpers to sign in and send requests with the
 * session cookie and CSRF token, through app.inject().
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { hashPassword } from '../../src/server/passwords.ts';
import { importPlan } from '../../src/server/services/importPlan.ts';
import { SYSTEM_ACTOR } from '../../src/store/audit.ts';
import { newId } from '../../src/store/ids.ts';
import { insertOrgUnit, insertUser } from '../../src/store/people.repository.ts';
import type { PlanItem } from '../../src/store/plans.repository.ts';
import { seedPlanPath } from '../helpers.ts';
import type { TestDatabase } from '../store/dialects.ts';

export const PASSWORD = 'Test-password-1';
const NOW = '2026-11-26T08:00:00.000Z';
let passwordHash: Promise<string> | undefined;

/** Units of the test directory, by code. */
export const UNITS = {
  fgj: { name: '杭州市上城区发展和改革局', shortName: '发改局', kind: 'bureau' },
  shangwu: { name: '杭州市上城区商务局', shortName: '商务局', kind: 'department' },
  tongji: { name: '杭州市上城区统计局', shortName: '统计局', kind: 'department' },
  zf: { name: '杭州市上城区人民政府', shortName: '区政府', kind: 'leadership' },
  rd: { name: '杭州市上城区人大常委会', shortName: '区人大', kind: 'oversight' },
} as const;

/** Users of the test directory: username → role and unit. */
export const USERS = {
  planner: { role: 'planner', unit: 'fgj' },
  'reporter.shangwu': { role: 'reporter', unit: 'shangwu' },
  'reviewer.shangwu': { role: 'reviewer', unit: 'shangwu' },
  'reporter.tongji': { role: 'reporter', unit: 'tongji' },
  'reviewer.tongji': { role: 'reviewer', unit: 'tongji' },
  viewer: { role: 'viewer', unit: 'zf' },
  auditor: { role: 'auditor', unit: 'rd' },
  admin: { role: 'admin', unit: 'fgj' },
} as const;

export type Username = keyof typeof USERS;

export interface Harness {
  app: FastifyInstance;
  database: TestDatabase;
  planId: string;
  items: PlanItem[];
  unitIds: Record<keyof typeof UNITS, string>;
  userIds: Record<Username, string>;
  /** Signs in and returns a client bound to that session. */
  login: (username: Username) => Promise<Client>;
  close: () => Promise<void>;
}

export interface Client {
  csrfToken: string;
  request: (
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ) => Promise<LightMyRequestResponse>;
}

/** Builds the test installation on an open database. */
export async function createHarness(
  database: TestDatabase,
  options: { published?: boolean } = {},
): Promise<Harness> {
  passwordHash ??= hashPassword(PASSWORD);
  const hash = await passwordHash;
  const unitIds = {} as Record<keyof typeof UNITS, string>;
  const userIds = {} as Record<Username, string>;
  const setUp = database.db.transaction().execute(async (trx) => {
    for (const [code, unit] of Object.entries(UNITS)) {
      const id = newId();
      unitIds[code as keyof typeof UNITS] = id;
      await insertOrgUnit(trx, {
        id,
        regionCode: '330102',
        code,
        name: unit.name,
        shortName: unit.shortName,
        kind: unit.kind,
        parentId: null,
        createdAt: NOW,
      });
    }
    for (const [username, user] of Object.entries(USERS)) {
      const id = newId();
      userIds[username as Username] = id;
      await insertUser(trx, {
        id,
        username,
        displayName: username,
        role: user.role,
        orgUnitId: unitIds[user.unit],
        createdAt: NOW,
        passwordHash: hash,
      });
    }
    const imported = await importPlan(trx, {
      bytes: readFileSync(seedPlanPath),
      regionCode: '330102',
      level: 'district',
      actor: SYSTEM_ACTOR,
      now: NOW,
    });
    if (options.published)
      await trx
        .updateTable('plans')
        .set({ published: 1, status: 'confirmed', version: 2 })
        .where('id', '=', imported.id)
        .execute();
    return { planId: imported.id, items: imported.items };
  });
  // A failed set-up must still close (and for PostgreSQL drop) its database.
  const { planId, items } = await setUp.catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const app = await buildApp({ database, config: { loginAttemptsPerMinute: 1000 } });

  const login = async (username: Username): Promise<Client> => {
    const reply = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username, password: PASSWORD },
    });
    if (reply.statusCode !== 200)
      throw new Error(`login ${username} failed: ${reply.statusCode} ${reply.body}`);
    const cookie = reply.cookies.find((c) => c.name === 'lantu_session')!;
    const csrfToken = (reply.json() as { csrfToken: string }).csrfToken;
    return {
      csrfToken,
      request: (method, url, body, headers = {}) =>
        app.inject({
          method: method as 'GET',
          url,
          cookies: { lantu_session: cookie.value },
          headers: { 'x-csrf-token': csrfToken, ...headers },
          ...(body === undefined ? {} : { payload: body as object }),
        }),
    };
  };
  return {
    app,
    database,
    planId,
    items,
    unitIds,
    userIds,
    login,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}
