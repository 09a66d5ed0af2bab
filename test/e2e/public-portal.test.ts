/**
 * The public portal end to end: Debian's Chromium (playwright-core) against a real server (buildApp
 * listening on an ephemeral port) on a fresh in-memory SQLite filled with the demo, serving a web
 * build made for this test. Screenshots of each page go to test-results/screenshots/public-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../web/buildWeb.ts';
import { canRunInChromium, type E2e, screenshotPath, startE2e } from './harness.ts';

const AXE = join(REPO_ROOT, 'node_modules/axe-core/axe.min.js');

/** The browser globals the page functions below use (the tests compile without the DOM library). */
interface BrowserGlobals {
  document: { documentElement: { scrollHeight: number; scrollWidth: number; clientWidth: number } };
  scrollTo: (x: number, y: number) => void;
  requestAnimationFrame: (callback: () => void) => number;
  axe: { run: (context: unknown) => Promise<unknown> };
}

const SUITE = 'public portal end to end';
const runs = canRunInChromium(SUITE);

describe.runIf(runs)(SUITE, () => {
  let e2e: E2e;
  let base: string;
  let planId: string;

  beforeAll(async () => {
    e2e = await startE2e({ now: new Date('2025-06-30T02:00:00Z') });
    base = e2e.base;
    planId = e2e.planId;
  }, 240_000);

  afterAll(async () => {
    await e2e?.close();
  });

  /** A page in a fresh browser context (its own storage, so the language starts as Chinese). */
  async function open(
    path: string,
    options: { width?: number; height?: number; bypassCSP?: boolean } = {},
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    return e2e.open({
      path,
      viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
      bypassCSP: options.bypassCSP ?? false,
    });
  }

  /** Scrolls through the page so every lazily drawn chart is drawn, then back to the top. */
  async function scrollThrough(page: Page): Promise<void> {
    const height = await page.evaluate(
      () => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollHeight,
    );
    for (let y = 0; y < height; y += 700) {
      // Two frames at each stop, so the charts' visibility observers see them.
      await page.evaluate(
        (top) =>
          new Promise<void>((resolve) => {
            const w = globalThis as unknown as BrowserGlobals;
            w.scrollTo(0, top);
            w.requestAnimationFrame(() => w.requestAnimationFrame(resolve));
          }),
        y,
      );
    }
    await page.evaluate(() => (globalThis as unknown as BrowserGlobals).scrollTo(0, 0));
  }

  /** axe-core's serious and critical violations on the page as it is now. */
  async function seriousViolations(page: Page): Promise<string[]> {
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const w = globalThis as unknown as BrowserGlobals;
      const result = (await w.axe.run(w.document)) as {
        violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
      };
      return result.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        targets: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
      }));
    });
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.targets.join(', ')}`);
  }

  const planPath = (): string => `/public/plans/${planId}`;

  it('goes from /public straight to the one published plan', async () => {
    const { context, page, errors } = await open('/public');
    await page.waitForURL(`${base}${planPath()}`);
    await expect.poll(() => page.locator('h1').textContent()).toContain('上城区');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the plan front page: title, lights, the GDP sentence with the real 2024 figure', async () => {
    const { context, page, errors } = await open(planPath(), { bypassCSP: true });
    const h1 = page.locator('h1');
    await expect
      .poll(() => h1.textContent())
      .toBe('杭州市上城区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要');
    expect(await page.locator('.plan-meta').textContent()).toContain('2021—2025年');
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

    const reply = (await (await fetch(`${base}/api/public/plans/${planId}`)).json()) as {
      summary: { indicators: { byLight: Record<string, number> } };
    };
    const lights = reply.summary.indicators.byLight;
    for (const light of ['green', 'yellow', 'red', 'grey']) {
      const tile = page.locator(`.tile-${light}`);
      expect(await tile.locator('.tile-number').textContent()).toBe(`${lights[light]}项`);
      expect(await tile.locator('.tile-label').textContent()).toMatch(/^[绿黄红灰]灯$/);
    }
    expect(await page.locator('.area-row').count()).toBe(5);

    const gdp = page.locator('article', { has: page.locator('h4', { hasText: '地区生产总值' }) });
    const sentence = await gdp.locator('.sentence').textContent();
    expect(sentence).toBe('2024年 地区生产总值(GDP) 2803.5 亿元,完成目标进度 61.3%,滞后于序时进度。');
    expect(await gdp.locator('.badge').textContent()).toContain('滞后');
    // 2803.5 is the published figure, not sample data; sample values elsewhere are marked.
    expect(await gdp.locator('.figure .sample-tag').count()).toBe(0);
    expect(await page.locator('.sample-banner').count()).toBe(1);
    expect(await page.locator('.figure .sample-tag').count()).toBeGreaterThan(0);
    expect(await page.locator('#vision-title').textContent()).toBe('2035年远景目标');

    await scrollThrough(page);
    await expect
      .poll(() => page.locator('.chart-canvas canvas').count(), { timeout: 15_000 })
      .toBeGreaterThan(30);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('public-plan.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to English: labels, number format, dates and the lang attribute', async () => {
    const { context, page } = await open(planPath());
    await page.locator('.tile-green').waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('#overview-title').textContent()).toBe('Implementation in 2024');
    expect(await page.locator('.tile-green .tile-label').textContent()).toBe('Green');
    expect(await page.locator('.plan-meta').textContent()).toContain('Mar 2, 2022');
    expect(await page.locator('.plan-nav').textContent()).toContain('Plan text');
    const gdp = page.locator('article', { has: page.locator('h4', { hasText: '地区生产总值' }) });
    expect(await gdp.locator('.sentence').textContent()).toBe(
      'In 2024, 地区生产总值(GDP) was 2,803.5 亿元: 61.3% of the way to the target, behind the time-proportional pace.',
    );
    expect(await gdp.locator('.figure-value').textContent()).toBe('2,803.5');
    await page.screenshot({ path: screenshotPath('public-plan-en.png') });
    // The choice is remembered.
    await page.reload();
    await page.locator('.tile-green').waitFor();
    expect(await page.locator('#overview-title').textContent()).toBe('Implementation in 2024');
    await page.getByRole('button', { name: '中文' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');
    expect(await gdp.locator('.figure-value').textContent()).toBe('2803.5');
    await context.close();
  });

  it('reads on a phone (375 px) without sideways scrolling', async () => {
    const { context, page } = await open(planPath(), { width: 375, height: 812 });
    await page.locator('.indicator-card').first().waitFor();
    await scrollThrough(page);
    const width = await page.evaluate(() => {
      const root = (globalThis as unknown as BrowserGlobals).document.documentElement;
      return { scroll: root.scrollWidth, client: root.clientWidth };
    });
    expect(width.scroll).toBeLessThanOrEqual(width.client);
    await page.screenshot({ path: screenshotPath('public-plan-phone.png') });
    await page.goto(`${base}${planPath()}/indicators/10`);
    await page.locator('table.series').waitFor();
    const indicatorWidth = await page.evaluate(
      () => (globalThis as unknown as BrowserGlobals).document.documentElement.scrollWidth,
    );
    expect(indicatorWidth).toBeLessThanOrEqual(375);
    await page.screenshot({ path: screenshotPath('public-indicator-phone.png'), fullPage: true });
    await context.close();
  });

  it('shows an indicator: its chart after lazy loading, its series with sources, the method', async () => {
    const { context, page, errors } = await open(`${planPath()}/indicators/10`, { bypassCSP: true });
    await expect.poll(() => page.locator('h1').textContent()).toBe('地区生产总值(GDP)');
    await expect.poll(() => page.locator('.chart-canvas canvas').count(), { timeout: 15_000 }).toBe(1);
    const chart = page.locator('.chart-canvas[role="img"]');
    expect(await chart.getAttribute('aria-label')).toContain('2024年 2803.5 亿元');
    const table = page.locator('table.series');
    expect(await table.locator('tbody tr').count()).toBe(5);
    const row2024 = table.locator('tbody tr', { has: page.locator('th', { hasText: '2024年' }) });
    expect(await row2024.textContent()).toContain('2803.5 亿元');
    expect(await row2024.locator('a').getAttribute('href')).toMatch(/^https?:\/\/(www\.)?hzsc\.gov\.cn\//);
    const row2023 = table.locator('tbody tr', { has: page.locator('th', { hasText: '2023年' }) });
    expect(await row2023.locator('.sample-tag').textContent()).toBe('示例数据');
    const method = await page.locator('ul.method').textContent();
    expect(method).toContain('完成度');
    expect(method).toContain('序时进度');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('public-indicator.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the plan text with commitments and indicators marked', async () => {
    const { context, page, errors } = await open(`${planPath()}/text`, { bypassCSP: true });
    await page.locator('article.plan-text').waitFor();
    expect(await page.locator('article.plan-text h2').count()).toBe(10);
    expect(await page.locator('mark.mention-commitment').count()).toBeGreaterThan(50);
    const gdpLink = page.locator('a.mention-link', { hasText: '地区生产总值突破3250亿元' });
    expect(await gdpLink.getAttribute('href')).toBe(`${planPath()}/indicators/10`);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: screenshotPath('public-text.png') });
    await gdpLink.click();
    await page.waitForURL(`${base}${planPath()}/indicators/10`);
    await expect.poll(() => page.locator('h1').textContent()).toBe('地区生产总值(GDP)');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads the approved series as CSV (UTF-8 with BOM) and JSON, made in the browser', async () => {
    const { context, page } = await open(planPath());
    await page.locator('#data button').first().waitFor();
    const [csvDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载 CSV/ }).click(),
    ]);
    const csv = readFileSync((await csvDownload.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.toString('utf8').slice(1);
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe(
      '指标序号,领域,指标名称,分项,单位,属性,基期年份,基期值,目标年份,目标,年份,类型,地区,数值,是否示例数据,来源',
    );
    expect(
      rows.some(
        (r) =>
          r.startsWith('10,高端产业,地区生产总值(GDP),,亿元,') && r.includes(',2024,实际值,,2803.5,否,http'),
      ),
    ).toBe(true);
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /下载 JSON/ }).click(),
    ]);
    const json = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as {
      plan: { id: string };
      indicators: {
        code: string;
        measures: { series: { year: number; value: number; sample: boolean }[] }[];
      }[];
    };
    expect(json.plan.id).toBe(planId);
    const gdp = json.indicators.find((i) => i.code === '10')!;
    expect(gdp.measures[0]!.series).toContainEqual(
      expect.objectContaining({ year: 2024, value: 2803.5, sample: false }),
    );

    // The server's open data files are linked too: every dataset in CSV, JSON and XLSX.
    const links = page.locator('.open-data a');
    await links.first().waitFor();
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(hrefs).toHaveLength(12);
    expect(hrefs).toContain(`/api/public/plans/${planId}/data/dictionary.xlsx`);
    const xlsx = await fetch(`${base}/api/public/plans/${planId}/data/observations.xlsx`);
    expect(xlsx.status).toBe(200);
    expect([...new Uint8Array(await xlsx.arrayBuffer()).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    await context.close();
  });
});
