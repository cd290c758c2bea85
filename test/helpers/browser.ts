/**
 * Browser tests: the real server (listening on a loopback port, serving web/dist) driven by
 * Debian's Chromium through playwright-core. Never a downloaded browser.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { realtimeServices } from '../../src/app/realtime-services.js';
import { systemClock } from '../../src/shared/clock.js';
import type { Service } from '../../src/shared/lifecycle.js';
import type { TestEngine } from './engines.js';
import { createTestApp, type TestApp } from './test-app.js';
import { scaled } from './time-scale.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Git-ignored; the README's pictures are copied from here into docs/screenshots by hand. */
export const SCREENSHOT_DIR = join(import.meta.dirname, '../../test-output/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Flags from the machine notes: without the networking ones Chromium keeps trying closed hosts.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

export interface WebTestApp extends TestApp {
  baseUrl: string;
  stopServices(): Promise<void>;
}

/** The full app on a real socket with the real clock (the page's countdowns use the browser's); `env` adds settings. */
export async function startWebApp(engine: TestEngine, env: Record<string, string> = {}, port = 0): Promise<WebTestApp> {
  const t = await createTestApp(engine, { clock: systemClock, env: { REALTIME_POLL_INTERVAL: '200ms', ...env } });
  const services: Service[] = realtimeServices(t.deps, { metricsIntervalMs: 200 }).services;
  for (const s of services) await s.start();
  const baseUrl = await t.app.listen({ port, host: '127.0.0.1' });
  return {
    ...t,
    baseUrl,
    async stopServices() {
      for (const s of [...services].reverse()) await s.stop();
    },
  };
}

/** A browser context already signed in with `key` (as if the user had signed in before). */
const DEFAULT_VIEWPORT: Viewport = { width: 1366, height: 860 };

export async function signedInContext(browser: Browser, key: string, viewport = DEFAULT_VIEWPORT): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport });
  // Navigation and every locator wait: one scaled bound (test/helpers/time-scale.ts).
  ctx.setDefaultTimeout(scaled(10_000));
  ctx.setDefaultNavigationTimeout(scaled(10_000));
  await ctx.addInitScript({ content: `window.localStorage.setItem('flowledger.apiKey', ${JSON.stringify(key)});` });
  return ctx;
}

type Viewport = { width: number; height: number };

/**
 * A browser test file's rig: the app on a socket, Chromium, and the file's pages, each in a browser
 * context of its own (signed in with `key`, or signed out for null) and watched for page errors.
 */
export class WebSession {
  private readonly contexts: BrowserContext[] = [];
  private readonly errors: string[][] = [];
  private constructor(
    readonly app: WebTestApp,
    private readonly browser: Browser,
    private readonly timeoutMs: number,
  ) {}

  /** `port`: a fixed one, for a PUBLIC_URL that must name the page's own origin (same-site checks). */
  static async start(engine: TestEngine, timeoutMs: number, env?: Record<string, string>, port?: number): Promise<WebSession> {
    const [app, browser] = await Promise.all([startWebApp(engine, env, port), launchBrowser()]);
    return new WebSession(app, browser, timeoutMs);
  }

  async open(key: string | null, path: string, viewport?: Viewport): Promise<Page> {
    const ctx = key ? await signedInContext(this.browser, key, viewport) : await this.browser.newContext({ viewport: viewport ?? DEFAULT_VIEWPORT });
    this.contexts.push(ctx);
    const page = await ctx.newPage();
    this.errors.push(watchPageErrors(page));
    page.setDefaultTimeout(this.timeoutMs);
    await page.goto(`${this.app.baseUrl}${path}`);
    return page;
  }

  /**
   * Closes the pages, the browser and the app, and answers the page errors of all pages: checked
   * last, so every test's errors are reported, not just the first failing one.
   */
  async stop(): Promise<string[]> {
    for (const c of this.contexts) await c.close().catch(() => {});
    await this.browser.close();
    await this.app.stopServices();
    await this.app.close();
    return this.errors.flat();
  }
}

export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: opts.fullPage ?? true });
}

/** Fails the test on any uncaught page error or console error (a broken screen must not pass). */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    // 4xx answers the test provokes on purpose show up as failed resource loads; they are not app errors.
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return errors;
}
