/** Shared test helpers: paths to the seed data and a lazily parsed seed plan. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPlan } from '../src/ingest/index.ts';
import type { Plan } from '../src/model/plan.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const seedPlanPath = join(repoRoot, 'data/plans/shangcheng-14th-fyp.txt');
export const publishedCsvPath = join(repoRoot, 'data/observations/shangcheng-published.csv');

let seed: Plan | undefined;

/** The seed plan, parsed once per test file. */
export function seedPlan(): Plan {
  seed ??= ingestPlan(readFileSync(seedPlanPath));
  return seed;
}

/** Encodes text as UTF-8 bytes. */
export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}
