/**
 * Ingest: plan bytes (plain text in UTF-8/UTF-16/GB18030, a saved HTML page, or .docx) to a Plan.
 * Format and encoding are detected from the bytes. Pure: the caller reads the file.
 */
import type { Plan } from '../model/plan.ts';
import { decodeSource } from './decode.ts';
import { parsePlan } from './parse.ts';

export { decodeSource } from './decode.ts';
export { IngestError } from './errors.ts';
export { parsePlan } from './parse.ts';

/** Reads a plan from its raw bytes. Throws IngestError when the bytes are not a readable plan. */
export function ingestPlan(bytes: Uint8Array): Plan {
  return parsePlan(decodeSource(bytes));
}
