/** The audit hash chain on both databases: appended in order, verified, and tampering caught. */
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, SYSTEM_ACTOR, verifyAuditChain } from '../../src/store/audit.ts';
import { dialects, type TestDatabase } from './dialects.ts';

describe.each(dialects)('audit chain on $name', ({ open }) => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await open();
  });
  afterEach(async () => {
    await database.close();
  });

  async function append(n: number): Promise<void> {
    for (let i = 0; i < n; i++) {
      await database.db.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: { id: 'u1', name: '张三', role: 'reporter', unit: '商务局' },
          action: 'observation.submit',
          entity: 'observation',
          entityId: `o${i}`,
          before: { value: i },
          after: { value: i + 1 },
          at: `2026-11-26T10:00:${String(i).padStart(2, '0')}.000Z`,
        }),
      );
    }
  }

  it('an empty chain and a written chain verify', async () => {
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, events: 0 });
    await append(5);
    const check = await verifyAuditChain(database.db, 2);
    expect(check).toMatchObject({ ok: true, events: 5 });
  });

  it('concurrent appends extend one chain without gaps', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        database.db.transaction().execute((trx) =>
          appendAudit(trx, {
            actor: SYSTEM_ACTOR,
            action: 'test',
            entity: 'x',
            entityId: String(i),
            at: '2026-11-26T00:00:00.000Z',
          }),
        ),
      ),
    );
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: true, events: 8 });
  });

  it('an altered event is caught, and named', async () => {
    await append(4);
    await sql`update audit_events set after = '{"value":999}' where seq = 3`.execute(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      brokenAt: 3,
      reason: expect.stringContaining('altered'),
    });
  });

  it('a removed event is caught', async () => {
    await append(4);
    await sql`delete from audit_events where seq = 2`.execute(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 2 });
  });

  it('a removed last event is caught by the head', async () => {
    await append(4);
    await sql`delete from audit_events where seq = 4`.execute(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('a rewritten event with a recomputed hash still breaks the next link', async () => {
    await append(3);
    await sql`update audit_events set hash = ${'f'.repeat(64)} where seq = 2`.execute(database.db);
    expect(await verifyAuditChain(database.db)).toMatchObject({ ok: false, brokenAt: 2 });
  });
});
