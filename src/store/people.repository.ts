/** Org units, users and sessions. */
import type { Executor } from './database.ts';

export interface OrgUnit {
  id: string;
  regionCode: string;
  code: string;
  name: string;
  shortName: string;
  kind: string;
  parentId: string | null;
  version: number;
}

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgUnitId: string;
  active: boolean;
  version: number;
  createdAt: string;
}

export async function listOrgUnits(db: Executor, regionCode?: string): Promise<OrgUnit[]> {
  let query = db.selectFrom('org_units').selectAll().orderBy('kind').orderBy('code');
  if (regionCode) query = query.where('region_code', '=', regionCode);
  return (await query.execute()).map((r) => ({
    id: r.id,
    regionCode: r.region_code,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    parentId: r.parent_id,
    version: Number(r.version),
  }));
}

export async function insertOrgUnit(
  db: Executor,
  unit: Omit<OrgUnit, 'version'> & { createdAt: string },
): Promise<void> {
  await db
    .insertInto('org_units')
    .values({
      id: unit.id,
      region_code: unit.regionCode,
      code: unit.code,
      name: unit.name,
      short_name: unit.shortName,
      kind: unit.kind,
      parent_id: unit.parentId,
      created_at: unit.createdAt,
    })
    .execute();
}

function toUser(r: {
  id: string;
  username: string;
  display_name: string;
  role: string;
  org_unit_id: string;
  active: number;
  version: number;
  created_at: string;
}): UserRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    orgUnitId: r.org_unit_id,
    active: Boolean(Number(r.active)),
    version: Number(r.version),
    createdAt: r.created_at,
  };
}

const userColumns = [
  'id',
  'username',
  'display_name',
  'role',
  'org_unit_id',
  'active',
  'version',
  'created_at',
] as const;

export async function listUsers(db: Executor): Promise<UserRecord[]> {
  return (await db.selectFrom('users').select(userColumns).orderBy('username').execute()).map(toUser);
}

/** The user with this name and their password hash, for signing in. */
export async function findUserForLogin(
  db: Executor,
  username: string,
): Promise<(UserRecord & { passwordHash: string }) | null> {
  const row = await db
    .selectFrom('users')
    .select([...userColumns, 'password_hash'])
    .where('username', '=', username)
    .executeTakeFirst();
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function insertUser(
  db: Executor,
  user: Omit<UserRecord, 'version' | 'active'> & { passwordHash: string },
): Promise<void> {
  await db
    .insertInto('users')
    .values({
      id: user.id,
      username: user.username,
      display_name: user.displayName,
      password_hash: user.passwordHash,
      role: user.role,
      org_unit_id: user.orgUnitId,
      created_at: user.createdAt,
    })
    .execute();
}

/** A live session with its user and unit, or null when absent, expired or the user is inactive. */
export async function findSession(db: Executor, sessionId: string, now: string) {
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select([
      'sessions.id as sessionId',
      'sessions.csrf_token as csrfToken',
      'sessions.expires_at as expiresAt',
      'users.id as userId',
      'users.username as username',
      'users.display_name as displayName',
      'users.role as role',
      'users.active as active',
      'org_units.id as unitId',
      'org_units.name as unitName',
      'org_units.short_name as unitShortName',
    ])
    .where('sessions.id', '=', sessionId)
    .executeTakeFirst();
  if (!row || row.expiresAt <= now || !Number(row.active)) return null;
  return row;
}

export async function insertSession(
  db: Executor,
  session: { id: string; userId: string; csrfToken: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id: session.id,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      created_at: session.createdAt,
      expires_at: session.expiresAt,
    })
    .execute();
}

export async function deleteSession(db: Executor, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}
