/**
 * The audit log's action filter on both databases: an exact action, or a group of actions by its
 * code before a dot (`observation` or `observation.`: every `observation.*`), case-sensitive and
 * never across a name boundary, combined with the other filters and paging; and every action the
 * server writes is one the web app's action filter lists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACTIONS } from '../../src/server/policies/index.ts';
import { TRANSITIONS } from '../../src/server/services/observationWorkflow.ts';
import { appendAudit, SYSTEM_ACTOR, verifyAuditChain } from '../../src/store/audit.ts';
import { AUDIT_ACTIONS } from '../../web/src/staff/features/audit/auditActions.ts';
import { dialects } from '../store/dialects.ts';
import { REPO_ROOT } from '../web/buildWeb.ts';
import { createHarness, type Harness } from './harness.ts';

/** Events appended after the harness's own (plan.import): action and entity. */
const EVENTS: [string, string][] = [
  ['observation.submit', 'observation'],
  ['observation.return', 'observation'],
  ['observation.template.upload', 'observation'],
  ['observations.legacy', 'observation'],
  ['orgUnit.update', 'org_unit'],
  ['round.open', 'reporting_round'],
  ['demo.seed.observations', 'observation'],
  ['demo.seed.directory', 'org_unit'],
];

describe.each(dialects)('audit action filter on $name', ({ open }) => {
  let h: Harness;
  beforeEach(async () => {
    h = await createHarness(await open());
    await h.database.db.transaction().execute(async (trx) => {
      for (const [k, [action, entity]] of EVENTS.entries()) {
        await appendAudit(trx, {
          actor: SYSTEM_ACTOR,
          action,
          entity,
          entityId: `e${k}`,
          after: { k },
          at: new Date(Date.UTC(2026, 10, 27, 8, 0, k)).toISOString(),
        });
      }
    });
  });
  afterEach(async () => {
    await h.close();
  });

  /** The actions of the events the auditor reads with this query, newest first. */
  const actions = async (query: string): Promise<string[]> => {
    const auditor = await h.login('auditor');
    const reply = await auditor.request('GET', `/api/audit-events?limit=500&${query}`);
    expect(reply.statusCode, reply.body).toBe(200);
    return (reply.json() as { events: { action: string }[] }).events.map((e) => e.action);
  };

  it('finds one action exactly, or a group by its code with or without the dot', async () => {
    expect(await actions('action=observation.return')).toEqual(['observation.return']);
    const observation = ['observation.template.upload', 'observation.return', 'observation.submit'];
    expect(await actions('action=observation.')).toEqual(observation);
    expect(await actions('action=observation')).toEqual(observation);
    expect(await actions('action=observation.template')).toEqual(['observation.template.upload']);
    expect(await actions('action=demo.seed.')).toEqual(['demo.seed.directory', 'demo.seed.observations']);
    // Case-sensitive, and a group never reaches past its own name.
    expect(await actions('action=Observation.')).toEqual([]);
    expect(await actions('action=observation.ret')).toEqual([]);
    expect(await actions('action=orgUnit.')).toEqual(['orgUnit.update']);
    expect(await actions('action=observations.')).toEqual(['observations.legacy']);
  });

  it('combines the group with the entity filter and pages through it', async () => {
    expect(await actions('entity=observation&action=demo.')).toEqual(['demo.seed.observations']);
    expect(await actions('entity=org_unit&action=observation.')).toEqual([]);
    const auditor = await h.login('auditor');
    const first = (await auditor.request('GET', '/api/audit-events?action=observation.&limit=2')).json();
    expect(first.events.map((e: { action: string }) => e.action)).toEqual([
      'observation.template.upload',
      'observation.return',
    ]);
    const rest = (
      await auditor.request('GET', `/api/audit-events?action=observation.&limit=2&after=${first.next}`)
    ).json();
    expect(rest).toMatchObject({ events: [{ action: 'observation.submit' }], next: null });
    expect(await verifyAuditChain(h.database.db)).toMatchObject({ ok: true });
  });

  it('refuses an action that is not a dotted code, naming the field', async () => {
    const auditor = await h.login('auditor');
    for (const bad of ['observation.%25', '%25', '.', 'observation..return', 'a%20b']) {
      const reply = await auditor.request('GET', `/api/audit-events?action=${bad}`);
      expect(reply.statusCode, bad).toBe(400);
      expect(reply.json()).toMatchObject({ code: 'LANTU_VALIDATION', field: 'querystring.action' });
    }
  });

  it('is still refused to roles that may not read the log', async () => {
    const reporter = await h.login('reporter.shangwu');
    expect((await reporter.request('GET', '/api/audit-events?action=observation.')).statusCode).toBe(403);
  });
});

/** Every .ts file under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

describe('audit actions the web app lists', () => {
  it('include every action the server writes', () => {
    // The dotted codes in every file that appends to the log, less field names and policy names
    // (a policy name that is also an audit action, such as observation.submit, is caught below).
    const policies = new Set<string>(ACTIONS);
    const written = new Set<string>();
    for (const file of sources(join(REPO_ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      if (!text.includes('appendAudit(') || file.endsWith(join('store', 'audit.ts'))) continue;
      for (const [, code] of text.matchAll(/'([a-z][A-Za-z]*(?:\.[a-z][A-Za-z]*)+)'/g)) {
        if (!code!.startsWith('body.') && !policies.has(code!)) written.add(code!);
      }
    }
    // The workflow writes `observation.${step}` for each step and for an edit.
    for (const step of [...Object.keys(TRANSITIONS), 'edit']) written.add(`observation.${step}`);
    expect(written.size).toBeGreaterThan(25);
    const listed = new Set(Object.keys(AUDIT_ACTIONS));
    expect([...written].filter((a) => !listed.has(a))).toEqual([]);
  });
});
