/**
 * `lantu serve --demo`: fills an EMPTY database with a working installation for Shangcheng: its
 * directory of departments and street offices, demo users for every role, the seed plan imported,
 * confirmed and published, every item assigned to a lead unit, reporting rounds, and approved values
 * for 2021-2024 (the real published figures where the district published them, with their source;
 * every other value marked as sample data in the data itself). All in one transaction: either the
 * whole demo is there or nothing is. A database that holds anything is never touched.
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ObservationDetails, ObservationKind } from '../../contract/observations.ts';
import {
  assignLeadUnits,
  demoObservations,
  demoProgress,
  demoUsers,
  shangchengDirectory,
} from '../../demo/index.ts';
import { parseObservationsCsv } from '../../progress/index.ts';
import { appendAudit, SYSTEM_ACTOR } from '../../store/audit.ts';
import type { Database, Executor } from '../../store/database.ts';
import { newId } from '../../store/ids.ts';
import { isInstallationEmpty } from '../../store/installation.repository.ts';
import { insertObservation, insertRevision } from '../../store/observations.repository.ts';
import { insertOrgUnit, insertUser } from '../../store/people.repository.ts';
import { insertAssignment, insertRound } from '../../store/planning.repository.ts';
import { updatePlan } from '../../store/plans.repository.ts';
import { hashPassword } from '../passwords.ts';
import { importPlan } from './importPlan.ts';

/** The region code of Shangcheng District (杭州市上城区). */
export const DEMO_REGION = '330102';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const SEED_PLAN_PATH = join(repoRoot, 'data/plans/shangcheng-14th-fyp.txt');
export const PUBLISHED_CSV_PATH = join(repoRoot, 'data/observations/shangcheng-published.csv');

export interface SeedDemoOptions {
  now: Date;
  /** Called with a short description of each step, for a progress display. */
  onProgress?: (step: string) => void;
}

export interface SeededDemo {
  planId: string;
  users: { username: string; password: string; role: string; unitName: string }[];
}

