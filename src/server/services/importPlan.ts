/**
 * Importing a plan: the file goes through the ingest pipeline, and the plan is stored with its whole
 * structure, its source text and hash, and one item per trackable thing (indicator, task, project
 * or action of a column box, commitment), all in the caller's transaction and audited.
 */
import { decodeSource, IngestError, parsePlan } from '../../ingest/index.ts';
import { indicatorKey, keyedColumnItems, keyedCommitments, keyedTasks } from '../../model/keys.ts';
import type { Plan } from '../../model/plan.ts';
import { type AuditActor, appendAudit } from '../../store/audit.ts';
import type { Executor } from '../../store/database.ts';
import { newId } from '../../store/ids.ts';
import { insertItems, insertPlan, type PlanItem } from '../../store/plans.repository.ts';
import { LantuError } from '../errors.ts';

export interface ImportPlanProps {
  /** The file as uploaded. */
  bytes: Uint8Array;
  /** 行政区划 code of the region the plan belongs to, e.g. 330102. */
  regionCode: string;
  /** province, city or district. */
  level: string;
  actor: AuditActor;
  now: string;
}

export interface ImportedPlan {
  id: string;
  plan: Plan;
  items: PlanItem[];
}

/** Ingests and stores a plan; a file that cannot be read is a 422 naming what is wrong. */
export async function importPlan(trx: Executor, props: ImportPlanProps): Promise<ImportedPlan> {
  let plan: Plan;
  let sourceText: string;
  try {
    const document = decodeSource(props.bytes);
    plan = parsePlan(document);
    // The text kept is the normalised stream, so every line number of the plan points into it.
    sourceText = document.lines.map((l) => l.text).join('\n');
  } catch (error) {
    if (error instanceof IngestError) throw new LantuError('LANTU_UNREADABLE_PLAN', error.message);
    throw error;
  }
  const id = newId();
  await insertPlan(trx, {
    id,
    regionCode: props.regionCode,
    level: props.level,
    title: plan.title,
    issuer: plan.issuer,
    issuedOn: plan.issuedOn,
    baseYear: plan.period.baseYear,
    startYear: plan.period.startYear,
    endYear: plan.period.endYear,
    visionYear: plan.period.visionYear,
    parentId: null,
    sourceSha256: plan.source.sha256,
    sourceFormat: plan.source.format,
    status: 'draft',
    createdAt: props.now,
    updatedAt: props.now,
    structure: plan,
    sourceText,
  });
  const items = planItems(id, plan);
  await insertItems(trx, items);
  await appendAudit(trx, {
    actor: props.actor,
    action: 'plan.import',
    entity: 'plan',
    entityId: id,
    planId: id,
    after: {
      title: plan.title,
      sha256: plan.source.sha256,
      items: items.length,
      findings: plan.findings.length,
    },
    at: props.now,
  });
  return { id, plan, items };
}

/** One item per trackable thing of the plan, with the stable keys assignments and reports use. */
export function planItems(planId: string, plan: Plan): PlanItem[] {
  const items: PlanItem[] = [];
  const add = (
    kind: PlanItem['kind'],
    key: string,
    title: string,
    line: number,
    category: string | null,
  ): void => {
    items.push({ id: newId(), planId, kind, key, title, category, line, position: items.length });
  };
  for (const i of plan.indicators) add('indicator', indicatorKey(i.code), i.name, i.line, i.category);
  for (const t of keyedTasks(plan)) add('task', t.key, t.task.title, t.task.line, t.chapterTitle);
  for (const c of keyedColumnItems(plan)) add(c.item.kind, c.key, c.item.title, c.item.line, c.columnTitle);
  for (const c of keyedCommitments(plan))
    add('commitment', c.key, c.commitment.subject, c.commitment.line, null);
  return items;
}
