/**
 * End to end, in Debian's Chromium against a real server (test/e2e/harness.ts): on a 390-wide phone
 * a reviewer sees a submitted value's year, value, last year's value and its change before passing
 * it, and the planner sees them before approving it; a compound indicator's values are listed by
 * measure (分项, by name), not as areas; an indicator reported by area lists its areas; sorting the
 * indicators by completion keeps the ones without a value last; the overview counts tasks, projects
 * and commitments by light. Screenshots: test-results/screenshots/staff-review-phone.png and others.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../../web/src/staff/i18n/format.ts';
import { canRunInChromium, type E2e, screenshotPath, startE2e } from './harness.ts';

const SUITE = 'staff workspace: the review queue on a phone, indicator measures and areas';
const runs = canRunInChromium(SUITE);

const PHONE = { width: 390, height: 844 };
/** GDP, led by 区统计局, whose demo reporter and reviewer report and review it. */
const GDP = '10';
const YEAR = 2025;

interface ItemReply {
  id: string;
  indicator: { code: string; unit: string } | null;
}
interface ValueReply {
  id: string;
  year: number;
  kind: string;
  measure: number;
  area: string | null;
  period: string | null;
  version: number;
  approvedValue: number | null;
}

describe.runIf(runs)(SUITE, () => {
  let e2e: E2e;

  const open = async (viewport = PHONE): Promise<Page> =>
    (
      await e2e.open({
        viewport,
        locale: 'zh-CN',
        timezoneId: 'Asia/Shanghai',
        expectedConsole: /status of (401|403|404|409)/,
      })
    ).page;

  /** Whether an element lies wholly inside the phone's width. */
  const onScreen = async (
    page: Page,
    testId: string,
    within: ReturnType<Page['getByTestId']>,
  ): Promise<void> => {
    const box = await within.getByTestId(testId).boundingBox();
    expect(box, testId).not.toBeNull();
    expect(box!.x, testId).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, testId).toBeLessThanOrEqual(page.viewportSize()!.width);
  };

  beforeAll(async () => {
    e2e = await startE2e({ now: new Date() });
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it('shows a reviewer on a phone the year, value and change of a submitted value before passing it', async () => {
    // The reporter submits 2025's GDP over the API: 60% above 2024's approved value, which is flagged.
    const reporter = await e2e.apiLogin('reporter.tongji');
    const items = (await (
      await e2e.call(reporter, 'GET', `/api/plans/${e2e.planId}/items?kind=indicator`)
    ).json()) as ItemReply[];
    const gdp = items.find((i) => i.indicator?.code === GDP)!;
    const approved = (await (
      await e2e.call(
        reporter,
        'GET',
        `/api/plans/${e2e.planId}/observations?itemId=${gdp.id}&status=approved`,
      )
    ).json()) as ValueReply[];
    const previous = approved.find(
      (o) => o.year === YEAR - 1 && o.kind === 'level' && o.measure === 1 && !o.area && !o.period,
    )?.approvedValue;
    expect(previous).toBeGreaterThan(0);
    const value = Math.round(previous! * 1.6);
    const created = await e2e.call(reporter, 'POST', `/api/plans/${e2e.planId}/observations`, {
      itemId: gdp.id,
      year: YEAR,
      kind: 'level',
      value,
      unit: gdp.indicator!.unit,
      details: { note: '', evidence: '区统计局 2025年统计快报' },
    });
    expect(created.status).toBe(201);
    const draft = (await created.json()) as ValueReply;
    const submitted = await e2e.call(reporter, 'POST', `/api/observations/${draft.id}/transitions`, {
      action: 'submit',
      version: draft.version,
    });
    expect(submitted.status).toBe(200);

    // The reviewer, on a phone, sees it as a card with everything needed to judge it.
    const reviewer = await open();
    await e2e.login(reviewer, 'reviewer.tongji');
    await reviewer.goto(`${e2e.base}/app/review`);
    const card = reviewer.getByTestId('review-card').filter({ hasText: '地区生产总值' });
    await card.waitFor();
    expect(await reviewer.getByTestId('review-queue').count()).toBe(0);
    expect(await card.getByTestId('review-year').textContent()).toBe(String(YEAR));
    expect(await card.getByTestId('review-value').textContent()).toBe(formatValue(value, 'zh-CN'));
    expect(await card.textContent()).toContain(gdp.indicator!.unit);
    expect(await card.getByTestId('review-last-year').textContent()).toBe(
      `${formatValue(previous!, 'zh-CN')} ${gdp.indicator!.unit}`,
    );
    const change = card.getByTestId('review-change');
    expect(await change.getAttribute('data-implausible')).toBe('true');
    expect(await change.textContent()).toContain('+60%');
    expect(await change.textContent()).toContain('请核对');
    expect(await card.textContent()).toContain('区统计局');
    for (const id of ['review-year', 'review-value', 'review-last-year', 'review-change'])
      await onScreen(reviewer, id, card);
    const pass = card.getByRole('button', { name: '审核通过' });
    const passBox = (await pass.boundingBox())!;
    expect(passBox.x + passBox.width).toBeLessThanOrEqual(PHONE.width);
    await e2e.shot(reviewer, 'staff-review-phone');

    // In English too, with a count of one in the singular.
    await reviewer.getByText('EN', { exact: true }).first().click();
    await card.getByText('Change on last year').waitFor();
    await reviewer.getByText('1 value', { exact: true }).waitFor();
    await e2e.shot(reviewer, 'staff-review-phone-en');
    await reviewer.getByText('中文', { exact: true }).first().click();
    await card.getByText('较上年').waitFor();

    // Its revisions open in the card.
    await card.getByRole('button', { name: '修订记录' }).click();
    await card.getByTestId('revisions').filter({ hasText: '提交' }).waitFor();
    await pass.click();
    await card.waitFor({ state: 'detached' });

    // The planner approves it on a phone, having seen the same facts.
    const planner = await open();
    await e2e.login(planner, 'planner');
    await planner.goto(`${e2e.base}/app/review`);
    const toApprove = planner.getByTestId('review-card').filter({ hasText: '地区生产总值' });
    await toApprove.waitFor();
    expect(await toApprove.getByTestId('review-value').textContent()).toBe(formatValue(value, 'zh-CN'));
    expect(await toApprove.getByTestId('review-change').textContent()).toContain('+60%');
    await e2e.shot(planner, 'staff-review-planner-phone');
    await toApprove.getByRole('button', { name: '审定' }).click();
    await toApprove.waitFor({ state: 'detached' });

    // On a desk the queue stays a table.
    const desk = await open({ width: 1280, height: 900 });
    await e2e.login(desk, 'reviewer.tongji');
    await desk.goto(`${e2e.base}/app/review`);
    await desk.getByTestId('review-queue').waitFor();
    expect(await desk.getByTestId('review-card').count()).toBe(0);
  }, 240_000);

  it("lists a compound indicator's values by measure, and an indicator's areas by area", async () => {
    const planner = await open({ width: 1280, height: 900 });
    await e2e.login(planner, 'planner');

    // 21: two measures, no areas.
    await planner.goto(`${e2e.base}/app/indicators/21`);
    // (The values load after the page: wait for them before reading the columns.)
    const history = planner.getByTestId('observation-history');
    await history.getByRole('cell', { name: '区级及以上非遗代表项目', exact: true }).first().waitFor();
    await history.getByRole('cell', { name: '重点文化元素基因解码和转化', exact: true }).first().waitFor();
    expect(await history.getByRole('columnheader', { name: '分项', exact: true }).count()).toBe(1);
    expect(await history.getByRole('columnheader', { name: '区域', exact: true }).count()).toBe(0);
    expect(await history.textContent()).not.toContain('分项1');
    await planner.getByTestId('indicator-chart').locator('canvas').first().waitFor();
    await e2e.shot(planner, 'staff-indicator-compound');

    // 32: one measure reported by area (原上城, 原江干).
    await planner.goto(`${e2e.base}/app/indicators/32`);
    await history.getByRole('cell', { name: '原上城', exact: true }).first().waitFor();
    expect(await history.getByRole('columnheader', { name: '区域', exact: true }).count()).toBe(1);
    expect(await history.getByRole('columnheader', { name: '分项', exact: true }).count()).toBe(0);
    await planner.getByTestId('indicator-chart').locator('canvas').first().waitFor();
    await e2e.shot(planner, 'staff-indicator-areas');
    // The first value's label (86.6) clears the value axis and its ticks: a close look for the record.
    await planner
      .getByTestId('indicator-chart')
      .first()
      .screenshot({ path: screenshotPath('staff-indicator-areas-chart.png') });

    // The table: completion ascending and descending, the indicators without a value last both ways.
    await planner.goto(`${e2e.base}/app/indicators`);
    const table = planner.getByTestId('indicator-table');
    await table.getByRole('row').nth(5).waitFor();
    const rows = table.locator('tbody > tr.ant-table-row-level-0');
    const header = table.getByRole('columnheader', { name: /完成度/ });
    for (const order of ['ascending', 'descending']) {
      await header.click();
      await table.locator(`th[aria-sort="${order}"]`).waitFor();
      const paced = await rows.evaluateAll((trs) =>
        trs.map((tr) => tr.querySelector('[role="img"]') !== null),
      );
      const firstMissing = paced.indexOf(false);
      expect(firstMissing, order).toBeGreaterThan(0);
      expect(
        paced.slice(firstMissing).every((p) => !p),
        order,
      ).toBe(true);
    }
    await e2e.shot(planner, 'staff-indicators-sorted');
  }, 240_000);

  it('counts tasks, projects and commitments by light on the overview, those without progress grey', async () => {
    const phone = await open();
    await e2e.login(phone, 'planner');
    await phone.goto(`${e2e.base}/app/overview`);
    const lights = phone.getByTestId('item-lights');
    await lights.waitFor();
    const count = async (group: string, light: string): Promise<number> =>
      Number(await lights.locator(`tr[data-group="${group}"] td[data-light="${light}"]`).textContent());
    let grey = 0;
    for (const group of ['task', 'project', 'commitment']) {
      await lights.locator(`tr[data-group="${group}"]`).waitFor();
      grey += await count(group, 'grey');
    }
    expect(grey).toBeGreaterThan(0);
    const box = (await lights.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    await e2e.shot(phone, 'staff-overview-items-phone');
    await phone
      .locator('.ant-card')
      .filter({ has: lights })
      .screenshot({ path: screenshotPath('staff-overview-items-card.png') });

    expect(e2e.problems).toEqual([]);
  }, 240_000);
});
