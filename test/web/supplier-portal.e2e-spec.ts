import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { insertService } from '../support/adoption-fixtures.js';
import { axeViolations, launchChromium, navigate, screenshot, textOf } from '../support/browser.js';
import { pageClient } from '../support/portal.js';
import { ACCOUNTS, DEMO_PASSWORD, signInAll } from '../support/principals.js';
import { insertProduct } from '../support/programme-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(120_000);

/**
 * The supplier's pages in a real browser (Debian's Chromium, headless) against the app on
 * the test database: home, register a product (bad input first), publish, edit, see why
 * the programme office put it in remediation; supplier B gets 404 pages for A's product.
 * Every page visited is checked with axe-core (WCAG 2.2 A + AA): zero violations.
 */
describe('supplier portal in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let adminBearer: string;
  let service: { id: string; code: string };
  let productId = '';
  const certifiedName = 'Certified fixture product';
  const violations: string[] = [];
  const visited = new Set<string>();

  const check = async (page: Page) => {
    visited.add(new URL(page.url()).pathname);
    violations.push(...(await axeViolations(page)));
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    const p = await signInAll(api);
    adminBearer = p.admin.bearer!;
    service = await insertService(api.db);
    await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      name: certifiedName,
      certificate: 'valid',
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const newContext = (): Promise<BrowserContext> =>
    browser.newContext({ baseURL: base, locale: 'en-GB' });

  const signIn = async (page: Page, email: string) => {
    await page.goto('/');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await navigate(page, page.getByRole('button', { name: 'Sign in' }));
  };

  it('registers a product, publishes it, edits it and sees why it was put in remediation', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierA);
    expect(new URL(page.url()).pathname).toBe('/supplier');
    expect(await textOf(page.locator('h1'))).toBe('What needs your attention');
    await check(page);
    await screenshot(page, 'supplier-home');

    await page.goto('/supplier/products');
    expect(await textOf(page.locator('h1'))).toBe('Your products');
    await check(page);
    await navigate(page, page.getByRole('button', { name: 'Register a product' }));
    await check(page);

    // Bad input: the error summary links to each field, and what was typed is kept.
    await page.getByLabel('Description').fill('Kept after the error');
    await navigate(page, page.getByRole('button', { name: 'Save product' }));
    const summary = page.locator('.govuk-error-summary');
    expect(await textOf(summary)).toContain('Enter the product name');
    expect(await textOf(summary)).toContain('Enter the version');
    expect(await page.getByLabel('Description').inputValue()).toBe('Kept after the error');
    await check(page);
    await screenshot(page, 'supplier-product-errors');

    const name = `Browser product ${service.code}`;
    await page.getByLabel('Product name').fill(name);
    await page.getByLabel('Version', { exact: true }).fill('1.0');
    await page.getByLabel(`Test service ${service.code} (${service.code})`).check();
    await navigate(page, page.getByRole('button', { name: 'Save product' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `${name} has been registered as a draft`,
    );
    productId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await textOf(page.locator('#status'))).toBe('Draft');
    await check(page);

    await navigate(page, page.getByRole('button', { name: 'Publish' }));
    expect(await textOf(page.locator('#status'))).toBe('Published');
    await check(page);

    await navigate(page, page.getByRole('button', { name: 'Change details' }));
    await page.getByLabel('Version', { exact: true }).fill('1.1');
    await navigate(page, page.getByRole('button', { name: 'Save product' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('have been saved');
    expect(await textOf(page.locator('.govuk-summary-list'))).toContain('1.1');

    // The programme office puts it in remediation (API); the supplier reads why and what to do.
    const current = await api
      .http()
      .get(`/api/v1/products/${productId}`)
      .set({ authorization: `Bearer ${adminBearer}` });
    const moved = await api
      .http()
      .post(`/api/v1/products/${productId}/transitions`)
      .set({ authorization: `Bearer ${adminBearer}` })
      .send({
        to: 'in_remediation',
        reason: 'Sample payloads fail the schema',
        version: current.body.version,
      });
    expect(moved.status).toBe(200);
    await page.goto(`/supplier/products/${productId}`);
    expect(await textOf(page.locator('.govuk-warning-text'))).toContain(
      'Sample payloads fail the schema',
    );
    await check(page);
    await screenshot(page, 'supplier-product-remediation');
    await page.goto('/supplier');
    expect(await textOf(page.locator('ul[aria-labelledby="attention"]'))).toContain(name);
    await check(page);
    await navigate(page, page.getByRole('link', { name: 'Certificates', exact: true }));
    expect(await textOf(page.locator('h1'))).toBe('Your certificates');
    expect(await textOf(page.locator('tbody'))).toContain(certifiedName);
    await check(page);
    await context.close();
  });

  it("gives supplier B a 404 page for supplier A's product", async () => {
    expect(productId).not.toBe('');
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierB);
    for (const path of [
      `/supplier/products/${productId}`,
      `/supplier/products/${productId}/edit`,
    ]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await check(page);
    }
    expect(await textOf(page.locator('.govuk-summary-list, main'))).not.toContain(
      'Browser product',
    );
    await context.close();
  });

  it('answers malformed bodies on every supplier form with a 4xx page, never a 500', async () => {
    const { agent, token } = await pageClient(api, ACCOUNTS.supplierA);
    const first = await token();
    const created = await agent.post('/supplier/products').type('form').send({
      _csrf: first,
      name: 'Fuzz target',
      productVersion: '1',
      serviceIds: service.id,
    });
    expect(created.status).toBe(303);
    const productId = String(created.headers.location).split('/').pop();
    const forms = [
      '/supplier/products',
      `/supplier/products/${productId}`,
      `/supplier/products/${productId}/status`,
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('', ' ', '0', '-1', '1e999', 'null', '[]', '{}', '\u0000', 'x'.repeat(6000)),
      fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }),
    );
    const body = fc.dictionary(
      fc.constantFrom(
        'name',
        'productVersion',
        'description',
        'serviceIds',
        'version',
        'to',
        'junk',
      ),
      value,
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), body, async (path, fields) => {
        // Invalid whatever else is sent: an empty name, a stale version, an unknown status.
        const _csrf = await token();
        const res = await agent
          .post(path)
          .type('form')
          .send({ ...fields, name: '', to: 'nowhere', _csrf });
        // The form again with its error summary; or, when the app's input guard refuses the
        // body before any form sees it (a NUL character, an over-long field), the 400 page.
        const explained =
          res.text.includes('govuk-error-summary') ||
          (res.status === 400 && res.text.includes('There is a problem with your request'));
        if (res.status < 400 || res.status >= 500 || !explained) {
          failures.push(`${path} ${JSON.stringify(fields).slice(0, 200)} → ${res.status}`);
        }
      }),
      { numRuns: 60, seed: 17 },
    );
    for (const path of forms) {
      const _csrf = encodeURIComponent(await token());
      const raw = await agent
        .post(path)
        .type('form')
        .send(`%%%&&name[]=&_csrf=${_csrf}&serviceIds[a]=1`);
      if (raw.status < 400 || raw.status >= 500) failures.push(`${path} raw → ${raw.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('found no accessibility violations on any page visited', () => {
    expect(visited.size).toBeGreaterThanOrEqual(6);
    expect(violations).toEqual([]);
  });
});
