/**
 * The database as Kysely sees it: one interface per table, snake_case as stored. Rows become
 * camelCase domain objects only in the repositories. Booleans are 0/1, JSON and times are text, so
 * that SQLite and PostgreSQL store the same thing.
 */
import type { Generated } from 'kysely';

export interface OrgUnitsTable {
  id: string;
  region_code: string;
  code: string;
  name: string;
  short_name: string;
  kind: string;
  parent_id: string | null;
  version: Generated<number>;
  created_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: string;
  org_unit_id: string;
  active: Generated<number>;
  version: Generated<number>;
  created_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface PlansTable {
  id: string;
  region_code: string;
  level: string;
  title: string;
  issuer: string | null;
  issued_on: string | null;
  base_year: number;
  start_year: number;
  end_year: number;
  vision_year: number | null;
  parent_id: string | null;
  source_text: string;
  source_sha256: string;
  source_format: string;
  structure: string;
  status: string;
  published: Generated<number>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PlanItemsTable {
  id: string;
  plan_id: string;
  kind: string;
  key: string;
  title: string;
  category: string | null;
  line: number;
  position: number;
}

export interface TargetRevisionsTable {
  id: string;
  plan_id: string;
  indicator_code: string;
  measure: number;
  /** 1-based number of this revision among its measure's revisions (migration 0003). */
  revision: number;
  effective_year: number;
  target: string;
  previous_target: string;
  reason: string;
  document: string;
  created_by: string;
  created_at: string;
}

export interface AssignmentsTable {
  id: string;
  plan_id: string;
  item_id: string;
  lead_unit_id: string;
  co_unit_ids: string;
  due_date: string | null;
  milestones: string;
  version: Generated<number>;
  updated_at: string;
}

export interface ReportingRoundsTable {
  id: string;
  plan_id: string;
  year: number;
  period: string | null;
  title: string;
  opens_on: string;
  deadline: string;
  status: string;
  version: Generated<number>;
  created_at: string;
}

export interface ObservationsTable {
  id: string;
  plan_id: string;
  item_id: string;
  measure: number;
  area: string;
  year: number;
  period: string;
  kind: string;
  value: number | null;
  unit: string;
  details: string;
  status: string;
  approved_value: number | null;
  approved_details: string | null;
  approved_at: string | null;
  comment: string | null;
  source: string;
  sample: Generated<number>;
  unit_id: string;
  round_id: string | null;
  version: Generated<number>;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export interface ObservationRevisionsTable {
  id: string;
  observation_id: string;
  revision: number;
  action: string;
  status: string;
  value: number | null;
  details: string;
  comment: string | null;
  actor_id: string;
  created_at: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

export interface AuditEventsTable {
  seq: number;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  actor_unit: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  plan_id: string | null;
  before: string | null;
  after: string | null;
  prev_hash: string;
  hash: string;
}

export interface DB {
  org_units: OrgUnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  plans: PlansTable;
  plan_items: PlanItemsTable;
  target_revisions: TargetRevisionsTable;
  assignments: AssignmentsTable;
  reporting_rounds: ReportingRoundsTable;
  observations: ObservationsTable;
  observation_revisions: ObservationRevisionsTable;
  audit_head: AuditHeadTable;
  audit_events: AuditEventsTable;
}
