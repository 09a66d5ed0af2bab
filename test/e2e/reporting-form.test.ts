/**
 * The 填报 value form end to end, in Debian's Chromium against a real server (see harness.ts), as a
 * clerk of 区商务局 types into it: "abc" stays in the field with an error and saving is blocked;
 * full-width digits from a Chinese input method are read (１６２．５ → 162.5) and submitted; a
 * negative total and an absurd jump are warned of as you type, and submitting one asks for an
 * explanation in a dialog, which reaches the reviewer as the value's note (checked over the API and
 * in the review queue). Returned to the clerk, the value shows its warning at once. Screenshots:
 * test-results/screenshots/staff-reporting-*.png.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ObservationDetailReply, ObservationReply } from '../../src/contract/observations.ts';
import { canRunInChromium, type E2e, screenshotPath, startE2e } from './harness.ts';

const SUITE = 'staff workspace: the reporting form in a browser';
const runs = canRunInChromium(SUITE);

const YEAR = 2025;
/** 服务贸易进出口总额, 亿元, 158.29 approved for 2024: 162.5 is an ordinary change. */
const SERVICES = '8';
/** 实际利用外资, 亿美元, 11.7 approved for 2024: 999999 is +8,546,900%. */
const FOREIGN = '6';
const NOT_A_NUMBER = '请输入数字，如 162.5';
const EXPLANATION = '外资大项目一次性到位，已与外汇管理部门核对';

