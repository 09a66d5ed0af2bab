/**
 * A server for the public-summary benchmark, run as a child process so the load generator does
 * not share its event loop: `bare` answers a constant with node:http; `lantu` serves the demo
 * installation from an in-memory SQLite. Prints `READY <port> <path>` when listening.
 */
import http from 'node:http';
import { buildApp } from '../src/server/app.ts';
import { seedDemo } from '../src/server/services/seedDemo.ts';
import { openDatabase } from '../src/store/database.ts';

const kind = process.argv[2];
if (kind === 'bare') {
  const body = JSON.stringify({ ok: true });
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    console.log(`READY ${(server.address() as { port: number }).port} /`);
  });
} else {
  const database = await openDatabase(':memory:');
  const seeded = await seedDemo(database, { now: new Date() });
  const app = await buildApp({ database });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;
  console.log(`READY ${port} /api/public/plans/${seeded!.planId}/summary`);
}
