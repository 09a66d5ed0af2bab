/** Demo users: every role, the units the demo needs, deterministic passwords that are not trivial. */
import { expect, test } from 'vitest';
import { demoPassword, demoUsers, shangchengDirectory } from '../../src/demo/index.ts';

const units = shangchengDirectory();
const users = demoUsers(units);

test('every role has a user, in the right unit', () => {
  const role = (r: string) => users.filter((u) => u.role === r);
  expect(role('planner')).toMatchObject([{ username: 'planner', unitCode: 'fgj' }]);
  expect(role('viewer')).toMatchObject([{ username: 'viewer', unitCode: 'qzf' }]);
  expect(role('auditor').map((u) => u.unitCode)).toContain('rd');
  expect(role('admin')).toHaveLength(1);
});

test('reporters and reviewers for 统计局, 商务局, 财政局, 教育局 and two street offices', () => {
  for (const unit of ['tjj', 'swj', 'czj', 'jyj', 'street-hubin', 'street-xiaoying']) {
    expect(users.filter((u) => u.unitCode === unit).map((u) => u.role)).toEqual(['reporter', 'reviewer']);
  }
  expect(users.find((u) => u.username === 'reporter.shangwu')).toMatchObject({
    displayName: '区商务局填报员',
    role: 'reporter',
    unitCode: 'swj',
  });
});

test('usernames are unique ASCII; every unit exists; display names are Chinese', () => {
  const codes = new Set(units.map((u) => u.code));
  expect(new Set(users.map((u) => u.username)).size).toBe(users.length);
  for (const u of users) {
    expect(u.username).toMatch(/^[a-z][a-z.]*$/);
    expect(codes.has(u.unitCode)).toBe(true);
    expect(u.displayName).toMatch(/[\u4e00-\u9fa5]/);
  }
});

test('passwords are deterministic, distinct and not trivial', () => {
  expect(demoUsers(shangchengDirectory())).toEqual(users);
  expect(new Set(users.map((u) => u.password)).size).toBe(users.length);
  for (const u of users) {
    expect(u.password).toBe(demoPassword(u.username));
    expect(u.password.length).toBeGreaterThanOrEqual(14);
    expect(u.password).toMatch(/[A-Z]/);
    expect(u.password).toMatch(/[a-z]/);
    expect(u.password).toMatch(/\d{4}$/);
    expect(u.password).not.toBe(u.username);
  }
  expect(demoPassword('reporter.shangwu')).toMatch(/^Lantu-reporter-shangwu-\d{4}$/);
});

test('a smaller directory gets fewer users, never dangling ones', () => {
  const small = units.filter((u) => u.kind !== 'street');
  const fewer = demoUsers(small);
  expect(fewer.some((u) => u.unitCode.startsWith('street-'))).toBe(false);
  expect(fewer.length).toBe(users.length - 4);
});
