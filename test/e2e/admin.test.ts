/**
 * The administration pages end to end, in Debian's Chromium against a real server (see harness.ts).
 * The administrator edits a user's name, role and unit (the server's reply confirms it), is told
 * when someone else changed the user meanwhile (409, nothing overwritten), and resets a password
 * typed twice, after which that user signs in with the new password over the API and no longer with
 * the old one. A planner and an auditor read the users without edit controls, and the server refuses
 * their forged PATCH (403). The audit log filtered to a record type, or to all of an action group,
 * shows only those events. On a 390-wide phone the users, org units and rounds pages keep their
 * toolbars clear of each other, their names readable and the page no wider than the screen.
 * Screenshots: test-results/screenshots/staff-admin-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgUnitReply, UserReply } from '../../src/contract/directory.ts';
import { type ApiSession, canRunInChromium, type E2e, startE2e } from './harness.ts';

const SUITE = 'staff workspace: administration (users, org units, rounds, audit log) in a browser';
const runs = canRunInChromium(SUITE);

/** The user the administrator edits: 湖滨街道's reporter becomes a reviewer of 区统计局. */
const EDITED = 'reporter.hubin';
/** The user whose password is reset. */
const RESET = 'reviewer.keji';
const NEW_PASSWORD = 'Nieuw-wachtwoord-2026';
const PHONE = { width: 390, height: 844 };

