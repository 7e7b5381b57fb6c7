import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import type { Browser, BrowserContext, Page } from 'playwright-core';
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
import { organisationIdByCode } from '../support/programme-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(180_000);

const RUN = Date.now().toString(36).toUpperCase().slice(-5);
const PREFIX = `SB${RUN.replace(/[^A-Z]/g, 'X').slice(0, 3)}`;
const code = (n: number) => `${PREFIX}-${String(n).padStart(3, '0')}`;
const REQUIREMENTS = [
  {
    code: code(1),
    title: 'Records the child’s name',
    description: 'The product MUST record the child’s name.',
    level: 'MUST',
    category: 'Applications',
    acceptanceCriteria: 'A test application shows the name on the record',
  },
  {
    code: code(2),
    title: 'Offers a receipt',
    description: 'The product SHOULD send a receipt.',
    level: 'SHOULD',
    category: 'Applications',
  },
  {
    code: code(3),
    title: 'Exports decisions',
    description: 'The product MUST export decisions nightly.',
    level: 'MUST',
    category: 'Reporting',
  },
];
const SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['childName', 'dateOfBirth'],
  properties: { childName: { type: 'string' }, dateOfBirth: { type: 'string', format: 'date' } },
  additionalProperties: false,
};

/**
 * A conformance submission through the supplier's pages in a real browser: start it from
 * the product, answer each category, paste a failing sample (errors by JSON pointer in
 * plain words), fix it, check answers, submit; the programme office (API) asks for
 * changes; the supplier reads the comment, changes an answer and resubmits; approval
 * issues a certificate. Welsh pages, supplier B's 404s, and a fuzz of every new form.
 * Every page visited is checked with axe-core (WCAG 2.2 A + AA): zero violations.
 */
