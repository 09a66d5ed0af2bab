/**
 * Uploads of the Excel templates, through the same services as their web forms: an assignment
 * template becomes a bulk assignment (assignItems.ts: all rows checked, all or nothing unless the
 * planner applies the valid rows), a reporting template becomes drafts (observationWorkflow.ts: the
 * same checks of item, measure, kind, unit, value and assignment as the form). Every problem is
 * named by sheet, row and column; a refused upload is rolled back (the caller's transaction ends
 * with TemplateRejected) so nothing half-written is left. One audit event records each upload
 * beside the events of the records it changed.
 */
import { createHash } from 'node:crypto';
import type { CellError } from '../../contract/templates.ts';
import {
  ASSIGNMENT_SHEET,
  ASSIGNMENT_TITLE_COLUMN,
  assignmentColumnOf,
  readAssignmentTemplate,
  type TemplateAssignmentRow,
} from '../../opendata/assignmentTemplate.ts';
import {
  REPORTING_SHEET,
  REPORTING_TITLE_COLUMN,
  readReportingTemplate,
  reportingColumnOf,
} from '../../opendata/reportingTemplate.ts';
import type { XlsxWorkbook } from '../../opendata/xlsx.ts';
import { normaliseUnit } from '../../progress/index.ts';
import { appendAudit } from '../../store/audit.ts';
import type { Executor } from '../../store/database.ts';
import {
  findObservation,
  listObservations,
  type ObservationRecord,
} from '../../store/observations.repository.ts';
import type { RoundRecord } from '../../store/planning.repository.ts';
import { listItems, type PlanRecord } from '../../store/plans.repository.ts';
import { LantuError } from '../errors.ts';
import { type Actor, can } from '../policies/index.ts';
import { assignItemsInBulk } from './assignItems.ts';
import { auditActor } from './auditActor.ts';
import { createObservation, editObservation, observationFacts } from './observationWorkflow.ts';

/** An upload refused: thrown inside the transaction so that whatever was written is rolled back. */
export class TemplateRejected extends Error {
  constructor(readonly errors: CellError[]) {
    super(`${errors.length} problem(s) in the uploaded workbook`);
    this.name = 'TemplateRejected';
  }
}

/** The SHA-256 of an uploaded file, kept in the audit event. */
function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function byPlace(a: CellError, b: CellError): number {
  return a.row - b.row || (a.column ?? '').localeCompare(b.column ?? '');
}

/** What an assignment template upload needs. */
export interface ImportAssignmentTemplateProps {
  actor: Actor;
  plan: PlanRecord;
  workbook: XlsxWorkbook;
  bytes: Uint8Array;
  fileName: string | null;
  /** Apply the rows without problems and report the others (instead of refusing the file). */
  applyValidRows: boolean;
  now: string;
}

/** What an assignment upload changed, and the rows it left out (applyValidRows). */
export interface AssignmentTemplateOutcome {
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  errors: CellError[];
}

/**
 * Applies an uploaded assignment template in the caller's transaction. Without applyValidRows,
 * any problem throws TemplateRejected listing them all; with it, the rows with problems are left
 * out, the others applied, and the problems returned.
 */
