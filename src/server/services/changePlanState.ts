/**
 * Confirming or publishing a plan (and taking either back): one versioned update of the plan
 * record and its audit event, in one transaction. A stale version changes nothing (409).
 */
import { type AuditActor, appendAudit } from '../../store/audit.ts';
import type { Executor } from '../../store/database.ts';
import { type PlanRecord, updatePlan } from '../../store/plans.repository.ts';
import { LantuError } from '../errors.ts';

export interface ChangePlanStateProps {
  /** The plan as the caller loaded it. */
  record: PlanRecord;
  /** The version the user saw. */
  version: number;
  change: { status: 'draft' | 'confirmed' } | { published: boolean };
  actor: AuditActor;
  now: string;
}

export async function changePlanState(trx: Executor, props: ChangePlanStateProps): Promise<void> {
  const { record, version, change, now } = props;
  const updated = await updatePlan(trx, record.id, version, { ...change, updatedAt: now });
  if (!updated) {
    throw new LantuError(
      'LANTU_STALE_VERSION',
      '该规划已被他人修改,请刷新后重试 · the plan changed meanwhile: reload and try again',
    );
  }
  const action =
    'status' in change
      ? change.status === 'confirmed'
        ? 'plan.confirm'
        : 'plan.unconfirm'
      : change.published
        ? 'plan.publish'
        : 'plan.unpublish';
  const before = 'status' in change ? { status: record.status } : { published: record.published };
  await appendAudit(trx, {
    actor: props.actor,
    action,
    entity: 'plan',
    entityId: record.id,
    planId: record.id,
    before: { ...before, version: record.version },
    after: { ...change, version: version + 1 },
    at: now,
  });
}
