/**
 * End to end, in Debian's Chromium against a real server: a fresh in-memory SQLite seeded with the
 * demo installation, the web app built by Vite into a temporary folder, `buildApp` listening on an
 * ephemeral port. The reporting workflow as people do it: a reporter of 区统计局 submits the 2025
 * GDP, the unit's reviewer returns it with a comment, the reporter reads the comment, corrects and
 * resubmits, the reviewer passes it and the planner approves it; the indicator's light and chart
 * change, the public API shows the new value, and a reporter of another unit is refused by the
 * SERVER (403), not just hidden by the UI. Screenshots of each main page go to
 * test-results/screenshots/staff-*.png.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiSession, canRunInChromium, type E2e, startE2e } from './harness.ts';

const SUITE = 'staff workspace: the reporting workflow in a browser';
const runs = canRunInChromium(SUITE);

/** The indicator the scenario reports: GDP, led by 区统计局, which has demo reporter and reviewer users. */
const CODE = '10';
const YEAR = 2025;
const FIRST_VALUE = '3000';
const CORRECTED_VALUE = 3260;
const COMMENT = '与统计年鉴2025口径不一致，请按年鉴表3-1核对后重报';

describe.runIf(runs)(SUITE, () => {
  let e2e: E2e;
  let base: string;
  let demo: E2e['demo'];
  let problems: string[];

  /** A new browser context (its own cookies), recording page errors; refusals the page explains are expected. */
  const open = async (viewport = { width: 1366, height: 900 }, from?: BrowserContext): Promise<Page> =>
    (
      await e2e.open({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        expectedConsole: /status of (401|403|404|409)/,
        ...(from ? { from } : {}),
      })
    ).page;

  const shot = (page: Page, name: string): Promise<void> => e2e.shot(page, `staff-${name}`);
  const login = (page: Page, username: string): Promise<void> => e2e.login(page, username);
  const apiLogin = (username: string): Promise<ApiSession> => e2e.apiLogin(username);
  const call = (session: ApiSession, method: string, path: string, body?: unknown): Promise<Response> =>
    e2e.call(session, method, path, body);

  beforeAll(async () => {
    e2e = await startE2e({ now: new Date() });
    base = e2e.base;
    demo = e2e.demo;
    problems = e2e.problems;
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it('takes a value from a reporter through review and approval to the public, and keeps other units out', async () => {
    // The sign-in page, and a refusal explained in Chinese from the API's code.
    const reporter = await open();
    await reporter.goto(`${base}/`);
    await reporter.getByLabel('用户名').fill('reporter.tongji');
    await reporter.getByLabel('密码').fill('not-the-password');
    await reporter.getByRole('button', { name: '登录' }).click();
    await reporter.getByTestId('login-error').filter({ hasText: '用户名或密码错误' }).waitFor();
    await shot(reporter, 'login');

    // The planner sees GDP lagging before the year is reported.
    const planner = await open();
    await login(planner, 'planner');
    await planner.goto(`${base}/app/indicators/${CODE}`);
    const status = planner.getByTestId('indicator-status');
    await status.waitFor();
    expect(await status.getAttribute('data-status')).toBe('lagging');
    expect(await status.getAttribute('data-light')).toBe('yellow');
    await planner.getByTestId('indicator-chart').locator('canvas').first().waitFor();

    // 1. The reporter finds GDP among what the unit owes, enters it with its evidence and submits.
    await login(reporter, 'reporter.tongji');
    expect(new URL(reporter.url()).pathname).toBe('/app/reporting');
    const card = reporter.getByTestId(`owed-ind:${CODE}`);
    await card.waitFor();
    await card.getByRole('spinbutton').first().fill(FIRST_VALUE);
    await card.getByTestId('evidence').fill('区统计局 2025年统计快报');
    await shot(reporter, 'reporting');
    await card.getByRole('button', { name: '提交审核' }).click();
    await card.waitFor({ state: 'detached' });
    const handedIn = reporter.getByTestId('handed-in');
    await handedIn
      .getByRole('row', { name: /地区生产总值/ })
      .filter({ hasText: '已提交' })
      .waitFor();

    // 2. The unit's reviewer returns it with a comment.
    const reviewer = await open();
    await login(reviewer, 'reviewer.tongji');
    await reviewer.goto(`${base}/app/review`);
    const queue = reviewer.getByTestId('review-queue');
    const row = queue.getByRole('row', { name: /地区生产总值/ });
    await row.waitFor();
    await shot(reviewer, 'review');
    await row.getByRole('button', { name: '退回' }).click();
    await reviewer.getByTestId('return-comment').fill(COMMENT);
    await reviewer.getByRole('dialog').getByRole('button', { name: '退回' }).click();
    await row.waitFor({ state: 'detached' });

    // 3. The reporter sees the comment, corrects the value and submits again.
    await reporter.reload();
    const returned = reporter.getByTestId(`owed-ind:${CODE}`);
    await returned.getByTestId('returned-comment').filter({ hasText: COMMENT }).waitFor();
    const input = returned.getByRole('spinbutton').first();
    expect(await input.inputValue()).toBe(FIRST_VALUE);
    await input.fill(String(CORRECTED_VALUE));
    await shot(reporter, 'reporting-returned');
    await returned.getByRole('button', { name: '提交审核' }).click();
    await returned.waitFor({ state: 'detached' });

    // 4. The reviewer passes it; 5. the planner approves it.
    await reviewer.reload();
    await queue
      .getByRole('row', { name: /地区生产总值/ })
      .getByRole('button', { name: '审核通过' })
      .click();
    await queue.getByRole('row', { name: /地区生产总值/ }).waitFor({ state: 'detached' });
    await planner.goto(`${base}/app/review`);
    const plannerRow = planner.getByTestId('review-queue').getByRole('row', { name: /地区生产总值/ });
    await plannerRow.waitFor();
    expect(await plannerRow.getByTestId('review-value').textContent()).toContain('3,260');
    await shot(planner, 'review-planner');
    await plannerRow.getByRole('button', { name: '审定' }).click();
    await plannerRow.waitFor({ state: 'detached' });

    // The indicator's light and chart change: GDP 3260 ≥ 3250 亿元 in 2025 is achieved.
    await planner.goto(`${base}/app/indicators/${CODE}`);
    await planner.getByTestId('indicator-status').and(planner.locator('[data-status="achieved"]')).waitFor();
    expect(await planner.getByTestId('indicator-status').getAttribute('data-light')).toBe('green');
    await planner.getByTestId('indicator-chart').locator('canvas').first().waitFor();
    const history = planner.getByTestId('observation-history');
    await history.getByRole('row', { name: new RegExp(`${YEAR}.*3,260.*已审定`) }).waitFor();
    await history
      .getByRole('row', { name: new RegExp(`${YEAR}`) })
      .getByRole('button')
      .first()
      .click();
    await planner.getByTestId('revisions').filter({ hasText: COMMENT }).waitFor();
    await shot(planner, 'indicator');

    // The overview now speaks of 2025, and says that only GDP has a 2025 value so far.
    await planner.goto(`${base}/app/overview`);
    await planner.getByText(/中 1 项已有2025年数据，其余按各自最近一年的数据评估/).waitFor();

    // The public API shows the new value (its cache follows the data within a second).
    let publicValue: number | undefined;
    for (let attempt = 0; attempt < 30 && publicValue === undefined; attempt++) {
      const response = await fetch(`${base}/api/public/plans/${demo.planId}`);
      expect(response.status).toBe(200);
      const plan = (await response.json()) as {
        indicators: {
          code: string;
          measures: { series: { year: number; kind: string; value: number }[] }[];
        }[];
      };
      const series = plan.indicators.find((i) => i.code === CODE)?.measures[0]?.series ?? [];
      publicValue = series.find((p) => p.year === YEAR && p.kind === 'level')?.value;
      if (publicValue === undefined) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(publicValue).toBe(CORRECTED_VALUE);

    // A reporter of another unit (区商务局) can neither see nor change it: the server refuses.
    const plannerApi = await apiLogin('planner');
    const values = (await (
      await call(plannerApi, 'GET', `/api/plans/${demo.planId}/observations?year=${YEAR}&status=approved`)
    ).json()) as {
      id: string;
      itemId: string;
      indicatorCode: string | null;
      version: number;
      unitId: string;
    }[];
    const gdp = values.find((o) => o.indicatorCode === CODE)!;
    expect(gdp).toBeDefined();
    const outsider = await apiLogin('reporter.shangwu');
    expect((await call(outsider, 'GET', `/api/observations/${gdp.id}`)).status).toBe(403);
    expect(
      (await call(outsider, 'PATCH', `/api/observations/${gdp.id}`, { version: gdp.version, value: 1 }))
        .status,
    ).toBe(403);
    expect(
      (
        await call(outsider, 'POST', `/api/observations/${gdp.id}/transitions`, {
          action: 'reopen',
          version: gdp.version,
          comment: 'x',
        })
      ).status,
    ).toBe(403);
    expect(
      (await call(outsider, 'GET', `/api/plans/${demo.planId}/observations?unitId=${gdp.unitId}`)).status,
    ).toBe(403);
    expect(
      (
        await call(outsider, 'POST', `/api/plans/${demo.planId}/observations`, {
          itemId: gdp.itemId,
          year: YEAR,
          kind: 'target',
          value: 1,
          unit: '亿元',
        })
      ).status,
    ).toBe(403);
    const own = (await (
      await call(outsider, 'GET', `/api/plans/${demo.planId}/observations?itemId=${gdp.itemId}`)
    ).json()) as unknown[];
    expect(own).toEqual([]);

    // The main pages, for the record: overview (desk and phone), indicators, lists, administration.
    await planner.goto(`${base}/app/overview`);
    await planner.getByTestId('category-chart').locator('canvas').first().waitFor();
    await shot(planner, 'overview');
    await planner.goto(`${base}/app/indicators`);
    await planner.getByTestId('indicator-table').getByRole('row').nth(5).waitFor();
    await shot(planner, 'indicators');
    await planner.goto(`${base}/app/items/project`);
    await planner.getByTestId('item-table').getByRole('row').nth(3).waitFor();
    await shot(planner, 'items');
    await planner.goto(`${base}/app/admin/rounds`);
    await planner.getByTestId('rounds-table').getByRole('row').nth(2).waitFor();
    await shot(planner, 'admin-rounds');
    await planner.goto(`${base}/app/admin/audit`);
    await planner
      .getByTestId('audit-table')
      .getByRole('row', { name: /observation\.approve|审定/ })
      .first()
      .waitFor();
    await shot(planner, 'audit');

    // Someone else publishes meanwhile: the stale write is refused (409) and the user told so, the plan reloaded.
    await planner.goto(`${base}/app/admin/plan`);
    await planner.getByTestId('plan-published').waitFor();
    const plans = (await (await call(plannerApi, 'GET', '/api/plans')).json()) as {
      id: string;
      version: number;
    }[];
    const seen = plans.find((p) => p.id === demo.planId)!;
    expect(
      (
        await call(plannerApi, 'POST', `/api/plans/${demo.planId}/publish`, {
          published: true,
          version: seen.version,
        })
      ).status,
    ).toBe(200);
    await planner.getByRole('button', { name: '撤回公开' }).click();
    await planner.locator('.ant-popconfirm').getByRole('button', { name: '撤回公开' }).click();
    await planner.locator('.ant-message').filter({ hasText: '他人修改' }).waitFor();
    await planner.getByText(String(seen.version + 1), { exact: true }).waitFor();
    expect(await planner.getByTestId('plan-published').textContent()).toBe('已公开');
    await shot(planner, 'admin-plan');

    // English changes the labels.
    await planner.goto(`${base}/app/indicators/${CODE}`);
    await planner
      .getByText('English')
      .or(planner.getByText('EN', { exact: true }))
      .first()
      .click();
    await planner.getByText('Back to the indicators').waitFor();
    await planner.getByTestId('indicator-status').filter({ hasText: 'Achieved' }).waitFor();
    await shot(planner, 'indicator-en');
    await planner.getByText('中文', { exact: true }).first().click();

    const phone = await open({ width: 390, height: 844 }, planner.context());
    await phone.goto(`${base}/app/overview`);
    await phone.getByTestId('indicator-lights').waitFor();
    await shot(phone, 'overview-phone');

    expect(problems).toEqual([]);
  }, 240_000);
});
