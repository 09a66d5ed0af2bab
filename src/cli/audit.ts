/**
 * `lantu audit verify [--database URL]`: walks the audit hash chain and names the first broken link.
 * Exit 0 when intact, 1 when broken or unreadable.
 */
import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../store/audit.ts';
import { DEFAULT_DATABASE_URL, openDatabase } from '../store/database.ts';
import type { CliIo } from './io.ts';

export const auditUsage = 'usage: lantu audit verify [--database URL]';

export async function runAudit(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { database: { type: 'string' } },
    allowPositionals: true,
  });
  if (positionals[0] !== 'verify' || positionals.length !== 1) {
    io.stderr(`${auditUsage}\n`);
    return 2;
  }
  const url = values.database ?? process.env.LANTU_DATABASE_URL ?? DEFAULT_DATABASE_URL;
  const database = await openDatabase(url);
  try {
    const check = await verifyAuditChain(database.db);
    if (check.ok) {
      io.stdout(
        `审计链完整 audit chain intact: ${check.events} events, head ${check.head.slice(0, 16)}… (${database.description})\n`,
      );
      return 0;
    }
    io.stderr(
      `审计链断裂 audit chain BROKEN at event ${check.brokenAt}: ${check.reason} (${check.events} events verified before it)\n`,
    );
    return 1;
  } finally {
    await database.close();
  }
}