describe('supplier conformance submission in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let p: Record<PrincipalName, Principal>;
  let serviceName: string;
  let submissionId = '';
  let certificateNumber = '';
  const productName = `Submission product ${RUN}`;
  const violations: string[] = [];
  const visited = new Set<string>();
  const admin = () => as(api, p.admin);

  const check = async (page: Page) => {
    visited.add(new URL(page.url()).pathname);
    violations.push(...(await axeViolations(page)));
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    p = await signInAll(api);
    const dfe = await organisationIdByCode(api.db, 'DFE');
    serviceName = `Submission service ${RUN}`;
    const svc = await admin()
      .post('/api/v1/services')
      .send({
        code: `SB-${RUN}`,
        name: serviceName,
        leadAgencyId: dfe,
        deliveryModel: 'council_delivered',
      });
    expect(svc.status).toBe(201);
    const set = await admin()
      .post(`/api/v1/services/${svc.body.id}/requirement-sets`)
      .send({ title: 'Submission v1', requirements: REQUIREMENTS });
    expect(set.status).toBe(201);
    const published = await admin()
      .post(`/api/v1/requirement-sets/${set.body.id}/publish`)
      .send({ effectiveDate: '2026-01-01' });
    expect(published.status).toBe(200);
    const std = await admin()
      .post('/api/v1/standards')
      .send({
        code: `SB-APP-${RUN}`,
        version: '1.0.0',
        name: 'Submission application',
        ownerId: dfe,
        serviceIds: [svc.body.id],
        jsonSchema: SCHEMA,
      });
    expect(std.status).toBe(201);
    const active = await admin()
      .post(`/api/v1/standards/${std.body.id}/transitions`)
      .send({ to: 'active' });
    expect(active.status).toBe(200);
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

  const dbSubmission = async () =>
    (
      await api.db.query(
        `SELECT status, result, round, version FROM conformance_submissions WHERE id = $1`,
        [submissionId],
      )
    )[0] as { status: string; result: string | null; round: number; version: number };

  const answerCategory = async (page: Page, name: string, answers: [string, string][]) => {
    await navigate(page, page.getByRole('link', { name }));
    expect(await textOf(page.locator('h1'))).toBe(name);
    for (const [c, label] of answers) {
      await page
        .getByRole('group', { name: `Does your product meet ${c}?` })
        .getByLabel(label, { exact: true })
        .check();
      await page.getByLabel(`Evidence for ${c} (optional)`).fill(`Evidence for ${c}`);
    }
    await check(page);
    await navigate(page, page.getByRole('button', { name: 'Save and return to the submission' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `Your answers for “${name}” have been saved`,
    );
  };

  it('starts a submission, answers it, fixes a failing sample and submits', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierA);
    // The product is registered in the browser too: the journey starts from a new product.
    await navigate(page, page.getByRole('link', { name: 'Products', exact: true }));
    await navigate(page, page.getByRole('button', { name: 'Register a product' }));
    await page.getByLabel('Product name').fill(productName);
    await page.getByLabel('Version', { exact: true }).fill('2.0');
    await page.getByLabel(`${serviceName} (SB-${RUN})`).check();
    await navigate(page, page.getByRole('button', { name: 'Save product' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `${productName} has been registered as a draft`,
    );
    const productId = new URL(page.url()).pathname.split('/').pop()!;
    await navigate(
      page,
      page.getByRole('button', { name: `Start a conformance submission for ${serviceName}` }),
    );
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `You started a conformance submission for ${productName}`,
    );
    submissionId = new URL(page.url()).pathname.split('/').pop()!;
    const [started] = await api.db.query(
      `SELECT product_id FROM conformance_submissions WHERE id = $1`,
      [submissionId],
    );
    expect(started.product_id).toBe(productId);
    expect(await textOf(page.locator('h1'))).toBe('Conformance submission');
    expect(await textOf(page.locator('#check-1-status'))).toBe('Cannot start yet');
    await check(page);
    await screenshot(page, 'supplier-submission-task-list');

    await navigate(page, page.getByRole('link', { name: 'Applications' }));
    expect(await textOf(page.locator('main'))).toContain(
      'A test application shows the name on the record',
    );
    await screenshot(page, 'supplier-submission-category');
    await navigate(page, page.getByRole('link', { name: 'Back to the submission' }));
    await answerCategory(page, 'Applications', [
      [code(1), 'Meets'],
      [code(2), 'Partially meets'],
    ]);
    await answerCategory(page, 'Reporting', [[code(3), 'Meets']]);
    expect(await textOf(page.locator('#answer-1-status'))).toBe('Completed');
    const items = await api.db.query(
      `SELECT code, self_assessment, evidence_text FROM submission_items
        WHERE submission_id = $1 ORDER BY position`,
      [submissionId],
    );
    expect(items.map((i: { self_assessment: string }) => i.self_assessment)).toEqual([
      'meets',
      'partial',
      'meets',
    ]);

    // Samples: not JSON at all (form error), then one failing the schema, then fixed.
    await navigate(page, page.getByRole('link', { name: 'Sample payloads' }));
    await check(page);
    await page.getByLabel('Name of the sample').fill('Typical application');
    await page.getByLabel('Sample payload (JSON)').fill('{"childName": "Ada",');
    await navigate(page, page.getByRole('button', { name: 'Save and check the sample' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'The sample payload is not valid JSON',
    );
    expect(await page.getByLabel('Sample payload (JSON)').inputValue()).toBe(
      '{"childName": "Ada",',
    );
    await check(page);
    await page
      .getByLabel('Sample payload (JSON)')
      .fill('{"childName": 7, "dateOfBirth": "2020-01-01", "shoeSize": 3}');
    await navigate(page, page.getByRole('button', { name: 'Save and check the sample' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      "does not pass the standard's schema",
    );
    const errors = await textOf(page.locator('.app-sample-errors'));
    expect(errors).toContain('“childName” (JSON pointer /childName): must be string');
    expect(errors).toContain('“shoeSize” (JSON pointer /shoeSize)');
    await check(page);
    await screenshot(page, 'supplier-submission-sample-errors');
    const [failed] = await api.db.query(
      `SELECT check_status FROM submission_samples WHERE submission_id = $1`,
      [submissionId],
    );
    expect(failed.check_status).toBe('failed');
    await navigate(page, page.getByRole('button', { name: 'Remove Typical application' }));
    await page.getByLabel('Name of the sample').fill('Typical application');
    await page
      .getByLabel('Sample payload (JSON)')
      .fill('{"childName": "Ada", "dateOfBirth": "2020-01-01"}');
    await navigate(page, page.getByRole('button', { name: 'Save and check the sample' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'passes the standard',
    );
    await navigate(page, page.getByRole('link', { name: 'Back to the submission' }).last());
    expect(await textOf(page.locator('#samples-1-status'))).toBe('Completed');

    await navigate(page, page.getByRole('link', { name: 'Check your answers' }));
    expect(await textOf(page.locator('h1'))).toBe('Check your answers before submitting');
    expect(await textOf(page.locator('main'))).toContain('Partially meets');
    await check(page);
    await screenshot(page, 'supplier-submission-check');
    await navigate(page, page.getByRole('button', { name: 'Submit for review' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'has been sent to the programme office',
    );
    expect(await dbSubmission()).toMatchObject({ status: 'submitted', round: 1 });
    await check(page);
    await context.close();
  });

  it('shows the reviewer’s comment, takes a changed answer and a resubmission', async () => {
    expect(submissionId).not.toBe('');
    const url = `/api/v1/conformance-submissions/${submissionId}`;
    let version = (await dbSubmission()).version;
    const claimed = await admin().post(`${url}/claim`).send({ version });
    expect(claimed.status).toBe(200);
    const verdicts = await admin()
      .put(`${url}/verdicts`)
      .send({
        version: claimed.body.version,
        items: [
          { code: code(1), verdict: 'meets' },
          { code: code(2), verdict: 'does_not_meet', comment: 'No receipt was sent in our test' },
          { code: code(3), verdict: 'meets' },
        ],
      });
    expect(verdicts.status).toBe(200);
    const decided = await admin().post(`${url}/decision`).send({
      version: verdicts.body.version,
      result: 'changes_requested',
      reason: 'Fix receipts',
    });
    expect(decided.status).toBe(200);

    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierA);
    const attention = await textOf(page.locator('ul[aria-labelledby="attention"]'));
    expect(attention).toContain('asked for changes');
    await navigate(page, page.locator(`a[href="/supplier/submissions/${submissionId}"]`));
    expect(await textOf(page.locator('main'))).toContain('Fix receipts');
    await navigate(page, page.getByRole('link', { name: /See the reviewer.s verdict/ }));
    expect(await textOf(page.locator('tbody'))).toContain('No receipt was sent in our test');
    await check(page);
    await screenshot(page, 'supplier-submission-outcome');
    await navigate(page, page.getByRole('link', { name: 'Back to the submission' }));
    await navigate(page, page.getByRole('link', { name: 'Applications' }));
    expect(await textOf(page.locator('main'))).toContain(
      'The reviewer said: No receipt was sent in our test',
    );
    await page
      .getByRole('group', { name: `Does your product meet ${code(2)}?` })
      .getByLabel('Meets', { exact: true })
      .check();
    await check(page);
    await navigate(page, page.getByRole('button', { name: 'Save and return to the submission' }));
    await navigate(page, page.getByRole('link', { name: 'Check your answers' }));
    await navigate(page, page.getByRole('button', { name: 'Submit for review' }));
    expect(await dbSubmission()).toMatchObject({ status: 'submitted', round: 2, result: null });

    // Approval issues the certificate the supplier then sees.
    version = (await dbSubmission()).version;
    const claimed2 = await admin().post(`${url}/claim`).send({ version });
    const approved = await admin()
      .post(`${url}/decision`)
      .send({ version: claimed2.body.version, result: 'approved', reason: 'All met' });
    expect(approved.status).toBe(200);
    await page.goto(`/supplier/submissions/${submissionId}`);
    expect(await textOf(page.locator('main'))).toContain('issued a certificate');
    await check(page);
    await page.goto('/supplier/certificates');
    expect(await textOf(page.locator('tbody'))).toContain(productName);
    const [issued] = await api.db.query(
      `SELECT id, certificate_number FROM certificates WHERE submission_id = $1`,
      [submissionId],
    );
    certificateNumber = issued.certificate_number;
    expect(certificateNumber).toMatch(/^CD-[0-9A-F]{8}-[0-9A-F]{4}$/);
    await navigate(page, page.locator(`a[href="/supplier/certificates/${issued.id}"]`));
    expect(await textOf(page.locator('#certificate-number'))).toBe(certificateNumber);
    expect(await textOf(page.locator('.app-certificate'))).toContain(
      `/verify-certificate/${certificateNumber}`,
    );
    await check(page);
    await screenshot(page, 'supplier-certificate');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-header').isVisible()).toBe(false);
    expect(await page.locator('.app-certificate').isVisible()).toBe(true);
    await screenshot(page, 'supplier-certificate-print');
    await context.close();
  });

  it('verifies the certificate on the public page without signing in', async () => {
    expect(certificateNumber).not.toBe('');
    const context = await newContext();
    const page = await context.newPage();
    await page.goto('/verify-certificate');
    expect(await textOf(page.locator('h1'))).toBe('Check a conformance certificate');
    await check(page);
    await page.getByLabel('Certificate number').fill('not a number');
    await navigate(page, page.getByRole('button', { name: 'Check certificate' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter the certificate number as it is printed',
    );
    await check(page);
    // Typed in lower case with a space: tidied and redirected to the canonical address.
    await page.getByLabel('Certificate number').fill(` ${certificateNumber.toLowerCase()}`);
    await navigate(page, page.getByRole('button', { name: 'Check certificate' }));
    expect(new URL(page.url()).pathname).toBe(`/verify-certificate/${certificateNumber}`);
    expect(await textOf(page.locator('#certificate-status'))).toBe('Valid');
    const shown = await textOf(page.locator('main'));
    expect(shown).toContain(productName);
    expect(shown).toContain(serviceName);
    expect(shown).toContain('Version 1: Submission v1');
    const html = await page.content();
    expect(html).not.toContain(submissionId);
    expect(html).not.toContain('Fix receipts');
    await check(page);
    await screenshot(page, 'verify-certificate');
    const missing = await page.goto('/verify-certificate/CD-00000000-0000');
    expect(missing?.status()).toBe(404);
    expect(await textOf(page.locator('h1'))).toBe('No certificate has that number');
    await check(page);
    // A revoked certificate says so, publicly, without the reason.
    const [cert] = await api.db.query(
      `SELECT id, version FROM certificates WHERE certificate_number = $1`,
      [certificateNumber],
    );
    const revoked = await admin()
      .post(`/api/v1/certificates/${cert.id}/revoke`)
      .send({ version: cert.version, reason: 'Internal: supplier breached terms' });
    expect(revoked.status).toBe(200);
    await page.goto(`/verify-certificate/${certificateNumber}`);
    expect(await textOf(page.locator('#certificate-status'))).toBe('Revoked');
    expect(await page.content()).not.toContain('breached terms');
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await textOf(page.locator('#certificate-status'))).toBe('Wedi’i dirymu');
    await check(page);
    await screenshot(page, 'verify-certificate-cy');
    await context.close();
  });

  it('shows the submission pages in Welsh', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierA);
    await page.goto(`/supplier/submissions/${submissionId}`);
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await textOf(page.locator('h1'))).toBe('Cyflwyniad cydymffurfiaeth');
    await check(page);
    await screenshot(page, 'supplier-submission-task-list-cy');
    for (const [path, h1] of [
      [`/supplier/submissions/${submissionId}/outcome`, 'Canlyniad yr adolygiad'],
      [`/supplier/submissions/${submissionId}/samples`, 'Llwythi sampl'],
      [`/supplier/submissions/${submissionId}/check`, 'Gwiriwch eich atebion cyn cyflwyno'],
      ['/supplier/submissions', 'Eich cyflwyniadau cydymffurfiaeth'],
    ]) {
      await page.goto(path);
      expect(await textOf(page.locator('h1'))).toBe(h1);
      await check(page);
    }
    await navigate(page, page.getByRole('button', { name: 'English' }));
    await context.close();
  });

  it("gives supplier B a 404 page for supplier A's submission", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierB);
    for (const suffix of ['', '/categories/1', '/samples', '/check', '/outcome']) {
      const res = await page.goto(`/supplier/submissions/${submissionId}${suffix}`);
      expect(res?.status()).toBe(404);
      await check(page);
    }
    expect(await textOf(page.locator('main'))).not.toContain(productName);
    await context.close();
  });

  it('answers malformed bodies on every submission form with a 4xx page, never a 500', async () => {
    const { agent, token } = await pageClient(api, ACCOUNTS.supplierA);
    // A fresh draft to post at (the journey's submission is approved: every post is a 409).
    const [{ service_id: serviceId }] = await api.db.query(
      `SELECT service_id FROM conformance_submissions WHERE id = $1`,
      [submissionId],
    );
    const fuzzProduct = await as(api, p.supplierA)
      .post('/api/v1/products')
      .send({ name: `Fuzz target ${RUN}`, productVersion: '1', serviceIds: [serviceId] });
    const draft = await as(api, p.supplierA)
      .post('/api/v1/conformance-submissions')
      .send({ productId: fuzzProduct.body.id, serviceId });
    expect(draft.status).toBe(201);
    const s = draft.body.id as string;
    const forms = [
      `/supplier/products/${fuzzProduct.body.id}/submissions`,
      `/supplier/submissions/${s}/categories/1`,
      `/supplier/submissions/${s}/categories/2`,
      `/supplier/submissions/${s}/samples`,
      `/supplier/submissions/${s}/samples/00000000-0000-4000-8000-000000000000/remove`,
      `/supplier/submissions/${s}/submit`,
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('', ' ', '0', '-1', '1e999', 'null', '[]', '{}', '{"a":', '\u0000'),
      fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }),
    );
    const body = fc.dictionary(
      fc.constantFrom(
        `answer-${code(1)}`,
        `evidence-${code(1)}`,
        `answer-${code(3)}`,
        'standardId',
        'label',
        'payload',
        'serviceId',
        'version',
        'junk',
      ),
      value,
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), body, async (path, fields) => {
        const _csrf = await token();
        // Invalid whatever else is sent: a bad answer, no JSON payload, a stale version.
        const res = await agent
          .post(path)
          .type('form')
          .send({
            ...fields,
            [`answer-${code(1)}`]: 'maybe',
            payload: '',
            serviceId: 'x',
            version: '0',
            _csrf,
          });
        const explained =
          res.text.includes('govuk-error-summary') ||
          (res.status === 400 && res.text.includes('There is a problem with your request'));
        if (res.status < 400 || res.status >= 500 || !explained) {
          failures.push(`${path} ${JSON.stringify(fields).slice(0, 200)} → ${res.status}`);
        }
      }),
      { numRuns: 60, seed: 17 },
    );
    for (const path of [...forms, `/supplier/submissions/${s}/categories/99`]) {
      const _csrf = encodeURIComponent(await token());
      const raw = await agent
        .post(path)
        .type('form')
        .send(`%%%&&answer[]=&_csrf=${_csrf}&payload[a]=1`);
      if (raw.status < 400 || raw.status >= 500) failures.push(`${path} raw → ${raw.status}`);
    }
    expect(failures).toEqual([]);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM submission_items WHERE submission_id = $1
          AND self_assessment IS NOT NULL`,
      [s],
    );
    expect(n).toBe(0);
  });

  it('found no accessibility violations on any page visited', () => {
    expect(visited.size).toBeGreaterThanOrEqual(8);
    expect(violations).toEqual([]);
  });
});
