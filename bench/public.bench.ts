/**
 * The public summary of the seed plan must be served at ≥ 40% of the requests per second of a bare
 * node:http server answering a constant, with p99 ≤ 25 ms at 64 connections. Both servers run in
 * child processes and are measured the same way with autocannon.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const here = dirname(fileURLToPath(import.meta.url));
const CONNECTIONS = 64;
const SECONDS = 8;

async function startServer(kind: 'bare' | 'lantu'): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'public-server.ts'), kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let buffer = '';
  for await (const chunk of child.stdout!) {
    buffer += String(chunk);
    const match = /READY (\d+) (\S+)/.exec(buffer);
    if (match) return { child, url: `http://127.0.0.1:${match[1]}${match[2]}` };
  }
  throw new Error(`${kind} server did not start`);
}

async function measure(url: string): Promise<autocannon.Result> {
  // A short warm-up, then the measured run.
  await autocannon({ url, connections: CONNECTIONS, duration: 2 });
  return autocannon({ url, connections: CONNECTIONS, duration: SECONDS });
}

export async function run(): Promise<void> {
  const results: Record<string, autocannon.Result> = {};
  for (const kind of ['bare', 'lantu'] as const) {
    const { child, url } = await startServer(kind);
    try {
      results[kind] = await measure(url);
      if (results[kind].non2xx > 0)
        throw new Error(`${kind}: ${results[kind].non2xx} non-2xx answers from ${url}`);
    } finally {
      child.kill();
      await once(child, 'exit');
    }
  }
  const bare = results.bare!;
  const lantu = results.lantu!;
  const ratio = lantu.requests.average / bare.requests.average;
  const p99 = lantu.latency.p99;
  console.log(
    `bare node:http constant: ${Math.round(bare.requests.average)} req/s, p99 ${bare.latency.p99} ms`,
  );
  console.log(
    `lantu public summary:    ${Math.round(lantu.requests.average)} req/s, p99 ${p99} ms (${CONNECTIONS} connections, ${SECONDS} s)`,
  );
  console.log(
    `ratio ${(ratio * 100).toFixed(0)}% (bar ≥ 40%) ${ratio >= 0.4 ? 'OK' : 'UNDER THE BAR'}; p99 ${p99} ms (bar ≤ 25 ms) ${p99 <= 25 ? 'OK' : 'OVER THE BAR'}`,
  );
}
