/**
 * Evaluations over HTTP, on both databases: a planner makes one (a reporter, a reviewer, a viewer,
 * an auditor or an admin may not: 403), staff read it and download its files, the planner writes
 * its narrative with the version it saw (a stale one gets 409 and changes nothing), and every write
 * and download is in an intact audit chain.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../src/store/audit.ts';
import { type Client, createHarness, type Harness, type Username } from '../server/harness.ts';
import { dialects } from '../store/dialects.ts';

const MAY_NOT_WRITE: Username[] = ['reporter.shangwu', 'reviewer.tongji', 'viewer', 'auditor', 'admin'];

async function actions(h: Harness): Promise<string[]> {
  return (await h.database.db.selectFrom('audit_events').select('action').orderBy('seq').execute()).map(
    (e) => e.action,
  );
}

describe.each(dialects)('evaluations on $name', ({ open }) => {
  let h: Harness;
  let planner: Client;
  let base: string;

  beforeEach(async () => {
    h = await createHarness(await open());
    planner = await h.login('planner');
    base = `/api/plans/${h.planId}/evaluations`;
  });
  afterEach(async () => {
    await h.close();
  });

  it('only a planner makes an evaluation; everyone else gets 403 and nothing is made', async () => {
    for (const username of MAY_NOT_WRITE) {
      const reply = await (await h.login(username)).request('POST', base, { kind: 'midterm', year: 2023 });
      expect(reply.statusCode, username).toBe(403);
      expect(reply.json().code).toBe('LANTU_FORBIDDEN');
    }
    expect(
      await h.database.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'evaluation.create')
        .execute(),
    ).toHaveLength(0);
    const made = await planner.request('POST', base, { kind: 'midterm', year: 2023 });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({
      planId: h.planId,
      kind: 'midterm',
      year: 2023,
      version: 1,
      narrative: { achievements: '', problems: '', nextSteps: '' },
      createdBy: { name: 'planner' },
      summary: { indicators: 37, containsSampleData: false },
      abilities: { editNarrative: true, download: true },
    });
    expect(made.json().title).toMatch(/^《.+》实施情况中期评估报告$/);
    expect((await planner.request('POST', base, { kind: 'final', year: 2019 })).statusCode).toBe(400);
    expect((await planner.request('POST', base, { kind: 'annual', year: 2023 })).statusCode).toBe(400);
    expect(
      (await planner.request('POST', '/api/plans/nope/evaluations', { kind: 'final', year: 2025 }))
        .statusCode,
    ).toBe(404);
    expect(
      (await h.app.inject({ method: 'POST', url: base, payload: { kind: 'final', year: 2025 } })).statusCode,
    ).toBe(401);
  });

  it('staff read it and download its report and scorecard; every download is audited', async () => {
    const made = (
      await planner.request('POST', base, { kind: 'final', year: 2025, title: '规划实施总结评估' })
    ).json();
    const reporter = await h.login('reporter.tongji');
    const list = await reporter.request('GET', base);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toHaveLength(1);
    expect(list.json()[0]).toMatchObject({
      id: made.id,
      title: '规划实施总结评估',
      abilities: { editNarrative: false },
    });
    const detail = await reporter.request('GET', `/api/evaluations/${made.id}`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().narrativeDraft.achievements).toContain('截至2025年底');
    expect((await reporter.request('GET', '/api/evaluations/nope')).statusCode).toBe(404);

    const viewer = await h.login('viewer');
    const docx = await viewer.request('GET', made.files.docx);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toContain('wordprocessingml');
    expect(docx.headers['content-disposition']).toContain(
      `filename*=UTF-8''${encodeURIComponent('2025年总结评估报告.docx')}`,
    );
    const text = strFromU8(unzipSync(new Uint8Array(docx.rawPayload))['word/document.xml']!);
    expect(text).toContain('规划实施总结评估');
    const html = await viewer.request('GET', made.files.html);
    expect(html.statusCode).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'",
    );
    expect(html.body).toContain('<title>规划实施总结评估</title>');
    const xlsx = await (await h.login('auditor')).request('GET', made.files.scorecard);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString('latin1')).toBe('PK');
    expect((await h.app.inject({ method: 'GET', url: made.files.docx })).statusCode).toBe(401);

    const events = await actions(h);
    expect(events.filter((a) => a === 'evaluation.export')).toHaveLength(3);
    expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
  });

  it('the planner writes the narrative with its version; a stale write gets 409 and changes nothing', async () => {
    const made = (await planner.request('POST', base, { kind: 'midterm', year: 2023 })).json();
    const url = `/api/evaluations/${made.id}/narrative`;
    const narrative = { achievements: '经济总量稳步增长。', problems: '部分指标滞后。', nextSteps: '' };
    const reporter = await h.login('reporter.shangwu');
    expect((await reporter.request('PATCH', url, { version: 1, narrative })).statusCode).toBe(403);
    const written = await planner.request('PATCH', url, { version: 1, narrative });
    expect(written.statusCode).toBe(200);
    expect(written.json()).toMatchObject({ version: 2, narrative });
    const stale = await planner.request('PATCH', url, {
      version: 1,
      narrative: { ...narrative, problems: 'x' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('LANTU_STALE_VERSION');
    const now = (await planner.request('GET', `/api/evaluations/${made.id}`)).json();
    expect(now).toMatchObject({ version: 2, narrative });

    // The report prints the planner's text where the blank was, and keeps the blank where it is empty.
    const html = (await planner.request('GET', made.files.html)).body;
    expect(html).toContain('经济总量稳步增长。');
    expect(html).not.toContain('【待填写：主要成效】');
    expect(html).toContain('【待填写：下步举措】');
    expect(await actions(h)).toContain('evaluation.narrative');
    expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
  });
});
