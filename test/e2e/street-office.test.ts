/**
 * A street office's clerk end to end, in Debian's Chromium against a real server (harness.ts): the
 * reporter of 湖滨街道 finds the task her street leads (湖滨国际时尚消费核) among what she owes for
 * the open round, and below it the items her street co-operates on; she reports her street's own
 * part of one of them (the area is her unit), submits it, and her reviewer finds it in the queue.
 * The item's own progress is untouched (a part is not the whole), and the server refuses her the
 * item's headline value. Screenshots: test-results/screenshots/staff-street-*.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canRunInChromium, type E2e, startE2e } from './harness.ts';

const SUITE = 'staff workspace: a street office reports in a browser';
const runs = canRunInChromium(SUITE);

interface ObservationReply {
  id: string;
  itemKey: string;
  area: string | null;
  status: string;
  value: number;
  year: number;
}

describe.runIf(runs)(SUITE, () => {
  let e2e: E2e;

  const signIn = async (username: string, viewport = { width: 390, height: 844 }): Promise<Page> => {
    const { page } = await e2e.open({
      viewport,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      // No expected errors: the sign-in page no longer asks who is signed in before anyone is.
    });
    await e2e.login(page, username);
    return page;
  };

  beforeAll(async () => {
    e2e = await startE2e({ now: new Date() });
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  });

  it('the clerk of 湖滨街道 finds what she owes and reports her street’s part of a co-operated item', async () => {
    const page = await signIn('reporter.hubin');
    await page.getByText('湖滨国际时尚消费核').first().waitFor();
    const parts = page.getByTestId('parts');
    const first = parts.locator('[data-testid^="owed-"]').first();
    const key = (await first.getAttribute('data-testid'))!.slice('owed-'.length);
    await e2e.shot(page, 'staff-street-reporting');

    await first.getByRole('button', { name: '填报' }).click();
    await first.getByRole('spinbutton').first().fill('60');
    await first.getByLabel('进展情况').fill('湖滨街道承担的 3 个小区改造已完工 2 个');
    await first.getByTestId('evidence').fill('湖滨街道 2025年工作台账');
    await first.getByRole('button', { name: '提交审核' }).click();
    await page.getByTestId('handed-in').getByText('湖滨街道', { exact: false }).first().waitFor();

    const clerk = await e2e.apiLogin('reporter.hubin');
    const mine = (await (
      await e2e.call(clerk, 'GET', `/api/plans/${e2e.planId}/observations`)
    ).json()) as ObservationReply[];
    const part = mine.find((o) => o.itemKey === key && o.area === '湖滨街道');
    expect(part).toMatchObject({ status: 'submitted', value: 60 });

    // The item's headline progress is the lead unit's: the server refuses it to a co-operating unit.
    const itemId = (
      (await (await e2e.call(clerk, 'GET', `/api/plans/${e2e.planId}/items?mine=1`)).json()) as {
        id: string;
        key: string;
      }[]
    ).find((i) => i.key === key)!.id;
    const whole = await e2e.call(clerk, 'POST', `/api/plans/${e2e.planId}/observations`, {
      itemId,
      kind: 'progress',
      year: part!.year,
      value: 100,
      unit: '%',
      details: { note: '', evidence: '' },
    });
    expect(whole.status).toBe(403);

    const reviewer = await signIn('reviewer.hubin', { width: 1366, height: 900 });
    await reviewer.goto(`${e2e.base}/app/review`);
    await reviewer.getByTestId('review-queue').getByText('60').first().waitFor();
    await e2e.shot(reviewer, 'staff-street-review');
    expect(e2e.problems).toEqual([]);
  });
});
