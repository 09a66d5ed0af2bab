/** Every resource's routes, registered in one place. */
import type { FastifyInstance } from 'fastify';
import { assessmentRoutes } from './assessments/assessments.routes.ts';
import { assignmentRoutes } from './assignments/assignments.routes.ts';
import { auditRoutes } from './audit/audit.routes.ts';
import { authRoutes } from './auth/auth.routes.ts';
import { evaluationRoutes } from './evaluations/evaluations.routes.ts';
import { exportRoutes } from './exports/exports.routes.ts';
import { itemRoutes } from './items/items.routes.ts';
import { observationRoutes } from './observations/observations.routes.ts';
import { openDataRoutes } from './openData/openData.routes.ts';
import { orgUnitRoutes } from './orgUnits/orgUnits.routes.ts';
import { planRoutes } from './plans/plans.routes.ts';
import { publicRoutes } from './public/public.routes.ts';
import { publicTextRoutes } from './public/publicText.routes.ts';
import { reminderRoutes } from './reminders/reminders.routes.ts';
import { revisionRoutes } from './revisions/revisions.routes.ts';
import { roundRoutes } from './rounds/rounds.routes.ts';
import { templateRoutes } from './templates/templates.routes.ts';
import { userRoutes } from './users/users.routes.ts';

export async function registerRoutes(app: FastifyInstance): Promise<void> {
  await app.register(authRoutes);
  await app.register(planRoutes);
  await app.register(itemRoutes);
  await app.register(assessmentRoutes);
  await app.register(publicRoutes);
  await app.register(publicTextRoutes);
  await app.register(observationRoutes);
  await app.register(reminderRoutes);
  await app.register(orgUnitRoutes);
  await app.register(userRoutes);
  await app.register(assignmentRoutes);
  await app.register(roundRoutes);
  await app.register(revisionRoutes);
  await app.register(auditRoutes);
  await app.register(templateRoutes);
  await app.register(exportRoutes);
  await app.register(openDataRoutes);
  await app.register(evaluationRoutes);
}
