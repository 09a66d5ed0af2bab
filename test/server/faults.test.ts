/**
 * The database going away mid-service: requests get 503 with a clear message, and the server
 * recovers by itself when the database returns. PostgreSQL is reached through a TCP proxy the test
 * can cut and restore; with SQLite (one file in the process) there is nothing to go away.
 */
import { once } from 'node:events';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { openDatabase } from '../../src/store/database.ts';
import { dialects } from '../store/dialects.ts';
import { createHarness, type Harness, PASSWORD } from './harness.ts';

const postgres = dialects.find((d) => d.name === 'postgres');

/** A TCP proxy to PostgreSQL that can be cut (every connection dropped, new ones refused) and restored. */
class CuttableProxy {
  private server: net.Server | null = null;
  private sockets = new Set<net.Socket>();
  port = 0;

  constructor(private readonly target: { host: string; port: number }) {}

  async start(port = 0): Promise<void> {
    this.server = net.createServer((client) => {
      const upstream = net.connect(this.target.port, this.target.host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    this.server.listen(port, '127.0.0.1');
    await once(this.server, 'listening');
    this.port = (this.server.address() as net.AddressInfo).port;
  }

  async cut(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }
}

describe.skipIf(!postgres)('PostgreSQL going away', () => {
  let h: Harness;
  let proxy: CuttableProxy;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let closeProxied: () => Promise<void>;

  beforeAll(async () => {
    h = await createHarness(await postgres!.open(), { published: true });
    const url = new URL(h.database.url);
    proxy = new CuttableProxy({ host: url.hostname, port: Number(url.port || 5432) });
    await proxy.start();
    url.host = `127.0.0.1:${proxy.port}`;
    const proxied = await openDatabase(url.toString());
    closeProxied = proxied.close;
    app = await buildApp({ database: proxied });
  });

  afterAll(async () => {
    await app.close();
    await proxy.cut();
    await closeProxied().catch(() => {});
    await h.close();
  });

  it('answers 503 while the database is unreachable and recovers when it returns', async () => {
    const before = await app.inject({ method: 'GET', url: '/api/public/plans' });
    expect(before.statusCode).toBe(200);

    const port = proxy.port;
    await proxy.cut();
    const during = await app.inject({ method: 'GET', url: '/api/public/plans' });
    expect(during.statusCode).toBe(503);
    expect(during.json()).toMatchObject({ code: 'LANTU_DATABASE_UNAVAILABLE' });
    expect(during.body).not.toMatch(/at .*\.ts:\d+/);
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'planner', password: PASSWORD },
    });
    expect(login.statusCode).toBe(503);

    await proxy.start(port);
    const after = await app.inject({ method: 'GET', url: '/api/public/plans' });
    expect(after.statusCode).toBe(200);
    expect(after.json()).toHaveLength(1);
  });
});