export async function importAssignmentTemplate(
  trx: Executor,
  props: ImportAssignmentTemplateProps,
): Promise<AssignmentTemplateOutcome> {
  const read = readAssignmentTemplate(props.workbook);
  // A file that is not the template (no such sheet, another header) is refused whole, always.
  if (read.errors.some((e) => e.row === 1)) throw new TemplateRejected(read.errors.sort(byPlace));
  const errors = [...read.errors];
  // A file downloaded before the structure was corrected names items by keys that may since have
  // moved to other paragraphs: a row whose title is not its item's is refused, never misfiled.
  const items = await listItems(trx, props.plan.id);
  const byRef = new Map(items.flatMap((i) => [[i.key, i] as const, [i.id, i] as const]));
  for (const r of read.rows) {
    const item = byRef.get(r.row.item);
    if (item && r.title !== '' && !sameTitle(r.title, item.title))
      errors.push({
        sheet: ASSIGNMENT_SHEET,
        row: r.sheetRow,
        column: ASSIGNMENT_TITLE_COLUMN,
        message: staleTitle(item),
      });
  }
  const badRows = new Set(errors.map((e) => e.row));
  let rows: TemplateAssignmentRow[] = read.rows.filter((r) => !badRows.has(r.sheetRow));
  const bulk = (candidates: TemplateAssignmentRow[]) =>
    assignItemsInBulk(trx, {
      actor: props.actor,
      planId: props.plan.id,
      regionCode: props.plan.regionCode,
      rows: candidates.map((r) => ({ ...r.row, version: undefined })),
      now: props.now,
    });
  const toCellErrors = (
    candidates: TemplateAssignmentRow[],
    rowErrors: { index: number; field: string; message: string }[],
  ) =>
    rowErrors.map((e) => ({
      sheet: ASSIGNMENT_SHEET,
      row: candidates[e.index]?.sheetRow ?? 0,
      column: assignmentColumnOf(e.field),
      message: e.message,
    }));

  let outcome = rows.length > 0 ? await bulk(rows) : null;
  if (outcome && !outcome.ok) {
    // Nothing was written: every row was checked first. Note its problems, then (if asked) retry
    // without the rows that have any.
    const cellErrors = toCellErrors(rows, outcome.errors);
    errors.push(...cellErrors);
    if (props.applyValidRows) {
      const bad = new Set(outcome.errors.map((e) => e.index));
      rows = rows.filter((_, k) => !bad.has(k));
      outcome = rows.length > 0 ? await bulk(rows) : null;
      if (outcome && !outcome.ok)
        throw new TemplateRejected([...errors, ...toCellErrors(rows, outcome.errors)].sort(byPlace));
    }
  }
  errors.sort(byPlace);
  if (errors.length > 0 && !props.applyValidRows) throw new TemplateRejected(errors);
  const result = outcome?.ok
    ? { created: outcome.created, updated: outcome.updated, unchanged: outcome.unchanged }
    : { created: 0, updated: 0, unchanged: 0 };
  const skipped = new Set(errors.map((e) => e.row)).size;
  await appendAudit(trx, {
    actor: auditActor(props.actor),
    action: 'assignment.template.upload',
    entity: 'assignment',
    entityId: null,
    planId: props.plan.id,
    after: {
      file: props.fileName,
      sha256: sha256(props.bytes),
      applyValidRows: props.applyValidRows,
      rows: read.rows.length,
      ...result,
      skipped,
    },
    at: props.now,
  });
  return { ...result, skipped, errors };
}

/** What a reporting template upload needs. */
export interface ImportReportingTemplateProps {
  actor: Actor;
  plan: PlanRecord;
  round: RoundRecord;
  workbook: XlsxWorkbook;
  bytes: Uint8Array;
  fileName: string | null;
  now: string;
}

/** What a reporting upload did. */
export interface ReportingTemplateOutcome {
  created: number;
  updated: number;
  unchanged: number;
  empty: number;
  observations: {
    row: number;
    itemKey: string;
    measure: number;
    id: string;
    status: string;
    version: number;
  }[];
}

/**
 * Turns the filled rows of an uploaded reporting template into drafts of the actor's unit for the
 * round's period, with createObservation and editObservation (the web form's own checks). A row
 * equal to what is stored changes nothing; a value already submitted, reviewed or approved, or
 * entered by another unit, is not overwritten from a file. Any problem throws TemplateRejected
 * listing them all, which rolls back the rows written before it.
 */
