import { existsSync, mkdirSync } from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
} from 'playwright-core';
import { DEMO_PASSWORD } from './principals.js';

/** Debian's Chromium (package `chromium`); scripts/check.sh installs it when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that work on a closed network: nothing phones home, nothing is downloaded. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A headless Chromium; Playwright gives each launch a fresh temporary user-data dir. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install the Debian package "chromium" (apt-get install -y chromium)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe-core (WCAG 2.2 A and AA) on the page; returns its violations, one line each. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${page.url()}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Saves a full-page screenshot under docs/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync('docs/screenshots', { recursive: true });
  await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true });
}

/** Clicks something that loads a new page (a link or a form's button) and waits for it. */
export async function navigate(page: Page, target: Locator): Promise<void> {
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), target.click()]);
}

/** The visible text of the first match, whitespace collapsed (waits for it to appear). */
export async function textOf(locator: Locator): Promise<string> {
  const first = locator.first();
  await first.waitFor({ timeout: 10_000 });
  return (await first.innerText()).replace(/\s+/g, ' ').trim();
}

/**
 * axe-core needs JavaScript in the page it checks. For a page rendered with JavaScript
 * disabled, its HTML (scripts removed, so exactly what a no-JS browser shows) is served at
 * the same address to a page of a JavaScript-enabled context, and checked there.
 */
export async function axeViolationsWithoutJs(
  page: Page,
  checker: BrowserContext,
): Promise<string[]> {
  const url = page.url();
  const html = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, '');
  const probe = await checker.newPage();
  try {
    await probe.route(url, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await probe.goto(url);
    return await axeViolations(probe);
  } finally {
    await probe.close();
  }
}

/** Signs in through the sign-in form with the demo password. */
export async function signInPage(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
  await navigate(page, page.getByRole('button', { name: 'Sign in' }));
}

/**
 * A page in a context with JavaScript off, and a JavaScript context for axe to check it:
 * `check()` adds the page's violations to `violations`; `close()` closes both contexts.
 */
export async function noJsPage(
  browser: Browser,
  baseURL: string,
  violations: string[],
): Promise<{
  context: BrowserContext;
  page: Page;
  check: () => Promise<void>;
  close: () => Promise<void>;
}> {
  const context = await browser.newContext({ baseURL, locale: 'en-GB', javaScriptEnabled: false });
  const checker = await browser.newContext({ baseURL });
  const page = await context.newPage();
  return {
    context,
    page,
    check: async () => {
      violations.push(...(await axeViolationsWithoutJs(page, checker)));
    },
    close: async () => {
      await context.close();
      await checker.close();
    },
  };
}
