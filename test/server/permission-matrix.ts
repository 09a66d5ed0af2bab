/**
 * The written permission matrix of the HTTP API: one entry per route, keyed "METHOD /path" exactly as
 * Fastify registers it, saying who may call it and how to build a valid request for it, so that a
 * refusal can only come from authorisation, never from validation. test/server/permissions.test.ts
 * walks the real route table against it with every user of the harness and anonymously: a route
 * without an entry (or an entry without a route) fails the build.
 *
 * Who: 'public' (no login needed, everyone gets an answer), or the harness users allowed for the
 * case's fixture record; everyone else signed in must get 403 LANTU_FORBIDDEN and change nothing,
 * and anonymous callers 401. Users stand for their role and unit, so unit scoping is written out:
 * reporter.shangwu (商务局) against reporter.tongji (统计局), reviewer.shangwu against reviewer.tongji.
 * The planner and the admin belong to 发改局, the viewer to 区政府, the auditor to 区人大.
 *
 * The baseline every case starts from (set up by `prepareBaseline`): the seed plan, published;
 * indicator ind:7 (货物贸易进出口总额) led by 商务局 alone; ind:10 (GDP) and task:3.1.1 led by 统计局
 * with 商务局 co-operating.
 *
 * Downloads (Excel templates, evaluation reports, open data files) are requests like any other: an
 * allowed caller gets the file, a refused one 403 (401 signed out) and changes nothing. An evaluation
 * download records an `evaluation.export` audit event for an allowed caller only; a public file is
 * checked for names of people in its text (an .xlsx file by the text of its unzipped parts).
 */
import ExcelJS from 'exceljs';
import type { Kysely } from 'kysely';
import type { ObservationStatus } from '../../src/contract/observations.ts';
import { keyedCommitments } from '../../src/model/keys.ts';
import { importPlan } from '../../src/server/services/importPlan.ts';
import { SYSTEM_ACTOR } from '../../src/store/audit.ts';
import type { Executor } from '../../src/store/database.ts';
import type { EvaluationDB } from '../../src/store/evaluations.table.ts';
import { newId } from '../../src/store/ids.ts';
import { insertOrgUnit, insertUser } from '../../src/store/people.repository.ts';
import { findPlanStructure } from '../../src/store/plans.repository.ts';
import { insertNotification } from '../../src/store/reminders.repository.ts';
import type { ReminderDB } from '../../src/store/reminders.table.ts';
import { type Client, type Harness, PASSWORD, USERS, type Username } from './harness.ts';

/** Who sends a request: a user of the harness, or nobody signed in. */
export type Caller = Username | 'anonymous';

/** Every user of the harness, in a fixed order. */
export const USERNAMES = Object.keys(USERS) as Username[];

/** Every signed-in user. */
const SIGNED_IN: readonly Username[] = USERNAMES;

/** What a matrix case can read and use while it builds its fixture and its requests. */
export interface MatrixContext {
  h: Harness;
  db: Executor;
  /** The seed plan (published). */
  planId: string;
  /** A signed-in client of each harness user (one session each, kept for the whole run). */
  client: (username: Username) => Client;
  /** The id of a plan item by its key (ind:7). */
  item: (key: string) => string;
  /** A number never returned before in this run: unique codes, names and observation keys. */
  next: () => number;
  /** Likewise, counting the fresh (year, period) pairs handed out for values and rounds. */
  nextPeriod: () => number;
  /** The seed plan file in base64, as an import request carries it. */
  seedPlanBase64: string;
  /** A stored password hash, for accounts a case writes straight into the database. */
  passwordHash: string;
}

/** The record a case acts on (an observation, a unit, a user, a round…); empty for collections. */
export interface Fixture {
  id: string;
}

/** The parts of a request the route's path, query and body are made of. */
export interface RequestParts {
  /** Path parameters by name (`*` for a wildcard). */
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
}

/** An answer other than 2xx that an allowed caller may get, and why it is not a refusal. */
export interface Acceptable {
  status: number;
  why: string;
}

/** One fixture of a route and who may call the route on it. */
export interface MatrixCase {
  /** The fixture record, in words. */
  fixture: string;
  /** 'public', or the users allowed on this fixture (everyone else signed in: 403). */
  allowed: 'public' | readonly Username[];
  /** Builds the fixture (again before each allowed call after the first, when `consumes`). */
  setup?: (ctx: MatrixContext) => Promise<Fixture>;
  /** An allowed call changes the fixture so that the next allowed caller needs a new one. */
  consumes?: boolean;
  /** The call ends the session it is sent with: each caller sends it from a new session. */
  freshSession?: boolean;
  /** A valid request, built at send time from the current state (versions, unused keys). */
  request: (ctx: MatrixContext, fixture: Fixture, caller: Caller) => RequestParts | Promise<RequestParts>;
  /** The touched record as stored (its row, its version), compared before and after each refusal. */
  touched?: (ctx: MatrixContext, fixture: Fixture) => Promise<unknown>;
  /** Answers other than 2xx an allowed caller may get, with the reason. */
  acceptable?: readonly Acceptable[];
}

/** A route's rule: the README (or policy) sentence it encodes, and its cases. */
export interface MatrixEntry {
  rule: string;
  cases: readonly MatrixCase[];
}

// ---------------------------------------------------------------------------------------------
// Fixture builders
// ---------------------------------------------------------------------------------------------

/** Periods a value of a year can be given for: the whole year, quarters and months. */
const PERIODS = [
  null,
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'M01',
  'M02',
  'M03',
  'M04',
  'M05',
  'M06',
  'M07',
  'M08',
  'M09',
  'M10',
  'M11',
  'M12',
];
/** The seed plan's years, base year to end year. */
const PERIOD_YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

/** A year and period (whole year, quarter or month) not used before in this run. */
function freshPeriod(ctx: MatrixContext): { year: number; period: string | null; n: number } {
  const n = ctx.nextPeriod();
  const year = PERIOD_YEARS[Math.floor(n / PERIODS.length)];
  if (year === undefined) throw new Error('permission matrix: out of fresh (year, period) pairs');
  return { year, period: PERIODS[n % PERIODS.length] ?? null, n };
}

