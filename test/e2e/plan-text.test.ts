/**
 * 规划文本 and the reminder bell end to end, in Debian's Chromium against a real server (harness.ts).
 * The planner takes the demo plan's confirmation back, moves chapter 8's 公共卫生 paragraph (line 235,
 * which ingest inferred into 美好教育) into 健康上城 with the boundary move, rejects a commitment and
 * confirms the structure again; the server's items follow (the task re-keyed with its assignment, the
 * commitment no longer tracked). A reporter reads the page without any correction control and the
 * server refuses a forged correction (403). A street office's reporter sees its unread reminder on the
 * bell and marks it read. Screenshots: test-results/screenshots/staff-plan-text*.png, staff-bell.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../src/store/ids.ts';
import { insertNotification } from '../../src/store/reminders.repository.ts';
import { type ApiSession, canRunInChromium, type E2e, startE2e } from './harness.ts';

const SUITE = 'staff workspace: plan text corrections and the reminder bell in a browser';
const runs = canRunInChromium(SUITE);

const MOVED_LINE = 235;

interface ItemReply {
  id: string;
  key: string;
  kind: string;
  line: number;
  leadUnit: { shortName: string } | null;
}

describe.runIf(runs)(SUITE, () => {
  let e2e: E2e;
  let planner: ApiSession;

  const items = async (kind: string): Promise<ItemReply[]> => {
    const response = await e2e.call(planner, 'GET', `/api/plans/${e2e.planId}/items?kind=${kind}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ItemReply[];
  };

  const signIn = async (username: string): Promise<Page> => {
    const { page } = await e2e.open({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      expectedConsole: /status of (401|403)/,
    });
    await e2e.login(page, username);
    return page;
  };

  const section = (page: Page, name: RegExp) => page.getByRole('treeitem', { name }).click();

  beforeAll(async () => {
    e2e = await startE2e({ now: new Date() });
    planner = await e2e.apiLogin('planner');
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it('a planner moves a paragraph to its section, rejects a commitment and confirms the structure', async () => {
    const before = (await items('task')).find((i) => i.line === MOVED_LINE)!;
    expect(before.key).toBe('task:8.1.4');
    const lead = before.leadUnit?.shortName;
    expect(lead).toBeTruthy();

    const page = await signIn('planner');
    await page.getByRole('menuitem', { name: '规划文本' }).click();
    const status = page.getByTestId('structure-status');
    await status.getByText('已确认', { exact: true }).waitFor();
    // Confirmed: nothing can be moved until the confirmation is taken back.
    await expect(page.getByTestId(`move-${MOVED_LINE}`).count()).resolves.toBe(0);
    await status.getByRole('button', { name: '取消确认' }).click();
    await status.getByText('待确认', { exact: true }).waitFor();

    await section(page, /第1节 高水平建设“美好教育”/);
    await page.getByTestId(`move-${MOVED_LINE}`).click();
    await page.getByRole('menuitem', { name: /连同本部分此后共 1 段并入 第8章第2节/ }).click();
    await page.getByText(/已调整：\d+ 项重新编号/).waitFor();

    await section(page, /第2节 构建更高水平的健康上城/);
    const moved = page.locator(`[data-line="${MOVED_LINE}"]`);
    await moved.getByTestId('moved-tag').filter({ hasText: '由第8章第1节移入' }).waitFor();
    await page.getByTestId('finding-corrected').first().waitFor();
    await e2e.shot(page, 'staff-plan-text-corrected');

    // The same item, re-keyed, still with its lead unit.
    const after = (await items('task')).find((i) => i.line === MOVED_LINE)!;
    expect(after).toMatchObject({ id: before.id, key: 'task:8.2.1', leadUnit: { shortName: lead } });

    // Reject the first commitment of the section: it is struck and no longer tracked.
    const review = page.getByTestId('commitment-review');
    const first = review.locator('[data-commitment]').first();
    const key = await first.getAttribute('data-commitment');
    await first.getByRole('button', { name: '剔除' }).click();
    await review.locator(`[data-commitment="${key}"]`).getByText('已剔除').waitFor();
    expect((await items('commitment')).some((i) => i.key === key)).toBe(false);

    await status.getByTestId('confirm-structure').click();
    await page.getByRole('button', { name: '确认规划结构' }).last().click();
    await status.getByText('已确认', { exact: true }).waitFor();
    await expect(page.getByTestId(`move-${MOVED_LINE}`).count()).resolves.toBe(0);
    await e2e.shot(page, 'staff-plan-text');
    expect(e2e.problems).toEqual([]);
  });

  it('a reporter reads the text without correction controls, and the server refuses a forged correction', async () => {
    const page = await signIn('reporter.hubin');
    await page.goto(`${e2e.base}/app/plan-text`);
    await page.getByTestId('structure-status').waitFor();
    await section(page, /第2节 构建更高水平的健康上城/);
    await page.locator(`[data-line="${MOVED_LINE}"]`).waitFor();
    await expect(page.getByRole('button', { name: /^调整/ }).count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: '剔除' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('confirm-structure').count()).resolves.toBe(0);

    const reporter = await e2e.apiLogin('reporter.hubin');
    const forged = await e2e.call(reporter, 'POST', `/api/plans/${e2e.planId}/structure/corrections`, {
      version: 1,
      corrections: [{ kind: 'moveParagraph', line: MOVED_LINE, to: { chapter: 8, section: 1 } }],
    });
    expect(forged.status).toBe(403);
    expect((await items('task')).find((i) => i.line === MOVED_LINE)?.key).toBe('task:8.2.1');
  });

  it('the bell shows a street office its unread reminder, and marking it read clears it', async () => {
    const unit = await e2e.database.db
      .selectFrom('org_units')
      .select('id')
      .where('short_name', '=', '湖滨街道')
      .executeTakeFirstOrThrow();
    await insertNotification(e2e.database.db, {
      id: newId(),
      unitId: unit.id,
      roundId: null,
      kind: 'upcoming',
      title: '填报提醒:2025年度填报将于12月10日截止',
      body: '湖滨街道尚有 3 项未填报,请于截止日前提交。',
      createdAt: new Date().toISOString(),
    });

    const page = await signIn('reporter.hubin');
    const bell = page.getByTestId('notification-bell');
    await page.getByRole('button', { name: '未读提醒：1' }).waitFor();
    await bell.click();
    const list = page.getByTestId('notification-list');
    await list.getByText('湖滨街道尚有 3 项未填报').waitFor();
    await e2e.shot(page, 'staff-bell');
    await list.getByRole('button', { name: '标为已读' }).click();
    await list.getByText('没有未读提醒').waitFor();
    await page.getByRole('button', { name: '未读提醒：0' }).waitFor();

    // Another unit's reporter never saw it.
    const other = await e2e.apiLogin('reporter.xiaoying');
    const theirs = await e2e.call(other, 'GET', '/api/notifications');
    expect(JSON.stringify(await theirs.json())).not.toContain('湖滨街道尚有');
    expect(e2e.problems).toEqual([]);
  });
});
