import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  navigate,
  screenshot,
  textOf,
  noJsPage,
  signInPage,
} from '../support/browser.js';
import {
  ACCOUNTS,
  as,
  type Principal,
  type PrincipalName,
  signInAll,
} from '../support/principals.js';
import { insertProduct } from '../support/programme-fixtures.js';
import { startTestApi, startTestWorker, type TestApi } from '../support/test-app.js';
import { waitFor } from '../support/wait.js';

jest.setTimeout(600_000);

const RUN = Date.now().toString(36).toUpperCase().slice(-5);
const SERVICE_CODE = `CAT-${RUN}`;
const SERVICE_NAME = `Catalogue test service ${RUN}`;

/** Version 1 of the fixture service's requirements (published before the browser starts). */
const V1 = [
  { code: 'CTL-001', title: 'Apply online', level: 'MUST', category: 'Application' },
  { code: 'CTL-002', title: 'Save and return', level: 'SHOULD', category: 'Application' },
  { code: 'CTL-003', title: 'Confirm by email', level: 'MUST', category: 'Notification' },
  { code: 'CTL-004', title: 'Welsh language version', level: 'MUST', category: 'Language' },
];

/** A JSON Schema for the standard whose page validates samples. */
const SCHEMA = {
  type: 'object',
  required: ['reference', 'children'],
  additionalProperties: false,
  properties: {
    reference: { type: 'string', pattern: '^[A-Z]{3}-\\d{4}$' },
    children: {
      type: 'array',
      items: {
        type: 'object',
        required: ['name'],
        properties: { name: { type: 'string' }, age: { type: 'integer', minimum: 0 } },
      },
    },
  },
};

/**
 * The programme office's catalogue in a real browser with JavaScript off. An admin opens
 * the catalogue (the dependency graph drawn as SVG with its relationships in words),
 * opens a service, starts a new draft from its published requirement set, adds, edits
 * and removes requirements, imports a CSV with a bad row (row errors shown) and then a
 * good one, reads the diff on the publish page and publishes: the service's valid
 * certificates become reassessment due (the worker does it, as in production). A sample
 * is validated against a standard's schema (bad JSON, an invalid and a valid sample).
 * A viewer sees no write controls and its forged POSTs are refused. axe-core (WCAG 2.2
 * AA) on every page, English and Welsh: zero violations.
 */
