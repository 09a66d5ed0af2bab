/**
 * 分工 end to end, in Debian's Chromium against a real server (see harness.ts). The demo assigns
 * every item; the plan's ten actions are unassigned first, as after importing a plan. The planner
 * filters to what is unassigned, assigns one item in the editor (lead unit, a co-operating unit,
 * due date, a milestone), is told when someone else changed an assignment meanwhile (409, nothing
 * overwritten), and assigns the rest in bulk to a street office; the server's replies confirm each
 * change, and a bulk assignment with a stale row changes nothing and names the item. A reporter has
 * no menu entry and the server refuses its PUT (403); a viewer reads the page without edit
 * controls. Screenshots: test-results/screenshots/staff-assignments*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssignmentReply } from '../../src/contract/planning.ts';
import { type ApiSession, canRunInChromium, type E2e, startE2e } from './harness.ts';

const SUITE = 'staff workspace: assignments (分工) in a browser';
const runs = canRunInChromium(SUITE);

/** An item the demo assigns to 区投促局 with 区商务局 co-operating and three milestones. */
const TASK_KEY = 'task:2.2.1';
/** The street office the bulk assignment gives the unassigned items to. */
const STREET = '湖滨街道';

describe.runIf(runs)(SUITE, () => {
  let e2e: E2e;
  let planner: ApiSession;
  let actions: AssignmentReply[];
  let task: AssignmentReply;

  const path = (): string => `/api/plans/${e2e.planId}/assignments`;

  /** Every assignment as the server has it now, by item key. */
  const current = async (): Promise<Map<string, AssignmentReply>> => {
    const response = await e2e.call(planner, 'GET', path());
    expect(response.status).toBe(200);
    return new Map(((await response.json()) as AssignmentReply[]).map((a) => [a.key, a]));
  };

  /** A signed-in page; refusals the page explains in words are expected in the console. */
  const signIn = async (username: string, viewport = { width: 1366, height: 900 }): Promise<Page> => {
    const { page } = await e2e.open({
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      expectedConsole: /status of (401|403|404|409)/,
    });
    await e2e.login(page, username);
    return page;
  };

  /** Picks a unit in one of the unit pickers (by its label) by typing its name. */
  const pickUnit = async (scope: Locator, label: string, name: string): Promise<void> => {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(name);
    await input.press('Enter');
  };

  /** Types a date into a date picker and confirms it. */
  const pickDate = async (input: Locator, date: string): Promise<void> => {
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  };

  /** Chooses an option of a filter's drop-down (by the filter's accessible name). */
  const choose = async (page: Page, label: string, option: string): Promise<void> => {
    await page.getByLabel(label, { exact: true }).click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option).click();
  };

  const row = (page: Page, itemId: string): Locator => page.locator(`tr[data-row-key="${itemId}"]`);

  beforeAll(async () => {
    e2e = await startE2e({ now: new Date() });
    planner = await e2e.apiLogin('planner');
    const all = await current();
    actions = [...all.values()].filter((a) => a.kind === 'action');
    task = all.get(TASK_KEY)!;
    expect(actions).toHaveLength(10);
    expect(task.leadUnit?.shortName).toBe('区投促局');
    // As after importing a plan: the actions have no assignment yet.
    await e2e.database.db
      .deleteFrom('assignments')
      .where(
        'item_id',
        'in',
        actions.map((a) => a.itemId),
      )
      .execute();
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it('lets the planner assign one item, refuses a stale save, and assigns the rest in bulk', async () => {
    const page = await signIn('planner');
    await page.getByRole('menuitem', { name: /分工/ }).click();
    await page.waitForURL(`${e2e.base}/app/admin/assignments`);
    const table = page.getByTestId('assignments-table');
    await table.locator('tr[data-row-key]').nth(5).waitFor();
    expect(await page.getByTestId('assignment-counts').textContent()).toBe('已分工 245 / 255');
    await e2e.shot(page, 'staff-assignments');

    // Only the unassigned: the ten actions, each marked.
    await page.getByTestId('filter-unassigned').click();
    await page.getByTestId('shown-count').filter({ hasText: '筛选出 10 项' }).waitFor();
    expect(await table.locator('tr[data-row-key]').count()).toBe(10);
    expect(await table.getByTestId('lead-cell').filter({ hasText: '未分工' }).count()).toBe(10);

    // Assign the first one in the editor.
    const first = actions[0]!;
    await row(page, first.itemId).getByRole('button', { name: /分配/ }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByText('尚未分工，保存后生成').waitFor();
    await pickUnit(drawer, '牵头单位', '区科技局');
    // The lead cannot also co-operate: said as soon as it is picked.
    await pickUnit(drawer, '配合单位', '区科技局');
    await drawer.getByText('“区科技局”已是牵头单位，不能同时作为配合单位').waitFor();
    await drawer.locator('.ant-select-selection-item-remove').click();
    await drawer.getByText('“区科技局”已是牵头单位').waitFor({ state: 'detached' });
    await pickUnit(drawer, '配合单位', '区教育局');
    // Escape closes the drop-down, not the drawer.
    await drawer.getByLabel('配合单位', { exact: true }).press('Escape');
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').waitFor({ state: 'hidden' });
    await page.waitForTimeout(400);
    expect(await drawer.isVisible()).toBe(true);
    await pickDate(drawer.getByLabel('完成时限', { exact: true }), '2025-10-31');
    await drawer.getByRole('button', { name: /添加时间节点/ }).click();
    await drawer.getByRole('textbox', { name: '节点名称' }).fill('完成实施方案编制');
    await pickDate(drawer.getByRole('textbox', { name: '节点日期' }), '2024-12-31');
    await drawer.getByRole('checkbox', { name: '已完成' }).check();
    await e2e.shot(page, 'staff-assignments-edit');
    await drawer.getByTestId('assignment-save').click();
    await page.locator('.ant-message').filter({ hasText: '分工已保存' }).waitFor();
    await drawer.waitFor({ state: 'hidden' });
    // No longer unassigned: it leaves the filtered list, and shows its assignment once found.
    await page.getByTestId('shown-count').filter({ hasText: '筛选出 9 项' }).waitFor();
    await page.getByTestId('filter-unassigned').click();
    await page.getByPlaceholder('搜索名称或编号').fill(first.key);
    const saved = row(page, first.itemId);
    await saved.getByTestId('lead-cell').filter({ hasText: '区科技局' }).waitFor();
    expect(await saved.textContent()).toContain('区教育局');
    expect(await saved.getByTestId('milestone-count').textContent()).toBe('1 / 1 完成');
    expect(await page.getByTestId('assignment-counts').textContent()).toBe('已分工 246 / 255');
    const afterEdit = (await current()).get(first.key)!;
    expect(afterEdit.leadUnit?.shortName).toBe('区科技局');
    expect(afterEdit.coUnits.map((u) => u.shortName)).toEqual(['区教育局']);
    expect(afterEdit.dueDate).toBe('2025-10-31');
    expect(afterEdit.milestones).toEqual([{ title: '完成实施方案编制', due: '2024-12-31', done: true }]);
    expect(afterEdit.version).toBe(1);

    // Someone changes the task's assignment between opening and saving: 409, said in words, nothing overwritten.
    await page.getByPlaceholder('搜索名称或编号').fill(TASK_KEY);
    await row(page, task.itemId).getByRole('button', { name: /编辑/ }).click();
    await drawer.getByText(`版本 ${task.version}`).waitFor();
    await pickDate(drawer.getByLabel('完成时限', { exact: true }), '2025-09-30');
    const meanwhile = await e2e.call(planner, 'PUT', `${path()}/${task.itemId}`, {
      leadUnitId: task.leadUnit!.id,
      coUnitIds: task.coUnits.map((u) => u.id),
      dueDate: '2025-06-30',
      milestones: task.milestones,
      version: task.version,
    });
    expect(meanwhile.status).toBe(200);
    await drawer.getByTestId('assignment-save').click();
    await drawer.getByTestId('assignment-stale').filter({ hasText: '该分工刚被他人修改' }).waitFor();
    await page.locator('.ant-message').filter({ hasText: '他人修改' }).waitFor();
    // The form starts again from the latest version.
    await drawer.getByText(`版本 ${task.version! + 1}`).waitFor();
    expect(await drawer.getByLabel('完成时限', { exact: true }).inputValue()).toBe('2025-06-30');
    const afterStale = (await current()).get(TASK_KEY)!;
    expect(afterStale.dueDate).toBe('2025-06-30');
    expect(afterStale.version).toBe(task.version! + 1);
    await drawer.getByRole('button', { name: '取消' }).click();
    await drawer.waitFor({ state: 'hidden' });

    // Bulk: every unassigned item, and the task, to a street office; existing milestones kept.
    await page.getByPlaceholder('搜索名称或编号').fill('');
    await page.getByTestId('filter-unassigned').click();
    await page.getByRole('button', { name: '全选筛选结果（9 项）' }).click();
    await page.getByTestId('filter-unassigned').click();
    await page.getByPlaceholder('搜索名称或编号').fill(TASK_KEY);
    await row(page, task.itemId).getByRole('checkbox').check();
    await page.getByTestId('selected-count').filter({ hasText: '已选 10 项' }).waitFor();
    await page.getByRole('button', { name: /批量分配/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('批量分配（10 项）').waitFor();
    await pickUnit(dialog, '牵头单位', STREET);
    expect(await dialog.getByRole('radio', { name: '保留' }).isChecked()).toBe(true);
    await e2e.shot(page, 'staff-assignments-bulk');
    await dialog.getByRole('button', { name: '分配' }).click();
    await page
      .getByTestId('bulk-result')
      .filter({ hasText: '批量分配完成：新分工 9 项，更新 1 项，未变 0 项' })
      .waitFor();
    await page.getByTestId('assignment-counts').filter({ hasText: '已分工 255 / 255' }).waitFor();
    expect(await page.getByTestId('selected-count').textContent()).toBe('已选 0 项');
    const afterBulk = await current();
    for (const a of actions.slice(1)) expect(afterBulk.get(a.key)?.leadUnit?.shortName).toBe(STREET);
    expect(afterBulk.get(first.key)?.leadUnit?.shortName).toBe('区科技局');
    const bulkTask = afterBulk.get(TASK_KEY)!;
    expect(bulkTask.leadUnit?.shortName).toBe(STREET);
    expect(bulkTask.coUnits.map((u) => u.shortName)).toEqual(['区商务局']);
    expect(bulkTask.dueDate).toBe('2025-06-30');
    expect(bulkTask.milestones).toEqual(task.milestones);
    expect(bulkTask.version).toBe(task.version! + 2);

    // A bulk assignment with a row changed meanwhile changes nothing and names the item.
    const [one, two] = [actions[1]!, actions[2]!];
    await page.getByPlaceholder('搜索名称或编号').fill('');
    await choose(page, '类型', '行动');
    await page.getByTestId('shown-count').filter({ hasText: '筛选出 10 项' }).waitFor();
    await row(page, one.itemId).getByRole('checkbox').check();
    await row(page, two.itemId).getByRole('checkbox').check();
    const seen = afterBulk.get(two.key)!;
    const change = await e2e.call(planner, 'PUT', `${path()}/${two.itemId}`, {
      leadUnitId: seen.leadUnit!.id,
      coUnitIds: [],
      dueDate: '2025-12-31',
      milestones: [],
      version: seen.version,
    });
    expect(change.status).toBe(200);
    await page.getByRole('button', { name: /批量分配/ }).click();
    await pickUnit(dialog, '牵头单位', '小营街道');
    await dialog.getByRole('button', { name: '分配' }).click();
    const problems = dialog.getByTestId('bulk-problems');
    await problems.filter({ hasText: '1 项分工已被他人修改，未做任何更改' }).waitFor();
    expect(await problems.textContent()).toContain(
      `“${two.title}”（${two.key}）版本：该条目的分工已被他人修改`,
    );
    const afterRefusal = await current();
    expect(afterRefusal.get(one.key)?.leadUnit?.shortName).toBe(STREET);
    expect(afterRefusal.get(one.key)?.version).toBe(1);
    expect(afterRefusal.get(two.key)?.version).toBe(seen.version! + 1);
    await dialog.getByRole('button', { name: '取消' }).click();

    // On a phone: the table scrolls sideways inside its card, the page does not.
    const phone = await e2e.open({
      viewport: { width: 390, height: 844 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      from: page.context(),
    });
    await phone.page.goto(`${e2e.base}/app/admin/assignments`);
    await phone.page.getByTestId('assignments-table').locator('tr[data-row-key]').nth(5).waitFor();
    const width = (await phone.page.evaluate(
      '({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth })',
    )) as { scroll: number; client: number };
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await e2e.shot(phone.page, 'staff-assignments-phone');

    expect(e2e.problems).toEqual([]);
  }, 240_000);

  it('keeps reporters out and shows the viewer the page read-only', async () => {
    // A reporter: no menu entry, a refusal at the address, and the server refuses the write.
    const reporter = await signIn('reporter.tongji');
    await reporter.getByRole('menuitem', { name: /填报/ }).waitFor();
    expect(await reporter.getByRole('menuitem', { name: /分工/ }).count()).toBe(0);
    await reporter.goto(`${e2e.base}/app/admin/assignments`);
    await reporter.getByText('您的角色无权查看此页。').waitFor();
    const reporterApi = await e2e.apiLogin('reporter.tongji');
    const refused = await e2e.call(reporterApi, 'PUT', `${path()}/${task.itemId}`, {
      leadUnitId: task.leadUnit!.id,
      coUnitIds: [],
      dueDate: null,
      milestones: [],
      version: null,
    });
    expect(refused.status).toBe(403);
    const bulkRefused = await e2e.call(reporterApi, 'POST', `${path()}/bulk`, {
      rows: [{ item: task.key, leadUnit: 'tjj' }],
    });
    expect(bulkRefused.status).toBe(403);

    // The viewer (leadership): the page and its filters, no edit buttons, no selection.
    const viewer = await signIn('viewer');
    await viewer.getByRole('menuitem', { name: /分工/ }).click();
    const table = viewer.getByTestId('assignments-table');
    await table.locator('tr[data-row-key]').nth(5).waitFor();
    await viewer.getByTestId('assignments-read-only').waitFor();
    expect(await viewer.getByTestId('assignment-counts').textContent()).toMatch(/^已分工 \d+ \/ 255$/);
    expect(await table.getByRole('button', { name: /编辑|分配/ }).count()).toBe(0);
    expect(await table.getByRole('checkbox').count()).toBe(0);
    expect(await viewer.getByRole('button', { name: /批量分配/ }).count()).toBe(0);
    expect(await viewer.getByTestId('selection-bar').count()).toBe(0);
    await choose(viewer, '类型', '项目');
    await viewer.getByTestId('shown-count').filter({ hasText: '筛选出 29 项' }).waitFor();
    await e2e.shot(viewer, 'staff-assignments-viewer');

    expect(e2e.problems).toEqual([]);
  }, 120_000);
});
