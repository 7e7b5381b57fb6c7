import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { insertService } from '../support/adoption-fixtures.js';
import {
  axeViolations,
  axeViolationsWithoutJs,
  launchChromium,
  navigate,
  screenshot,
  textOf,
} from '../support/browser.js';
import { ACCOUNTS, DEMO_PASSWORD, signInAll } from '../support/principals.js';
import { insertProduct, upsertAdoption } from '../support/programme-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(120_000);

/**
 * The council's journey in a real browser (Debian's Chromium, headless) against the app
 * built by the production bootstrap and listening on a free port, on the test database.
 * Every page visited is checked with axe-core (WCAG 2.2 A + AA): zero violations.
 */
describe('council portal in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let service: { id: string; code: string; requirementCode: string };
  let adoptionX: string;
  let adoptionY: string;
  let councilYName: string;
  const violations: string[] = [];
  const visited = new Set<string>();

  /** Checks the page with axe and remembers it. */
  const check = async (page: Page) => {
    visited.add(new URL(page.url()).pathname);
    violations.push(...(await axeViolations(page)));
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    const p = await signInAll(api);
    service = await insertService(api.db);
    const { productId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      certificate: 'valid',
    });
    adoptionX = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'planning',
    });
    adoptionY = await upsertAdoption(api.db, {
      councilId: p.councilY.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'planning',
    });
    [{ name: councilYName }] = await api.db.query(`SELECT name FROM organisations WHERE id = $1`, [
      p.councilY.organisationId,
    ]);
    const admin = { authorization: `Bearer ${p.admin.bearer}` };
    for (const [stage, title] of [
      ['planning', 'Business case approved'],
      ['procurement', 'Contract signed'],
    ]) {
      const res = await api
        .http()
        .post('/api/v1/success-steps')
        .set(admin)
        .send({ serviceId: service.id, stage, title, mandatory: true });
      expect(res.status).toBe(201);
    }
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const newContext = (javaScriptEnabled = true): Promise<BrowserContext> =>
    browser.newContext({ baseURL: base, locale: 'en-GB', javaScriptEnabled });

  const signIn = async (page: Page, email: string) => {
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await navigate(page, page.getByRole('button', { name: 'Sign in' }));
  };

  it('signs in, sees status, ticks a step, moves a stage, proposes a variance, switches to Welsh, signs out', async () => {
    const context = await newContext();
    const page = await context.newPage();

    // Signed out: the start page is the sign-in page; a wrong password is explained.
    await page.goto('/');
    await check(page);
    await screenshot(page, 'sign-in');
    await page.getByLabel('Email address').fill(ACCOUNTS.councilX);
    await page.getByLabel('Password', { exact: true }).fill('wrong password');
    await navigate(page, page.getByRole('button', { name: 'Sign in' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'The email address or password is incorrect',
    );
    expect(await page.getByLabel('Email address').inputValue()).toBe(ACCOUNTS.councilX);
    await check(page);

    // Your services.
    await signIn(page, ACCOUNTS.councilX);
    expect(new URL(page.url()).pathname).toBe('/council');
    expect(await textOf(page.locator('h1'))).toBe('Your services');
    const row = page.locator('tr', { hasText: `Test service ${service.code}` });
    expect(await textOf(row)).toContain('Planning');
    await check(page);
    await screenshot(page, 'council-home');

    // One adoption: a refused move is explained in plain words.
    await navigate(page, row.getByRole('link'));
    expect(new URL(page.url()).pathname).toBe(`/council/adoptions/${adoptionX}`);
    await check(page);
    await page.getByLabel('Procurement').check();
    await navigate(page, page.getByRole('button', { name: 'Move stage' }));
    const summary = page.locator('.govuk-error-summary');
    expect(await textOf(summary)).toContain('these mandatory steps are not done');
    expect(await textOf(summary)).toContain('“Business case approved” (Planning)');
    await check(page);
    await screenshot(page, 'council-adoption-refused');

    // Tick the step, then the move succeeds.
    await navigate(
      page,
      page.getByRole('button', { name: /^Mark done ?:? Business case approved/ }),
    );
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Step marked done');
    await check(page);
    await page.getByLabel('Procurement').check();
    await page.getByLabel('Note for the history (optional)').fill('Business case signed off');
    await navigate(page, page.getByRole('button', { name: 'Move stage' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'The adoption moved to Procurement',
    );
    expect(await textOf(page.locator('.govuk-summary-list'))).toContain('Procurement');
    await check(page);
    const [{ stage }] = await api.db.query(`SELECT stage FROM adoptions WHERE id = $1`, [
      adoptionX,
    ]);
    expect(stage).toBe('procurement');

    // Delivery route page and certified products.
    await navigate(page, page.getByRole('link', { name: 'Change Delivery route' }));
    await check(page);
    await page.goto(`/council/services/${service.id}/products`);
    await check(page);

    // Local variance: bad input keeps what was typed, then a good one is listed.
    await page.goto(`/council/adoptions/${adoptionX}/variances`);
    await check(page);
    await page.getByLabel('Requirement code').fill(service.requirementCode);
    await page.getByLabel('How your council will differ').fill('x');
    await page.getByLabel('Why').fill('We share the service with a neighbour until 2028.');
    await page.getByLabel('Last day the variance applies').fill('next year');
    await navigate(page, page.getByRole('button', { name: 'Propose variance' }));
    const errors = page.locator('.govuk-error-summary');
    expect(await textOf(errors)).toContain('Describe how your council will differ');
    expect(await textOf(errors)).toContain('Enter the last day as a date');
    expect(await page.getByLabel('Requirement code').inputValue()).toBe(service.requirementCode);
    expect(await page.getByLabel('Why').inputValue()).toBe(
      'We share the service with a neighbour until 2028.',
    );
    await check(page);
    await screenshot(page, 'council-variance-errors');
    await page.getByLabel('How your council will differ').fill('Paper forms stay available');
    await page.getByLabel('Last day the variance applies').fill('2031-03-31');
    await navigate(page, page.getByRole('button', { name: 'Propose variance' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `Local variance for ${service.requirementCode} proposed`,
    );
    expect(await textOf(page.locator('table'))).toContain('Paper forms stay available');
    await check(page);

    // Welsh: the toggle, remembered on the account.
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await textOf(page.locator('h1'))).toBe('Amrywiadau lleol');
    await check(page);
    await page.goto('/council');
    expect(await textOf(page.locator('h1'))).toBe('Eich gwasanaethau');
    await check(page);
    await screenshot(page, 'council-home-cy');
    const [{ preferred_language: preferred }] = await api.db.query(
      `SELECT preferred_language FROM users WHERE email = $1`,
      [ACCOUNTS.councilX],
    );
    expect(preferred).toBe('cy');
    await navigate(page, page.getByRole('button', { name: 'English' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    // Another council's adoption is a 404 page that shows nothing of it.
    for (const path of [
      `/council/adoptions/${adoptionY}`,
      `/council/adoptions/${adoptionY}/variances`,
      `/council/adoptions/${adoptionY}/route`,
    ]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      expect(await textOf(page.locator('h1'))).toBe('Page not found');
      expect(await page.content()).not.toContain(councilYName);
      await check(page);
    }

    // A POST without the form's CSRF token: 403, nothing changed.
    const before = await api.db.query(
      `SELECT count(*)::int AS n FROM local_variances WHERE adoption_id = $1`,
      [adoptionX],
    );
    const forged = await page.request.post(`/council/adoptions/${adoptionX}/variances`, {
      form: {
        requirementCode: service.requirementCode,
        description: 'Forged',
        justification: 'Forged',
        expiresOn: '2031-01-01',
      },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    const after = await api.db.query(
      `SELECT count(*)::int AS n FROM local_variances WHERE adoption_id = $1`,
      [adoptionX],
    );
    expect(after[0].n).toBe(before[0].n);

    // Sign out: back to sign-in; the pages need signing in again.
    await navigate(page, page.getByRole('button', { name: 'Sign out' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'You have signed out',
    );
    await check(page);
    await page.goto('/council');
    expect(page.url()).toBe(`${base}/sign-in?returnTo=%2Fcouncil`);
    await context.close();
  });

  it('works with JavaScript disabled', async () => {
    const context = await newContext(false);
    const checker = await newContext();
    const page = await context.newPage();
    const checkNoJs = async () => {
      visited.add(`${new URL(page.url()).pathname} (no JS)`);
      violations.push(...(await axeViolationsWithoutJs(page, checker)));
    };
    await signIn(page, ACCOUNTS.councilX);
    expect(await textOf(page.locator('h1'))).toBe('Your services');
    expect(await page.locator('body').getAttribute('class')).not.toContain('js-enabled');
    await page.goto(`/council/adoptions/${adoptionX}`);
    await navigate(page, page.getByRole('button', { name: /^Mark done ?:? Contract signed/ }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Step marked done');
    await page.getByLabel('Implementation').check();
    await navigate(page, page.getByRole('button', { name: 'Move stage' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'The adoption moved to Implementation',
    );
    await checkNoJs();
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await navigate(page, page.getByRole('button', { name: 'Allgofnodi' }));
    expect(await textOf(page.locator('h1'))).toBe('Mewngofnodi');
    await checkNoJs();
    await context.close();
    await checker.close();
  });

  it('found no accessibility violations on any page visited', () => {
    expect(visited.size).toBeGreaterThanOrEqual(8);
    expect(violations).toEqual([]);
  });
});
