import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import type { Browser, Page } from 'playwright-core';
import { insertService } from '../support/adoption-fixtures.js';
import { axeViolations, launchChromium, navigate, screenshot, textOf } from '../support/browser.js';
import { ACCOUNTS, DEMO_PASSWORD, signInAll } from '../support/principals.js';
import { insertProduct, upsertAdoption } from '../support/programme-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(90_000);

/**
 * The programme office's pages in a real browser (Debian's Chromium, headless) against the
 * app on a free port: filter the rollout dashboard, download its CSV, follow a council
 * needing attention; a viewer sees no write controls. axe-core on every page: zero violations.
 */
describe('programme portal in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let service: { id: string; code: string };
  let councilY: string;
  let councilYName: string;
  const violations: string[] = [];

  const check = async (page: Page) => violations.push(...(await axeViolations(page)));

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
    councilY = p.councilY.organisationId!;
    await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'live',
    });
    await upsertAdoption(api.db, {
      councilId: councilY,
      serviceId: service.id,
      productId,
      stage: 'testing',
    });
    await api.db.query(
      `UPDATE adoptions SET attention_required = true, attention_reason = 'Go-live slipped'
        WHERE council_id = $1 AND service_id = $2`,
      [councilY, service.id],
    );
    [{ name: councilYName }] = await api.db.query(`SELECT name FROM organisations WHERE id = $1`, [
      councilY,
    ]);
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

  it('filters the dashboard, downloads the CSV shown and follows a council needing attention', async () => {
    const context = await browser.newContext({
      baseURL: base,
      locale: 'en-GB',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    // Programme staff land on the dashboard.
    await signIn(page, ACCOUNTS.admin);
    expect(new URL(page.url()).pathname).toBe('/programme/dashboard');
    expect(await textOf(page.locator('h1'))).toBe('Rollout dashboard');
    await check(page);
    await screenshot(page, 'programme-dashboard');

    // Filter by the service: the figures are that service's only.
    await page.getByLabel('Service', { exact: true }).selectOption(service.id);
    await navigate(page, page.getByRole('button', { name: 'Apply filters' }));
    expect(new URL(page.url()).searchParams.get('serviceId')).toBe(service.id);
    expect(await textOf(page.locator('[data-figure="adoptions"]'))).toBe('2');
    expect(await textOf(page.locator('[data-figure="pct-live"]'))).toBe('50%');
    const chart = page.getByRole('img', { name: 'Adoption by service and stage' });
    expect(await chart.count()).toBe(1);
    expect(await textOf(page.locator('#service-table tbody tr'))).toContain(service.code);
    await check(page);
    await screenshot(page, 'programme-dashboard-filtered');

    // The CSV holds what is shown.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download these figures (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('rollout-dashboard.csv');
    const rows = parse<Record<string, string>>(readFileSync(await download.path(), 'utf8'), {
      columns: true,
    });
    const services = new Set(rows.filter((r) => r.section === 'service').map((r) => r.name));
    expect([...services]).toEqual([service.code]);
    expect(rows.find((r) => r.name === service.code && r.measure === 'testing')?.value).toBe('1');

    // A council needing attention, with its reason, links to the council's page.
    await navigate(page, page.getByRole('link', { name: 'Councils needing attention, and why' }));
    expect(new URL(page.url()).searchParams.get('serviceId')).toBe(service.id);
    await check(page);
    await screenshot(page, 'programme-attention');
    const attention = page.locator('#attention-table tr', { hasText: councilYName });
    expect(await textOf(attention)).toContain('Flagged: Go-live slipped');
    await navigate(page, attention.getByRole('link', { name: councilYName }));
    expect(new URL(page.url()).pathname).toBe(`/programme/councils/${councilY}`);
    expect(await textOf(page.locator('#adoptions-table'))).toContain('Go-live slipped');
    await check(page);
    await screenshot(page, 'programme-council');

    // The councils list, searched by GSS code.
    await navigate(page, page.getByRole('link', { name: 'Councils' }).first());
    await page.getByLabel('Name or GSS code').fill('E06000001');
    await navigate(page, page.getByRole('button', { name: 'Search' }));
    expect(await page.locator('#councils-table tbody tr').count()).toBe(1);
    await check(page);
    await screenshot(page, 'programme-councils');
    await context.close();
    expect(violations).toEqual([]);
  });

  it('shows a viewer no write controls and refuses its forged POSTs', async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.viewer);
    for (const path of ['/programme/dashboard', `/programme/councils/${councilY}`]) {
      await page.goto(path);
      const actions = await page
        .locator('form[method="post"]')
        .evaluateAll((forms) => forms.map((f) => f.getAttribute('action')));
      expect(actions.every((a) => a === '/language' || a === '/sign-out')).toBe(true);
      await check(page);
    }
    // A forged POST with the viewer's own valid CSRF token: refused, nothing changed.
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const before = await api.db.query(
      `SELECT stage, version FROM adoptions WHERE council_id = $1`,
      [councilY],
    );
    const forged = await page.request.post(
      `/council/adoptions/${(await api.db.query(`SELECT id FROM adoptions WHERE council_id = $1 AND service_id = $2`, [councilY, service.id]))[0].id}/stage`,
      {
        form: { _csrf: token, to: 'live', version: '1' },
        maxRedirects: 0,
      },
    );
    expect(forged.status()).toBe(403);
    expect(
      await api.db.query(`SELECT stage, version FROM adoptions WHERE council_id = $1`, [councilY]),
    ).toEqual(before);
    await context.close();
    expect(violations).toEqual([]);
  });
});
