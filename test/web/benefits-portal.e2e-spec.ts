import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, navigate, screenshot, textOf } from '../support/browser.js';
import { ACCOUNTS, DEMO_PASSWORD } from '../support/principals.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(90_000);

/**
 * The benefits register's pages in a real browser (Chromium, headless), on the demo
 * benefits: the list with statuses, and one benefit's SVG chart with its figures in a
 * table. Every page is checked with axe-core (WCAG 2.2 A + AA): zero violations.
 */
describe('benefits pages in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const signIn = async (page: Page, email: string) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await navigate(page, page.getByRole('button', { name: 'Sign in' }));
  };

  it('lists the register and shows one benefit as a chart with its figures, with no axe violations', async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const page = await context.newPage();
    const violations: string[] = [];
    await signIn(page, ACCOUNTS.agency);
    await page.goto('/benefit-register');
    expect(await textOf(page.locator('h1'))).toBe('Benefits and disbenefits');
    const row = page.locator('tr', {
      hasText: 'Calls to council contact centres during switchover',
    });
    expect(await textOf(row)).toContain('Disbenefit');
    violations.push(...(await axeViolations(page)));
    await screenshot(page, 'benefits-list');

    await navigate(page, row.getByRole('link'));
    expect(await textOf(page.locator('h1'))).toBe(
      'Calls to council contact centres during switchover',
    );
    const svg = page.locator('svg[aria-labelledby="chart-title chart-desc"]');
    expect(await svg.locator('circle').count()).toBe(12);
    expect(await svg.locator('polyline').count()).toBe(1);
    const table = page.locator('table', { hasText: 'Readings' }).first();
    expect(await table.locator('tbody tr').count()).toBe(12);
    violations.push(...(await axeViolations(page)));
    await screenshot(page, 'benefit-chart');

    // A benefit measured by nation shows the breakdown tables too.
    await page.goto('/benefit-register');
    await navigate(
      page,
      page.getByRole('link', { name: 'Share of admissions applications made online' }),
    );
    expect(await textOf(page.locator('caption', { hasText: 'Readings for Wales' }))).toBe(
      'Readings for Wales',
    );
    violations.push(...(await axeViolations(page)));
    expect(violations).toEqual([]);
    await context.close();
  });
});
