/**
 * Bulk import of observations from a CSV file (`lantu import-observations`): a statistics bureau's
 * yearbook table, a year of street-level figures, or another system's Open SDG export. All or
 * nothing: every row is read and checked first (the CSV rules of the progress engine, the plan's
 * measures, kinds and units, the years of the plan, the item's lead unit, and no key the plan
 * already holds), and any bad row means nothing is written and every problem is reported with its
 * line and column. Then all rows, one revision each and one audit event for the whole import go in
 * one transaction.
 */
import { createHash } from 'node:crypto';
import type { Plan } from '../../model/plan.ts';
import type { ObservationError } from '../../progress/index.ts';
import { type AuditActor, appendAudit } from '../../store/audit.ts';
import {
  type BulkLoadResult,
  existingObservationKeys,
  startBulkLoad,
} from '../../store/bulkObservations.repository.ts';
import type { Database } from '../../store/database.ts';
import { listAssignments } from '../../store/planning.repository.ts';
import { listItems } from '../../store/plans.repository.ts';
import { type ImportFormat, type PrepareContext, prepareImport } from './prepareImport.ts';

export type { ImportFormat } from './prepareImport.ts';

/** What an import needs. */
export interface ImportObservationsProps {
  database: Database;
  planId: string;
  /** The plan's structure (from ingest), as stored. */
  plan: Plan;
  /** The decoded text of the file. */
  text: string;
  /** The file's name, for the revision comment and the audit event. */
  fileName: string;
  /** The SHA-256 of the file's bytes, kept in the audit event. */
  sha256: string;
  format: ImportFormat;
  /** approved: the values count at once (official figures); draft: they go through the workflow. */
  status: 'approved' | 'draft';
  /** For an Open SDG file of one indicator without an Indicator column: the indicator (from its name). */
  indicator?: string | null;
  /** The user the values are recorded as entered by, and the audit trail's actor. */
  actor: AuditActor & { id: string };
  now: string;
}

/** What an import did, or why it did nothing. */
export type ImportOutcome =
  | {
      ok: true;
      imported: number;
      /** Open SDG rows with an empty Value (no data), skipped. */
      skipped: number;
      indicators: number;
      years: { from: number; to: number } | null;
      referenceChecks: BulkLoadResult['referenceChecks'];
    }
  | { ok: false; errors: ObservationError[] };

/** The SHA-256 of a file's bytes, hex. */
export function fileSha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Records per part: read, checked and written while the next part is read. */
const PART = 25000;

/** Thrown inside the transaction to roll back what was written before a bad row turned up. */
class Rejected extends Error {
  constructor(readonly errors: ObservationError[]) {
    super('import rejected');
  }
}

/**
 * Reads, checks and (when every row is good) writes the observations of one file. The file is read
 * in parts; while no part has had an error, each part is written as it comes (PostgreSQL writes it
 * while the next is read); once any row is bad, the rest is still read, to report every problem,
 * and the transaction is rolled back: nothing is left written.
 */
export async function importObservations(props: ImportObservationsProps): Promise<ImportOutcome> {
  try {
    return await props.database.db.transaction().execute(async (trx) => {
      const context: PrepareContext = {
        format: props.format,
        plan: props.plan,
        indicator: props.indicator ?? null,
        itemOf: new Map(
          (await listItems(trx, props.planId, 'indicator')).map((i) => [i.key.slice('ind:'.length), i.id]),
        ),
        leadOf: new Map((await listAssignments(trx, props.planId)).map((a) => [a.itemId, a.leadUnitId])),
        existing: await existingObservationKeys(trx, props.planId),
        part: PART,
      };
      const load = await startBulkLoad(trx, props.database, {
        planId: props.planId,
        status: props.status,
        actorId: props.actor.id,
        now: props.now,
        action: 'import',
        comment: `批量导入 bulk import: ${props.fileName}`,
        sample: false,
      });
      const errors: ObservationError[] = [];
      const codes = new Set<string>();
      let from = Number.POSITIVE_INFINITY;
      let to = Number.NEGATIVE_INFINITY;
      let skipped = 0;
      let count = 0;
      try {
        for (const part of prepareImport(props.text, context)) {
          errors.push(...part.errors);
          skipped += part.skipped;
          if (errors.length > 0) continue;
          await load.add(part.rows);
          count += part.rows.length;
          for (const code of part.codes) codes.add(code);
          if (part.from < from) from = part.from;
          if (part.to > to) to = part.to;
        }
      } catch (error) {
        await load.abandon();
        throw error;
      }
      if (errors.length > 0) {
        await load.abandon();
        throw new Rejected(errors.sort((a, b) => a.line - b.line));
      }
      const result = await load.finish();
      const years = count > 0 ? { from, to } : null;
      await appendAudit(trx, {
        actor: props.actor,
        action: 'observation.import',
        entity: 'observation',
        entityId: null,
        planId: props.planId,
        after: {
          file: props.fileName,
          sha256: props.sha256,
          format: props.format,
          status: props.status,
          rows: count,
          skipped,
          indicators: [...codes],
          years,
          referenceChecks: result.referenceChecks,
        },
        at: props.now,
      });
      return {
        ok: true as const,
        imported: count,
        skipped,
        indicators: codes.size,
        years,
        referenceChecks: result.referenceChecks,
      };
    });
  } catch (error) {
    if (error instanceof Rejected) return { ok: false, errors: error.errors };
    throw error;
  }
}