export async function importReportingTemplate(
  trx: Executor,
  props: ImportReportingTemplateProps,
): Promise<ReportingTemplateOutcome> {
  const { actor, plan, round } = props;
  const read = readReportingTemplate(props.workbook);
  // A file of another plan, round or unit is refused as a whole before its rows are looked at.
  const wrongFile: CellError[] = [];
  const fileError = (message: string): void => {
    wrongFile.push({ sheet: REPORTING_SHEET, row: 1, column: null, message });
  };
  if (read.meta.planId && read.meta.planId !== plan.id)
    fileError('此文件是另一规划的填报模板 · this file is the template of another plan');
  if (read.meta.roundId && read.meta.roundId !== round.id)
    fileError(
      `此文件不是“${round.title}”的填报模板 · this file is not the template of the round “${round.title}”`,
    );
  if (read.meta.unitId && read.meta.unitId !== actor.unitId)
    fileError(
      `此文件是其他单位的填报模板 · this file is another unit's template, not ${actor.unitShortName}'s`,
    );
  if (wrongFile.length > 0) throw new TemplateRejected(wrongFile);
  const errors = [...read.errors];

  const items = new Map((await listItems(trx, plan.id)).map((i) => [i.key, i]));
  const stored = new Map<string, ObservationRecord>();
  for (const o of await listObservations(trx, plan.id, { year: round.year })) {
    if (o.area === null && o.period === round.period)
      stored.set(`${o.itemId}\u0001${o.measure}\u0001${o.kind}`, o);
  }
  const outcome: ReportingTemplateOutcome = {
    created: 0,
    updated: 0,
    unchanged: 0,
    empty: read.empty,
    observations: [],
  };
  for (const entry of read.entries) {
    const at = (column: string | null, message: string): void => {
      errors.push({ sheet: REPORTING_SHEET, row: entry.sheetRow, column, message });
    };
    const item = items.get(entry.key);
    if (!item) {
      at('A', `规划中没有事项“${entry.key}” · the plan has no item “${entry.key}”`);
      continue;
    }
    if (entry.title !== '' && !sameTitle(entry.title, item.title)) {
      at(REPORTING_TITLE_COLUMN, staleTitle(item));
      continue;
    }
    if (entry.note.length > 2000 || entry.evidence.length > 2000 || entry.source.length > 500) {
      at(
        entry.note.length > 2000 ? 'J' : entry.evidence.length > 2000 ? 'K' : 'L',
        '备注、佐证材料不超过 2000 字,数据来源不超过 500 字 · note and evidence up to 2000 characters, source up to 500',
      );
      continue;
    }
    const details = { note: entry.note, evidence: entry.evidence };
    const existing = stored.get(`${item.id}\u0001${entry.measure}\u0001${entry.kind}`);
    try {
      if (existing) {
        const same =
          existing.value === entry.value &&
          normaliseUnit(existing.unit) === normaliseUnit(entry.unit || existing.unit) &&
          existing.details.note === entry.note &&
          existing.details.evidence === entry.evidence &&
          existing.source === entry.source;
        if (same) {
          outcome.unchanged++;
          outcome.observations.push(summary(entry, existing));
          continue;
        }
        if (existing.unitId !== actor.unitId) {
          at(
            'I',
            `该数据已由${existing.unitName}录入(${existing.id}),不能通过模板修改 · ${existing.unitName} already entered this value (${existing.id})`,
          );
          continue;
        }
        if (!can(actor, 'observation.write', observationFacts(existing))) {
          at(
            'I',
            `该数据已${STATUS_WORDS[existing.status] ?? existing.status},不能通过模板修改;如需更正请在系统中处理 · this value is ${existing.status}: it cannot be changed from a file`,
          );
          continue;
        }
        await editObservation(trx, {
          record: existing,
          version: existing.version,
          value: entry.value,
          ...(entry.unit ? { unit: entry.unit } : {}),
          details,
          source: entry.source,
          reason: `Excel 模板上传 template upload${props.fileName ? `: ${props.fileName}` : ''}`,
          actor,
          now: props.now,
        });
        outcome.updated++;
        outcome.observations.push(summary(entry, (await findObservation(trx, existing.id))!));
      } else {
        const { id } = await createObservation(trx, {
          planId: plan.id,
          itemId: item.id,
          measure: entry.measure,
          area: null,
          year: round.year,
          period: round.period,
          kind: entry.kind as ObservationRecord['kind'],
          value: entry.value,
          unit: entry.unit || (entry.kind === 'progress' ? '%' : ''),
          details,
          source: entry.source,
          sample: false,
          actor,
          now: props.now,
        });
        outcome.created++;
        outcome.observations.push(summary(entry, (await findObservation(trx, id))!));
      }
    } catch (error) {
      // The workflow's checks refuse before they write, so the transaction is still usable.
      if (!(error instanceof LantuError)) throw error;
      at(reportingColumnOf(error.field) ?? (error.code === 'LANTU_FORBIDDEN' ? 'A' : 'I'), error.message);
    }
  }
  if (errors.length > 0) throw new TemplateRejected(errors.sort(byPlace));
  await appendAudit(trx, {
    actor: auditActor(actor),
    action: 'observation.template.upload',
    entity: 'observation',
    entityId: null,
    planId: plan.id,
    after: {
      file: props.fileName,
      sha256: sha256(props.bytes),
      roundId: round.id,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      empty: outcome.empty,
    },
    at: props.now,
  });
  return outcome;
}

const STATUS_WORDS: Readonly<Record<string, string>> = {
  submitted: '提交',
  reviewed: '审核',
  approved: '审定',
};

function summary(
  entry: { sheetRow: number; key: string; measure: number },
  o: ObservationRecord,
): ReportingTemplateOutcome['observations'][number] {
  return {
    row: entry.sheetRow,
    itemKey: entry.key,
    measure: entry.measure,
    id: o.id,
    status: o.status,
    version: o.version,
  };
}

/** Whether a title in a file is the item's title (spaces and full-width forms aside). */
function sameTitle(inFile: string, stored: string): boolean {
  const norm = (t: string) => t.normalize('NFKC').replace(/\s+/g, '');
  return norm(inFile) === norm(stored);
}

function staleTitle(item: { key: string; title: string }): string {
  return `事项编号 ${item.key} 现为“${item.title}”,与表中不符:规划结构已调整,请重新下载模板 · ${item.key} is now “${item.title}”: the plan's structure changed since this file was made, download the template again`;
}
