/**
 * Evaluation reports (src/reports): an evaluation freezes a snapshot of a plan's data and
 * assessments at a year (createEvaluation); from it come the Word report, the same report as one
 * HTML page, and the unit scorecard as a workbook. The server routes and `lantu report` both call
 * renderEvaluation, so the API and the CLI hand out the same files.
 */
import type { Executor } from '../store/database.ts';
import {
  type EvaluationRecord,
  findEvaluation,
  findEvaluationSnapshot,
} from '../store/evaluations.repository.ts';
import { buildReport } from './buildReport.ts';
import { type ProgressListener, renderDocx } from './renderDocx.ts';
import { renderHtml } from './renderHtml.ts';
import { renderScorecardXlsx } from './renderScorecardXlsx.ts';
import { type EvaluationSnapshot, KIND_TITLES, parseSnapshot } from './snapshot.ts';

export { buildReport, NARRATIVE_HINTS, type ReportMeta } from './buildReport.ts';
export { type CreatedEvaluation, type CreateEvaluationProps, createEvaluation } from './createEvaluation.ts';
export type { ReportDocument } from './document.ts';
export { draftNarrative, type NarrativeTexts } from './narrativeDraft.ts';
export type { ProgressListener } from './renderDocx.ts';
export { type ScorecardRow, scorecard } from './scorecard.ts';
export {
  defaultTitle,
  type EvaluationKind,
  type EvaluationSnapshot,
  itemLight,
  KIND_TITLES,
  parseSnapshot,
} from './snapshot.ts';
export { type UpdateNarrativeProps, updateNarrative } from './updateNarrative.ts';

/** The files an evaluation is rendered as. */
export type ReportFormat = 'docx' | 'html' | 'xlsx';

/** A rendered file: its bytes, media type and a file name a person would keep. */
export interface RenderedFile {
  bytes: Buffer;
  contentType: string;
  fileName: string;
}

const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** An evaluation with its snapshot, or null when there is none. */
export async function loadEvaluation(
  db: Executor,
  id: string,
): Promise<{ record: EvaluationRecord; snapshot: EvaluationSnapshot } | null> {
  const [record, text] = await Promise.all([findEvaluation(db, id), findEvaluationSnapshot(db, id)]);
  if (!record || text === null) return null;
  return { record, snapshot: parseSnapshot(text) };
}

/** A file name for an evaluation's file: 2024年中期评估报告.docx, 2024年中期评估监督考核.xlsx. */
export function reportFileName(
  record: Pick<EvaluationRecord, 'kind' | 'year'>,
  format: ReportFormat,
): string {
  const kind = KIND_TITLES[record.kind];
  if (format === 'xlsx') return `${record.year}年${kind.replace('报告', '')}监督考核.xlsx`;
  return `${record.year}年${kind}.${format}`;
}

/**
 * Renders an evaluation as a file. Reads nothing but the evaluation's snapshot and narrative, so the
 * same evaluation always gives the same document.
 */
export async function renderEvaluation(
  record: EvaluationRecord,
  snapshot: EvaluationSnapshot,
  format: ReportFormat,
  onProgress?: ProgressListener,
): Promise<RenderedFile> {
  const meta = { title: record.title, createdAt: record.createdAt, narrative: record.narrative };
  let bytes: Buffer;
  if (format === 'xlsx') bytes = await renderScorecardXlsx(snapshot, meta);
  else {
    const doc = buildReport(snapshot, meta);
    bytes =
      format === 'docx'
        ? await renderDocx(doc, { createdAt: record.createdAt, ...(onProgress ? { onProgress } : {}) })
        : Buffer.from(renderHtml(doc), 'utf8');
  }
  return { bytes, contentType: CONTENT_TYPES[format], fileName: reportFileName(record, format) };
}
