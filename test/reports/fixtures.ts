/**
 * The demo installation for report tests: the seed plan with Shangcheng's directory, assignments,
 * reporting rounds and approved values for 2021–2024 (mostly sample data), on an in-memory SQLite
 * or a file; and an evaluation of it made as the CLI makes one.
 */
import { strFromU8, unzipSync } from 'fflate';
import {
  createEvaluation,
  type CreatedEvaluation as Evaluation,
} from '../../src/reports/createEvaluation.ts';
import { seedDemo } from '../../src/server/services/seedDemo.ts';
import { SYSTEM_ACTOR } from '../../src/store/audit.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';

/** When the demo was seeded and the evaluation made: every demo round's deadline has passed. */
export const SEEDED_AT = new Date('2026-11-26T08:00:00.000Z');
export const MADE_AT = '2026-11-26T09:00:00.000Z';

/** Opens (and migrates) a database at `url` and seeds the demo into it. */
export async function demoDatabase(url = ':memory:'): Promise<{ database: Database; planId: string }> {
  const database = await openDatabase(url);
  const seeded = await seedDemo(database, { now: SEEDED_AT });
  if (!seeded) throw new Error('the demo database was not empty');
  return { database, planId: seeded.planId };
}

/** A mid-term evaluation of the demo plan at 2024, as the CLI makes it. */
export async function midterm(database: Database, planId: string): Promise<Evaluation> {
  return database.db
    .transaction()
    .execute((trx) =>
      createEvaluation(trx, { planId, kind: 'midterm', year: 2024, actor: SYSTEM_ACTOR, now: MADE_AT }),
    );
}

/** The text of a .docx: its document part with the tags taken out. */
export function docxText(bytes: Buffer): string {
  const files = unzipSync(new Uint8Array(bytes));
  return strFromU8(files['word/document.xml']!)
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}
