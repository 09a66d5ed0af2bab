/**
 * Creating and changing user accounts (administrators only, by policy), each in the caller's
 * transaction, version-checked and audited. Passwords arrive already hashed (scrypt, outside the
 * transaction) and no hash is ever written to the audit log. A password reset or a deactivation
 * ends the user's sessions at once; the last active administrator cannot be demoted or deactivated,
 * so the installation never loses the one role that manages accounts.
 */
import type { z } from 'zod';
import type { createUserBodySchema, updateUserBodySchema } from '../../contract/directory.ts';
import { appendAudit } from '../../store/audit.ts';
import { isUniqueViolation } from '../../store/constraints.ts';
import type { Executor } from '../../store/database.ts';
import {
  countOtherActiveAdmins,
  deleteSessionsOfUser,
  findOrgUnit,
  type UserChanges,
  type UserWithUnit,
  updateUser as updateUserRow,
  usernameTaken,
} from '../../store/directory.repository.ts';
import { newId } from '../../store/ids.ts';
import { insertUser } from '../../store/people.repository.ts';
import { LantuError } from '../errors.ts';
import type { Actor } from '../policies/index.ts';
import { auditActor } from './auditActor.ts';
import { duplicate, invalid, staleVersion } from './conflicts.ts';

export interface CreateUserProps {
  actor: Actor;
  /** The validated body, less the password. */
  input: Omit<z.infer<typeof createUserBodySchema>, 'password'>;
  /** The password's scrypt hash (passwords.ts). */
  passwordHash: string;
  now: string;
}

/** Creates an account; returns its id. */
export async function createUser(trx: Executor, props: CreateUserProps): Promise<string> {
  const { input } = props;
  if (!(await findOrgUnit(trx, input.orgUnitId)))
    throw invalid('单位不存在', 'no such org unit', 'body.orgUnitId');
  if (await usernameTaken(trx, input.username)) throw usernameInUse();
  const id = newId();
  await insertUser(trx, {
    id,
    username: input.username,
    displayName: input.displayName,
    role: input.role,
    orgUnitId: input.orgUnitId,
    createdAt: props.now,
    passwordHash: props.passwordHash,
  }).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw usernameInUse();
    throw error;
  });
  await appendAudit(trx, {
    actor: auditActor(props.actor),
    action: 'user.create',
    entity: 'user',
    entityId: id,
    after: {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      orgUnitId: input.orgUnitId,
      active: true,
      version: 1,
    },
    at: props.now,
  });
  return id;
}

export interface UpdateUserProps {
  actor: Actor;
  /** The user as loaded before authorising. */
  user: UserWithUnit;
  /** The validated body, less the password. */
  input: Omit<z.infer<typeof updateUserBodySchema>, 'password'>;
  /** The new password's hash, when the password is reset. */
  passwordHash?: string;
  now: string;
}

/** Changes an account if the editor saw its current version. */
export async function updateUser(trx: Executor, props: UpdateUserProps): Promise<void> {
  const { user, input } = props;
  if (input.version !== user.version) throw staleVersion({ zh: '用户', en: 'user' });
  const changes: UserChanges = {};
  if (input.displayName !== undefined && input.displayName !== user.displayName)
    changes.displayName = input.displayName;
  if (input.role !== undefined && input.role !== user.role) changes.role = input.role;
  if (input.orgUnitId !== undefined && input.orgUnitId !== user.orgUnitId)
    changes.orgUnitId = input.orgUnitId;
  if (input.active !== undefined && input.active !== user.active) changes.active = input.active;
  if (props.passwordHash !== undefined) changes.passwordHash = props.passwordHash;
  if (Object.keys(changes).length === 0) return;

  if (changes.orgUnitId && !(await findOrgUnit(trx, changes.orgUnitId))) {
    throw invalid('单位不存在', 'no such org unit', 'body.orgUnitId');
  }
  const losesAdmin =
    user.role === 'admin' && user.active && (changes.role !== undefined || changes.active === false);
  if (losesAdmin && (await countOtherActiveAdmins(trx, user.id)) === 0) {
    throw new LantuError(
      'LANTU_INVALID_STATE',
      '这是最后一个启用的管理员账号,不能降级或停用 · this is the last active administrator: it cannot be demoted or deactivated',
      changes.active === false ? 'body.active' : 'body.role',
    );
  }
  if (!(await updateUserRow(trx, user.id, input.version, changes)))
    throw staleVersion({ zh: '用户', en: 'user' });
  if (changes.passwordHash !== undefined || changes.active === false)
    await deleteSessionsOfUser(trx, user.id);
  const before = {
    displayName: user.displayName,
    role: user.role,
    orgUnitId: user.orgUnitId,
    active: user.active,
    version: user.version,
  };
  const { passwordHash, ...visible } = changes;
  await appendAudit(trx, {
    actor: auditActor(props.actor),
    action: 'user.update',
    entity: 'user',
    entityId: user.id,
    before,
    after: {
      ...before,
      ...visible,
      version: user.version + 1,
      ...(passwordHash !== undefined ? { passwordReset: true } : {}),
    },
    at: props.now,
  });
}

function usernameInUse() {
  return duplicate('用户名已被使用', 'the username is taken', 'body.username');
}