/** A valid new value of an indicator measured in 亿元 (ind:7, ind:10), for a period not used before. */
function valueBody(ctx: MatrixContext, key: 'ind:7' | 'ind:10'): Record<string, unknown> {
  const { year, period, n } = freshPeriod(ctx);
  return {
    itemId: ctx.item(key),
    year,
    ...(period ? { period } : {}),
    kind: 'level',
    value: key === 'ind:7' ? 600 + n : 2600 + n,
    unit: '亿元',
    details: { note: '权限矩阵测试', evidence: '' },
    source: '权限矩阵测试',
  };
}

function expectStatus(reply: { statusCode: number; body: string }, status: number, what: string): void {
  if (reply.statusCode !== status)
    throw new Error(`fixture: ${what} answered ${reply.statusCode}, not ${status}: ${reply.body}`);
}

async function observationRow(ctx: MatrixContext, id: string): Promise<unknown> {
  return ctx.db.selectFrom('observations').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The workflow steps that lead a new draft to each status: who takes them, and with what comment. */
const PATH_TO: Record<Exclude<ObservationStatus, 'draft'>, [Username, string, string?][]> = {
  submitted: [['reporter.shangwu', 'submit']],
  reviewed: [
    ['reporter.shangwu', 'submit'],
    ['reviewer.shangwu', 'review'],
  ],
  approved: [
    ['reporter.shangwu', 'submit'],
    ['reviewer.shangwu', 'review'],
    ['planner', 'approve'],
  ],
  returned: [
    ['reporter.shangwu', 'submit'],
    ['reviewer.shangwu', 'return', '请核对数据来源'],
  ],
};

/** A value of 商务局 (ind:7) in the given workflow status, made through the API. */
async function shangwuValue(ctx: MatrixContext, status: ObservationStatus): Promise<Fixture> {
  const created = await ctx
    .client('reporter.shangwu')
    .request('POST', `/api/plans/${ctx.planId}/observations`, valueBody(ctx, 'ind:7'));
  expectStatus(created, 201, 'creating a value of 商务局');
  const id = (created.json() as { id: string }).id;
  if (status === 'draft') return { id };
  let version = 1;
  for (const [user, action, comment] of PATH_TO[status]) {
    const step = await ctx.client(user).request('POST', `/api/observations/${id}/transitions`, {
      action,
      version,
      ...(comment ? { comment } : {}),
    });
    expectStatus(step, 200, `${user} taking the step ${action}`);
    version += 1;
  }
  return { id };
}

/** The stored version of a value (what a valid write names). */
async function observationVersion(ctx: MatrixContext, id: string): Promise<number> {
  const row = await ctx.db
    .selectFrom('observations')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.version;
}

/** A transition case: a value of 商务局 in `status`, the step `action`, and who may take it. */
function transition(
  status: ObservationStatus,
  action: string,
  allowed: readonly Username[],
  why: string,
): MatrixCase {
  const comment = action === 'return' || action === 'reopen' ? { comment: '权限矩阵测试:请更正' } : {};
  return {
    fixture: `a value of 商务局 in '${status}', step '${action}' (${why})`,
    allowed,
    setup: (ctx) => shangwuValue(ctx, status),
    consumes: true,
    request: async (ctx, fx) => ({
      params: { id: fx.id },
      body: { action, version: await observationVersion(ctx, fx.id), ...comment },
    }),
    touched: (ctx, fx) => observationRow(ctx, fx.id),
  };
}

/** An unread in-app reminder of the unit with this code (fgj, shangwu, rd…). */
function notificationOf(unit: keyof Harness['unitIds']): (ctx: MatrixContext) => Promise<Fixture> {
  return async (ctx) => {
    const id = newId();
    await insertNotification(ctx.db, {
      id,
      unitId: ctx.h.unitIds[unit],
      roundId: null,
      kind: 'upcoming',
      title: '填报提醒:权限矩阵测试 · Reminder: permission matrix test',
      body: '权限矩阵测试 · permission matrix test',
      createdAt: new Date().toISOString(),
    });
    return { id };
  };
}

async function notificationRow(ctx: MatrixContext, id: string): Promise<unknown> {
  return (ctx.db as unknown as Kysely<ReminderDB>)
    .selectFrom('notifications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

async function planVersion(ctx: MatrixContext): Promise<number> {
  const row = await ctx.db
    .selectFrom('plans')
    .select('version')
    .where('id', '=', ctx.planId)
    .executeTakeFirstOrThrow();
  return row.version;
}

async function planRow(ctx: MatrixContext): Promise<unknown> {
  return ctx.db
    .selectFrom('plans')
    .select(['version', 'status', 'published', 'updated_at'])
    .where('id', '=', ctx.planId)
    .executeTakeFirst();
}

/** An open reporting round of the seed plan for a (year, period) not used before, made for the case. */
async function openRound(ctx: MatrixContext): Promise<Fixture> {
  const { year, period } = freshPeriod(ctx);
  const id = newId();
  await ctx.db
    .insertInto('reporting_rounds')
    .values({
      id,
      plan_id: ctx.planId,
      year,
      period,
      title: '权限矩阵测试填报',
      opens_on: `${year + 1}-01-05`,
      deadline: `${year + 1}-03-31`,
      status: 'open',
      created_at: new Date().toISOString(),
    })
    .execute();
  return { id };
}

async function roundRow(ctx: MatrixContext, id: string): Promise<unknown> {
  return ctx.db.selectFrom('reporting_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** The values stored for a round's (year, period): what an upload to the round would add to or change. */
async function roundValues(ctx: MatrixContext, roundId: string): Promise<unknown> {
  const round = await ctx.db
    .selectFrom('reporting_rounds')
    .select(['year', 'period'])
    .where('id', '=', roundId)
    .executeTakeFirstOrThrow();
  return ctx.db
    .selectFrom('observations')
    .select(['id', 'item_id', 'value', 'status', 'version'])
    .where('plan_id', '=', ctx.planId)
    .where('year', '=', round.year)
    .where('period', '=', round.period ?? '')
    .orderBy('id')
    .execute();
}

async function assignmentRow(ctx: MatrixContext, key: string): Promise<unknown> {
  return ctx.db
    .selectFrom('assignments')
    .selectAll()
    .where('plan_id', '=', ctx.planId)
    .where('item_id', '=', ctx.item(key))
    .executeTakeFirst();
}

/** A downloaded workbook, opened as Excel would open it. */
async function openWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** A workbook's sheet by name, and the row of that sheet whose first cell is `key`. */
function rowOf(workbook: ExcelJS.Workbook, sheet: string, key: string): ExcelJS.Row {
  const ws = workbook.getWorksheet(sheet);
  if (!ws) throw new Error(`fixture: the downloaded workbook has no sheet ${sheet}`);
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === key) return ws.getRow(r);
  throw new Error(`fixture: the sheet ${sheet} has no row ${key}`);
}

async function base64Of(workbook: ExcelJS.Workbook): Promise<string> {
  return Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
}

/**
 * A valid upload of the assignment template: the template as the planner downloads it now, with
 * ind:3 given to 统计局 (or back to 商务局 when 统计局 already leads it), due at the end of 2025.
 */
async function assignmentUpload(ctx: MatrixContext): Promise<RequestParts> {
  const download = await ctx
    .client('planner')
    .request('GET', `/api/plans/${ctx.planId}/templates/assignments.xlsx`);
  expectStatus(download, 200, 'the planner downloading the assignment template');
  const workbook = await openWorkbook(download.rawPayload);
  const row = rowOf(workbook, '分工 Assignments', 'ind:3');
  const lead = row.getCell(5).value === '统计局' ? '商务局' : '统计局';
  row.getCell(5).value = lead;
  row.getCell(7).value = '2025-12-31';
  return {
    params: { planId: ctx.planId },
    body: { fileName: '分工方案表.xlsx', contentBase64: await base64Of(workbook) },
  };
}

/**
 * A valid upload of a unit's reporting template for a round: the unit's template (downloaded by the
 * planner, who may have any unit's) with one value filled in — 商务局 ind:7, 统计局 ind:10.
 */
async function reportingUpload(
  ctx: MatrixContext,
  roundId: string,
  unit: 'shangwu' | 'tongji',
): Promise<RequestParts> {
  const download = await ctx
    .client('planner')
    .request('GET', `/api/plans/${ctx.planId}/rounds/${roundId}/template.xlsx?unitId=${ctx.h.unitIds[unit]}`);
  expectStatus(download, 200, `the planner downloading the reporting template of ${unit}`);
  const workbook = await openWorkbook(download.rawPayload);
  const row = rowOf(workbook, '填报 Reporting', unit === 'shangwu' ? 'ind:7' : 'ind:10');
  row.getCell(9).value = (unit === 'shangwu' ? 600 : 2600) + ctx.next();
  row.getCell(10).value = '权限矩阵测试';
  row.getCell(12).value = '权限矩阵测试';
  return {
    params: { planId: ctx.planId, id: roundId },
    body: { fileName: '填报.xlsx', contentBase64: await base64Of(workbook) },
  };
}

function evaluations(ctx: MatrixContext): Kysely<EvaluationDB> {
  return ctx.db as unknown as Kysely<EvaluationDB>;
}

/** A mid-term evaluation of the seed plan (year 2023), made by the planner through the API. */
async function evaluationOfPlan(ctx: MatrixContext): Promise<Fixture> {
  const reply = await ctx
    .client('planner')
    .request('POST', `/api/plans/${ctx.planId}/evaluations`, { kind: 'midterm', year: 2023 });
  expectStatus(reply, 201, 'the planner making an evaluation');
  return { id: (reply.json() as { id: string }).id };
}

async function evaluationRow(ctx: MatrixContext, id: string): Promise<unknown> {
  return evaluations(ctx)
    .selectFrom('evaluations')
    .select(['id', 'title', 'narrative', 'version', 'updated_at'])
    .where('id', '=', id)
    .executeTakeFirst();
}

async function evaluationVersion(ctx: MatrixContext, id: string): Promise<number> {
  const row = await evaluations(ctx)
    .selectFrom('evaluations')
    .select('version')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return row.version;
}

const EVALUATION_READ =
  'README: evaluation reports …/report.docx, …/report.html, …/scorecard.xlsx are for staff (policy evaluation.read: every staff role); a download is one evaluation.export audit event, for an allowed caller only';

/** A file of an evaluation: every staff role downloads it. */
function evaluationFile(file: string): MatrixEntry {
  return {
    rule: EVALUATION_READ,
    cases: [
      {
        fixture: `the ${file} of a mid-term evaluation made for the case`,
        allowed: SIGNED_IN,
        setup: evaluationOfPlan,
        request: (_ctx, fx) => ({ params: { evaluationId: fx.id } }),
        touched: (ctx, fx) => evaluationRow(ctx, fx.id),
      },
    ],
  };
}

/** The open data files of a published plan (README: …/data/{indicators,observations,assessments,dictionary}.{csv,json,xlsx}). */
const OPEN_DATA_FILES = ['indicators', 'observations', 'assessments', 'dictionary'].flatMap((dataset) =>
  ['csv', 'json', 'xlsx'].map((format) => `${dataset}.${format}`),
);

const OPEN_DATA =
  'README: open data (no login): a published plan’s downloads, approved values only, no person';

// ---------------------------------------------------------------------------------------------
// The matrix
// ---------------------------------------------------------------------------------------------

/** Reads that every signed-in user may make of a plan-scoped collection; nobody signed out. */
function staffRead(fixture: string, path: (ctx: MatrixContext) => RequestParts = planParams): MatrixCase {
  return { fixture, allowed: SIGNED_IN, request: path };
}

function planParams(ctx: MatrixContext): RequestParts {
  return { params: { planId: ctx.planId } };
}

/** Routes of the documentation: the OpenAPI document and the Swagger UI, readable by anyone. */
const DOCS =
  'README: the OpenAPI document is served at /api/openapi.json and browsable at /api/docs (no login)';

function docs(fixture: string, acceptable: readonly Acceptable[] = [], file?: string): MatrixEntry {
  return {
    rule: DOCS,
    cases: [
      {
        fixture,
        allowed: 'public',
        request: () => (file === undefined ? {} : { params: { '*': file } }),
        acceptable,
      },
    ],
  };
}

export const MATRIX: Readonly<Record<string, MatrixEntry>> = {
  // --- session -------------------------------------------------------------------------------
  'POST /api/auth/login': {
    rule: 'README: POST /api/auth/login (rate-limited) — signing in needs no session',
    cases: [
      {
        fixture: 'each caller signs in as itself (anonymous: as viewer)',
        allowed: 'public',
        request: (_ctx, _fx, caller) => ({
          body: { username: caller === 'anonymous' ? 'viewer' : caller, password: PASSWORD },
        }),
      },
    ],
  },
  'POST /api/auth/logout': {
    rule: 'README: POST /api/auth/logout — ends the caller’s own session; not signed in is 401',
    cases: [
      { fixture: 'a new session of the caller', allowed: SIGNED_IN, freshSession: true, request: () => ({}) },
    ],
  },
  'GET /api/auth/me': {
    rule: 'README: GET /api/auth/me — who I am, for anyone signed in',
    cases: [{ fixture: 'the caller’s session', allowed: SIGNED_IN, request: () => ({}) }],
  },

  // --- plans ---------------------------------------------------------------------------------
  'GET /api/plans': {
    rule: 'policy plan.read: everyone signed in reads the plans',
    cases: [{ fixture: 'the plans', allowed: SIGNED_IN, request: () => ({}) }],
  },
  'POST /api/plans': {
    rule: 'README: only a planner … imports plans (policy plan.import)',
    cases: [
      {
        fixture: 'the seed plan file, imported again as a new plan',
        allowed: ['planner'],
        request: (ctx) => ({
          body: {
            fileName: 'shangcheng-14th-fyp.txt',
            contentBase64: ctx.seedPlanBase64,
            regionCode: '330102',
            level: 'district',
          },
        }),
      },
    ],
  },
  'GET /api/plans/:planId': {
    rule: 'policy plan.read: everyone signed in reads a plan',
    cases: [staffRead('the seed plan')],
  },
  'GET /api/plans/:planId/structure': {
    rule: 'policy plan.read: everyone signed in reads the plan JSON contract',
    cases: [staffRead('the seed plan')],
  },
  'POST /api/plans/:planId/confirm': {
    rule: 'README: only a planner imports plans — confirming the imported structure is part of the import (policy plan.import)',
    cases: [
      {
        fixture: 'the seed plan, at its current version',
        allowed: ['planner'],
        request: async (ctx) => ({
          params: { planId: ctx.planId },
          body: { confirmed: true, version: await planVersion(ctx) },
        }),
        touched: planRow,
      },
    ],
  },
  'POST /api/plans/:planId/structure/corrections': {
    rule: 'README: a planner confirms the structure read from the file, correcting it first while it is a draft (policy plan.correct)',
    cases: [
      {
        fixture: 'a second import of the seed plan, still a draft',
        allowed: ['planner'],
        setup: async (ctx) => {
          const imported = await importPlan(ctx.db, {
            bytes: Buffer.from(ctx.seedPlanBase64, 'base64'),
            regionCode: '330102',
            level: 'district',
            actor: SYSTEM_ACTOR,
            now: new Date().toISOString(),
          });
          return { id: imported.id };
        },
        request: async (ctx, fixture) => {
          const row = await ctx.db
            .selectFrom('plans')
            .select('version')
            .where('id', '=', fixture.id)
            .executeTakeFirstOrThrow();
          const structure = (await findPlanStructure(ctx.db, fixture.id))!;
          const first = keyedCommitments(structure, { includeRejected: true })[0]!;
          return {
            params: { planId: fixture.id },
            body: {
              version: row.version,
              corrections: [{ kind: 'reviewCommitment', key: first.key, decision: 'confirmed' }],
            },
          };
        },
        touched: (ctx, fixture) =>
          ctx.db
            .selectFrom('plans')
            .select(['version', 'structure', 'updated_at'])
            .where('id', '=', fixture.id)
            .executeTakeFirst(),
      },
    ],
  },
  'POST /api/plans/:planId/publish': {
    rule: 'README: only a planner … publishes (policy plan.publish)',
    cases: [
      {
        fixture: 'the seed plan, at its current version (kept published)',
        allowed: ['planner'],
        request: async (ctx) => ({
          params: { planId: ctx.planId },
          body: { published: true, version: await planVersion(ctx) },
        }),
        touched: planRow,
      },
    ],
  },
  'GET /api/plans/:planId/items': {
    rule: 'policy plan.read: everyone signed in reads the plan’s items and their owners',
    cases: [staffRead('the seed plan’s items')],
  },
  'GET /api/plans/:planId/assessments': {
    rule: 'policy assessment.read: every staff role reads assessments',
    cases: [staffRead('the seed plan, the latest year')],
  },

  // --- public --------------------------------------------------------------------------------
  'GET /api/public/plans': {
    rule: 'README: public, read-only routes under /api/public for a published plan: no login',
    cases: [{ fixture: 'the published plans', allowed: 'public', request: () => ({}) }],
  },
  'GET /api/public/plans/:planId': {
    rule: 'README: public routes: no login, only approved data, no names of people',
    cases: [
      {
        fixture: 'the published seed plan with an approved value of 商务局',
        allowed: 'public',
        setup: (ctx) => shangwuValue(ctx, 'approved'),
        request: planParams,
      },
    ],
  },
  'GET /api/public/plans/:planId/summary': {
    rule: 'README: public routes: no login, only approved data, no names of people',
    cases: [
      {
        fixture: 'the published seed plan with an approved value of 商务局',
        allowed: 'public',
        setup: (ctx) => shangwuValue(ctx, 'approved'),
        request: planParams,
      },
    ],
  },

  'GET /api/public/plans/:planId/text': {
    rule: 'README: public routes for a published plan: no login, no names of people (the plan’s own words)',
    cases: [{ fixture: 'the published seed plan’s outline', allowed: 'public', request: planParams }],
  },
  'GET /api/public/plans/:planId/vision': {
    rule: 'README: public routes for a published plan: no login, no names of people (the plan’s own words)',
    cases: [
      { fixture: 'the published seed plan’s long-range vision', allowed: 'public', request: planParams },
    ],
  },
  'GET /api/public/plans/:planId/data': {
    rule: `${OPEN_DATA}: GET /api/public/plans/:planId/data lists the downloads and the data dictionary`,
    cases: [
      {
        fixture: 'the published seed plan with an approved value of 商务局',
        allowed: 'public',
        setup: (ctx) => shangwuValue(ctx, 'approved'),
        request: planParams,
      },
    ],
  },
  'GET /api/public/plans/:planId/data/:file': {
    rule: `${OPEN_DATA}: …/data/{indicators,observations,assessments,dictionary}.{csv,json,xlsx}`,
    cases: OPEN_DATA_FILES.map(
      (file, k): MatrixCase => ({
        fixture: `${file} of the published seed plan${k === 0 ? ', with an approved value of 商务局' : ''}`,
        allowed: 'public',
        ...(k === 0 ? { setup: (ctx: MatrixContext) => shangwuValue(ctx, 'approved') } : {}),
        request: (ctx) => ({ params: { planId: ctx.planId, file } }),
      }),
    ),
  },
  'GET /api/public/plans/:planId/data/opensdg/:file': {
    rule: `${OPEN_DATA}: …/data/opensdg/indicator_<code>.csv, an indicator’s values in the Open SDG layout`,
    cases: [
      {
        fixture: 'indicator_7.csv, with an approved value of 商务局',
        allowed: 'public',
        setup: (ctx) => shangwuValue(ctx, 'approved'),
        request: (ctx) => ({ params: { planId: ctx.planId, file: 'indicator_7.csv' } }),
      },
      {
        fixture: 'indicator_10.csv (GDP, led by 统计局)',
        allowed: 'public',
        request: (ctx) => ({ params: { planId: ctx.planId, file: 'indicator_10.csv' } }),
      },
    ],
  },

  // --- observations and the workflow ---------------------------------------------------------
  'GET /api/plans/:planId/observations': {
    rule: 'README: a reporter reads only its own unit’s values; planners, viewers and auditors all (policy observation.read)',
    cases: [
      {
        fixture: 'the caller’s own view of the list (reporters and reviewers get their unit’s values)',
        allowed: SIGNED_IN,
        setup: (ctx) => shangwuValue(ctx, 'submitted'),
        request: planParams,
      },
      {
        fixture: '商务局’s values (?unitId=商务局): not 统计局’s reporter or reviewer',
        allowed: ['planner', 'reporter.shangwu', 'reviewer.shangwu', 'viewer', 'auditor', 'admin'],
        request: (ctx) => ({ params: { planId: ctx.planId }, query: { unitId: ctx.h.unitIds.shangwu } }),
      },
    ],
  },
  'POST /api/plans/:planId/observations': {
    rule: 'README: a reporter writes only its own unit’s values, and only items its unit leads or co-operates on',
    cases: [
      {
        fixture: 'a new value of ind:7, which 商务局 leads alone',
        allowed: ['reporter.shangwu'],
        request: (ctx) => ({ params: { planId: ctx.planId }, body: valueBody(ctx, 'ind:7') }),
      },
      {
        fixture:
          'a new value of ind:10, which 统计局 leads (商务局 co-operates: indicator values are the lead’s)',
        allowed: ['reporter.tongji'],
        request: (ctx) => ({ params: { planId: ctx.planId }, body: valueBody(ctx, 'ind:10') }),
      },
      {
        fixture:
          '商务局’s own part (area 商务局) of task:3.1.1, which 统计局 leads and 商务局 co-operates on',
        // The lead reports the task's own progress (no area), never a co-operating unit's part.
        allowed: ['reporter.shangwu'],
        request: (ctx) => {
          const { year, period } = freshPeriod(ctx);
          return {
            params: { planId: ctx.planId },
            body: {
              itemId: ctx.item('task:3.1.1'),
              year,
              ...(period ? { period } : {}),
              area: '商务局',
              kind: 'progress',
              value: 50,
              unit: '%',
              details: { note: '权限矩阵测试', evidence: '' },
            },
          };
        },
      },
    ],
  },
  'GET /api/observations/:id': {
    rule: 'README: a reporter (and a reviewer) reads only its own unit’s values; planners, viewers and auditors all',
    cases: [
      {
        fixture: "a value of 商务局 in 'submitted'",
        allowed: ['planner', 'reporter.shangwu', 'reviewer.shangwu', 'viewer', 'auditor', 'admin'],
        setup: (ctx) => shangwuValue(ctx, 'submitted'),
        request: (_ctx, fx) => ({ params: { id: fx.id } }),
      },
    ],
  },
  'PATCH /api/observations/:id': {
    rule: 'policy observation.write: only the owning unit’s reporter edits, and only a draft or returned value',
    cases: [
      {
        fixture: "a value of 商务局 in 'draft'",
        allowed: ['reporter.shangwu'],
        setup: (ctx) => shangwuValue(ctx, 'draft'),
        consumes: true,
        request: async (ctx, fx) => ({
          params: { id: fx.id },
          body: { version: await observationVersion(ctx, fx.id), value: 601, reason: '权限矩阵测试' },
        }),
        touched: (ctx, fx) => observationRow(ctx, fx.id),
      },
      {
        fixture: "a value of 商务局 in 'returned'",
        allowed: ['reporter.shangwu'],
        setup: (ctx) => shangwuValue(ctx, 'returned'),
        consumes: true,
        request: async (ctx, fx) => ({
          params: { id: fx.id },
          body: { version: await observationVersion(ctx, fx.id), value: 602, reason: '按退回意见修改' },
        }),
        touched: (ctx, fx) => observationRow(ctx, fx.id),
      },
      {
        fixture: "a value of 商务局 in 'submitted': nobody edits a submitted value",
        allowed: [],
        setup: (ctx) => shangwuValue(ctx, 'submitted'),
        request: async (ctx, fx) => ({
          params: { id: fx.id },
          body: { version: await observationVersion(ctx, fx.id), value: 603 },
        }),
        touched: (ctx, fx) => observationRow(ctx, fx.id),
      },
    ],
  },
  'POST /api/observations/:id/transitions': {
    rule: 'README: draft → submitted → reviewed → approved, or returned; a reviewer passes or returns only its unit’s submissions; only a planner approves finally; an approved value can be reopened for correction',
    cases: [
      transition('draft', 'submit', ['reporter.shangwu'], 'the owning unit’s reporter submits'),
      transition('submitted', 'review', ['reviewer.shangwu'], 'the unit’s reviewer passes it'),
      transition('reviewed', 'approve', ['planner'], 'only a planner approves finally'),
      transition(
        'submitted',
        'return',
        ['planner', 'reviewer.shangwu'],
        'the unit’s reviewer or a planner returns',
      ),
      transition('reviewed', 'return', ['planner'], 'once reviewed, only a planner returns'),
      transition(
        'approved',
        'reopen',
        ['planner', 'reporter.shangwu'],
        'the owning reporter or a planner reopens',
      ),
    ],
  },
  'GET /api/plans/:planId/owed': {
    rule: 'policy assignment.read: every staff role asks what its own unit still owes',
    cases: [staffRead('the caller’s own unit, the year before this one')],
  },

  // --- reminders -----------------------------------------------------------------------------
  'POST /api/plans/:planId/reminders/run': {
    rule: 'README: POST /api/plans/:planId/reminders/run, planners only (policy reminder.run)',
    cases: [
      {
        fixture: 'a dry run for the seed plan',
        allowed: ['planner'],
        request: (ctx) => ({ params: { planId: ctx.planId }, body: { dryRun: true } }),
      },
    ],
  },
  'GET /api/notifications': {
    rule: 'policy notification.read: everyone signed in reads their own unit’s reminders',
    cases: [{ fixture: 'the caller’s unit’s reminders', allowed: SIGNED_IN, request: () => ({}) }],
  },
  'POST /api/notifications/:id/read': {
    rule: 'policy notification.markRead: the unit’s own staff mark its reminders read, never an auditor',
    cases: [
      {
        fixture: 'an unread reminder of 商务局',
        allowed: ['reporter.shangwu', 'reviewer.shangwu'],
        setup: notificationOf('shangwu'),
        consumes: true,
        request: (_ctx, fx) => ({ params: { id: fx.id } }),
        touched: (ctx, fx) => notificationRow(ctx, fx.id),
      },
      {
        fixture: 'an unread reminder of 发改局',
        allowed: ['planner', 'admin'],
        setup: notificationOf('fgj'),
        consumes: true,
        request: (_ctx, fx) => ({ params: { id: fx.id } }),
        touched: (ctx, fx) => notificationRow(ctx, fx.id),
      },
      {
        fixture: 'an unread reminder of 区人大, the auditor’s own unit: an auditor writes nothing',
        allowed: [],
        setup: notificationOf('rd'),
        request: (_ctx, fx) => ({ params: { id: fx.id } }),
        touched: (ctx, fx) => notificationRow(ctx, fx.id),
      },
    ],
  },

  // --- directory -----------------------------------------------------------------------------
  'GET /api/org-units': {
    rule: 'policy orgUnit.read: everyone signed in reads the directory of units',
    cases: [{ fixture: 'all units', allowed: SIGNED_IN, request: () => ({}) }],
  },
  'POST /api/org-units': {
    rule: 'policy orgUnit.write: administrators and planners keep the directory of units',
    cases: [
      {
        fixture: 'a new street office under 区政府, with a code not used before',
        allowed: ['planner', 'admin'],
        request: (ctx) => {
          const n = ctx.next();
          return {
            body: {
              code: `pm-unit-${n}`,
              name: `权限矩阵测试街道${n}`,
              shortName: `测试${n}`,
              kind: 'street',
              parentId: ctx.h.unitIds.zf,
            },
          };
        },
      },
    ],
  },
  'PATCH /api/org-units/:id': {
    rule: 'policy orgUnit.write: administrators and planners keep the directory of units',
    cases: [
      {
        fixture: 'a unit made for the case',
        allowed: ['planner', 'admin'],
        setup: async (ctx) => {
          const id = newId();
          const n = ctx.next();
          await insertOrgUnit(ctx.db, {
            id,
            regionCode: '330102',
            code: `pm-edit-${n}`,
            name: `权限矩阵测试单位${n}`,
            shortName: `待改${n}`,
            kind: 'affiliated',
            parentId: null,
            createdAt: new Date().toISOString(),
          });
          return { id };
        },
        request: async (ctx, fx) => {
          const { version } = await ctx.db
            .selectFrom('org_units')
            .select('version')
            .where('id', '=', fx.id)
            .executeTakeFirstOrThrow();
          return { params: { id: fx.id }, body: { version, name: `权限矩阵测试单位(改)${ctx.next()}` } };
        },
        touched: (ctx, fx) =>
          ctx.db.selectFrom('org_units').selectAll().where('id', '=', fx.id).executeTakeFirst(),
      },
    ],
  },
  'GET /api/users': {
    rule: 'policy user.read: administrators, planners and auditors read the user directory (an auditor reads everything)',
    cases: [
      {
        fixture: 'all users',
        allowed: ['planner', 'auditor', 'admin'],
        request: () => ({}),
      },
    ],
  },
  'POST /api/users': {
    rule: 'policy user.write: only administrators manage accounts',
    cases: [
      {
        fixture: 'a new viewer of 区政府, with a username not used before',
        allowed: ['admin'],
        request: (ctx) => {
          const n = ctx.next();
          return {
            body: {
              username: `pm.user${n}`,
              displayName: `权限矩阵测试用户${n}`,
              role: 'viewer',
              orgUnitId: ctx.h.unitIds.zf,
              password: 'Permission-matrix-1',
            },
          };
        },
      },
    ],
  },
  'PATCH /api/users/:id': {
    rule: 'policy user.write: only administrators manage accounts',
    cases: [
      {
        fixture: 'a viewer account made for the case',
        allowed: ['admin'],
        setup: async (ctx) => {
          const id = newId();
          const n = ctx.next();
          await insertUser(ctx.db, {
            id,
            username: `pm.edit${n}`,
            displayName: `待改用户${n}`,
            role: 'viewer',
            orgUnitId: ctx.h.unitIds.zf,
            createdAt: new Date().toISOString(),
            passwordHash: ctx.passwordHash,
          });
          return { id };
        },
        request: async (ctx, fx) => {
          const { version } = await ctx.db
            .selectFrom('users')
            .select('version')
            .where('id', '=', fx.id)
            .executeTakeFirstOrThrow();
          return { params: { id: fx.id }, body: { version, displayName: `已改用户${ctx.next()}` } };
        },
        touched: (ctx, fx) =>
          ctx.db.selectFrom('users').selectAll().where('id', '=', fx.id).executeTakeFirst(),
      },
    ],
  },

  // --- planning ------------------------------------------------------------------------------
  'GET /api/plans/:planId/assignments': {
    rule: 'policy assignment.read: every staff role reads who leads what',
    cases: [staffRead('every item of the seed plan with its assignment')],
  },
  'PUT /api/plans/:planId/assignments/:itemId': {
    rule: 'README: only a planner … edits assignments (policy assignment.write)',
    cases: [
      {
        fixture: 'the assignment of ind:1, at its current version (none at first)',
        allowed: ['planner'],
        request: async (ctx) => {
          const current = await ctx.db
            .selectFrom('assignments')
            .select('version')
            .where('plan_id', '=', ctx.planId)
            .where('item_id', '=', ctx.item('ind:1'))
            .executeTakeFirst();
          return {
            params: { planId: ctx.planId, itemId: 'ind:1' },
            body: { leadUnitId: ctx.h.unitIds.fgj, dueDate: '2025-12-31', version: current?.version ?? null },
          };
        },
        touched: (ctx) =>
          ctx.db
            .selectFrom('assignments')
            .selectAll()
            .where('plan_id', '=', ctx.planId)
            .where('item_id', '=', ctx.item('ind:1'))
            .executeTakeFirst(),
      },
    ],
  },
  'POST /api/plans/:planId/assignments/bulk': {
    rule: 'README: only a planner … edits assignments (policy assignment.write)',
    cases: [
      {
        fixture: 'a one-row table assigning ind:2 to 统计局',
        allowed: ['planner'],
        request: (ctx) => ({
          params: { planId: ctx.planId },
          body: { rows: [{ item: 'ind:2', leadUnit: '统计局', coUnits: ['商务局'], dueDate: '2025-12-31' }] },
        }),
      },
    ],
  },
  'GET /api/plans/:planId/rounds': {
    rule: 'policy round.read: every staff role reads the reporting rounds',
    cases: [staffRead('the rounds of the seed plan')],
  },
  'POST /api/plans/:planId/rounds': {
    rule: 'README: only a planner opens rounds (policy round.write)',
    cases: [
      {
        fixture: 'a new round for a period not used before',
        allowed: ['planner'],
        request: (ctx) => {
          const { year, period } = freshPeriod(ctx);
          return {
            params: { planId: ctx.planId },
            body: { year, period, opensOn: `${year + 1}-01-05`, deadline: `${year + 1}-03-31` },
          };
        },
      },
    ],
  },
  'PATCH /api/plans/:planId/rounds/:id': {
    rule: 'README: only a planner opens (and closes) rounds (policy round.write)',
    cases: [
      {
        fixture: 'an open round made for the case',
        allowed: ['planner'],
        setup: openRound,
        request: async (ctx, fx) => {
          const { version } = await ctx.db
            .selectFrom('reporting_rounds')
            .select('version')
            .where('id', '=', fx.id)
            .executeTakeFirstOrThrow();
          return { params: { planId: ctx.planId, id: fx.id }, body: { version, status: 'closed' } };
        },
        touched: (ctx, fx) => roundRow(ctx, fx.id),
      },
    ],
  },
  'GET /api/plans/:planId/revisions': {
    rule: 'policy plan.read: everyone signed in reads the target revisions',
    cases: [staffRead('the target revisions of the seed plan')],
  },
  'POST /api/plans/:planId/revisions': {
    rule: 'README: a planner can revise a target (policy plan.revise)',
    cases: [
      {
        fixture: 'a revision of GDP (ind:10, measure 1) at its current target version',
        allowed: ['planner'],
        request: async (ctx) => {
          const done = await ctx.db
            .selectFrom('target_revisions')
            .select('id')
            .where('plan_id', '=', ctx.planId)
            .where('indicator_code', '=', '10')
            .where('measure', '=', 1)
            .execute();
          return {
            params: { planId: ctx.planId },
            body: {
              indicatorCode: '10',
              measure: 1,
              effectiveYear: 2023,
              // Each revision lowers the target further, so it never repeats the one in force.
              target: { kind: 'level', value: 3000 - done.length },
              reason: '权限矩阵测试:中期评估后调整',
              document: '权限矩阵测试决定',
              version: done.length + 1,
            },
          };
        },
      },
    ],
  },

  // --- Excel templates and exports -----------------------------------------------------------
  'GET /api/plans/:planId/templates/assignments.xlsx': {
    rule: 'README: the assignment template (分工方案表) is the planner’s (policy assignment.template)',
    cases: [{ fixture: 'the seed plan’s assignment template', allowed: ['planner'], request: planParams }],
  },
  'POST /api/plans/:planId/templates/assignments': {
    rule: 'README: POST …/templates/assignments, planner: applied as one bulk assignment (policy assignment.template)',
    cases: [
      {
        fixture: 'the downloaded template with ind:3 given to another unit',
        allowed: ['planner'],
        request: assignmentUpload,
        touched: (ctx) => assignmentRow(ctx, 'ind:3'),
      },
    ],
  },
  'GET /api/plans/:planId/rounds/:id/template.xlsx': {
    rule: 'README: a round’s reporting template is for the unit’s reporter, and a planner for any unit (policy round.template)',
    cases: [
      {
        fixture: 'an open round, the caller’s own unit’s template (no unitId)',
        allowed: ['planner', 'reporter.shangwu', 'reporter.tongji'],
        setup: openRound,
        request: (ctx, fx) => ({ params: { planId: ctx.planId, id: fx.id } }),
      },
      {
        fixture: 'an open round, 商务局’s template (?unitId=商务局): not 统计局’s reporter',
        allowed: ['planner', 'reporter.shangwu'],
        setup: openRound,
        request: (ctx, fx) => ({
          params: { planId: ctx.planId, id: fx.id },
          query: { unitId: ctx.h.unitIds.shangwu },
        }),
      },
      {
        fixture: 'an open round, 统计局’s template (?unitId=统计局): not 商务局’s reporter',
        allowed: ['planner', 'reporter.tongji'],
        setup: openRound,
        request: (ctx, fx) => ({
          params: { planId: ctx.planId, id: fx.id },
          query: { unitId: ctx.h.unitIds.tongji },
        }),
      },
    ],
  },
  'POST /api/plans/:planId/rounds/:id/template': {
    rule: 'README: POST …/rounds/:id/template, reporter: drafts of the reporter’s own unit through the web form’s checks (the route authorizes observation.write of a draft of the caller’s unit)',
    cases: [
      {
        fixture:
          'an open round; each reporter uploads its own unit’s template with one value (商务局 ind:7, 统计局 ind:10), everyone else 商务局’s',
        allowed: ['reporter.shangwu', 'reporter.tongji'],
        setup: openRound,
        request: (ctx, fx, caller) =>
          reportingUpload(ctx, fx.id, caller === 'reporter.tongji' ? 'tongji' : 'shangwu'),
        touched: (ctx, fx) => roundValues(ctx, fx.id),
      },
    ],
  },
  'POST /api/exports/xlsx': {
    rule: 'README: POST /api/exports/xlsx, anyone signed in: a table the user already sees, as .xlsx (policy export.xlsx)',
    cases: [
      {
        fixture: 'a two-column table',
        allowed: SIGNED_IN,
        request: () => ({
          body: {
            title: '指标表 indicators',
            columns: [
              { key: 'code', title: '序号' },
              { key: 'value', title: '数值' },
            ],
            rows: [
              { code: '10', value: 2218.6 },
              { code: '11', value: null },
            ],
          },
        }),
      },
    ],
  },

  // --- evaluations ---------------------------------------------------------------------------
  'POST /api/plans/:planId/evaluations': {
    rule: 'README: POST /api/plans/:planId/evaluations (planners; policy evaluation.write)',
    cases: [
      {
        fixture: 'a mid-term evaluation of the seed plan at 2023',
        allowed: ['planner'],
        request: (ctx) => ({ params: { planId: ctx.planId }, body: { kind: 'midterm', year: 2023 } }),
      },
    ],
  },
  'GET /api/plans/:planId/evaluations': {
    rule: 'policy evaluation.read: every staff role reads the evaluations of a plan',
    cases: [
      {
        fixture: 'the evaluations of the seed plan (one made for the case)',
        allowed: SIGNED_IN,
        setup: evaluationOfPlan,
        request: planParams,
      },
    ],
  },
  'GET /api/evaluations/:evaluationId': {
    rule: 'policy evaluation.read: every staff role reads an evaluation',
    cases: [
      {
        fixture: 'a mid-term evaluation made for the case',
        allowed: SIGNED_IN,
        setup: evaluationOfPlan,
        request: (_ctx, fx) => ({ params: { evaluationId: fx.id } }),
      },
    ],
  },
  'PATCH /api/evaluations/:evaluationId/narrative': {
    rule: 'README: PATCH /api/evaluations/:id/narrative is the planner’s (policy evaluation.write)',
    cases: [
      {
        fixture: 'a mid-term evaluation made for the case, at its current version',
        allowed: ['planner'],
        setup: evaluationOfPlan,
        request: async (ctx, fx) => ({
          params: { evaluationId: fx.id },
          body: {
            version: await evaluationVersion(ctx, fx.id),
            narrative: {
              achievements: '权限矩阵测试:主要成效',
              problems: '权限矩阵测试:存在问题',
              nextSteps: '权限矩阵测试:下步举措',
            },
          },
        }),
        touched: (ctx, fx) => evaluationRow(ctx, fx.id),
      },
    ],
  },
  'GET /api/evaluations/:evaluationId/report.docx': evaluationFile('report.docx'),
  'GET /api/evaluations/:evaluationId/report.html': evaluationFile('report.html'),
  'GET /api/evaluations/:evaluationId/scorecard.xlsx': evaluationFile('scorecard.xlsx'),

  // --- audit ---------------------------------------------------------------------------------
  'GET /api/audit-events': {
    rule: 'README: an auditor reads everything, including the audit log (policy audit.read: auditors, administrators, planners)',
    cases: [
      { fixture: 'the latest audit events', allowed: ['planner', 'auditor', 'admin'], request: () => ({}) },
    ],
  },

  // --- documentation (public) ----------------------------------------------------------------
  'GET /api/openapi.json': docs('the OpenAPI document'),
  'GET /api/docs': docs('the Swagger UI'),
  'GET /api/docs/': docs('the Swagger UI'),
  'GET /api/docs/static/index.html': docs('the Swagger UI page, by its old address', [
    { status: 302, why: 'the Swagger UI sends its old page address on to /api/docs/' },
  ]),
  'GET /api/docs/static/swagger-initializer.js': docs('the Swagger UI set-up script'),
  'GET /api/docs/static/*': docs('a file of the Swagger UI (swagger-ui.css)', [], 'swagger-ui.css'),
  'GET /api/docs/json': docs('the OpenAPI document (JSON)'),
  'GET /api/docs/yaml': docs('the OpenAPI document (YAML)'),
};

/**
 * The state every case starts from: ind:7 led by 商务局 alone, ind:10 and task:3.1.1 led by 统计局
 * with 商务局 co-operating (the seed plan is published by the harness).
 */
export async function prepareBaseline(ctx: MatrixContext): Promise<void> {
  const assign = async (key: string, lead: string, co: string[]) => {
    await ctx.db
      .insertInto('assignments')
      .values({
        id: newId(),
        plan_id: ctx.planId,
        item_id: ctx.item(key),
        lead_unit_id: lead,
        co_unit_ids: JSON.stringify(co),
        due_date: '2025-12-31',
        milestones: '[]',
        updated_at: new Date().toISOString(),
      })
      .execute();
  };
  await assign('ind:7', ctx.h.unitIds.shangwu, []);
  await assign('ind:10', ctx.h.unitIds.tongji, [ctx.h.unitIds.shangwu]);
  await assign('task:3.1.1', ctx.h.unitIds.tongji, [ctx.h.unitIds.shangwu]);
}