describe('programme catalogue pages in a browser', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let browser: Browser;
  let base: string;
  let p: Record<PrincipalName, Principal>;
  let serviceId: string;
  let v1Id: string;
  let standardId: string;
  const certificates: string[] = [];
  const violations: string[] = [];

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    worker = await startTestWorker();
    p = await signInAll(api);
    const admin = () => as(api, p.admin);
    const [agency] = await api.db.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE type = 'AGENCY' ORDER BY code LIMIT 1`,
    );
    const [admissions] = await api.db.query<{ id: string }[]>(
      `SELECT id FROM services WHERE code = 'ADMISSIONS'`,
    );
    const service = await admin().post('/api/v1/services').send({
      code: SERVICE_CODE,
      name: SERVICE_NAME,
      description: 'A service made for the catalogue pages test.',
      leadAgencyId: agency.id,
      deliveryModel: 'council_delivered',
    });
    expect(service.status).toBe(201);
    serviceId = service.body.id;
    const link = await admin()
      .post(`/api/v1/services/${serviceId}/relationships`)
      .send({ type: 'depends_on', toServiceId: admissions.id });
    expect(link.status).toBe(201);
    const draft = await admin()
      .post(`/api/v1/services/${serviceId}/requirement-sets`)
      .send({ title: 'Catalogue test requirements', requirements: V1 });
    expect(draft.status).toBe(201);
    v1Id = draft.body.id;
    await admin()
      .post(`/api/v1/requirement-sets/${v1Id}/publish`)
      .send({ effectiveDate: '2027-01-04' })
      .expect(200);
    for (const name of [`Catalogue product A ${RUN}`, `Catalogue product B ${RUN}`]) {
      const { certificateId } = await insertProduct(api.db, {
        supplierId: p.supplierA.organisationId!,
        serviceId,
        name,
        certificate: 'valid',
      });
      certificates.push(certificateId!);
    }
    const standard = await admin()
      .post('/api/v1/standards')
      .send({
        code: `CAT-STD-${RUN}`,
        version: '1.0.0',
        name: `Catalogue test standard ${RUN}`,
        description: 'An application record sent between services.',
        ownerId: agency.id,
        serviceIds: [serviceId],
        jsonSchema: SCHEMA,
      });
    expect(standard.status).toBe(201);
    standardId = standard.body.id;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  const codes = async (page: Page) =>
    page
      .locator('#requirements-table tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code')));

  it('walks the catalogue, edits a new draft, imports CSV, publishes after the diff, validates samples', async () => {
    const { page, check, close } = await noJsPage(browser, base, violations);
    await signInPage(page, ACCOUNTS.admin);

    // The catalogue from the programme office's navigation: graph and its words.
    await navigate(page, page.getByRole('link', { name: 'Catalogue', exact: true }));
    expect(new URL(page.url()).pathname).toBe('/programme/catalogue');
    expect(await textOf(page.locator('h1'))).toBe('Service catalogue');
    const graph = page.locator('svg#service-graph');
    expect(await graph.getAttribute('role')).toBe('img');
    expect(await page.locator('#graph-title').textContent()).toBe(
      'Dependency graph of the service catalogue',
    );
    expect(await graph.locator('text').allTextContents()).toContain(SERVICE_CODE);
    expect(await textOf(page.locator('#relationship-list'))).toContain(
      `${SERVICE_NAME} (${SERVICE_CODE}) depends on`,
    );
    const [{ n: edges }] = await api.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM service_relationships`,
    );
    expect(await page.locator('#relationship-list li').count()).toBe(edges);
    expect(await graph.locator('path[marker-end]').count()).toBeGreaterThan(0);
    await check();
    await screenshot(page, 'catalogue-graph');

    // The service's page (linked from the relationships in words): details, scope, relationships, versions.
    await navigate(
      page,
      page
        .locator('#relationship-list')
        .getByRole('link', { name: `${SERVICE_NAME} (${SERVICE_CODE})` }),
    );
    expect(await textOf(page.locator('h1'))).toBe(SERVICE_NAME);
    expect(await textOf(page.locator('#service-details'))).toContain('2 valid, 0 reassessment due');
    expect(await textOf(page.locator('#service-relationships'))).toContain('depends on');
    expect(await textOf(page.locator('#set-versions'))).toContain('Version 1 Published');
    await check();

    // A new draft from the published version.
    await navigate(page, page.getByRole('button', { name: 'Start a new draft from version 1' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Version 2 started as a draft copy',
    );
    expect(await textOf(page.locator('#set-details'))).toContain('Draft');
    expect(await codes(page)).toEqual(['CTL-001', 'CTL-002', 'CTL-003', 'CTL-004']);
    const draftPath = new URL(page.url()).pathname;
    const draftId = draftPath.split('/').pop()!;
    await check();

    // Add: a bad code first (the API's DTO refuses it), then a good one.
    await navigate(page, page.getByRole('button', { name: 'Add a requirement' }));
    await page.getByLabel('Code').fill('ctl-9');
    await page.getByLabel('Title').fill('Pay the fee online');
    await page.getByLabel('MUST').check();
    await navigate(page, page.getByRole('button', { name: 'Add requirement' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter a code like ADM-014',
    );
    expect(await page.locator('#code').inputValue()).toBe('ctl-9');
    await check();
    await page.getByLabel('Code').fill('CTL-001');
    await navigate(page, page.getByRole('button', { name: 'Add requirement' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'already has a requirement with that code',
    );
    await page.getByLabel('Code').fill('CTL-005');
    await page.getByLabel('Acceptance criteria').fill('Given a card, when paid, then a receipt.');
    await navigate(page, page.getByRole('button', { name: 'Add requirement' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Requirement CTL-005 added',
    );
    expect(await codes(page)).toEqual(['CTL-001', 'CTL-002', 'CTL-003', 'CTL-004', 'CTL-005']);

    // Edit one: its title and level.
    await navigate(page, page.getByRole('link', { name: 'Edit CTL-001' }));
    expect(await page.locator('#title').inputValue()).toBe('Apply online');
    await page.getByLabel('Title').fill('Apply online, in English or Welsh');
    await page.getByLabel('SHOULD').check();
    await navigate(page, page.getByRole('button', { name: 'Save requirement' }));
    expect(await textOf(page.locator('tr[data-code="CTL-001"]'))).toContain(
      'Apply online, in English or Welsh SHOULD',
    );

    // Remove one.
    await navigate(page, page.getByRole('button', { name: 'Remove CTL-002' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Requirement CTL-002 removed',
    );
    expect(await codes(page)).toEqual(['CTL-001', 'CTL-003', 'CTL-004', 'CTL-005']);
    await check();

    // CSV with one bad row: nothing imported, the row named.
    const header = 'code,title,level,category,acceptance_criteria';
    await page
      .getByLabel('CSV')
      .fill(`${header}\nCTL-001,Fine,MUST,Application,\nCTL-01,Bad code,MUST,Application,\n`);
    await navigate(page, page.getByRole('button', { name: 'Import and replace requirements' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Correct these rows of the CSV: 3. Nothing was imported.',
    );
    const rowError = await textOf(page.locator('#csv-errors tbody tr'));
    expect(rowError).toMatch(/^3 code Enter a code like ADM-014/);
    expect(rowError).toContain('code must look like ADM-014');
    expect(await codes(page)).toEqual(['CTL-001', 'CTL-003', 'CTL-004', 'CTL-005']);
    await check();
    await screenshot(page, 'catalogue-csv-errors');

    // A good CSV: the edits above kept, one more requirement added.
    await page
      .getByLabel('CSV')
      .fill(
        [
          header,
          'CTL-001,"Apply online, in English or Welsh",SHOULD,Application,',
          'CTL-003,Confirm by email,MUST,Notification,',
          'CTL-004,Welsh language version,MUST,Language,',
          'CTL-005,Pay the fee online,MUST,,"Given a card, when paid, then a receipt."',
          'CTL-006,Upload evidence,may,Evidence,A PDF or photo is accepted.',
        ].join('\n'),
      );
    await navigate(page, page.getByRole('button', { name: 'Import and replace requirements' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      '5 requirements imported from the CSV',
    );
    expect(await codes(page)).toEqual(['CTL-001', 'CTL-003', 'CTL-004', 'CTL-005', 'CTL-006']);
    expect(await textOf(page.locator('tr[data-code="CTL-006"]'))).toContain('MAY');
    await check();
    await screenshot(page, 'catalogue-draft');

    // Publish: the diff first.
    await navigate(page, page.getByRole('button', { name: 'Check changes and publish' }));
    expect(await textOf(page.locator('h1'))).toBe('Publish version 2');
    expect(await textOf(page.locator('#diff-intro'))).toBe(
      'Compared with version 1, the version in force now: 2 added, 1 changed, 1 removed.',
    );
    expect(await textOf(page.locator('#diff-added'))).toBe(
      'CTL-005 (MUST): Pay the fee online CTL-006 (MAY): Upload evidence',
    );
    expect(await textOf(page.locator('#diff-removed'))).toBe('CTL-002 (SHOULD): Save and return');
    const changed = await textOf(page.locator('#diff-changed'));
    expect(changed).toContain('CTL-001: Apply online, in English or Welsh');
    expect(changed).toContain('Title Apply online Apply online, in English or Welsh');
    expect(changed).toContain('Level MUST SHOULD');
    expect(await textOf(page.locator('#certificates-warning'))).toContain(
      '2 certificates of this service are valid now',
    );
    await check();
    await screenshot(page, 'catalogue-diff');
    // A date before version 1 took effect is refused by the service, in words.
    await page.getByLabel('Takes effect on').fill('2026-12-31');
    await navigate(page, page.getByRole('button', { name: 'Publish', exact: true }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'cannot be before the current version took effect',
    );
    await check();
    await page.getByLabel('Takes effect on').fill('2027-04-01');
    await navigate(page, page.getByRole('button', { name: 'Publish', exact: true }));
    expect(new URL(page.url()).pathname).toBe(draftPath);
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Version 2 published. 2 certificates that were valid are being marked reassessment due.',
    );
    expect(await textOf(page.locator('#set-details'))).toContain('Published');
    expect(await page.getByRole('button', { name: 'Add a requirement' }).count()).toBe(0);
    await check();

    // The worker marks the service's certificates, as the page said.
    const statuses = await waitFor(
      async () => {
        const rows = await api.db.query<{ status: string }[]>(
          `SELECT status FROM certificates WHERE id = ANY($1) ORDER BY id`,
          [certificates],
        );
        return rows.every((r) => r.status === 'reassessment_due') && rows;
      },
      { timeoutMs: 30_000, what: 'certificates marked reassessment_due' },
    );
    expect(statuses).toHaveLength(2);
    const sets = await as(api, p.viewer).get(`/api/v1/services/${serviceId}/requirement-sets`);
    expect(sets.body.data.map((s: { id: string; status: string }) => s.status)).toEqual([
      'published',
      'superseded',
    ]);
    expect(sets.body.data[0].id).toBe(draftId);
    await page.goto(`/programme/catalogue/services/${serviceId}`);
    expect(await textOf(page.locator('#service-details'))).toContain('0 valid, 2 reassessment due');
    expect(await textOf(page.locator('#set-versions'))).toContain('Version 2 Published');
    await check();

    // Shared services, and one with its members.
    await navigate(page, page.getByRole('link', { name: 'Back to the catalogue' }));
    await navigate(page, page.getByRole('link', { name: 'Shared services', exact: true }));
    expect(await textOf(page.locator('h1'))).toBe('Shared services');
    await check();
    const firstShared = page.locator('#shared-table tbody a').first();
    const sharedName = await textOf(firstShared);
    await navigate(page, firstShared);
    expect(await textOf(page.locator('h1'))).toBe(sharedName);
    expect(await page.locator('#members-table tbody tr').count()).toBeGreaterThan(0);
    await check();

    // Standards: the schema, and samples validated against it.
    await page.goto('/programme/catalogue/standards');
    expect(await textOf(page.locator('h1'))).toBe('Standards');
    await check();
    await page.goto(`/programme/catalogue/standards/${standardId}`);
    expect(JSON.parse(await page.locator('#schema').innerText())).toEqual(SCHEMA);
    await check();
    await page.getByLabel('Sample payload (JSON)').fill('{"reference": "ABC-1234",');
    await navigate(page, page.getByRole('button', { name: 'Validate sample' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'The sample is not valid JSON',
    );
    await check();
    await page
      .getByLabel('Sample payload (JSON)')
      .fill('{"reference": "abc", "children": [{"name": "Ann"}, {"age": -1}], "extra": true}');
    await navigate(page, page.getByRole('button', { name: 'Validate sample' }));
    expect(await textOf(page.locator('#validation-result h3'))).toMatch(
      /^The sample is not valid: \d+ problems$/,
    );
    const problems = await page
      .locator('#validation-errors tbody tr')
      .evaluateAll((rows) =>
        rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.innerText.trim())),
      );
    expect(problems).toEqual(
      expect.arrayContaining([
        ['“extra”', '/extra', expect.any(String)],
        ['“reference”', '/reference', expect.stringContaining('pattern')],
        ['“name” in item 2 of “children”', '/children/1/name', expect.any(String)],
        ['“age” in item 2 of “children”', '/children/1/age', expect.any(String)],
      ]),
    );
    await check();
    await page
      .getByLabel('Sample payload (JSON)')
      .fill('{"reference": "ABC-1234", "children": [{"name": "Ann", "age": 7}]}');
    await navigate(page, page.getByRole('button', { name: 'Validate sample' }));
    expect(await textOf(page.locator('#validation-result'))).toBe(
      'The sample is valid against this schema',
    );
    await page
      .getByLabel('Sample payload (JSON)')
      .fill('{"reference": "abc", "children": [{"age": -1}]}');
    await navigate(page, page.getByRole('button', { name: 'Validate sample' }));
    await check();
    await screenshot(page, 'catalogue-validate');

    // In Welsh, switched on the result of the POST: back to the standard's page, then the graph.
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(new URL(page.url()).pathname).toBe(`/programme/catalogue/standards/${standardId}`);
    expect(await textOf(page.locator('#schema-heading'))).toBe('Sgema JSON');
    await check();
    await page.goto('/programme/catalogue');
    expect(await textOf(page.locator('h1'))).toBe('Catalog gwasanaethau');
    expect(await textOf(page.locator('#relationship-list'))).toContain(
      `Mae ${SERVICE_NAME} (${SERVICE_CODE}) yn dibynnu ar`,
    );
    await check();
    await page.goto(`/programme/catalogue/requirement-sets/${draftId}`);
    expect(await textOf(page.locator('h1'))).toMatch(/^Fersiwn 2/);
    await check();
    await screenshot(page, 'catalogue-set-cy');
    await navigate(page, page.getByRole('button', { name: 'English' }));
    await close();
    expect(violations).toEqual([]);
  });

  let readerDraftId: string | undefined;

  it.each(['viewer', 'agency'] as const)(
    'shows the %s no write controls and refuses its forged POSTs',
    async (reader) => {
      const { page, check, close } = await noJsPage(browser, base, violations);
      await signInPage(page, ACCOUNTS[reader]);
      if (!readerDraftId) {
        const draft = await as(api, p.admin).post(`/api/v1/requirement-sets/${v1Id}/new-version`);
        // v1 is superseded by now; a new draft copies it forward all the same.
        expect(draft.status).toBe(201);
        readerDraftId = draft.body.id as string;
      }
      const draftId = readerDraftId;
      for (const path of [
        '/programme/catalogue',
        `/programme/catalogue/services/${serviceId}`,
        `/programme/catalogue/requirement-sets/${draftId}`,
        `/programme/catalogue/requirement-sets/${v1Id}`,
        '/programme/catalogue/shared-services',
        `/programme/catalogue/standards/${standardId}`,
      ]) {
        const res = await page.goto(path);
        expect(res?.status()).toBe(200);
        const actions = await page
          .locator('form[method="post"]')
          .evaluateAll((forms) => forms.map((f) => f.getAttribute('action')));
        expect(
          actions.filter(
            (a) => a !== '/language' && a !== '/sign-out' && !a?.endsWith('/validate'),
          ),
        ).toEqual([]);
        expect(await page.getByRole('link', { name: /Edit CTL/ }).count()).toBe(0);
        expect(
          await page
            .getByRole('button', {
              name: /Start a new draft|Remove|Add a requirement|Check changes/,
            })
            .count(),
        ).toBe(0);
        await check();
      }
      for (const path of [
        `/programme/catalogue/requirement-sets/${draftId}/publish`,
        `/programme/catalogue/requirement-sets/${draftId}/requirements/new`,
        `/programme/catalogue/requirement-sets/${draftId}/requirements/CTL-001/edit`,
      ]) {
        expect((await page.goto(path))?.status()).toBe(403);
      }
      await page.goto(`/programme/catalogue/requirement-sets/${draftId}`);
      const token = await page.locator('input[name="_csrf"]').first().inputValue();
      const snapshot = async () =>
        api.db.query(
          `SELECT rs.version, rs.status, r.code, r.title, r.level
           FROM requirement_sets rs LEFT JOIN requirements r ON r.requirement_set_id = rs.id
          WHERE rs.service_id = $1 ORDER BY rs.version, r.code`,
          [serviceId],
        );
      const before = await snapshot();
      const set = `/programme/catalogue/requirement-sets/${draftId}`;
      for (const [path, form] of [
        [`/programme/catalogue/requirement-sets/${v1Id}/new-version`, {}],
        [`${set}/requirements`, { code: 'CTL-099', title: 'forged', level: 'MUST' }],
        [`${set}/requirements/CTL-001`, { title: 'forged', level: 'MAY' }],
        [`${set}/requirements/CTL-001/remove`, {}],
        [`${set}/import`, { csv: 'code,title,level\nCTL-098,forged,MUST\n' }],
        [`${set}/publish`, { effectiveDate: '2027-09-01' }],
      ] as const) {
        const forged = await page.request.post(path, {
          form: { _csrf: token, ...form },
          maxRedirects: 0,
        });
        expect([path, forged.status()]).toEqual([path, 403]);
        expect(await forged.text()).toContain('<html lang=');
      }
      expect(await snapshot()).toEqual(before);
      await close();
      expect(violations).toEqual([]);
    },
  );
});
