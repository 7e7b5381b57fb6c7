import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolationsWithoutJs,
  launchChromium,
  navigate,
  screenshot,
  textOf,
} from '../support/browser.js';
import {
  ACCOUNTS,
  as,
  DEMO_PASSWORD,
  type Principal,
  type PrincipalName,
  signInAll,
} from '../support/principals.js';
import { organisationIdByCode } from '../support/programme-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(120_000);

const RUN = Date.now()
  .toString(36)
  .toUpperCase()
  .replace(/[^A-Z]/g, 'Q')
  .slice(-4);
const CODE1 = `RV${RUN}-001`;
const CODE2 = `RV${RUN}-002`;

/**
 * The programme office reviews a conformance submission in a real browser with JavaScript
 * off: the queue (oldest first, who claimed), claim, verdicts per requirement and sample,
 * a refused approval while a standard check failed, then approval with an override
 * reason (a certificate is issued). A viewer sees no write controls and its forged POST is
 * refused. axe-core (WCAG 2.2 AA) on every page, English and Welsh: zero violations.
 */
describe('programme reviews in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let p: Record<PrincipalName, Principal>;
  let serviceId: string;
  let standardId: string;
  const submissions: { id: string; product: string }[] = [];
  const violations: string[] = [];

  /** A product of supplier A with a submitted submission: MUST met, one failing sample. */
  async function submitted(name: string): Promise<void> {
    const A = () => as(api, p.supplierA);
    const product = await A()
      .post('/api/v1/products')
      .send({ name, productVersion: '2.1', serviceIds: [serviceId] });
    expect(product.status).toBe(201);
    const created = await A()
      .post('/api/v1/conformance-submissions')
      .send({ productId: product.body.id, serviceId });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const version = async () =>
      (await A().get(`/api/v1/conformance-submissions/${id}`)).body.version as number;
    const answered = await A()
      .put(`/api/v1/conformance-submissions/${id}/items`)
      .send({
        version: await version(),
        items: [
          {
            code: CODE1,
            selfAssessment: 'meets',
            evidenceText: 'Screens 1 to 4 of the demo',
            evidenceUrls: ['https://evidence.example/screens'],
          },
          { code: CODE2, selfAssessment: 'partial', evidenceText: 'On the roadmap for Q3' },
        ],
      });
    expect(answered.status).toBe(200);
    const sample = await A()
      .post(`/api/v1/conformance-submissions/${id}/samples`)
      .send({ version: await version(), standardId, label: 'Short form', payload: { x: 1 } });
    expect(sample.body.checkStatus).toBe('failed');
    const sub = await A()
      .post(`/api/v1/conformance-submissions/${id}/submit`)
      .send({ version: await version() });
    expect(sub.status).toBe(200);
    submissions.push({ id, product: name });
  }

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    p = await signInAll(api);
    const admin = () => as(api, p.admin);
    const dfe = await organisationIdByCode(api.db, 'DFE');
    const svc = await admin()
      .post('/api/v1/services')
      .send({
        code: `RV-${RUN}`,
        name: `Review service ${RUN}`,
        leadAgencyId: dfe,
        deliveryModel: 'council_delivered',
      });
    expect(svc.status).toBe(201);
    serviceId = svc.body.id;
    const req = (code: string, level: string, title: string) => ({
      code,
      title,
      description: `The product ${level} ${title.toLowerCase()}.`,
      level,
      category: 'Journey',
    });
    const set = await admin()
      .post(`/api/v1/services/${serviceId}/requirement-sets`)
      .send({
        title: 'Review v1',
        requirements: [
          req(CODE1, 'MUST', 'Take an application online'),
          req(CODE2, 'SHOULD', 'Save and return'),
        ],
      });
    expect(set.status).toBe(201);
    await admin()
      .post(`/api/v1/requirement-sets/${set.body.id}/publish`)
      .send({ effectiveDate: '2026-01-01' })
      .expect(200);
    const std = await admin()
      .post('/api/v1/standards')
      .send({
        code: `RV-APP-${RUN}`,
        version: '1.0.0',
        name: 'Review application',
        ownerId: dfe,
        serviceIds: [serviceId],
        jsonSchema: {
          $schema: 'https://json-schema.org/draft/2020-12/schema',
          type: 'object',
          required: ['childName'],
          properties: { childName: { type: 'string' } },
        },
      });
    expect(std.status).toBe(201);
    standardId = std.body.id;
    await admin()
      .post(`/api/v1/standards/${standardId}/transitions`)
      .send({ to: 'active' })
      .expect(200);
    await submitted(`Admissions Online ${RUN}`);
    await submitted(`Admissions Plus ${RUN}`);
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

  /** A page with JavaScript off, and a context with it on for axe to check that page. */
  async function noJsPage(): Promise<{
    page: Page;
    checker: BrowserContext;
    close: () => Promise<void>;
  }> {
    const context = await browser.newContext({
      baseURL: base,
      locale: 'en-GB',
      javaScriptEnabled: false,
    });
    const checker = await browser.newContext({ baseURL: base });
    return {
      page: await context.newPage(),
      checker,
      close: async () => {
        await context.close();
        await checker.close();
      },
    };
  }

  it('claims, records verdicts and approves a submission (override needed for a failed check)', async () => {
    const { page, checker, close } = await noJsPage();
    const check = async () => violations.push(...(await axeViolationsWithoutJs(page, checker)));
    const [first, second] = submissions;
    await signIn(page, ACCOUNTS.admin);

    // The queue: oldest first, nobody has claimed either.
    await navigate(page, page.getByRole('link', { name: 'Reviews' }));
    expect(await textOf(page.locator('h1'))).toBe('Conformance reviews');
    // The demo data may have its own submissions waiting; ours are in submission order.
    const queued = async () =>
      (await page.locator('#queue-table tbody tr').allInnerTexts()).map((r) =>
        r.replace(/\s+/g, ' '),
      );
    const rows = await queued();
    const at = (product: string) => rows.findIndex((r) => r.includes(product));
    expect(at(first.product)).toBeGreaterThanOrEqual(0);
    expect(at(first.product)).toBeLessThan(at(second.product));
    expect(rows[at(first.product)]).toContain('Waiting for review');
    expect(rows[at(first.product)]).toContain('Not claimed');
    await check();
    await screenshot(page, 'programme-reviews');

    // Claim the oldest.
    await navigate(page, page.getByRole('link', { name: first.product }));
    expect(new URL(page.url()).pathname).toBe(`/programme/reviews/${first.id}`);
    expect(await textOf(page.locator('#item-' + CODE1))).toContain('Screens 1 to 4 of the demo');
    expect(await textOf(page.locator('[data-check]'))).toBe('Failed');
    await check();
    await navigate(page, page.getByRole('button', { name: 'Claim this review' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'You have claimed this review',
    );
    expect(await textOf(page.locator('#status'))).toBe('In review');
    const [claimed] = await api.db.query(
      `SELECT status, reviewer_user_id FROM conformance_submissions WHERE id = $1`,
      [first.id],
    );
    expect(claimed).toEqual({ status: 'in_review', reviewer_user_id: p.admin.userId });

    // Verdicts on a requirement and the failing sample.
    await page.getByLabel(`Verdict on ${CODE1}`).selectOption('meets');
    await page.getByLabel(`Comment on ${CODE1} (optional)`).fill('Seen in the demo');
    await page.getByLabel('Verdict on sample “Short form”').selectOption('not_accepted');
    await navigate(page, page.getByRole('button', { name: 'Save verdicts' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Verdicts saved');
    const items = await api.db.query(
      `SELECT code, verdict, reviewer_comment FROM submission_items WHERE submission_id = $1 ORDER BY position`,
      [first.id],
    );
    expect(items).toEqual([
      { code: CODE1, verdict: 'meets', reviewer_comment: 'Seen in the demo' },
      { code: CODE2, verdict: null, reviewer_comment: null },
    ]);
    expect(await page.getByLabel(`Verdict on ${CODE1}`).inputValue()).toBe('meets');

    // Approving while a check failed needs an override reason: refused, nothing decided.
    await page.getByRole('radio', { name: 'Approve' }).check();
    await page.getByLabel('Reason for the decision').fill('Meets every MUST requirement');
    await navigate(page, page.getByRole('button', { name: 'Record the decision' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'give the reason for approving anyway',
    );
    expect(await page.getByLabel('Reason for the decision').inputValue()).toBe(
      'Meets every MUST requirement',
    );
    expect(
      (
        await api.db.query(`SELECT status FROM conformance_submissions WHERE id = $1`, [first.id])
      )[0].status,
    ).toBe('in_review');
    await check();
    await screenshot(page, 'programme-review-errors');

    // With the reason: approved, and a certificate issued.
    await page
      .getByLabel('Why approve although a check failed')
      .fill('The sample predates the schema; the live feed was checked by hand');
    await navigate(page, page.getByRole('button', { name: 'Record the decision' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Submission approved',
    );
    expect(await textOf(page.locator('#status'))).toBe('Decided');
    expect(await textOf(page.locator('#result'))).toBe('Approve');
    expect(await page.locator('form[action$="/decision"]').count()).toBe(0);
    const [decided] = await api.db.query(
      `SELECT status, result, override_reason FROM conformance_submissions WHERE id = $1`,
      [first.id],
    );
    expect(decided).toEqual({
      status: 'decided',
      result: 'approved',
      override_reason: 'The sample predates the schema; the live feed was checked by hand',
    });
    const certs = await api.db.query(`SELECT status FROM certificates WHERE submission_id = $1`, [
      first.id,
    ]);
    expect(certs).toEqual([{ status: 'valid' }]);
    await check();
    await screenshot(page, 'programme-review');

    // The queue now holds only the other one. In Welsh too.
    await navigate(page, page.getByRole('link', { name: 'Back to the review queue' }));
    expect((await queued()).some((r) => r.includes(first.product))).toBe(false);
    expect((await queued()).some((r) => r.includes(second.product))).toBe(true);
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await textOf(page.locator('h1'))).toBe('Adolygiadau cydymffurfiaeth');
    expect(await textOf(page.locator('#queue-table'))).toContain('Heb ei hawlio');
    await check();
    await screenshot(page, 'programme-reviews-cy');
    await page.goto(`/programme/reviews/${first.id}`);
    expect(await textOf(page.locator('.govuk-caption-l'))).toBe('Adolygiad cydymffurfiaeth');
    expect(await textOf(page.locator('#status'))).toBe('Penderfynwyd');
    await check();
    await screenshot(page, 'programme-review-cy');
    await navigate(page, page.getByRole('button', { name: 'English' }));
    await close();
    expect(violations).toEqual([]);
  });

  it('shows the audit log, filtered by record and day, paged, in English and Welsh', async () => {
    const { page, checker, close } = await noJsPage();
    const check = async () => violations.push(...(await axeViolationsWithoutJs(page, checker)));
    const [first] = submissions;
    await signIn(page, ACCOUNTS.admin);
    await navigate(page, page.getByRole('link', { name: 'Audit log' }));
    expect(await textOf(page.locator('h1'))).toBe('Audit log');
    // Newest first, 50 a page, with the total the log holds.
    const [{ all }] = await api.db.query(`SELECT count(*)::int AS "all" FROM audit_events`);
    expect(await page.locator('#audit-table tbody tr').count()).toBe(Math.min(all, 50));
    expect(await textOf(page.locator('#audit-total'))).toContain(`${all} events`);
    const [newest] = await api.db.query(
      `SELECT action FROM audit_events ORDER BY occurred_at DESC, id DESC LIMIT 1`,
    );
    expect(await textOf(page.locator('#audit-table tbody tr td:nth-child(2)'))).toBe(newest.action);
    if (all > 50) {
      await navigate(page, page.getByRole('link', { name: /Next/ }));
      expect(new URL(page.url()).searchParams.get('page')).toBe('2');
    }
    await check();

    // A bad day is the error summary (400), not a 500.
    await page.getByLabel('From (day)').fill('30/11/2026');
    await navigate(page, page.getByRole('button', { name: 'Apply filters' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter the first day as a date',
    );
    await check();

    // The review's own events, today only.
    const today = new Date().toISOString().slice(0, 10);
    await page.getByLabel('From (day)').fill(today);
    await page.getByLabel('To (day, inclusive)').fill(today);
    await page.getByLabel('Record type').fill('conformance_submission');
    await page.getByLabel('Record id').fill(first.id);
    await navigate(page, page.getByRole('button', { name: 'Apply filters' }));
    const actions = (
      await page.locator('#audit-table tbody tr td:nth-child(2)').allInnerTexts()
    ).map((a) => a.trim());
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`,
      [first.id],
    );
    expect(actions).toHaveLength(n);
    expect(actions[0]).toBe('submission.approved');
    expect(actions).toEqual(
      expect.arrayContaining(['submission.claimed', 'submission.verdicts_recorded']),
    );
    await check();
    await screenshot(page, 'programme-audit');
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await textOf(page.locator('h1'))).toBe('Log archwilio');
    await check();
    await navigate(page, page.getByRole('button', { name: 'English' }));
    await close();
    expect(violations).toEqual([]);
  });

  it('shows a viewer no write controls and refuses its forged POSTs', async () => {
    const { page, checker, close } = await noJsPage();
    const [, second] = submissions;
    await signIn(page, ACCOUNTS.viewer);
    for (const path of [
      '/programme/audit',
      '/programme/reviews',
      `/programme/reviews/${second.id}`,
    ]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      const actions = await page
        .locator('form[method="post"]')
        .evaluateAll((forms) => forms.map((f) => f.getAttribute('action')));
      expect(actions.every((a) => a === '/language' || a === '/sign-out')).toBe(true);
      violations.push(...(await axeViolationsWithoutJs(page, checker)));
    }
    expect(await textOf(page.locator('#item-' + CODE2))).toContain('On the roadmap for Q3');
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const before = await api.db.query(
      `SELECT status, version, reviewer_user_id FROM conformance_submissions WHERE id = $1`,
      [second.id],
    );
    for (const [action, form] of [
      ['claim', { version: String(before[0].version) }],
      ['decision', { version: String(before[0].version), result: 'rejected', reason: 'forged' }],
    ] as const) {
      const forged = await page.request.post(`/programme/reviews/${second.id}/${action}`, {
        form: { _csrf: token, ...form },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
    }
    expect(
      await api.db.query(
        `SELECT status, version, reviewer_user_id FROM conformance_submissions WHERE id = $1`,
        [second.id],
      ),
    ).toEqual(before);
    await close();
    expect(violations).toEqual([]);
  });
});
