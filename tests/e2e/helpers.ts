/**
 * Browser flows: the built web app served by the real Totem server (fresh test database), driven
 * by Debian's Chromium through playwright-core, and checked by axe at every page.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Clock } from '../../src/platform/clock.ts';
import { createTestApp, type TestApp, testPassword } from '../helpers/app.ts';

export { testPassword };

const root = fileURLToPath(new URL('../..', import.meta.url));
const webDir = join(root, 'web');
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
/** Where the flows leave their screenshots, to be looked at. */
export const screenshotDir = process.env.E2E_SCREENSHOTS ?? '/tmp/totem-e2e';

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return Math.max(s.mtimeMs, ...readdirSync(path).map((e) => newestMtime(join(path, e))));
}

/** Builds web/dist when it is missing or older than the web sources (Vite, with the project's Node). */
export function buildWebIfStale(): void {
  const index = join(webDir, 'dist/index.html');
  const built = existsSync(index) ? statSync(index).mtimeMs : 0;
  const sources = ['src', 'public', 'index.html', 'vite.config.ts'].map((p) => newestMtime(join(webDir, p)));
  if (built > Math.max(...sources)) return;
  const node = existsSync(join(root, 'node_modules/.bin/node')) ? join(root, 'node_modules/.bin/node') : process.execPath;
  const r = spawnSync(
    node,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(webDir, 'vite.config.ts'), '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would give a development build of React.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (r.status !== 0) throw new Error('web build failed');
}

export type Flow = {
  t: TestApp;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser profile (no cookie, no stored language), French-speaking by default. */
  newPage(options?: { viewport?: { width: number; height: number }; locale?: string }): Promise<Page>;
  close(): Promise<void>;
};

/**
 * The app on a loopback port with a fresh database, and a Chromium to visit it; `clock` lets a
 * flow move the server's time (a check-in window, a cancellation deadline).
 */
export async function startFlow(opts: { clock?: Clock } = {}): Promise<Flow> {
  buildWebIfStale();
  const t = await createTestApp({ serveWeb: true, ...(opts.clock ? { clock: opts.clock } : {}) });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  const contexts: BrowserContext[] = [];
  mkdirSync(screenshotDir, { recursive: true });
  return {
    t,
    baseUrl,
    browser,
    async newPage({ viewport = { width: 1280, height: 860 }, locale = 'fr-FR' } = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, viewport, locale });
      // Generous: a page that loads several resources can take seconds on a busy two-core CI machine;
      // a passing flow never waits for it, a failing one only reports later.
      context.setDefaultTimeout(20_000);
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close();
      await t.close();
    },
  };
}

/** Fails with a readable list when axe finds a WCAG 2.0/2.1 A or AA violation on the page. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const found = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(found, `axe violations on ${page.url()}`).toEqual([]);
}

/** Presses Tab until `target` has the focus: proves it is reachable by keyboard, in order. */
export async function tabTo(page: Page, target: Locator, maxPresses = 40): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error(`could not reach ${target} with the Tab key`);
}

/** Presses `key` until the focused element's text matches (in a menu, a list…). */
export async function pressUntilFocused(page: Page, key: string, text: RegExp, maxPresses = 20): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
    if (text.test(focused)) return;
    await page.keyboard.press(key);
  }
  throw new Error(`no focused element matching ${text}`);
}

/** The text of the element that has the focus. */
export function focusedText(page: Page): Promise<string> {
  return page.evaluate(() => (document.activeElement?.textContent ?? '').trim());
}

/** Waits for the page's main heading. */
export async function expectHeading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The link of a captured e-mail, opened on the test server (the mail speaks of PUBLIC_URL). */
export function linkFromMail(text: string, baseUrl: string): string {
  const match = /https?:\/\/[^\s/]+(\/[^\s]*#token=[^\s]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no link in the e-mail:\n${text}`);
  return baseUrl + match[1];
}

export async function screenshot(page: Page, name: string): Promise<string> {
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Signs in through the sign-in page with a password, and waits until the page leaves it. */
export async function signInThroughPage(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  const form = page.locator('form').first();
  await form.getByRole('textbox', { name: /Adresse e-mail|E-mail address/ }).fill(email);
  await form.getByLabel(/^(Mot de passe|Password)$/).fill(password);
  await form.getByRole('button', { name: /^(Se connecter|Sign in)$/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
