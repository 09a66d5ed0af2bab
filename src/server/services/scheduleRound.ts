/**
 * Reporting rounds: a planner opens a period (a year, a quarter or a month of the plan) for
 * reporting with a deadline, and later closes, reopens or reschedules it. One round per plan,
 * year and period; every change version-checked and audited in the caller's transaction.
 */
import type { z } from 'zod';
import type { createRoundBodySchema, updateRoundBodySchema } from '../../contract/planning.ts';
import { appendAudit } from '../../store/audit.ts';
import { isUniqueViolation } from '../../store/constraints.ts';
import type { Executor } from '../../store/database.ts';
import { newId } from '../../store/ids.ts';
import {
  findRoundForPeriod,
  insertRound,
  type RoundChanges,
  type RoundRecord,
  updateRound as updateRoundRow,
} from '../../store/planning.repository.ts';
import type { PlanRecord } from '../../store/plans.repository.ts';
import type { Actor } from '../policies/index.ts';
import { auditActor } from './auditActor.ts';
import { duplicate, invalid, staleVersion } from './conflicts.ts';

const ROUND = { zh: '填报轮次', en: 'reporting round' };

export interface OpenRoundProps {
  actor: Actor;
  plan: PlanRecord;
  /** The validated request body. */
  input: z.infer<typeof createRoundBodySchema>;
  now: string;
}

/** Opens a round; its year must lie in the plan (base year to end year). */
export async function openRound(trx: Executor, props: OpenRoundProps): Promise<RoundRecord> {
  const { plan, input } = props;
  if (input.year < plan.baseYear || input.year > plan.endYear) {
    throw invalid(
      `年份应在规划期内(${plan.baseYear}–${plan.endYear})`,
      `the year must lie in the plan (${plan.baseYear}–${plan.endYear})`,
      'body.year',
    );
  }
  if (input.deadline < input.opensOn) throw deadlineBeforeOpening();
  if (await findRoundForPeriod(trx, plan.id, input.year, input.period)) throw roundExists();
  const round: RoundRecord = {
    id: newId(),
    planId: plan.id,
    year: input.year,
    period: input.period,
    title: input.title ?? defaultTitle(input.year, input.period),
    opensOn: input.opensOn,
    deadline: input.deadline,
    status: 'open',
    version: 1,
    createdAt: props.now,
  };
  await insertRound(trx, round).catch((error: unknown) => {
    if (isUniqueViolation(error)) throw roundExists();
    throw error;
  });
  await appendAudit(trx, {
    actor: auditActor(props.actor),
    action: 'round.open',
    entity: 'reporting_round',
    entityId: round.id,
    planId: plan.id,
    after: snapshot(round),
    at: props.now,
  });
  return round;
}

export interface UpdateRoundProps {
  actor: Actor;
  /** The round as loaded before authorising. */
  round: RoundRecord;
  /** The validated body, with the version seen. */
  input: z.infer<typeof updateRoundBodySchema>;
  now: string;
}

/** Closes, reopens or reschedules a round if the editor saw its current version. */
export async function updateRound(trx: Executor, props: UpdateRoundProps): Promise<RoundRecord> {
  const { round, input } = props;
  if (input.version !== round.version) throw staleVersion(ROUND);
  const changes: RoundChanges = {};
  if (input.status !== undefined && input.status !== round.status) changes.status = input.status;
  if (input.title !== undefined && input.title !== round.title) changes.title = input.title;
  if (input.opensOn !== undefined && input.opensOn !== round.opensOn) changes.opensOn = input.opensOn;
  if (input.deadline !== undefined && input.deadline !== round.deadline) changes.deadline = input.deadline;
  if (Object.keys(changes).length === 0) return round;
  // Only a changed schedule is checked, so closing an old round never trips over its dates.
  if (
    (changes.opensOn || changes.deadline) &&
    (changes.deadline ?? round.deadline) < (changes.opensOn ?? round.opensOn)
  ) {
    throw deadlineBeforeOpening();
  }
  if (!(await updateRoundRow(trx, round.id, input.version, changes))) throw staleVersion(ROUND);
  const after: RoundRecord = { ...round, ...changes, version: round.version + 1 };
  const action =
    changes.status === 'closed' ? 'round.close' : changes.status === 'open' ? 'round.reopen' : 'round.update';
  await appendAudit(trx, {
    actor: auditActor(props.actor),
    action,
    entity: 'reporting_round',
    entityId: round.id,
    planId: round.planId,
    before: snapshot(round),
    after: snapshot(after),
    at: props.now,
  });
  return after;
}

/** 2024年度规划实施情况填报, 2025年第1季度…, 2025年3月…. */
function defaultTitle(year: number, period: string | null): string {
  if (period === null) return `${year}年度规划实施情况填报`;
  if (period.startsWith('Q')) return `${year}年第${period.slice(1)}季度规划实施情况填报`;
  return `${year}年${Number(period.slice(1))}月规划实施情况填报`;
}

function deadlineBeforeOpening() {
  return invalid('截止日期早于开始日期', 'the deadline is before the opening day', 'body.deadline');
}

function roundExists() {
  return duplicate('该期间已有填报轮次', 'a round for this period exists', 'body.period');
}

function snapshot(r: RoundRecord) {
  return {
    year: r.year,
    period: r.period,
    title: r.title,
    opensOn: r.opensOn,
    deadline: r.deadline,
    status: r.status,
    version: r.version,
  };
}
