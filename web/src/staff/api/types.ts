/**
 * The reply types the workspace reads, taken from the shared contract (src/contract) with z.infer:
 * never redeclared here. Type-only imports, so no schema code reaches the browser bundle.
 */
import type { z } from 'zod';
import type {
  lightSchema,
  planAssessmentSchema,
  statusSchema,
} from '../../../../src/contract/assessments.ts';
import type { auditEventSchema, auditPageSchema } from '../../../../src/contract/audit.ts';
import type {
  createOrgUnitBodySchema,
  createUserBodySchema,
  orgUnitKindSchema,
  orgUnitSchema,
} from '../../../../src/contract/directory.ts';
import type { evaluationDetailSchema } from '../../../../src/contract/evaluations.ts';
import type {
  observationStatusSchema,
  owedItemSchema,
  owedReplySchema,
} from '../../../../src/contract/observations.ts';
import type {
  bulkAssignmentBodySchema,
  bulkAssignmentReplySchema,
  createRoundBodySchema,
  putAssignmentBodySchema,
} from '../../../../src/contract/planning.ts';

export type { Me } from '../../../../src/contract/auth.ts';
export type { Role } from '../../../../src/contract/common.ts';
export type { UserReply } from '../../../../src/contract/directory.ts';
export type {
  EvaluationKind,
  EvaluationReply,
  Narrative,
} from '../../../../src/contract/evaluations.ts';
export type { Item } from '../../../../src/contract/items.ts';
export type {
  CreateObservationBody,
  EditObservationBody,
  ObservationDetailReply,
  ObservationReply,
  ObservationRevisionReply,
  TransitionAction,
} from '../../../../src/contract/observations.ts';
export type {
  AssignmentReply,
  Milestone,
  RoundReply,
  RowError,
} from '../../../../src/contract/planning.ts';
export type { PlanSummary } from '../../../../src/contract/plans.ts';
export type {
  AssignmentUploadReply,
  CellError,
  ExportXlsxBody,
  ReportingUploadReply,
} from '../../../../src/contract/templates.ts';

/** GET /api/plans/:planId/assessments. */
export type PlanAssessment = z.infer<typeof planAssessmentSchema>;
/** One measure's assessment. */
export type Assessment = PlanAssessment['assessments'][number];
/** A status of the progress engine (achieved … not_assessable). */
export type Status = z.infer<typeof statusSchema>;
/** A traffic light. */
export type Light = z.infer<typeof lightSchema>;
/** Where a value stands in the workflow. */
export type ObservationStatus = z.infer<typeof observationStatusSchema>;
/** GET /api/plans/:planId/owed. */
export type OwedReply = z.infer<typeof owedReplySchema>;
export type OwedItem = z.infer<typeof owedItemSchema>;
/** GET /api/audit-events. */
export type AuditPage = z.infer<typeof auditPageSchema>;
export type AuditEvent = z.infer<typeof auditEventSchema>;
/** GET /api/org-units. */
export type OrgUnitReply = z.infer<typeof orgUnitSchema>;
export type OrgUnitKind = z.infer<typeof orgUnitKindSchema>;
/** POST bodies (their input shape: defaults may be left out). */
export type CreateRoundBody = z.input<typeof createRoundBodySchema>;
export type CreateOrgUnitBody = z.input<typeof createOrgUnitBodySchema>;
export type CreateUserBody = z.input<typeof createUserBodySchema>;
/** PUT /api/plans/:planId/assignments/:itemId (the whole assignment and the version seen). */
export type PutAssignmentBody = z.input<typeof putAssignmentBodySchema>;
/** POST /api/plans/:planId/assignments/bulk and its reply. */
export type BulkAssignmentBody = z.input<typeof bulkAssignmentBodySchema>;
export type BulkAssignmentReply = z.infer<typeof bulkAssignmentReplySchema>;
/** GET /api/evaluations/:id. */
export type EvaluationDetailReply = z.infer<typeof evaluationDetailSchema>;
