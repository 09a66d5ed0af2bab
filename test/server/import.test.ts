/** Importing a plan over the API: findings returned, unreadable files refused, and a failure half-way leaves nothing. */
import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedPlanPath } from '../helpers.ts';
import { htmlPlan } from '../ingest/fixtures.ts';
import { dialects } from '../store/dialects.ts';
import { createHarness, type Harness } from './harness.ts';

const sqlite = dialects.find((d) => d.name === 'sqlite')!;

describe.each(dialects)('plan import on $name', ({ open }) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(await open());
  });
  afterEach(async () => {
    await h.close();
  });

  it('imports a file through the ingest pipeline and returns its findings', async () => {
    const planner = await h.login('planner');
    const reply = await planner.request('POST', '/api/plans', {
      fileName: 'qingxi.html',
      contentBase64: Buffer.from(htmlPlan()).toString('base64'),
      regionCode: '330100',
      level: 'county',
    });
    expect(reply.statusCode).toBe(201);
    const body = reply.json();
    expect(body.plan).toMatchObject({
      title: '青溪县国民经济和社会发展第十五个五年规划纲要',
      status: 'draft',
      published: false,
    });
    expect(body.plan.period).toMatchObject({ startYear: 2026, endYear: 2030 });
    expect(body.plan.counts.indicators).toBe(7);
    expect(Array.isArray(body.findings)).toBe(true);
    const items = await planner.request('GET', `/api/plans/${body.plan.id}/items?kind=indicator`);
    expect(items.json()).toHaveLength(7);
  });

  it('refuses an unreadable file with 422 naming the problem, and stores nothing', async () => {
    const planner = await h.login('planner');
    const before = await h.database.db.selectFrom('plans').select('id').execute();
    const reply = await planner.request('POST', '/api/plans', {
      contentBase64: Buffer.from([0, 1, 2, 3, 0, 255, 0, 7]).toString('base64'),
      regionCode: '330102',
      level: 'district',
    });
    expect(reply.statusCode).toBe(422);
    expect(reply.json()).toMatchObject({ code: 'LANTU_UNREADABLE_PLAN' });
    expect(await h.database.db.selectFrom('plans').select('id').execute()).toHaveLength(before.length);
  });

  it('only a planner imports', async () => {
    const reporter = await h.login('reporter.shangwu');
    const reply = await reporter.request('POST', '/api/plans', {
      contentBase64: readFileSync(seedPlanPath).toString('base64'),
      regionCode: '330102',
      level: 'district',
    });
    expect(reply.statusCode).toBe(403);
  });
});

describe('an import that fails half-way', () => {
  it('leaves no plan, no item and no audit event behind', async () => {
    const h = await createHarness(await sqlite.open());
    try {
      const planner = await h.login('planner');
      const count = async (table: 'plans' | 'plan_items' | 'audit_events'): Promise<number> =>
        Number(
          (
            await h.database.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      const before = {
        plans: await count('plans'),
        items: await count('plan_items'),
        audit: await count('audit_events'),
      };
      // The 101st item of the new plan cannot be written (as if the disk filled up mid-import).
      await sql
        .raw(
          `create trigger fail_items before insert on plan_items when new.position = 100 and new.plan_id <> '${h.planId}'
           begin select raise(abort, 'disk I/O error'); end`,
        )
        .execute(h.database.db);
      const reply = await planner.request('POST', '/api/plans', {
        contentBase64: readFileSync(seedPlanPath).toString('base64'),
        regionCode: '330102',
        level: 'district',
      });
      expect(reply.statusCode).toBe(500);
      expect(reply.json()).toEqual({ code: 'LANTU_INTERNAL', message: 'internal error' });
      expect({
        plans: await count('plans'),
        items: await count('plan_items'),
        audit: await count('audit_events'),
      }).toEqual(before);
    } finally {
      await h.close();
    }
  });
});
