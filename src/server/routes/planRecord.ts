/** Loading the plan a plan-scoped route is about, without its (large) structure. */
import type { FastifyInstance } from 'fastify';
import { findPlan, type PlanRecord } from '../../store/plans.repository.ts';
import { LantuError } from '../errors.ts';

/** The plan's record, or 404 LANTU_PLAN_NOT_FOUND. */
export async function requirePlanRecord(app: FastifyInstance, planId: string): Promise<PlanRecord> {
  const record = await findPlan(app.database.db, planId);
  if (!record) throw new LantuError('LANTU_PLAN_NOT_FOUND', `plan ${planId} not found`);
  return record;
}
