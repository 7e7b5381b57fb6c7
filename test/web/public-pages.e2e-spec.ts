import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  axeViolations,
  axeViolationsWithoutJs,
  launchChromium,
  navigate,
  screenshot,
  textOf,
} from '../support/browser.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(120_000);

/**
 * The public pages in a real browser, signed out: from the sign-in page's footer to the
 * national rollout, the councils, one council, the certified products and the open-data
 * page, in English, then in Welsh through the language toggle, then without JavaScript.
 * axe-core on every page: zero violations.
 */
describe('public pages in a browser, signed out', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  const violations: string[] = [];
  const check = async (page: Page) => violations.push(...(await axeViolations(page)));

  beforeAll(async () => {
    api = await startTestApi({ PUBLIC_RATE_PER_IP_PER_MINUTE: '100000' });
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api.close();
  });

  it('walks every public page in English and Welsh with zero axe violations', async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await navigate(page, page.getByRole('link', { name: 'Public progress and open data' }));
    expect(new URL(page.url()).pathname).toBe('/public');
    expect(await textOf(page.locator('h1'))).toBe('How the rollout is going');
    expect(await page.locator('svg.app-chart[role="img"]').count()).toBe(4);
    expect(await page.locator('#trend-table tbody tr').count()).toBe(12);
    await check(page);
    await screenshot(page, 'public-rollout');

    await navigate(page, page.getByRole('link', { name: 'Councils', exact: true }));
    expect(await textOf(page.locator('h1'))).toBe('Councils');
    await check(page);
    await navigate(page, page.getByRole('link', { name: 'City of London' }));
    expect(new URL(page.url()).pathname).toBe('/public/councils/E09000001');
    expect(await textOf(page.locator('h1'))).toBe('City of London');
    expect(await page.locator('#council-services tbody tr').count()).toBeGreaterThan(0);
    await check(page);
    await screenshot(page, 'public-council');

    await navigate(page, page.getByRole('link', { name: 'Certified products' }));
    expect(await page.locator('a[href^="/verify-certificate/"]').count()).toBeGreaterThan(0);
    await check(page);
    await screenshot(page, 'public-certified-products');

    await navigate(page, page.getByRole('link', { name: 'Open data', exact: true }));
    expect(await textOf(page.locator('#licence'))).toContain('Open Government Licence v3.0');
    await check(page);
    await screenshot(page, 'public-open-data');
    const csv = await page.request.get('/open-data/adoptions.csv');
    expect(csv.headers()['content-type']).toBe('text/csv; charset=utf-8');

    // Welsh, through the toggle (a form with a CSRF token, signed out).
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(new URL(page.url()).pathname).toBe('/open-data');
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await textOf(page.locator('h1'))).toBe('Data agored');
    await check(page);
    for (const [path, heading] of [
      ['/public', "Sut mae'r cyflwyno'n mynd"],
      ['/public/councils', 'Cynghorau'],
      ['/public/councils/W06000015', 'Cardiff'],
      ['/public/certified-products', 'Cynhyrchion ardystiedig'],
    ]) {
      await page.goto(path);
      expect(await textOf(page.locator('h1'))).toBe(heading);
      expect(await page.locator('main').innerText()).not.toMatch(/public\.\w+\./);
      await check(page);
    }
    await screenshot(page, 'public-certified-products-cy');
    await page.goto('/public');
    await screenshot(page, 'public-rollout-cy');
    await context.close();
    expect(violations).toEqual([]);
  });

  it('works without JavaScript', async () => {
    const context = await browser.newContext({
      baseURL: base,
      locale: 'en-GB',
      javaScriptEnabled: false,
    });
    const checker = await browser.newContext({ baseURL: base });
    const page = await context.newPage();
    await page.goto('/public');
    expect(await textOf(page.locator('h1'))).toBe('How the rollout is going');
    await navigate(page, page.getByRole('link', { name: 'Certified products' }));
    expect(await textOf(page.locator('h1'))).toBe('Certified products');
    const found = await axeViolationsWithoutJs(page, checker);
    await context.close();
    await checker.close();
    expect(found).toEqual([]);
  });
});
