/**
 * Ingest speed: parsing the seed plan (104 KB) must take at most 10 ms per parse after warm-up,
 * measured as the median of many parses on one core.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestPlan } from '../src/ingest/index.ts';

const BAR_MS = 10;

export async function run(): Promise<void> {
  const path = join(dirname(fileURLToPath(import.meta.url)), '../data/plans/shangcheng-14th-fyp.txt');
  const bytes = readFileSync(path);
  for (let i = 0; i < 30; i++) ingestPlan(bytes);
  const times: number[] = [];
  const deadline = performance.now() + 5000;
  while (times.length < 300 && performance.now() < deadline) {
    const start = performance.now();
    ingestPlan(bytes);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  const p90 = times[Math.floor(times.length * 0.9)]!;
  const verdict = median <= BAR_MS ? 'OK' : 'OVER THE BAR';
  console.log(
    `ingest seed plan (${(bytes.length / 1024).toFixed(0)} KB): median ${median.toFixed(2)} ms, p90 ${p90.toFixed(2)} ms over ${times.length} parses (bar ≤ ${BAR_MS} ms) ${verdict}`,
  );
}
