/**
 * Bulk import of observations (service and `lantu import-observations`), on SQLite and PostgreSQL:
 * lantu's CSV and the Open SDG layout, approved or draft, one revision per value and one audit event
 * per import; a bad row anywhere (even after parts were written) leaves nothing written and is
 * named by line and column.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../src/cli/importObservations.ts';
import { importObservations } from '../../src/server/services/importObservations.ts';
import { openDatabase } from '../../src/store/database.ts';
import { findPlanStructure } from '../../src/store/plans.repository.ts';
import { dialects, type TestDatabase } from '../store/dialects.ts';
import { createHarness, type Harness } from './harness.ts';

const dir = mkdtempSync(join(tmpdir(), 'lantu-import-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A database another connection (the CLI's) can open too: an SQLite file, or a PostgreSQL schema. */
async function shared(name: string, open: () => Promise<TestDatabase>): Promise<TestDatabase> {
  if (name !== 'sqlite') return open();
  const url = `sqlite:${join(dir, `${Math.random().toString(36).slice(2)}.sqlite`)}`;
  return { ...(await openDatabase(url)), url };
}

function captureIo() {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (s: string) => {
        out.stdout += s;
      },
      stderr: (s: string) => {
        out.stderr += s;
      },
      readFile: (path: string) => readFile(path),
      isTty: false,
    },
  };
}