describe.runIf(runs)(SUITE, () => {
  let e2e: E2e;

  beforeAll(async () => {
    e2e = await startE2e({ now: new Date() });
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  });

  const signIn = async (username: string): Promise<Page> => {
    const { page } = await e2e.open({
      viewport: { width: 1366, height: 900 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      expectedConsole: /status of (401|403|404|409)/,
    });
    await e2e.login(page, username);
    return page;
  };
  const shot = (page: Page, name: string): Promise<void> => e2e.shot(page, `staff-reporting-${name}`);

  /** The form of an indicator the unit owes, unfolded. */
  const card = async (page: Page, code: string): Promise<Locator> => {
    const form = page.getByTestId(`owed-ind:${code}`);
    await form.waitFor();
    const unfold = form.getByRole('button', { name: '填报', exact: true });
    if (await unfold.isVisible()) await unfold.click();
    await form.getByRole('spinbutton').first().waitFor();
    return form;
  };

  /** Clears a value input and types into it key by key, as a person does. */
  const type = async (input: Locator, text: string): Promise<void> => {
    await input.fill('');
    await input.pressSequentially(text);
  };

  it('keeps bad input in sight, reads full-width digits, and asks why before submitting a warned value', async () => {
    const reporter = await signIn('reporter.shangwu');
    expect(new URL(reporter.url()).pathname).toBe('/app/reporting');

    // "abc": the error shows as it is typed, the text stays after the field is left, nothing can be sent.
    const services = await card(reporter, SERVICES);
    const input = services.getByRole('spinbutton').first();
    const submit = services.getByRole('button', { name: '提交审核' });
    const save = services.getByRole('button', { name: '保存草稿' });
    await type(input, 'abc');
    await services.getByText(NOT_A_NUMBER).waitFor();
    await input.press('Tab');
    expect(await input.inputValue()).toBe('abc');
    await expect.poll(() => submit.isDisabled()).toBe(true);
    await expect.poll(() => save.isDisabled()).toBe(true);
    await type(input, '12abc');
    await services.getByText(NOT_A_NUMBER).waitFor();
    await expect.poll(() => submit.isDisabled()).toBe(true);
    await services.scrollIntoViewIfNeeded();
    await reporter.screenshot({ path: screenshotPath('staff-reporting-invalid.png') });

    // "１６２．５", as a Chinese input method types it: read as 162.5, written so when the field is left.
    await type(input, '１６２．５');
    await input.press('Tab');
    expect(await input.inputValue()).toBe('162.5');
    await services.getByText(NOT_A_NUMBER).waitFor({ state: 'detached' });
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await services.getByTestId('evidence').fill('区商务局 2025年服务贸易统计');
    await submit.click();
    await services.waitFor({ state: 'detached' });

    // −5 for a total counted up, then 999999: warned of as typed (soft: the buttons stay on).
    const foreign = await card(reporter, FOREIGN);
    const value = foreign.getByRole('spinbutton').first();
    await type(value, '-5');
    await foreign.getByText(/数值为负/).waitFor();
    await type(value, '999999');
    await foreign.getByText('+8,546,900%', { exact: false }).waitFor();
    await foreign.getByText(/数值为负/).waitFor({ state: 'detached' });
    await foreign.getByTestId('evidence').fill('区商务局 2025年利用外资台账');
    await shot(reporter, 'warning');

    // Submitting asks why, in a dialog stating the warning; an empty explanation is refused.
    await foreign.getByRole('button', { name: '提交审核' }).click();
    const dialog = reporter.getByRole('dialog');
    await dialog.getByTestId('explain-warnings').filter({ hasText: '+8,546,900%' }).waitFor();
    expect(await dialog.getByTestId('explain-warnings').textContent()).toContain('实际利用外资');
    await dialog.getByRole('button', { name: '附说明提交' }).click();
    await dialog.getByText('请说明原因').waitFor();
    await reporter.screenshot({ path: screenshotPath('staff-reporting-confirm.png') });
    await dialog.getByTestId('explain-note').fill(EXPLANATION);
    await dialog.getByRole('button', { name: '附说明提交' }).click();
    await foreign.waitFor({ state: 'detached' });
    await reporter
      .getByTestId('handed-in')
      .getByRole('row', { name: /实际利用外资/ })
      .filter({ hasText: '已提交' })
      .waitFor();

    // The reviewer reads the explanation: over the API as the value's note, and in the queue.
    const reviewerApi = await e2e.apiLogin('reviewer.shangwu');
    const listed = (await (
      await e2e.call(reviewerApi, 'GET', `/api/plans/${e2e.planId}/observations?year=${YEAR}`)
    ).json()) as ObservationReply[];
    const byCode = (code: string): ObservationReply => {
      const found = listed.find((o) => o.indicatorCode === code && o.status === 'submitted');
      expect(found, code).toBeDefined();
      return found!;
    };
    expect(byCode(SERVICES).value).toBe(162.5);
    const response = await e2e.call(reviewerApi, 'GET', `/api/observations/${byCode(FOREIGN).id}`);
    expect(response.status).toBe(200);
    const detail = (await response.json()) as ObservationDetailReply;
    expect(detail.value).toBe(999999);
    expect(detail.details.note).toBe(EXPLANATION);
    expect(detail.warnings.map((w) => w.code)).toEqual(['implausible_change']);

    const reviewer = await signIn('reviewer.shangwu');
    await reviewer.goto(`${e2e.base}/app/review`);
    await reviewer.getByText(EXPLANATION).first().waitFor();
    await shot(reviewer, 'review-note');

    // Returned, the value comes back to the clerk with its warning shown at once, untouched.
    const returned = await e2e.call(reviewerApi, 'POST', `/api/observations/${detail.id}/transitions`, {
      action: 'return',
      version: detail.version,
      comment: '请核对是否为万美元',
    });
    expect(returned.status).toBe(200);
    await reporter.reload();
    const again = await card(reporter, FOREIGN);
    await again.getByTestId('returned-comment').waitFor();
    expect(await again.getByRole('spinbutton').first().inputValue()).toBe('999999');
    await again.getByText('+8,546,900%', { exact: false }).waitFor();
    expect(await again.locator('.ant-form-item-explain-error').count()).toBe(0);
    await shot(reporter, 'returned-warning');

    expect(e2e.problems).toEqual([]);
  }, 240_000);
});
