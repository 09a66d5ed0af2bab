/**
 * Writing an evaluation's narrative (主要成效 / 存在问题 / 下步举措): the only part of an evaluation that
 * changes after it is made. Versioned, so two planners editing at once never overwrite each other
 * (a stale version gets 409 and changes nothing), and audited with the texts before and after.
 */
import { staleVersion } from '../server/services/conflicts.ts';
import { type AuditActor, appendAudit } from '../store/audit.ts';
import type { Executor } from '../store/database.ts';
import {
  type EvaluationRecord,
  type StoredNarrative,
  updateNarrativeIfVersion,
} from '../store/evaluations.repository.ts';

/** What updateNarrative needs. */
export interface UpdateNarrativeProps {
  /** The evaluation as the caller loaded it. */
  evaluation: EvaluationRecord;
  /** The version the planner saw. */
  version: number;
  narrative: StoredNarrative;
  actor: AuditActor;
  now: string;
}

/** Replaces the narrative in the caller's transaction; returns the evaluation as it now stands. */
export async function updateNarrative(trx: Executor, props: UpdateNarrativeProps): Promise<EvaluationRecord> {
  const { evaluation, version, narrative, now } = props;
  const name = { zh: '评估报告', en: 'evaluation' };
  if (evaluation.version !== version) throw staleVersion(name);
  const updated = await updateNarrativeIfVersion(trx, evaluation.id, version, narrative, now);
  if (!updated) throw staleVersion(name);
  await appendAudit(trx, {
    actor: props.actor,
    action: 'evaluation.narrative',
    entity: 'evaluation',
    entityId: evaluation.id,
    planId: evaluation.planId,
    before: { narrative: evaluation.narrative, version: evaluation.version },
    after: { narrative, version: version + 1 },
    at: now,
  });
  return { ...evaluation, narrative, version: version + 1, updatedAt: now };
}