describe.each(dialects)('import-observations on $name', ({ name, open }) => {
  let h: Harness;
  const count = async (table: 'observations' | 'observation_revisions' | 'audit_events'): Promise<number> =>
    Number(
      (
        await h.database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const run = async (
    text: string,
    options: { format?: 'lantu' | 'opensdg'; status?: 'approved' | 'draft'; indicator?: string } = {},
  ) =>
    importObservations({
      database: h.database,
      planId: h.planId,
      plan: (await findPlanStructure(h.database.db, h.planId))!,
      text,
      fileName: 'data.csv',
      sha256: 'f'.repeat(64),
      format: options.format ?? 'lantu',
      status: options.status ?? 'approved',
      indicator: options.indicator ?? null,
      actor: { id: h.userIds.planner, name: 'planner', role: 'planner', unit: '发改局' },
      now: '2026-11-26T09:00:00.000Z',
    });

  beforeAll(async () => {
    h = await createHarness(await shared(name, open));
    const planner = await h.login('planner');
    const rows = h.items
      .filter((i) => i.kind === 'indicator' && i.key !== 'ind:37')
      .map((i) => ({ item: i.key, leadUnit: '统计局' }));
    const reply = await planner.request('POST', `/api/plans/${h.planId}/assignments/bulk`, { rows });
    expect(reply.statusCode, reply.body).toBe(200);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('imports approved values with one revision each and one audit event; a converted unit keeps what was typed', async () => {
    const before = { values: await count('observations'), audit: await count('audit_events') };
    const outcome = await run(
      'indicator,year,value,unit,area,source,note\n10,2021,2300,亿元,,统计年鉴,\n10,2022,25250000,万元,,统计年鉴,快报\n32,2022,90.1,%,原上城,,\n',
    );
    expect(outcome).toEqual({
      ok: true,
      imported: 3,
      skipped: 0,
      indicators: 2,
      years: { from: 2021, to: 2022 },
      referenceChecks: expect.stringMatching(/^(triggers|importer)$/),
    });
    expect(await count('observations')).toBe(before.values + 3);
    expect(await count('audit_events')).toBe(before.audit + 1);
    const stored = await h.database.db
      .selectFrom('observations')
      .select(['id', 'year', 'value', 'approved_value', 'status', 'unit', 'details', 'unit_id', 'area'])
      .where('plan_id', '=', h.planId)
      .orderBy('year')
      .orderBy('area')
      .execute();
    const gdp2022 = stored.find((o) => o.year === 2022 && o.area === '')!;
    expect(gdp2022).toMatchObject({
      value: 2525,
      approved_value: 2525,
      status: 'approved',
      unit: '亿元',
      unit_id: h.unitIds.tongji,
    });
    expect(JSON.parse(gdp2022.details)).toEqual({
      note: '快报',
      evidence: '',
      original: { value: 25250000, unit: '万元' },
    });
    const revisions = await h.database.db
      .selectFrom('observation_revisions')
      .select(['observation_id', 'revision', 'action', 'comment', 'actor_id'])
      .where(
        'observation_id',
        'in',
        stored.map((o) => o.id),
      )
      .execute();
    expect(revisions).toHaveLength(3);
    expect(revisions[0]).toMatchObject({ revision: 1, action: 'import', actor_id: h.userIds.planner });
    expect(revisions[0]!.comment).toContain('data.csv');
    const audit = await h.database.db
      .selectFrom('audit_events')
      .select(['action', 'after'])
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe('observation.import');
    expect(JSON.parse(audit.after!)).toMatchObject({
      rows: 3,
      status: 'approved',
      format: 'lantu',
      indicators: ['10', '32'],
    });

    // The workflow sees an imported value as any other: its detail lists the import revision.
    const planner = await h.login('planner');
    const detail = (await planner.request('GET', `/api/observations/${gdp2022.id}`)).json();
    expect(detail.revisions).toEqual([
      expect.objectContaining({ action: 'import', status: 'approved', value: 2525 }),
    ]);
  });

  it('imports drafts with --status draft: nothing approved, nothing public', async () => {
    const outcome = await run('indicator,year,value\n11,2021,1700\n', { status: 'draft' });
    expect(outcome.ok).toBe(true);
    const row = await h.database.db
      .selectFrom('observations as o')
      .innerJoin('plan_items as i', 'i.id', 'o.item_id')
      .select(['o.status', 'o.approved_value'])
      .where('i.key', '=', 'ind:11')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'draft', approved_value: null });
  });

  it('a bad row anywhere means nothing is written, and every problem is named by line and column', async () => {
    const before = {
      values: await count('observations'),
      revisions: await count('observation_revisions'),
      audit: await count('audit_events'),
    };
    const outcome = await run(
      [
        'indicator,year,value,unit',
        '12,2021,5.1,%',
        '99,2021,1,',
        '12,20x1,1,%',
        '12,2030,1,%',
        '10,2021,2400,亿元',
        '7,2021,abc,',
        '7,2022,1,吨',
        '37,2021,98,%',
        '12,2021,6,%',
      ].join('\n'),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const lines = outcome.errors.map((e) => `${e.line}:${e.column ?? '-'}`);
    expect(lines).toEqual([
      '3:indicator',
      '4:year',
      '5:year',
      '6:-',
      '7:value',
      '8:unit',
      '9:indicator',
      '10:-',
    ]);
    expect(outcome.errors.find((e) => e.line === 6)!.message).toMatch(/已在库中.*already stored/);
    expect(outcome.errors.find((e) => e.line === 9)!.message).toMatch(/尚未确定牵头单位/);
    expect(outcome.errors.find((e) => e.line === 10)!.message).toMatch(/repeats the row of line 2/);
    expect({
      values: await count('observations'),
      revisions: await count('observation_revisions'),
      audit: await count('audit_events'),
    }).toEqual(before);
  });

  it('a bad row after whole parts were written rolls them back', async () => {
    const before = await count('observations');
    const rows = ['indicator,area,year,value'];
    for (let i = 1; i <= 30000; i++) rows.push(`3,街道${i},2021,${i}`);
    rows.push('3,街道1,2022,not-a-number');
    const outcome = await run(`${rows.join('\n')}\n`);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.errors).toEqual([
        { line: 30002, column: 'value', message: '"not-a-number" is not a number' },
      ]);
    expect(await count('observations')).toBe(before);
  });

  it('reads the Open SDG layout: a per-indicator file named indicator_<code>.csv, and a combined file', async () => {
    const single = await run(
      'Year,Units,Series,Area,Period,Kind,Value\n2021,个,区级及以上非遗代表项目,,,,31\n2021,个,重点文化元素基因解码和转化,,,,5\n2022,个,1,,,,33\n2022,个,,,,,\n',
      {
        format: 'opensdg',
        indicator: '21',
      },
    );
    expect(single).toMatchObject({ ok: true, imported: 3, skipped: 1 });
    const combined = await run(
      'Year,Indicator,Units,Series,Area,Period,Kind,Value\n2023,10,亿元,,,Q2,,1300\n2022,13,%,,,,growth,5.2\n',
      {
        format: 'opensdg',
      },
    );
    expect(combined).toMatchObject({ ok: true, imported: 2 });
    const bad = await run('Year,Indicator,Sex,Series,Value\n2021,21,female,,4\n2021,21,,基因,4\n', {
      format: 'opensdg',
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok)
      expect(bad.errors.map((e) => `${e.line}:${e.column}`)).toEqual(['2:Sex', '2:Series', '3:Series']);
  });

  it('lantu import-observations: exit 0 with a summary, 1 with the bad lines named, 2 for wrong arguments', async () => {
    const good = join(dir, `good-${name}.csv`);
    writeFileSync(good, 'indicator,year,value\n8,2021,120\n8,2022,130\n');
    const ok = captureIo();
    expect(await runImport(['--database', h.database.url, '--file', good], ok.io)).toBe(0);
    expect(ok.out.stdout).toMatch(/已导入 imported 2 条 values \(approved\) of 1 indicators, 2021–2022/);

    const bad = join(dir, `bad-${name}.csv`);
    writeFileSync(bad, 'indicator,year,value\n8,2023,x\n');
    const failed = captureIo();
    expect(
      await runImport(['--database', h.database.url, '--plan', h.planId, '--file', bad], failed.io),
    ).toBe(1);
    expect(failed.out.stderr).toContain(`lantu: ${bad} line 2, column value: "x" is not a number`);
    expect(failed.out.stderr).toContain('nothing was written');

    const renamed = join(dir, name, 'indicator_9.csv');
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(renamed, 'Year,Units,Value\n2021,亿元,80\n');
    const opensdg = captureIo();
    expect(
      await runImport(
        ['--database', h.database.url, '--file', renamed, '--format', 'opensdg', '--status', 'draft'],
        opensdg.io,
      ),
    ).toBe(0);

    const args = captureIo();
    expect(await runImport(['--database', h.database.url, '--file', good, '--format', 'xml'], args.io)).toBe(
      2,
    );
    expect(args.out.stderr).toMatch(/--format must be lantu or opensdg/);
    expect(await runImport(['--database', h.database.url], captureIo().io)).toBe(2);
    const missing = captureIo();
    expect(await runImport(['--database', h.database.url, '--file', join(dir, 'nope.csv')], missing.io)).toBe(
      1,
    );
    expect(missing.out.stderr).toMatch(/no such file/);
    const noPlan = captureIo();
    expect(await runImport(['--database', h.database.url, '--plan', 'nope', '--file', good], noPlan.io)).toBe(
      1,
    );
    expect(noPlan.out.stderr).toMatch(/没有规划 nope · no plan nope/);
  });
});
