/**
 * The directory beyond what signing in needs (people.repository.ts): one org unit, updates with a
 * version check, users with their units, and ending a user's sessions. Users never leave here with
 * their password hash.
 */
import type { Executor } from './database.ts';
import type { OrgUnit, UserRecord } from './people.repository.ts';

/** An org unit with its place in the tree, for a list ordered parents first. */
export interface OrgUnitNode extends OrgUnit {
  /** 0 for a root, 1 for its children, and so on. */
  depth: number;
}

/** A user with the unit they belong to. */
export interface UserWithUnit extends UserRecord {
  unit: { id: string; code: string; name: string; shortName: string };
}

type OrgUnitRow = {
  id: string;
  region_code: string;
  code: string;
  name: string;
  short_name: string;
  kind: string;
  parent_id: string | null;
  version: number;
};

function toOrgUnit(r: OrgUnitRow): OrgUnit {
  return {
    id: r.id,
    regionCode: r.region_code,
    code: r.code,
    name: r.name,
    shortName: r.short_name,
    kind: r.kind,
    parentId: r.parent_id,
    version: Number(r.version),
  };
}

const unitColumns = [
  'id',
  'region_code',
  'code',
  'name',
  'short_name',
  'kind',
  'parent_id',
  'version',
] as const;

/** Every unit (of one region, when given). */
export async function allOrgUnits(db: Executor, regionCode?: string): Promise<OrgUnit[]> {
  let query = db.selectFrom('org_units').select(unitColumns).orderBy('code');
  if (regionCode) query = query.where('region_code', '=', regionCode);
  return (await query.execute()).map(toOrgUnit);
}

/**
 * The units in depth-first order (each parent before its children, siblings by code), so a flat
 * list reads as the tree. A unit whose parent is outside the list counts as a root.
 */
export function orderAsTree(units: OrgUnit[]): OrgUnitNode[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, OrgUnit[]>();
  for (const unit of units) {
    const parent = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  const ordered: OrgUnitNode[] = [];
  const seen = new Set<string>();
  const visit = (parent: string | null, depth: number): void => {
    const list = [...(children.get(parent) ?? [])].sort((a, b) =>
      a.code < b.code ? -1 : a.code > b.code ? 1 : 0,
    );
    for (const unit of list) {
      if (seen.has(unit.id)) continue;
      seen.add(unit.id);
      ordered.push({ ...unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  // A cycle (never written by lantu, but a database can be edited by hand) leaves units unvisited.
  for (const unit of units) if (!seen.has(unit.id)) ordered.push({ ...unit, depth: 0 });
  return ordered;
}

export async function findOrgUnit(db: Executor, id: string): Promise<OrgUnit | null> {
  const row = await db.selectFrom('org_units').select(unitColumns).where('id', '=', id).executeTakeFirst();
  return row ? toOrgUnit(row) : null;
}

/** The unit with this code in this region, if any (codes are unique per region). */
export async function findOrgUnitByCode(
  db: Executor,
  regionCode: string,
  code: string,
): Promise<OrgUnit | null> {
  const row = await db
    .selectFrom('org_units')
    .select(unitColumns)
    .where('region_code', '=', regionCode)
    .where('code', '=', code)
    .executeTakeFirst();
  return row ? toOrgUnit(row) : null;
}

/** The fields of a unit that can change. */
export interface OrgUnitChanges {
  code?: string;
  name?: string;
  shortName?: string;
  kind?: string;
  parentId?: string | null;
}

/** Updates a unit only if its stored version is `version`; false when stale (the caller answers 409). */
export async function updateOrgUnit(
  db: Executor,
  id: string,
  version: number,
  changes: OrgUnitChanges,
): Promise<boolean> {
  const result = await db
    .updateTable('org_units')
    .set({
      ...(changes.code !== undefined ? { code: changes.code } : {}),
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.shortName !== undefined ? { short_name: changes.shortName } : {}),
      ...(changes.kind !== undefined ? { kind: changes.kind } : {}),
      ...(changes.parentId !== undefined ? { parent_id: changes.parentId } : {}),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

const userWithUnitColumns = [
  'users.id as id',
  'users.username as username',
  'users.display_name as displayName',
  'users.role as role',
  'users.org_unit_id as orgUnitId',
  'users.active as active',
  'users.version as version',
  'users.created_at as createdAt',
  'org_units.code as unitCode',
  'org_units.name as unitName',
  'org_units.short_name as unitShortName',
] as const;

type UserWithUnitRow = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgUnitId: string;
  active: number;
  version: number;
  createdAt: string;
  unitCode: string;
  unitName: string;
  unitShortName: string;
};

function toUserWithUnit(r: UserWithUnitRow): UserWithUnit {
  return {
    id: r.id,
    username: r.username,
    displayName: r.displayName,
    role: r.role,
    orgUnitId: r.orgUnitId,
    active: Boolean(Number(r.active)),
    version: Number(r.version),
    createdAt: r.createdAt,
    unit: { id: r.orgUnitId, code: r.unitCode, name: r.unitName, shortName: r.unitShortName },
  };
}

/** Users with their units, by username; filtered by role or unit when given. */
export async function listUsersWithUnits(
  db: Executor,
  filter: { role?: string; orgUnitId?: string } = {},
): Promise<UserWithUnit[]> {
  let query = db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(userWithUnitColumns)
    .orderBy('users.username');
  if (filter.role) query = query.where('users.role', '=', filter.role);
  if (filter.orgUnitId) query = query.where('users.org_unit_id', '=', filter.orgUnitId);
  return (await query.execute()).map(toUserWithUnit);
}

/** One user with their unit, or null. */
export async function findUserWithUnit(db: Executor, id: string): Promise<UserWithUnit | null> {
  const row = await db
    .selectFrom('users')
    .innerJoin('org_units', 'org_units.id', 'users.org_unit_id')
    .select(userWithUnitColumns)
    .where('users.id', '=', id)
    .executeTakeFirst();
  return row ? toUserWithUnit(row) : null;
}

/** Whether a username is taken. */
export async function usernameTaken(db: Executor, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

/** The number of active administrators other than `exceptUserId`, so the last one is never locked out. */
export async function countOtherActiveAdmins(db: Executor, exceptUserId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('role', '=', 'admin')
    .where('active', '=', 1)
    .where('id', '!=', exceptUserId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The fields of a user that can change; `passwordHash` replaces the password. */
export interface UserChanges {
  displayName?: string;
  role?: string;
  orgUnitId?: string;
  active?: boolean;
  passwordHash?: string;
}

/** Updates a user only if their stored version is `version`; false when stale. */
export async function updateUser(
  db: Executor,
  id: string,
  version: number,
  changes: UserChanges,
): Promise<boolean> {
  const result = await db
    .updateTable('users')
    .set({
      ...(changes.displayName !== undefined ? { display_name: changes.displayName } : {}),
      ...(changes.role !== undefined ? { role: changes.role } : {}),
      ...(changes.orgUnitId !== undefined ? { org_unit_id: changes.orgUnitId } : {}),
      ...(changes.active !== undefined ? { active: changes.active ? 1 : 0 } : {}),
      ...(changes.passwordHash !== undefined ? { password_hash: changes.passwordHash } : {}),
      version: version + 1,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Ends every session of a user (after a password reset or deactivation); returns how many. */
export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}
