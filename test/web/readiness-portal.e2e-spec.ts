import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { insertService } from '../support/adoption-fixtures.js';
import { axeViolations, launchChromium, navigate, screenshot, textOf } from '../support/browser.js';
import { uniq } from '../support/comms-fixtures.js';
import {
  ACCOUNTS,
  as,
  DEMO_PASSWORD,
  type Principal,
  type PrincipalName,
  signInAll,
} from '../support/principals.js';
import { insertProduct, upsertAdoption } from '../support/programme-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(300_000);

const isoIn = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * Critical dates, readiness and the tested-together matrix in a real browser: a date's
 * councils (filtered by nation as a GET form), its counts as bar charts and tables and its
 * trend; a council's own readiness, which changes when its adoption moves; the matrix with
 * the latest result per pair and a retest tagged, and one record. axe on every page, EN + CY.
 */
describe('readiness and interop pages in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let p: Record<PrincipalName, Principal>;
  const violations: string[] = [];
  const visited = new Set<string>();
  const dateName = `Test offer day ${uniq()}`;
  const ids = { date: '', adoptionX: '', standard: '', latest: '', retest: '' };
  const council: Record<string, string> = {};
  let productName = '';

  const check = async (page: Page) => {
    visited.add(`${new URL(page.url()).pathname} ${await page.getAttribute('html', 'lang')}`);
    violations.push(...(await axeViolations(page)));
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    p = await signInAll(api);
    browser = await launchChromium();

    // Readiness: a service adopted by four councils at different stages, and a date for it.
    const rows: { id: string; gss_code: string }[] = await api.db.query(
      `SELECT id, gss_code FROM organisations WHERE gss_code = ANY($1)`,
      [['E09000001', 'E08000025', 'E08000003', 'W06000015']],
    );
    for (const r of rows) council[r.gss_code] = r.id;
    const service = await insertService(api.db);
    const { productId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      certificate: 'valid',
    });
    for (const [gss, stage] of [
      ['E09000001', 'implementation'], // council X: one stage short (at risk)
      ['E08000025', 'live'],
      ['E08000003', 'planning'],
      ['W06000015', 'testing'],
    ] as const) {
      const id = await upsertAdoption(api.db, {
        councilId: council[gss],
        serviceId: service.id,
        productId,
        stage,
      });
      if (gss === 'E09000001') ids.adoptionX = id;
    }
    const date = await as(api, p.admin)
      .post('/api/v1/critical-dates')
      .send({
        code: `T-${uniq().toUpperCase()}`,
        name: dateName,
        description: 'A test date for the readiness pages.',
        date: isoIn(25),
        serviceIds: [service.id],
        nations: ['England', 'Wales'],
        minStage: 'testing',
        daysBefore: 14,
      });
    expect(date.status).toBe(201);
    ids.date = date.body.id;
    for (const [days, ready, atRisk, notReady] of [
      [-20, 0, 1, 3],
      [-10, 1, 1, 2],
      [-5, 2, 1, 1],
    ]) {
      await api.db.query(
        `INSERT INTO readiness_snapshots (critical_date_id, taken_on, ready, at_risk, not_ready)
         VALUES ($1, $2, $3, $4, $5)`,
        [ids.date, isoIn(days), ready, atRisk, notReady],
      );
    }

    // Interop: a standard, a product and the shared checker tested twice (latest wins).
    const [{ po, ss }] = await api.db.query(
      `SELECT (SELECT id FROM organisations WHERE type = 'PROGRAMME_OFFICE' LIMIT 1) AS po,
              (SELECT id FROM shared_services ORDER BY id LIMIT 1) AS ss`,
    );
    const std = await as(api, p.admin)
      .post('/api/v1/standards')
      .send({
        code: `T-IOP-${uniq().toUpperCase()}`,
        version: '1.0',
        name: 'Eligibility API',
        ownerId: po,
      });
    expect(std.status).toBe(201);
    ids.standard = std.body.id;
    const { productId: other, name } = await insertProduct(api.db, {
      supplierId: p.supplierB.organisationId!,
      serviceId: service.id,
    }).then(async (r) => ({
      ...r,
      name: (await api.db.query(`SELECT name FROM products WHERE id = $1`, [r.productId]))[0]
        .name as string,
    }));
    productName = name;
    const record = (a: object, b: object, result: string, testedOn: string) =>
      as(api, p.admin)
        .post('/api/v1/interop-tests')
        .send({
          standardId: ids.standard,
          partyA: a,
          partyB: b,
          cases: [
            { code: 'TC-01', title: 'Eligible child', result: 'passed' },
            { code: 'TC-02', title: 'Timeout handling', result },
          ],
          testedOn,
          evidenceUrl: 'https://evidence.example/run/1',
          witness: 'Programme test lead',
        });
    const checker = { type: 'shared_service', id: ss, role: 'server' };
    expect(
      (
        await record(
          { type: 'product', id: other, role: 'client' },
          checker,
          'failed',
          '2026-09-01',
        )
      ).status,
    ).toBe(201);
    const latest = await record(
      checker,
      { type: 'product', id: other, role: 'client' },
      'passed',
      '2026-10-15',
    );
    expect(latest.status).toBe(201);
    ids.latest = latest.body.id;
    const retest = await record(
      { type: 'product', id: productId, role: 'client' },
      checker,
      'partially_verified',
      '2026-10-20',
    );
    expect(retest.status).toBe(201);
    ids.retest = retest.body.id;
    await api.db.query(
      `UPDATE interop_tests SET retest_due = true, retest_reason = 'certificate_reassessment',
              retest_due_at = now() WHERE id = $1`,
      [ids.retest],
    );
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const newPage = async (email: string) => {
    const context = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await navigate(page, page.getByRole('button', { name: 'Sign in' }));
    return { context, page };
  };

  it("shows a date's councils, counts by nation and region and the trend, filtered by a GET form", async () => {
    const { context, page } = await newPage(ACCOUNTS.viewer);
    await page.goto('/programme/readiness');
    expect(await textOf(page.locator('h1'))).toBe('Critical dates and readiness');
    await check(page);
    await screenshot(page, 'readiness-dates');
    await navigate(page, page.getByRole('link', { name: dateName }));
    expect(await textOf(page.locator('h1'))).toBe(dateName);
    expect(await textOf(page.locator('#council-count'))).toBe('Showing 4 of 4 councils');
    const nationTable = await textOf(page.locator('#nation-table'));
    expect(nationTable).toContain('England 1 1 1 3');
    expect(nationTable).toContain('Wales 1 0 0 1');
    expect(
      await page
        .locator('svg[aria-labelledby="nation-chart-title nation-chart-desc"] rect')
        .count(),
    ).toBe(4);
    expect(
      await page.locator('svg[aria-labelledby="trend-title trend-desc"] polyline').count(),
    ).toBe(3);
    expect(await page.locator('#trend-table tbody tr').count()).toBe(4);
    const x = page.locator('#councils-table tr', { hasText: 'City of London' });
    expect(await textOf(x)).toContain('At risk');
    expect(await textOf(x)).toContain('one stage short');
    await check(page);
    await screenshot(page, 'readiness-date');

    await page.locator('#nation').selectOption('Wales');
    await navigate(page, page.getByRole('button', { name: 'Show councils' }));
    expect(page.url()).toContain('nation=Wales');
    expect(await textOf(page.locator('#council-count'))).toBe('Showing 1 of 4 councils');
    const res = await page.goto(`/programme/readiness/${ids.date}?nation=Atlantis`);
    expect(res?.status()).toBe(400);
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Select a nation');
    await check(page);
    await context.close();
  });

  it('a council sees its own readiness, and it changes when the adoption moves', async () => {
    const { context, page } = await newPage(ACCOUNTS.councilX);
    await page.goto('/council/readiness');
    const card = page.locator('.govuk-summary-card', { hasText: dateName });
    expect(await textOf(card)).toContain('At risk');
    await check(page);
    await screenshot(page, 'readiness-council');
    const current = await as(api, p.councilX).get(`/api/v1/adoptions/${ids.adoptionX}`);
    const moved = await as(api, p.councilX)
      .post(`/api/v1/adoptions/${ids.adoptionX}/transitions`)
      .send({ to: 'testing', version: current.body.version, note: 'UAT started' });
    expect(moved.status).toBe(200);
    await page.reload();
    expect(await textOf(card.locator('.govuk-tag'))).toBe('Ready');
    expect(await textOf(card)).toContain('has reached Testing');
    await context.close();
  });

  it('shows the matrix with the latest result per pair, a retest tagged, and one record', async () => {
    const { context, page } = await newPage(ACCOUNTS.agency);
    await page.goto('/programme/interop');
    await check(page);
    await screenshot(page, 'interop-standards');
    await navigate(page, page.getByRole('link', { name: /Eligibility API/ }));
    const matrix = page.locator('#matrix');
    expect(await matrix.locator('thead th[scope="col"]').count()).toBe(3);
    expect(await matrix.locator('tbody th[scope="row"]').count()).toBe(3);
    const row = matrix.locator('tbody tr', { has: page.locator('th', { hasText: productName }) });
    const text = await textOf(row);
    expect(text).toContain('Passed');
    expect(text).toContain('15 October 2026');
    expect(text).not.toContain('Failed');
    expect(await textOf(matrix)).toContain('Retest due');
    await check(page);
    await screenshot(page, 'interop-matrix');
    await navigate(page, row.getByRole('link').first());
    expect(new URL(page.url()).pathname).toBe(`/programme/interop/tests/${ids.latest}`);
    expect(await textOf(page.locator('#cases-table'))).toContain('Timeout handling');
    await check(page);
    await screenshot(page, 'interop-test');
    await context.close();
  });

  it('has Welsh on every readiness and interop page, with no axe violations', async () => {
    const { context, page } = await newPage(ACCOUNTS.admin);
    await page.goto('/programme/readiness');
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await textOf(page.locator('h1'))).toBe('Dyddiadau allweddol a pharodrwydd');
    await check(page);
    for (const path of [
      `/programme/readiness/${ids.date}`,
      '/programme/interop',
      `/programme/interop/standards/${ids.standard}`,
      `/programme/interop/tests/${ids.retest}`,
    ]) {
      await page.goto(path);
      expect(await page.getAttribute('html', 'lang')).toBe('cy');
      await check(page);
    }
    await screenshot(page, 'interop-test-cy');
    await context.close();
    const council = await newPage(ACCOUNTS.councilX);
    await council.page.goto('/council/readiness');
    await navigate(council.page, council.page.getByRole('button', { name: 'Cymraeg' }));
    await check(council.page);
    await council.context.close();
  });

  it('found no accessibility violations on any page visited', () => {
    expect(visited.size).toBeGreaterThanOrEqual(12);
    expect(violations).toEqual([]);
  });
});
