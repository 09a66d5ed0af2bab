/**
 * Revising a target (调整修订): the plan keeps its printed target; a revision records the new one,
 * the year from which it is in force, the reason and the approving document, and the target it
 * replaced. Revisions of a measure are numbered; the planner states the version they saw, so two
 * planners revising at once never both win.
 */
import type { z } from 'zod';
import type { createRevisionBodySchema } from '../../contract/planning.ts';
import type { Plan, Target } from '../../model/plan.ts';
import { appendAudit } from '../../store/audit.ts';
import { isUniqueViolation } from '../../store/constraints.ts';
import type { Executor } from '../../store/database.ts';
import { newId } from '../../store/ids.ts';
import {
  insertTargetRevision,
  listTargetRevisions,
  type TargetRevisionRecord,
} from '../../store/planning.repository.ts';
import type { PlanRecord } from '../../store/plans.repository.ts';
import type { Actor } from '../policies/index.ts';
import { auditActor } from './auditActor.ts';
import { invalid, staleVersion } from './conflicts.ts';
import { planWithTargetsInForce } from './targetsInForce.ts';

const TARGET = { zh: '目标', en: 'target' };

export interface ReviseTargetProps {
  actor: Actor;
  plan: PlanRecord;
  /** The plan's structure from ingest (its printed targets). */
  structure: Plan;
  /** The validated request body. */
  input: z.infer<typeof createRevisionBodySchema>;
  now: string;
}

/** Records a revision; it is in force from its effective year, which must lie in the plan period. */
export async function reviseTarget(trx: Executor, props: ReviseTargetProps): Promise<TargetRevisionRecord> {
  const { plan, structure, input } = props;
  const indicator = structure.indicators.find((i) => i.code === input.indicatorCode);
  if (!indicator)
    throw invalid(
      '规划中没有此指标',
      `the plan has no indicator ${input.indicatorCode}`,
      'body.indicatorCode',
    );
  if (input.measure > indicator.measures.length) {
    throw invalid(
      `该指标只有${indicator.measures.length}个分项`,
      `the indicator has ${indicator.measures.length} measure(s)`,
      'body.measure',
    );
  }
  if (input.effectiveYear < plan.startYear || input.effectiveYear > plan.endYear) {
    throw invalid(
      `生效年份应在规划期内(${plan.startYear}–${plan.endYear})`,
      `the effective year must lie in the plan period (${plan.startYear}–${plan.endYear})`,
      'body.effectiveYear',
    );
  }
  const earlier = await listTargetRevisions(trx, plan.id, {
    indicatorCode: input.indicatorCode,
    measure: input.measure,
  });
  if (input.version !== earlier.length + 1) throw staleVersion(TARGET);
  const inForce = planWithTargetsInForce(structure, earlier, input.effectiveYear);
  const previous = inForce.indicators.find((i) => i.code === indicator.code)!.measures[input.measure - 1]!
    .target;
  const target = normalise(input.target, previous.year);
  if (JSON.stringify(target) === JSON.stringify(normalise(previous, previous.year))) {
    throw invalid('调整后的目标与现行目标相同', 'the revised target is the target in force', 'body.target');
  }
  const revision: TargetRevisionRecord = {
    id: newId(),
    planId: plan.id,
    indicatorCode: indicator.code,
    measure: input.measure,
    revision: earlier.length + 1,
    effectiveYear: input.effectiveYear,
    target,
    previousTarget: previous,
    reason: input.reason,
    document: input.document,
    createdBy: props.actor.id,
    createdByName: props.actor.displayName,
    createdAt: props.now,
  };
  await insertTargetRevision(trx, revision).catch((error: unknown) => {
    // The unique (plan, indicator, measure, revision) index: another planner revised it meanwhile.
    if (isUniqueViolation(error)) throw staleVersion(TARGET);
    throw error;
  });
  await appendAudit(trx, {
    actor: auditActor(props.actor),
    action: 'target.revise',
    entity: 'target_revision',
    entityId: revision.id,
    planId: plan.id,
    before: { indicatorCode: indicator.code, measure: input.measure, target: previous },
    after: {
      indicatorCode: indicator.code,
      measure: input.measure,
      revision: revision.revision,
      effectiveYear: input.effectiveYear,
      target,
      reason: input.reason,
      document: input.document,
    },
    at: props.now,
  });
  return revision;
}

/** A target with its fields in one order and no empty ones, so two can be compared and stored alike. */
function normalise(
  t: z.infer<typeof createRevisionBodySchema>['target'] | Target,
  defaultYear: number,
): Target {
  return {
    year: t.year ?? defaultYear,
    kind: t.kind,
    value: t.value ?? null,
    ...(t.comparator !== undefined ? { comparator: t.comparator } : {}),
    ...(t.annualRate !== undefined ? { annualRate: t.annualRate } : {}),
    ...(t.text !== undefined ? { text: t.text } : {}),
    ...(t.relatesTo !== undefined ? { relatesTo: t.relatesTo } : {}),
  };
}
