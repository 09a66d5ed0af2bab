/**
 * `lantu serve [--port N] [--host H] [--database URL] [--demo]`: the HTTP server (API, web app,
 * public portal) on one port. PORT and LANTU_DATABASE_URL work too. With --demo, an empty database
 * is filled with the seed plan, Shangcheng's directory, demo users (their passwords printed) and
 * data; a database that holds anything is never touched.
 */
import { parseArgs } from 'node:util';
import { buildApp } from '../server/app.ts';
import { seedDemo } from '../server/services/seedDemo.ts';
import { DEFAULT_DATABASE_URL, openDatabase } from '../store/database.ts';
import type { CliIo } from './io.ts';

export const serveUsage = 'usage: lantu serve [--port N] [--host H] [--database URL] [--demo]';

export async function runServe(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      database: { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(
      `lantu serve: --port must be a number from 0 to 65535, not '${values.port ?? process.env.PORT}'\n`,
    );
    return 2;
  }
  const url = values.database ?? process.env.LANTU_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const database = await openDatabase(url);
  if (values.demo) {
    const seeded = await seedDemo(database, {
      now: new Date(),
      onProgress: (step) => io.stderr(`  · ${step}\n`),
    });
    if (seeded) {
      io.stdout(
        '演示数据已载入 demo data loaded. 演示账号 demo accounts (username / password / role / unit):\n',
      );
      for (const u of seeded.users)
        io.stdout(`  ${u.username.padEnd(22)} ${u.password.padEnd(26)} ${u.role.padEnd(9)} ${u.unitName}\n`);
    } else {
      io.stdout('数据库已有数据,未载入演示数据 the database already holds data: demo data not loaded.\n');
    }
  }
  const app = await buildApp({
    database,
    logger: false,
    securityLog: (line) => io.stderr(`lantu security: ${line}\n`),
  });
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const address = await app.listen({ port, host });
  io.stdout(`lantu 已启动 listening on ${address}  (数据库 database ${database.description})\n`);
  io.stdout(
    `  工作台 workspace ${address}/   公众门户 public portal ${address}/public   API ${address}/api/docs\n`,
  );
  const stop = async (): Promise<void> => {
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // Keep running until a signal arrives.
  await new Promise(() => {});
  return 0;
}
