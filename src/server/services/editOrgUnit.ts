/**
 * Creating and changing org units (the directory's tree), each in the caller's transaction,
 * checked (parent exists, no cycle, code unique in its region), version-checked and audited.
 */
import type { z } from 'zod';
import type { createOrgUnitBodySchema, updateOrgUnitBodySchema } from '../../contract/directory.ts';
import { appendAudit } from '../../store/audit.ts';
import { isUniqueViolation } from '../../store/constraints.ts';
import type { Executor } from '../../store/database.ts';
import {
  allOrgUnits,
  findOrgUnit,
  findOrgUnitByCode,
  type OrgUnitChanges,
  updateOrgUnit as updateOrgUnitRow,
} from '../../store/directory.repository.ts';
import { newId } from '../../store/ids.ts';
import { insertOrgUnit, type OrgUnit } from '../../store/people.repository.ts';
import type { Actor } from '../policies/index.ts';
import { auditActor } from './auditActor.ts';
import { duplicate, invalid, staleVersion } from './conflicts.ts';

const UNIT = { zh: '单位', en: 'org unit' };

export interface CreateOrgUnitProps {
  actor: Actor;
  /** The validated request body. */
  input: z.infer<typeof createOrgUnitBodySchema>;
  now: string;
}

/** Creates a unit; its region is the parent's, or the given one, or the creator's unit's. */
export async function createOrgUnit(trx: Executor, props: CreateOrgUnitProps): Promise<OrgUnit> {
  const { input } = props;
  const parent = input.parentId ? await findOrgUnit(trx, input.parentId) : null;
  if (input.parentId && !parent) throw invalid('上级单位不存在', 'no such parent unit', 'body.parentId');
  if (parent && input.regionCode && input.regionCode !== parent.regionCode) {
    throw invalid('上级单位属于另一行政区划', 'the parent unit belongs to another region', 'body.regionCode');
  }
  const regionCode =
    parent?.regionCode ?? input.regionCode ?? (await findOrgUnit(trx, props.actor.unitId))?.regionCode;
  if (!regionCode) throw invalid('请给出行政区划代码', 'give the region code', 'body.regionCode');
  if (await findOrgUnitByCode(trx, regionCode, input.code)) throw codeTaken();
  const unit: OrgUnit = {
    id: newId(),
    regionCode,
    code: input.code,
    name: input.name,
    shortName: input.shortName,
    kind: input.kind,
    parentId: parent?.id ?? null,
    version: 1,
  };
  await insertOrgUnit(trx, { ...unit, createdAt: props.now }).catch(rethrowDuplicate);
  await appendAudit(trx, {
    actor: auditActor(props.actor),
    action: 'orgUnit.create',
    entity: 'org_unit',
    entityId: unit.id,
    after: snapshot(unit),
    at: props.now,
  });
  return unit;
}

export interface UpdateOrgUnitProps {
  actor: Actor;
  /** The unit as loaded before authorising. */
  unit: OrgUnit;
  /** The validated request body, with the version the editor saw. */
  input: z.infer<typeof updateOrgUnitBodySchema>;
  now: string;
}

/** Changes a unit if the editor saw its current version; a request that changes nothing writes nothing. */
export async function updateOrgUnit(trx: Executor, props: UpdateOrgUnitProps): Promise<OrgUnit> {
  const { unit, input } = props;
  if (input.version !== unit.version) throw staleVersion(UNIT);
  const changes: OrgUnitChanges = {};
  if (input.code !== undefined && input.code !== unit.code) changes.code = input.code;
  if (input.name !== undefined && input.name !== unit.name) changes.name = input.name;
  if (input.shortName !== undefined && input.shortName !== unit.shortName)
    changes.shortName = input.shortName;
  if (input.kind !== undefined && input.kind !== unit.kind) changes.kind = input.kind;
  if (input.parentId !== undefined && input.parentId !== unit.parentId) changes.parentId = input.parentId;
  if (Object.keys(changes).length === 0) return unit;

  if (changes.parentId) await checkParent(trx, unit, changes.parentId);
  if (changes.code && (await findOrgUnitByCode(trx, unit.regionCode, changes.code))) throw codeTaken();
  const updated = await updateOrgUnitRow(trx, unit.id, input.version, changes).catch(rethrowDuplicate);
  if (!updated) throw staleVersion(UNIT);
  const after: OrgUnit = { ...unit, ...changes, version: unit.version + 1 };
  await appendAudit(trx, {
    actor: auditActor(props.actor),
    action: 'orgUnit.update',
    entity: 'org_unit',
    entityId: unit.id,
    before: snapshot(unit),
    after: snapshot(after),
    at: props.now,
  });
  return after;
}

/** A new parent must exist, be in the same region, and not be the unit itself or below it. */
async function checkParent(trx: Executor, unit: OrgUnit, parentId: string): Promise<void> {
  const units = await allOrgUnits(trx);
  const byId = new Map(units.map((u) => [u.id, u]));
  const parent = byId.get(parentId);
  if (!parent) throw invalid('上级单位不存在', 'no such parent unit', 'body.parentId');
  if (parent.regionCode !== unit.regionCode) {
    throw invalid('上级单位属于另一行政区划', 'the parent unit belongs to another region', 'body.parentId');
  }
  const seen = new Set<string>();
  for (
    let at: OrgUnit | undefined = parent;
    at && !seen.has(at.id);
    at = at.parentId ? byId.get(at.parentId) : undefined
  ) {
    if (at.id === unit.id)
      throw invalid(
        '不能把单位挂在其自身或下级之下',
        'a unit cannot sit under itself or its own sub-unit',
        'body.parentId',
      );
    seen.add(at.id);
  }
}

function codeTaken() {
  return duplicate('该行政区划内已有此单位代码', 'a unit with this code exists in the region', 'body.code');
}

function rethrowDuplicate(error: unknown): never {
  if (isUniqueViolation(error)) throw codeTaken();
  throw error;
}

function snapshot(u: OrgUnit) {
  return {
    regionCode: u.regionCode,
    code: u.code,
    name: u.name,
    shortName: u.shortName,
    kind: u.kind,
    parentId: u.parentId,
    version: u.version,
  };
}
