import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, navigate, screenshot, textOf } from '../support/browser.js';
import { pageClient } from '../support/portal.js';
import {
  ACCOUNTS,
  as,
  DEMO_PASSWORD,
  type Principal,
  type PrincipalName,
  signInAll,
} from '../support/principals.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(180_000);

/**
 * Relationship check-ins in a real browser: a supplier answers its half (the office's stays
 * hidden until then), the programme admin answers the other, the results page shows both
 * sides and the gap; the programme-wide page lists the demo's deteriorating supplier; a
 * council answers in Welsh; malformed bodies get 4xx pages. Every page visited is checked
 * with axe-core (WCAG 2.2 A + AA): zero violations.
 */
describe('check-in pages in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let p: Record<PrincipalName, Principal>;
  const violations: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    p = await signInAll(api);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const schedule = async (organisationId: string | null, dueOn: string) => {
    const res = await as(api, p.admin).post('/api/v1/check-ins').send({ organisationId, dueOn });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body as { id: string; questions: { code: string; scale: string }[] };
  };
  const signIn = async (page: Page, email: string) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await navigate(page, page.getByRole('button', { name: 'Sign in' }));
  };
  const check = async (page: Page) => violations.push(...(await axeViolations(page)));
  /** Chooses the first (lowest) or last (highest) score of every question. */
  const choose = async (page: Page, which: 'first' | 'last') => {
    const groups = page.locator('form .govuk-radios');
    const n = await groups.count();
    for (let i = 0; i < n; i++) await groups.nth(i).locator('input[type=radio]')[which]().check();
    return n;
  };

  it('a supplier answers its half, the programme office the other; the results show both and the gap', async () => {
    const ci = await schedule(p.supplierB.organisationId, '2027-01-18');
    const context = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierB);
    await navigate(page, page.getByRole('link', { name: 'Check-ins' }));
    expect(await textOf(page.locator('h1'))).toBe('Relationship check-ins');
    await check(page);
    await navigate(page, page.getByRole('link', { name: 'Check-in due 18 January 2027' }));
    expect(await textOf(page.locator('h1'))).toBe('Check-in due 18 January 2027');
    await check(page);
    // Sent with nothing chosen: an error summary linking to each question.
    await navigate(page, page.getByRole('button', { name: 'Send your answers' }));
    const summary = await textOf(page.locator('.govuk-error-summary'));
    expect(summary).toContain('Select a score for:');
    expect(await page.locator('.govuk-error-summary a').count()).toBe(ci.questions.length);
    await check(page);
    expect(await choose(page, 'first')).toBe(ci.questions.length);
    await page.locator('textarea').first().fill('The rollout order changed twice this quarter.');
    await screenshot(page, 'check-in-supplier-form');
    await navigate(page, page.getByRole('button', { name: 'Send your answers' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Your answers have been sent.',
    );
    expect(await page.locator('form .govuk-radios').count()).toBe(0);
    expect(await textOf(page.locator('#results'))).toContain(
      'The rollout order changed twice this quarter.',
    );
    await check(page);
    await context.close();

    const admin = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const office = await admin.newPage();
    await signIn(office, ACCOUNTS.admin);
    await office.goto('/programme/check-ins');
    expect(await textOf(office.locator('h1'))).toBe('Relationship check-ins');
    expect(await textOf(office.locator('#fell'))).toContain('Pennine Digital Services');
    await check(office);
    await screenshot(office, 'check-ins-programme');
    await office.goto(`/programme/check-ins/${ci.id}`);
    await choose(office, 'last');
    await navigate(office, office.getByRole('button', { name: 'Send your answers' }));
    expect(await textOf(office.locator('.govuk-summary-list'))).toContain('Complete');
    const rows = office.locator('#results tbody tr');
    expect(await rows.count()).toBe(ci.questions.length);
    for (let i = 0; i < ci.questions.length; i++) {
      const cells = rows.nth(i).locator('td');
      const gap = Number(await textOf(cells.nth(2)));
      expect(gap).toBe(ci.questions[i].scale === 'rag' ? 2 : 4);
    }
    expect(await textOf(office.locator('main'))).toContain(
      'Average gap between the two sides: 100.',
    );
    await check(office);
    await screenshot(office, 'check-in-results');
    // The demo's deteriorating supplier: its trend over three check-ins.
    const [pennine] = await api.db.query<{ id: string }[]>(
      `SELECT ci.id FROM check_ins ci JOIN organisations o ON o.id = ci.organisation_id
        WHERE o.name LIKE 'Pennine Digital Services%' AND ci.seed_key LIKE '%-3'`,
    );
    await office.goto(`/programme/check-ins/${pennine.id}`);
    expect(await office.locator('#trend tbody tr').count()).toBe(3);
    await check(office);
    await screenshot(office, 'check-in-deteriorating');
    await admin.close();
    expect(violations).toEqual([]);
  });

  it('a council answers in Welsh, without JavaScript', async () => {
    const ci = await schedule(p.councilX.organisationId, '2027-02-15');
    const context = await browser.newContext({
      baseURL: base,
      locale: 'en-GB',
      javaScriptEnabled: false,
    });
    const checker = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const page = await context.newPage();
    const { axeViolationsWithoutJs } = await import('../support/browser.js');
    await signIn(page, ACCOUNTS.councilX);
    await page.goto('/council/check-ins');
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await textOf(page.locator('h1'))).toBe('Sesiynau gwirio’r berthynas');
    violations.push(...(await axeViolationsWithoutJs(page, checker)));
    await page.goto(`/council/check-ins/${ci.id}`);
    expect(await textOf(page.locator('h1'))).toBe('Sesiwn wirio erbyn 15 Chwefror 2027');
    await choose(page, 'last');
    await navigate(page, page.getByRole('button', { name: 'Anfon eich atebion' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Mae eich atebion wedi’u hanfon.',
    );
    violations.push(...(await axeViolationsWithoutJs(page, checker)));
    await screenshot(page, 'check-in-council-cy');
    await context.close();
    await checker.close();
    expect(violations).toEqual([]);
  });

  it('answers malformed bodies on the check-in forms with a 4xx page, never a 500', async () => {
    const ci = await schedule(p.supplierB.organisationId, '2027-03-15');
    const supplier = await pageClient(api, ACCOUNTS.supplierB);
    const admin = await pageClient(api, ACCOUNTS.admin);
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('', ' ', '0', '6', '1.5', 'null', '[]', '{}', '\u0000', 'x'.repeat(3000)),
      fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.boolean(), value, async (asSupplier, v) => {
        const client = asSupplier ? supplier : admin;
        const path = asSupplier ? `/supplier/check-ins/${ci.id}/answers` : '/programme/check-ins';
        const _csrf = await client.token(asSupplier ? `/supplier/check-ins/${ci.id}` : path);
        // Never complete: the first question only (supplier), a partner id that is no id (admin).
        const body = asSupplier
          ? { [`score-${ci.questions[0].code}`]: v, [`comment-${ci.questions[0].code}`]: v, _csrf }
          : { organisationId: typeof v === 'string' ? `x${v}` : v, dueOn: v, _csrf };
        const res = await client.agent.post(path).type('form').send(body);
        if (res.status < 400 || res.status >= 500)
          failures.push(`${path} ${JSON.stringify(v).slice(0, 60)}: ${res.status}`);
        else expect(res.headers['content-type']).toMatch(/^text\/html/);
      }),
      { numRuns: 60 },
    );
    expect(failures).toEqual([]);
    const [row] = await api.db.query(`SELECT partner_answered_at FROM check_ins WHERE id = $1`, [
      ci.id,
    ]);
    expect(row.partner_answered_at).toBeNull();
  });
});
