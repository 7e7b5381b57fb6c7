import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { insertService } from '../support/adoption-fixtures.js';
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
import { insertProduct, upsertAdoption } from '../support/programme-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(300_000);

const RUN = Date.now().toString(36).toUpperCase().slice(-5);

/**
 * The programme office acting on one council's adoption, in a real browser with
 * JavaScript off: an admin finds the council through the councils search, opens the
 * adoption, ticks a step and moves it on; a move that an unfinished mandatory step blocks
 * shows the error summary naming the step, and an override with a reason moves it, with
 * the reason in the history. A stale form is a clear 409. A viewer sees no forms and its
 * forged POSTs are refused; another council's adoption under this council's address is a
 * 404. axe-core (WCAG 2.2 AA) on every page, English and Welsh: zero violations.
 */
describe('programme office acts on a council adoption in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let p: Record<PrincipalName, Principal>;
  let serviceName: string;
  let councilY: string;
  let adoptionY: string;
  let adoptionX: string;
  let councilYName: string;
  let supplierName: string;
  const violations: string[] = [];
  const PLANNING_STEP = `Business case approved ${RUN}`;
  const PROCUREMENT_STEP = `Supplier contract signed ${RUN}`;
  const REASON = `Contract signed on paper at the council meeting ${RUN}`;

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    p = await signInAll(api);
    const service = await insertService(api.db, { code: `CA-${RUN}` });
    serviceName = `Test service ${service.code}`;
    const { productId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      name: `Admissions Hub ${RUN}`,
      certificate: 'valid',
    });
    councilY = p.councilY.organisationId!;
    [{ name: councilYName }] = await api.db.query(`SELECT name FROM organisations WHERE id = $1`, [
      councilY,
    ]);
    [{ name: supplierName }] = await api.db.query(`SELECT name FROM organisations WHERE id = $1`, [
      p.supplierA.organisationId,
    ]);
    adoptionY = await upsertAdoption(api.db, {
      councilId: councilY,
      serviceId: service.id,
      productId,
      stage: 'planning',
    });
    adoptionX = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'planning',
    });
    for (const [stage, title] of [
      ['planning', PLANNING_STEP],
      ['procurement', PROCUREMENT_STEP],
    ]) {
      await as(api, p.admin)
        .post('/api/v1/success-steps')
        .send({ serviceId: service.id, stage, title, mandatory: true })
        .expect(201);
    }
    const variance = await as(api, p.councilY)
      .post(`/api/v1/adoptions/${adoptionY}/variances`)
      .send({
        requirementCode: service.requirementCode,
        description: `Paper forms kept for one term ${RUN}`,
        justification: 'Rural schools without broadband until the spring',
        expiresOn: '2031-01-01',
      });
    expect(variance.status).toBe(201);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const adoptionRow = async (id: string) =>
    (
      await api.db.query<{ stage: string; version: number }[]>(
        `SELECT stage, version FROM adoptions WHERE id = $1`,
        [id],
      )
    )[0];

  it('finds the council, moves its adoption on, and overrides a missing step with a reason', async () => {
    const { page, check, close } = await noJsPage(browser, base, violations);
    await signInPage(page, ACCOUNTS.admin);

    // The councils search, by GSS code, and the council's page.
    await navigate(page, page.getByRole('link', { name: 'Councils', exact: true }));
    await page.getByLabel('Name or GSS code').fill('E06000001');
    await navigate(page, page.getByRole('button', { name: 'Search' }));
    const row = page.locator('#councils-table tbody tr');
    expect(await row.count()).toBe(1);
    await check();
    await navigate(page, row.getByRole('link').first());
    expect(new URL(page.url()).pathname).toBe(`/programme/councils/${councilY}`);
    expect(await textOf(page.locator('#variances-table'))).toContain(
      `Paper forms kept for one term ${RUN}`,
    );
    expect(await textOf(page.locator('#variances-table'))).toContain('Proposed');
    await check();
    await screenshot(page, 'programme-council-adoptions');

    // The adoption: stage, supplier and product, checklist, variances, history.
    await navigate(
      page,
      page.locator('#adoptions-table').getByRole('link', { name: serviceName, exact: true }),
    );
    const path = `/programme/councils/${councilY}/adoptions/${adoptionY}`;
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await textOf(page.locator('h1'))).toBe(serviceName);
    const summary = await textOf(page.locator('#adoption-summary'));
    expect(summary).toContain('Planning');
    expect(summary).toContain(`Admissions Hub ${RUN}`);
    expect(summary).toContain(supplierName);
    expect(await textOf(page.locator('#variances-table'))).toContain('Rural schools');
    // Only the moves the lifecycle allows from planning.
    const offered = await page
      .locator('input[name="to"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('value')));
    expect(offered).toEqual(['procurement', 'not_started', 'paused', 'withdrawn']);
    await check();
    await screenshot(page, 'programme-adoption');

    // Tick the planning step, then move to procurement: a success banner and the history.
    // (The step's title is visually hidden in the button's name: "Mark done : <title>".)
    await navigate(
      page,
      page.getByRole('button', { name: new RegExp(`^Mark done ?:? ${PLANNING_STEP}$`) }),
    );
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `Step “${PLANNING_STEP}” marked done.`,
    );
    await check();
    await page.getByLabel('Procurement', { exact: true }).check();
    await page
      .getByLabel('Note for the history (optional)')
      .fill(`Business case signed off ${RUN}`);
    await navigate(page, page.getByRole('button', { name: 'Move stage' }));
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `${serviceName} for ${councilYName} moved to Procurement.`,
    );
    expect(await textOf(page.locator('#history-table tbody tr'))).toContain(
      'Moved from Planning to Procurement',
    );
    expect(await textOf(page.locator('#history-table tbody tr'))).toContain(
      `Business case signed off ${RUN}`,
    );
    expect((await adoptionRow(adoptionY)).stage).toBe('procurement');
    await check();

    // Implementation is blocked by the unfinished procurement step: the summary names it.
    await page.getByLabel('Implementation', { exact: true }).check();
    await navigate(page, page.getByRole('button', { name: 'Move stage' }));
    const errorSummary = await textOf(page.locator('.govuk-error-summary'));
    expect(errorSummary).toContain(
      `Mandatory step “${PROCUREMENT_STEP}” (Procurement) is not done`,
    );
    expect(await page.title()).toMatch(/^Error:/);
    expect((await adoptionRow(adoptionY)).stage).toBe('procurement');
    expect(await textOf(page.locator('#unfinished-steps'))).toContain(PROCUREMENT_STEP);
    await check();
    await screenshot(page, 'programme-adoption-blocked');

    // An override needs its reason.
    const override = page.getByRole('button', { name: 'Override and move to Implementation' });
    await navigate(page, override);
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter why the adoption should move without the unfinished steps',
    );
    expect((await adoptionRow(adoptionY)).stage).toBe('procurement');
    await check();

    // With a reason: moved, the banner says so and the history keeps the reason.
    await page.getByLabel('Why should it move without these steps?').fill(REASON);
    await navigate(page, override);
    expect(new URL(page.url()).pathname).toBe(path);
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'moved to Implementation without its unfinished mandatory steps',
    );
    const latest = await textOf(page.locator('#history-table tbody tr'));
    expect(latest).toContain('Moved from Procurement to Implementation');
    expect(latest).toContain(`Override of unfinished steps (${PROCUREMENT_STEP}): ${REASON}`);
    expect((await adoptionRow(adoptionY)).stage).toBe('implementation');
    const [audit] = await api.db.query<{ action: string }[]>(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at DESC LIMIT 1`,
      [adoptionY],
    );
    expect(audit.action).toBe('adoption.transitioned_with_override');
    await check();
    await screenshot(page, 'programme-adoption-overridden');

    // Someone else changes the adoption while the form is open: a clear 409, nothing moved.
    const { version } = await adoptionRow(adoptionY);
    await as(api, p.admin)
      .patch(`/api/v1/adoptions/${adoptionY}`)
      .send({ version, notes: `Changed elsewhere ${RUN}` })
      .expect(200);
    await page.getByLabel('Testing', { exact: true }).check();
    const stale = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.getByRole('button', { name: 'Move stage' }).click(),
    ]);
    expect(stale[0]?.status()).toBe(409);
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Someone else changed this adoption since you opened this page',
    );
    expect((await adoptionRow(adoptionY)).stage).toBe('implementation');
    await check();

    // Blocked again (the step is still not done); the council finishes it before the
    // override is sent: a plain move, with no override recorded.
    await navigate(page, page.getByRole('button', { name: 'Move stage' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(PROCUREMENT_STEP);
    const [step] = await api.db.query<{ id: string }[]>(
      `SELECT id FROM success_steps WHERE title = $1`,
      [PROCUREMENT_STEP],
    );
    await as(api, p.councilY)
      .put(`/api/v1/adoptions/${adoptionY}/steps/${step.id}`)
      .send({ done: true })
      .expect(200);
    await page.getByLabel('Why should it move without these steps?').fill(REASON);
    await navigate(page, page.getByRole('button', { name: 'Override and move to Testing' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `${serviceName} for ${councilYName} moved to Testing.`,
    );
    const plain = await textOf(page.locator('#history-table tbody tr'));
    expect(plain).toContain('Moved from Implementation to Testing');
    expect(plain).not.toContain('Override');
    expect((await adoptionRow(adoptionY)).stage).toBe('testing');
    await check();

    // Another council's adoption under this council's address: a 404 page.
    const wrong = await page.goto(`/programme/councils/${councilY}/adoptions/${adoptionX}`);
    expect(wrong?.status()).toBe(404);

    // One page in Welsh.
    await page.goto(path);
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await textOf(page.locator('#history'))).toBe('Hanes');
    expect(await textOf(page.locator('#move'))).not.toBe('Move to another stage');
    await check();
    await screenshot(page, 'programme-adoption-cy');
    await navigate(page, page.getByRole('button', { name: 'English' }));
    await close();
    expect(violations).toEqual([]);
  });

  it('shows a viewer no forms and refuses its forged POSTs', async () => {
    const { page, check, close } = await noJsPage(browser, base, violations);
    await signInPage(page, ACCOUNTS.viewer);
    const path = `/programme/councils/${councilY}/adoptions/${adoptionY}`;
    for (const at of [`/programme/councils/${councilY}`, path]) {
      const res = await page.goto(at);
      expect(res?.status()).toBe(200);
      const actions = await page
        .locator('form[method="post"]')
        .evaluateAll((forms) => forms.map((f) => f.getAttribute('action')));
      expect(actions.every((a) => a === '/language' || a === '/sign-out')).toBe(true);
      await check();
    }
    expect(await page.locator('input[name="to"]').count()).toBe(0);
    expect(await textOf(page.locator('.govuk-inset-text'))).toContain(
      'Only a programme admin can change it',
    );
    await screenshot(page, 'programme-adoption-viewer');

    // Forged POSTs with the viewer's own valid CSRF token: 403 pages, nothing changed.
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const before = await adoptionRow(adoptionY);
    const [step] = await api.db.query<{ id: string }[]>(
      `SELECT id FROM success_steps WHERE title = $1`,
      [PLANNING_STEP],
    );
    const doneRows = () =>
      api.db.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM adoption_steps WHERE adoption_id = $1 AND step_id = $2`,
        [adoptionY, step.id],
      );
    expect(await doneRows()).toEqual([{ n: 1 }]);
    for (const [target, form] of [
      [`${path}/stage`, { _csrf: token, to: 'paused', version: String(before.version) }],
      [
        `${path}/stage`,
        {
          _csrf: token,
          to: 'paused',
          version: String(before.version),
          override: 'yes',
          overrideReason: 'Forged by a viewer',
        },
      ],
      [`${path}/steps/${step.id}`, { _csrf: token, done: 'false' }],
    ] as const) {
      const forged = await page.request.post(target, { form, maxRedirects: 0 });
      expect(forged.status()).toBe(403);
      expect(forged.headers()['content-type']).toContain('text/html');
    }
    expect(await adoptionRow(adoptionY)).toEqual(before);
    expect(await doneRows()).toEqual([{ n: 1 }]);
    await close();
    expect(violations).toEqual([]);
  });
});
