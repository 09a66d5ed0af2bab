/**
 * Importing a plan: the file goes through the ingest pipeline, and the plan is stored with its whole
 * structure, its source text and hash, and one item per trackable thing (indicator, task, project
 * or action of a column box, commitment), all in the caller's transaction and audited.
 */
import { decodeSource, IngestError, parsePlan } from '../../ingest/index.ts';
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
    category: string | null = null,
  ): void => {
    items.push({ id: newId(), planId, kind, key, title, category, line, position: items.length });
  };
  for (const indicator of plan.indicators)
    add('indicator', `ind:${indicator.code}`, indicator.name, indicator.line, indicator.category);
  for (const chapter of plan.chapters) {
    chapter.tasks.forEach((t, n) => {
      add('task', `task:${chapter.number}.0.${n + 1}`, t.title, t.line, chapter.title);
    });
    for (const section of chapter.sections) {
      section.tasks.forEach((t, n) => {
        add('task', `task:${chapter.number}.${section.number}.${n + 1}`, t.title, t.line, chapter.title);
      });
    }
  }
  for (const column of plan.columns) {
    for (const item of column.items)
      add(item.kind, `col:${column.number}.${item.number}`, item.title, item.line, column.title);
  }
  // Two promises can be read from one clause (1-2个专科和2-5个专病门诊): the second gets a suffix.
  const seen = new Map<string, number>();
  for (const c of plan.commitments) {
    const base = `com:${c.line}:${c.start}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    add('commitment', n === 1 ? base : `${base}:${n}`, c.subject, c.line, null);
  }
  return items;
}