describe.runIf(runs)(SUITE, () => {
  let e2e: E2e;
  let admin: ApiSession;
  // One signed-in page per role for the whole file: sign-ins are rate-limited (10 a minute).
  const signedIn = new Map<string, Page>();

  /** Every user as the server has them now, by username. */
  const users = async (): Promise<Map<string, UserReply>> => {
    const response = await e2e.call(admin, 'GET', '/api/users');
    expect(response.status).toBe(200);
    return new Map(((await response.json()) as UserReply[]).map((u) => [u.username, u]));
  };

  /** The signed-in page of a user (made once); refusals the page explains in words are expected in the console. */
  const signIn = async (username: string, viewport = { width: 1366, height: 900 }): Promise<Page> => {
    let page = signedIn.get(username);
    if (!page) {
      page = (
        await e2e.open({
          viewport,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          expectedConsole: /status of (401|403|404|409)/,
        })
      ).page;
      await e2e.login(page, username);
      signedIn.set(username, page);
    }
    await page.setViewportSize(viewport);
    return page;
  };

  /** The API session of a signed-in page: its cookie, and the CSRF token /api/auth/me gives it. */
  const sessionOf = async (page: Page): Promise<ApiSession> => {
    const cookie = (await page.context().cookies()).find((c) => c.name === 'lantu_session')!;
    const session = { cookie: `${cookie.name}=${cookie.value}`, csrf: '' };
    const me = await e2e.call(session, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    return { ...session, csrf: ((await me.json()) as { csrfToken: string }).csrfToken };
  };

  /** The visible drop-down of a select. */
  const dropdown = (page: Page): Locator =>
    page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)');

  /** An option of the visible drop-down, by its title (never a group's heading). */
  const option = (page: Page, title: string): Locator =>
    dropdown(page).locator(`.ant-select-item-option[title="${title}"]`);

  /** Chooses an option of a select (by the select's accessible name). */
  const choose = async (page: Page, scope: Page | Locator, label: string, title: string): Promise<void> => {
    await scope.getByLabel(label, { exact: true }).click();
    await option(page, title).click();
    await dropdown(page).waitFor({ state: 'hidden' });
  };

  /** Opens the users page and waits for its rows. */
  const usersPage = async (page: Page): Promise<Locator> => {
    await page.goto(`${e2e.base}/app/admin/users`);
    const table = page.getByTestId('users-table');
    await table.locator('tr[data-row-key]').nth(5).waitFor();
    return table;
  };

  beforeAll(async () => {
    e2e = await startE2e({ now: new Date() });
    admin = await e2e.apiLogin('admin');
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it('lets the administrator edit a user’s name, role and unit, and refuses a stale save', async () => {
    const before = (await users()).get(EDITED)!;
    expect(before).toMatchObject({ role: 'reporter', unit: { shortName: '湖滨街道' }, version: 1 });
    const units = (await (await e2e.call(admin, 'GET', '/api/org-units')).json()) as OrgUnitReply[];
    const tongji = units.find((u) => u.shortName === '区统计局')!;

    const page = await signIn('admin');
    await page.getByRole('menuitem', { name: /用户/ }).click();
    await page.waitForURL(`${e2e.base}/app/admin/users`);
    const table = page.getByTestId('users-table');
    await table.locator('tr[data-row-key]').nth(5).waitFor();
    await e2e.shot(page, 'staff-admin-users');

    const row = table.locator(`tr[data-row-key="${before.id}"]`);
    await row.getByRole('button', { name: '编辑' }).click();
    const dialog = page.getByTestId('user-editor');
    await dialog.getByText(`${EDITED} · 版本 1`).waitFor();
    await dialog.getByLabel('姓名', { exact: true }).fill('湖滨街道 王五');
    await choose(page, dialog, '角色', '审核人');
    // The unit is found by typing part of its name.
    const unit = dialog.getByLabel('所在单位', { exact: true });
    await unit.click();
    await unit.fill('统计');
    await option(page, '杭州市上城区统计局').click();
    await e2e.shot(page, 'staff-admin-user-edit');
    await dialog.getByTestId('user-save').click();
    await page.locator('.ant-message').filter({ hasText: '用户已保存' }).waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await row.filter({ hasText: '湖滨街道 王五' }).filter({ hasText: '审核人' }).waitFor();
    expect(await row.textContent()).toContain('区统计局');
    const after = (await users()).get(EDITED)!;
    expect(after).toMatchObject({
      displayName: '湖滨街道 王五',
      role: 'reviewer',
      orgUnitId: tongji.id,
      version: 2,
    });

    // Someone else renames the user between opening and saving: 409, said in words, nothing overwritten.
    await row.getByRole('button', { name: '编辑' }).click();
    await dialog.getByText(`${EDITED} · 版本 2`).waitFor();
    await dialog.getByLabel('姓名', { exact: true }).fill('我的改名');
    const meanwhile = await e2e.call(admin, 'PATCH', `/api/users/${after.id}`, {
      version: 2,
      displayName: '别人的改名',
    });
    expect(meanwhile.status).toBe(200);
    await dialog.getByTestId('user-save').click();
    await dialog.getByTestId('user-stale').filter({ hasText: '该用户刚被他人修改' }).waitFor();
    // The form starts again from the latest version.
    await dialog.getByText(`${EDITED} · 版本 3`).waitFor();
    expect(await dialog.getByLabel('姓名', { exact: true }).inputValue()).toBe('别人的改名');
    expect((await users()).get(EDITED)).toMatchObject({ displayName: '别人的改名', version: 3 });
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The administrator's own row: no password reset or disabling, and the role is not theirs to change.
    const self = (await users()).get('admin')!;
    const own = table.locator(`tr[data-row-key="${self.id}"]`);
    expect(await own.getByRole('button', { name: '重置密码' }).count()).toBe(0);
    expect(await own.getByRole('button', { name: '停用' }).count()).toBe(0);
    await own.getByRole('button', { name: '编辑' }).click();
    await dialog.getByText('不能修改自己的角色').waitFor();
    expect(await dialog.locator('.ant-select-disabled').count()).toBe(1);
    await dialog.getByRole('button', { name: '取消' }).click();
    await dialog.waitFor({ state: 'hidden' });
  });

  it('resets a password typed twice; the user then signs in with it, and only with it', async () => {
    const target = (await users()).get(RESET)!;
    const oldSession = await e2e.apiLogin(RESET);
    const page = await signIn('admin');
    const table = await usersPage(page);
    await table.locator(`tr[data-row-key="${target.id}"]`).getByRole('button', { name: '重置密码' }).click();
    const dialog = page.getByTestId('password-reset');
    await dialog.getByText('会话立即失效').waitFor();

    // Checked as the server checks it: at least 10 characters, and the same twice.
    await dialog.getByLabel('新密码（至少10个字符）').fill('kort-1');
    await dialog.getByLabel('再次输入新密码').fill('kort-2');
    await dialog.getByTestId('password-save').click();
    await dialog.getByText('密码至少10个字符').waitFor();
    await dialog.getByText('两次输入的密码不一致').waitFor();
    await dialog.getByLabel('新密码（至少10个字符）').fill(NEW_PASSWORD);
    await dialog.getByLabel('再次输入新密码').fill(`${NEW_PASSWORD}x`);
    await dialog.getByText('密码至少10个字符').waitFor({ state: 'detached' });
    await dialog.getByText('两次输入的密码不一致').waitFor();
    await dialog.getByLabel('再次输入新密码').fill(NEW_PASSWORD);
    await dialog.getByText('两次输入的密码不一致').waitFor({ state: 'detached' });
    await e2e.shot(page, 'staff-admin-password-reset');
    await dialog.getByTestId('password-save').click();
    await page.locator('.ant-message').filter({ hasText: '已重置' }).waitFor();
    await dialog.waitFor({ state: 'hidden' });

    // The user's sessions ended; the new password signs in, the old one no longer does.
    expect((await e2e.call(oldSession, 'GET', '/api/auth/me')).status).toBe(401);
    const signInWith = (password: string): Promise<Response> =>
      fetch(`${e2e.base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: RESET, password }),
      });
    const fresh = await signInWith(NEW_PASSWORD);
    expect(fresh.status).toBe(200);
    expect(await fresh.json()).toMatchObject({ username: RESET, role: 'reviewer' });
    expect((await signInWith(e2e.password(RESET))).status).toBe(401);
    expect((await users()).get(RESET)).toMatchObject({ version: target.version + 1 });
  });

  it('shows planners and auditors the users without edit controls, and the server refuses their PATCH', async () => {
    const target = (await users()).get('reporter.jiaoyu')!;
    for (const username of ['planner', 'auditor']) {
      const page = await signIn(username);
      const table = await usersPage(page);
      await page.getByText('仅系统管理员可新建或修改用户').waitFor();
      for (const name of ['编辑', '重置密码', '停用', '启用', '新建用户'])
        expect(await page.getByRole('button', { name, exact: true }).count(), `${username}: ${name}`).toBe(0);
      expect(await table.getByRole('columnheader', { name: '操作' }).count()).toBe(0);

      const session = await sessionOf(page);
      for (const body of [
        { version: target.version, role: 'admin' },
        { version: target.version, password: 'Forged-password-1' },
      ]) {
        const forged = await e2e.call(session, 'PATCH', `/api/users/${target.id}`, body);
        expect(forged.status, `${username} ${JSON.stringify(body)}`).toBe(403);
        expect(await forged.json()).toMatchObject({ code: 'LANTU_FORBIDDEN' });
      }
    }
    expect((await users()).get('reporter.jiaoyu')).toEqual(target);
  });

  it('filters the audit log to one record type, or to all of one action group', async () => {
    const actionsOf = async (query: string): Promise<string[]> => {
      const response = await e2e.call(admin, 'GET', `/api/audit-events?limit=50&${query}`);
      expect(response.status).toBe(200);
      return ((await response.json()) as { events: { action: string }[] }).events.map((e) => e.action);
    };
    const page = await signIn('auditor');
    const userEvents = await actionsOf('entity=user');
    const userActions = await actionsOf('action=user.');
    // The edits and the reset above, and the sign-ins, are about users; only the edits are user.*.
    expect(userActions.length).toBeGreaterThanOrEqual(3);
    expect(userActions.every((a) => a.startsWith('user.'))).toBe(true);
    expect(userEvents).toEqual(expect.arrayContaining(['session.login', 'user.update']));

    await page.goto(`${e2e.base}/app/admin/audit`);
    const table = page.getByTestId('audit-table');
    const rows = table.locator('tr[data-row-key]');
    await rows.nth(3).waitFor();

    // The action filter lists the known actions by record type, each group led by "all of them".
    const action = page.getByLabel('操作', { exact: true });
    await action.click();
    await option(page, '全部填报数据操作').waitFor();
    expect(await dropdown(page).locator('.ant-select-item-group').first().textContent()).toBe('填报数据');
    expect(await dropdown(page).textContent()).toContain('observation.return');
    await e2e.shot(page, 'staff-admin-audit-actions');
    await action.press('Escape');
    await dropdown(page).waitFor({ state: 'hidden' });

    await choose(page, page, '对象', '用户');
    await expect.poll(() => rows.count()).toBe(userEvents.length);
    for (const text of await rows.locator('td:last-child').allTextContents()) expect(text).toMatch(/^用户/);

    // With a record type chosen, the action filter offers that type's actions only.
    await action.click();
    const groups = await dropdown(page).locator('.ant-select-item-group').allTextContents();
    expect(groups).toEqual(['用户', '登录']);
    await option(page, '全部用户操作').click();
    await expect.poll(() => rows.count()).toBe(userActions.length);
    for (const text of await rows.allTextContents()) expect(text).toMatch(/user\.(create|update)/);
    await e2e.shot(page, 'staff-admin-audit-filter');

    // One action, found by typing its words.
    await action.click();
    await action.fill('登录');
    await option(page, '登录').click();
    await expect.poll(() => rows.count()).toBe(userEvents.filter((a) => a === 'session.login').length);
    for (const text of await rows.allTextContents()) expect(text).toContain('session.login');
  });

  it('lets the administrator edit an org unit, and refuses a stale save', async () => {
    const page = await signIn('admin');
    await page.goto(`${e2e.base}/app/admin/units`);
    await page.getByTestId('edit-unit-street-hubin').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('简称').fill('湖滨街道办');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('单位已保存').waitFor();
    const read = async () => {
      const response = await e2e.call(admin, 'GET', '/api/org-units');
      return (
        (await response.json()) as { id: string; code: string; shortName: string; version: number }[]
      ).find((u) => u.code === 'street-hubin')!;
    };
    const saved = await read();
    expect(saved.shortName).toBe('湖滨街道办');

    // Someone else renames it while the dialog is open: the save is refused and nothing is overwritten.
    await page.getByTestId('edit-unit-street-hubin').click();
    await dialog.getByLabel('简称').fill('湖滨');
    const other = await e2e.call(admin, 'PATCH', `/api/org-units/${saved.id}`, {
      version: saved.version,
      shortName: '湖滨街道',
    });
    expect(other.status).toBe(200);
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('该记录刚被他人修改').waitFor();
    expect((await read()).shortName).toBe('湖滨街道');
    await page.keyboard.press('Escape');
  });

  it('reads well on a phone: users, org units and rounds', async () => {
    const pages: { who: string; path: string; name: string; filter?: string; button?: string }[] = [
      { who: 'admin', path: 'users', name: 'staff-admin-users-phone', filter: '角色', button: '新建用户' },
      { who: 'admin', path: 'units', name: 'staff-admin-units-phone', filter: '类型', button: '新建单位' },
      { who: 'planner', path: 'rounds', name: 'staff-admin-rounds-phone', button: '开放新轮次' },
    ];
    for (const { who, path, name, filter, button } of pages) {
      const page = await signIn(who, PHONE);
      await page.goto(`${e2e.base}/app/admin/${path}`);
      const firstRow = page.locator('tr[data-row-key]').first();
      await firstRow.waitFor();
      await page.waitForTimeout(300);
      // Nothing spills past the screen: a wide table scrolls inside its card.
      expect(await page.evaluate('document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(
        PHONE.width,
      );
      // The toolbar wraps instead of laying the button over the filter.
      const create = await page.getByRole('button', { name: button }).boundingBox();
      expect(create, path).not.toBeNull();
      expect(create!.x + create!.width, path).toBeLessThanOrEqual(PHONE.width);
      if (filter) {
        const select = await page
          .locator('.ant-select', { has: page.getByLabel(filter, { exact: true }) })
          .boundingBox();
        const apart =
          select!.x + select!.width <= create!.x ||
          create!.x + create!.width <= select!.x ||
          select!.y + select!.height <= create!.y ||
          create!.y + create!.height <= select!.y;
        expect(apart, `${path}: the filter and ${button} overlap`).toBe(true);
      }
      // The first cell (the name) keeps a readable width: no longer a few characters a line.
      const cell = await firstRow.locator('td').first().boundingBox();
      expect(cell!.width, path).toBeGreaterThanOrEqual(130);
      await e2e.shot(page, name);
      if (path === 'users') {
        // A row's other actions fold into a menu.
        await page.getByRole('button', { name: '更多操作' }).first().click();
        await page.getByRole('menuitem', { name: '重置密码' }).waitFor();
        await page.getByRole('menuitem', { name: '停用' }).waitFor();
        await page.keyboard.press('Escape');
      }
    }
  });

  it('logged no page errors', () => {
    expect(e2e.problems).toEqual([]);
  });
});
