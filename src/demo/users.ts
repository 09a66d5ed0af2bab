/**
 * Demo users, one or more for each role, so that every screen of a fresh installation can be tried
 * at once. Passwords are derived from the username (deterministic, so the start-up banner and the
 * docs can print them) but not guessable from the username alone; they are for demos only.
 */
import { type DemoOrgUnit, PLANNER_UNIT_CODE } from './directory.ts';
import { hashString } from './random.ts';

/** The roles of DESIGN.md. */
export type DemoRole = 'planner' | 'reporter' | 'reviewer' | 'viewer' | 'auditor' | 'admin';

/** A demo account: who, in which unit, with which role, and its demo password. */
export interface DemoUser {
  /** ASCII login name ('planner', 'reporter.shangwu'). */
  username: string;
  /** Chinese name shown in the app (区商务局填报员). */
  displayName: string;
  role: DemoRole;
  unitCode: string;
  /** The plain demo password; the store hashes it (scrypt) before it is kept. */
  password: string;
}

/** Units with a reporter and a reviewer: [unit code, login suffix]. */
const REPORTING_UNITS: readonly (readonly [code: string, slug: string])[] = [
  ['tjj', 'tongji'],
  ['swj', 'shangwu'],
  ['czj', 'caizheng'],
  ['jyj', 'jiaoyu'],
  ['kjj', 'keji'],
  ['wjj', 'weijian'],
  ['street-hubin', 'hubin'],
  ['street-xiaoying', 'xiaoying'],
];

const ROLE_TITLES: Readonly<Record<DemoRole, string>> = {
  planner: '规划管理员',
  reporter: '填报员',
  reviewer: '审核人',
  viewer: '领导',
  auditor: '监督员',
  admin: '系统管理员',
};

/**
 * The demo password of a username: "Lantu-" + the username with dots as dashes + "-" + four digits
 * hashed from the username and a fixed word ('reporter.shangwu' → 'Lantu-reporter-shangwu-NNNN').
 * Mixed case, digits and a symbol, at least 14 characters.
 */
export function demoPassword(username: string): string {
  const digits = String(hashString(`lantu-demo:${username}`) % 10_000).padStart(4, '0');
  return `Lantu-${username.replace(/\./g, '-')}-${digits}`;
}

/**
 * The demo users for a directory: a planner (发改局), a reporter and a reviewer for 统计局, 商务局,
 * 财政局, 教育局, 科技局, 卫健局 and the 湖滨 and 小营 street offices, a viewer (区政府), auditors
 * (区人大常委会, 区审计局) and an admin (区数据资源局, which runs the district's systems). Units missing
 * from the directory are skipped, so a smaller directory gets fewer users, never dangling ones.
 */
export function demoUsers(units: readonly DemoOrgUnit[]): DemoUser[] {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const users: DemoUser[] = [];
  const add = (username: string, role: DemoRole, unitCode: string): void => {
    const unit = byCode.get(unitCode);
    if (!unit) return;
    users.push({
      username,
      displayName: `${unit.shortName}${ROLE_TITLES[role]}`,
      role,
      unitCode,
      password: demoPassword(username),
    });
  };
  add('planner', 'planner', PLANNER_UNIT_CODE);
  for (const [code, slug] of REPORTING_UNITS) {
    add(`reporter.${slug}`, 'reporter', code);
    add(`reviewer.${slug}`, 'reviewer', code);
  }
  add('viewer', 'viewer', 'qzf');
  add('auditor', 'auditor', 'rd');
  add('auditor.shenji', 'auditor', 'sjj');
  add('admin', 'admin', byCode.has('sjzyj') ? 'sjzyj' : PLANNER_UNIT_CODE);
  return users;
}