/** Seeds the demo into an empty database; returns null (and changes nothing) when it is not empty. */
export async function seedDemo(database: Database, options: SeedDemoOptions): Promise<SeededDemo | null> {
  const step = options.onProgress ?? (() => {});
  const now = options.now.toISOString();
  const [planBytes, publishedCsv] = await Promise.all([
    readFile(SEED_PLAN_PATH),
    readFile(PUBLISHED_CSV_PATH, 'utf8'),
  ]);
  const units = shangchengDirectory();
  const users = demoUsers(units);
  step(`hashing ${users.length} demo passwords`);
  const hashes = await Promise.all(users.map((u) => hashPassword(u.password)));

  return database.db.transaction().execute(async (trx) => {
    if (!(await isInstallationEmpty(trx))) return null;
    step(`org units: ${units.length}`);
    const unitIds = new Map<string, string>();
    for (const unit of units) unitIds.set(unit.code, newId());
    for (const unit of units) {
      await insertOrgUnit(trx, {
        id: unitIds.get(unit.code)!,
        regionCode: DEMO_REGION,
        code: unit.code,
        name: unit.name,
        shortName: unit.shortName,
        kind: unit.kind,
        parentId: unit.parentCode ? (unitIds.get(unit.parentCode) ?? null) : null,
        createdAt: now,
      });
    }
    step(`users: ${users.length}`);
    const userIds = new Map<string, string>();
    for (const [k, user] of users.entries()) {
      const id = newId();
      userIds.set(user.username, id);
      await insertUser(trx, {
        id,
        username: user.username,
        displayName: user.displayName,
        role: user.role,
        orgUnitId: unitIds.get(user.unitCode)!,
        createdAt: now,
        passwordHash: hashes[k]!,
      });
    }
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'demo.seed.directory',
      entity: 'org_unit',
      entityId: null,
      after: { orgUnits: units.length, users: users.map((u) => `${u.username}:${u.role}`) },
      at: now,
    });

    step('importing the seed plan');
    const imported = await importPlan(trx, {
      bytes: planBytes,
      regionCode: DEMO_REGION,
      level: 'district',
      actor: SYSTEM_ACTOR,
      now,
    });
    const planId = imported.id;
    await updatePlan(trx, planId, 1, { status: 'confirmed', published: true, updatedAt: now });
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'plan.publish',
      entity: 'plan',
      entityId: planId,
      planId,
      before: { status: 'draft', published: false },
      after: { status: 'confirmed', published: true },
      at: now,
    });

    const itemIds = new Map(imported.items.map((i) => [i.key, i.id]));
    const assignments = assignLeadUnits(imported.plan, units);
    step(`assignments: ${assignments.length}`);
    const leadOf = new Map<string, string>();
    for (const a of assignments) {
      const itemId = itemIds.get(a.itemKey);
      if (!itemId) continue;
      const leadId = unitIds.get(a.leadUnitCode)!;
      leadOf.set(a.itemKey, leadId);
      await insertAssignment(trx, {
        id: newId(),
        planId,
        itemId,
        leadUnitId: leadId,
        coUnitIds: a.coUnitCodes.flatMap((c) => unitIds.get(c) ?? []),
        dueDate: a.dueDate,
        milestones: a.milestones,
        updatedAt: now,
      });
    }
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'demo.seed.assignments',
      entity: 'assignment',
      entityId: null,
      planId,
      after: { assignments: assignments.length },
      at: now,
    });

    step('reporting rounds 2021-2025');
    const roundIds = new Map<number, string>();
    const thisYear = options.now.getUTCFullYear();
    for (let year = imported.plan.period.startYear; year <= imported.plan.period.endYear; year++) {
      const id = newId();
      roundIds.set(year, id);
      const open = year === imported.plan.period.endYear || year >= thisYear - 1;
      await insertRound(trx, {
        id,
        planId,
        year,
        period: null,
        title: `${year}年度规划实施情况填报`,
        opensOn: `${year + 1}-01-05`,
        deadline: open ? `${thisYear}-12-15` : `${year + 1}-03-31`,
        status: open ? 'open' : 'closed',
        createdAt: now,
      });
    }

    const published = parseObservationsCsv(publishedCsv).observations;
    const years = [];
    for (let y = imported.plan.period.startYear; y < imported.plan.period.endYear; y++) years.push(y);
    const observations = demoObservations(imported.plan, published, { years });
    const planner = users.find((u) => u.role === 'planner')!;
    const plannerId = userIds.get(planner.username)!;
    step(`approved values: ${observations.length}`);
    for (const o of observations) {
      const itemKey = `ind:${o.indicator}`;
      const itemId = itemIds.get(itemKey);
      const unitId = leadOf.get(itemKey);
      if (!itemId || !unitId) continue;
      await insertApproved(trx, {
        planId,
        itemId,
        unitId,
        roundId: roundIds.get(o.year) ?? null,
        plannerId,
        now,
        measure: o.measure,
        area: o.area ?? '',
        year: o.year,
        kind: o.kind,
        value: o.value,
        unit: o.unit,
        details: { note: o.note ?? '', evidence: '' },
        source: o.source,
        sample: o.sample,
      });
    }
    const progress = demoProgress(imported.plan, assignments, years);
    step(`progress updates: ${progress.length}`);
    for (const p of progress) {
      const itemId = itemIds.get(p.itemKey);
      const unitId = leadOf.get(p.itemKey);
      if (!itemId || !unitId) continue;
      await insertApproved(trx, {
        planId,
        itemId,
        unitId,
        roundId: roundIds.get(p.year) ?? null,
        plannerId,
        now,
        measure: 1,
        area: '',
        year: p.year,
        kind: 'progress',
        value: p.percent,
        unit: '%',
        details: {
          note: '',
          evidence: '',
          narrative: p.narrative,
          ...(p.investment !== undefined ? { investment: p.investment } : {}),
        },
        source: '示例数据 (sample data, not published)',
        sample: true,
      });
    }
    await appendAudit(trx, {
      actor: SYSTEM_ACTOR,
      action: 'demo.seed.observations',
      entity: 'observation',
      entityId: null,
      planId,
      after: {
        observations: observations.length,
        published: observations.filter((o) => !o.sample).length,
        progressUpdates: progress.length,
      },
      at: now,
    });
    return {
      planId,
      users: users.map((u) => ({
        username: u.username,
        password: u.password,
        role: u.role,
        unitName: units.find((x) => x.code === u.unitCode)?.shortName ?? u.unitCode,
      })),
    };
  });
}

interface ApprovedRow {
  planId: string;
  itemId: string;
  unitId: string;
  roundId: string | null;
  plannerId: string;
  now: string;
  measure: number;
  area: string;
  year: number;
  kind: string;
  value: number;
  unit: string;
  details: ObservationDetails;
  source: string;
  sample: boolean;
}

/** An approved value with its one revision (loaded, not entered: the revision says so). */
async function insertApproved(trx: Executor, row: ApprovedRow): Promise<void> {
  const id = newId();
  const { details } = row;
  await insertObservation(
    trx,
    {
      id,
      planId: row.planId,
      itemId: row.itemId,
      measure: row.measure,
      area: row.area || null,
      year: row.year,
      period: null,
      kind: row.kind as ObservationKind,
      value: row.value,
      unit: row.unit,
      details,
      status: 'approved',
      comment: null,
      source: row.source,
      sample: row.sample,
      unitId: row.unitId,
      roundId: row.roundId,
      createdBy: row.plannerId,
      createdAt: row.now,
      updatedAt: row.now,
    },
    { value: row.value, details, at: row.now },
  );
  await insertRevision(trx, {
    id: newId(),
    observationId: id,
    revision: 1,
    action: 'load',
    status: 'approved',
    value: row.value,
    details,
    comment: row.sample
      ? '演示数据载入 demo data loaded (sample)'
      : `已公开数据载入 published figure loaded: ${row.source}`,
    actorId: row.plannerId,
    at: row.now,
  });
}
