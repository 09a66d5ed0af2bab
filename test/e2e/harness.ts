/**
 * What every end-to-end test shares: Debian's Chromium (playwright-core) and the rule for when it is
 * missing (skip with a note, or fail when LANTU_REQUIRE_SERVICES is set); a real server — a fresh
 * in-memory SQLite seeded with the demo, the web app built by Vite into a temporary folder,
 * `buildApp` listening on an ephemeral port; browser contexts that record page errors; signing in
 * through the sign-in page or over the API; screenshots into test-results/screenshots/.
 */
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { type SeededDemo, seedDemo } from '../../src/server/services/seedDemo.ts';
import { type Database, openDatabase } from '../../src/store/database.ts';
import { buildWeb, REPO_ROOT, type WebBuild } from '../web/buildWeb.ts';

/** Debian's Chromium. */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Where screenshots go. */
export const SCREENSHOTS = join(REPO_ROOT, 'test-results/screenshots');

/** Whether Chromium is installed. */
export const chromiumAvailable = existsSync(CHROMIUM);

/**
 * Whether a suite can run. Without Chromium it is skipped with a note, unless
 * LANTU_REQUIRE_SERVICES is set: then a failing test says what is missing.
 */
export function canRunInChromium(suite: string): boolean {
  if (chromiumAvailable) return true;
  if (process.env.LANTU_REQUIRE_SERVICES) {
    describe(`${suite} (required)`, () => {
      it('has Chromium', () => {
        throw new Error(
          `${CHROMIUM} is missing and LANTU_REQUIRE_SERVICES is set: install chromium fonts-noto-cjk`,
        );
      });
    });
  } else {
    console.warn(
      `[lantu tests] ${suite}: skipped, ${CHROMIUM} is missing (apt-get install chromium fonts-noto-cjk)`,
    );
  }
  return false;
}

/** The path of a screenshot file (the folder is made by startE2e). */
export function screenshotPath(fileName: string): string {
  return join(SCREENSHOTS, fileName);
}

/** A signed-in API session: its cookie and CSRF token. */
export interface ApiSession {
  cookie: string;
  csrf: string;
}

/** How to open a page. */
export interface OpenOptions {
  /** The window size (1280 × 900 unless given). */
  viewport?: { width: number; height: number };
  /** The browser's language and time zone (Chromium's own unless given). */
  locale?: string;
  timezoneId?: string;
  /** Lets a test inject scripts (axe-core) past the Content-Security-Policy. */
  bypassCSP?: boolean;
  /** Starts with the cookies and storage of another context (the same user on another device). */
  from?: BrowserContext;
  /** Console errors matching this are expected (a refused request the page handles) and not recorded. */
  expectedConsole?: RegExp;
  /** A path of the app to go to at once. */
  path?: string;
}

/** An opened page, its context and the errors it has logged so far. */
export interface OpenedPage {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** The running server, the browser and the helpers of one test file. */
export interface E2e {
  /** http://127.0.0.1:<port> */
  base: string;
  planId: string;
  demo: SeededDemo;
  database: Database;
  app: FastifyInstance;
  browser: Browser;
  /** Every page error and unexpected console error of every page opened, for a final check. */
  problems: string[];
  /** A demo user's password. */
  password: (username: string) => string;
  /** A page in a new browser context (its own cookies), recording its errors. */
  open: (options?: OpenOptions) => Promise<OpenedPage>;
  /** Signs in through the sign-in page. */
  login: (page: Page, username: string) => Promise<void>;
  /** Signs in over the API (for checks on the server), returning the cookie and CSRF token. */
  apiLogin: (username: string) => Promise<ApiSession>;
  /** A request to the API as a session (with its CSRF token). */
  call: (session: ApiSession, method: string, path: string, body?: unknown) => Promise<Response>;
  /** A whole-page screenshot from the top, test-results/screenshots/<name>.png. */
  shot: (page: Page, name: string) => Promise<void>;
  /** Closes the contexts, the browser, the server and the database, and removes the build. */
  close: () => Promise<void>;
}

/** Builds the web app, seeds a fresh database as of `now`, starts the server and Chromium. */
export async function startE2e(options: { now: Date }): Promise<E2e> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  let web: WebBuild | undefined;
  let database: Database | undefined;
  let app: FastifyInstance | undefined;
  let browser: Browser | undefined;

  const close = async (): Promise<void> => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser?.close().catch(() => {});
    await app?.close().catch(() => {});
    await database?.close().catch(() => {});
    web?.remove();
  };

  try {
    web = await buildWeb();
    database = await openDatabase(':memory:');
    const demo = await seedDemo(database, { now: options.now });
    if (!demo) throw new Error('the demo was not seeded');
    app = await buildApp({ database, webRoot: web.outDir });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const openBrowser = browser;

    const password = (username: string): string => {
      const user = demo.users.find((u) => u.username === username);
      if (!user) throw new Error(`no demo user ${username}`);
      return user.password;
    };

    const open = async (o: OpenOptions = {}): Promise<OpenedPage> => {
      const context = await openBrowser.newContext({
        viewport: o.viewport ?? { width: 1280, height: 900 },
        ...(o.locale ? { locale: o.locale } : {}),
        ...(o.timezoneId ? { timezoneId: o.timezoneId } : {}),
        ...(o.bypassCSP ? { bypassCSP: true } : {}),
        ...(o.from ? { storageState: await o.from.storageState() } : {}),
      });
      contexts.push(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => {
        errors.push(error.message);
        problems.push(`page error: ${error.message}`);
      });
      page.on('console', (message) => {
        if (message.type() !== 'error' || o.expectedConsole?.test(message.text())) return;
        errors.push(message.text());
        problems.push(`console: ${message.text()}`);
      });
      if (o.path !== undefined) await page.goto(`${base}${o.path}`);
      return { context, page, errors };
    };

    const login = async (page: Page, username: string): Promise<void> => {
      await page.goto(`${base}/`);
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password(username));
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByTestId('user-menu').waitFor();
    };

    const apiLogin = async (username: string): Promise<ApiSession> => {
      const response = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: password(username) }),
      });
      expect(response.status).toBe(200);
      const me = (await response.json()) as { csrfToken: string };
      const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
      return { cookie, csrf: me.csrfToken };
    };

    const call = async (
      session: ApiSession,
      method: string,
      path: string,
      body?: unknown,
    ): Promise<Response> =>
      fetch(`${base}${path}`, {
        method,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });

    const shot = async (page: Page, name: string): Promise<void> => {
      await page.evaluate('window.scrollTo(0, 0)');
      await page.waitForTimeout(300);
      await page.screenshot({ path: screenshotPath(`${name}.png`), fullPage: true });
    };

    return {
      base,
      planId: demo.planId,
      demo,
      database,
      app,
      browser,
      problems,
      password,
      open,
      login,
      apiLogin,
      call,
      shot,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
