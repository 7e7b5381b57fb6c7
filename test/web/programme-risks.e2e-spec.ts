import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
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
import { pageClient } from '../support/portal.js';
import {
  ACCOUNTS,
  as,
  type Principal,
  type PrincipalName,
  signInAll,
} from '../support/principals.js';
import { insertProduct } from '../support/programme-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(600_000);

const RUN = Date.now().toString(36).toUpperCase().slice(-5);

/**
 * The risk register and the product comparison in a real browser with JavaScript off:
 * an admin raises a risk, finds it in its heatmap square and, through the square's link,
 * in the filtered list; records a review, adds a mitigation action (a bad date first),
 * marks it done, meets a stale write as a clear 409, and closes the risk (a reason
 * needed); a risk is realised into an issue. The comparison page, on screen and printed.
 * A viewer sees no write controls and its forged POSTs are refused; malformed bodies get
 * 4xx pages. axe-core (WCAG 2.2 AA) on every page, English and Welsh: zero violations.
 */
describe('programme risk register and product comparison in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let p: Record<PrincipalName, Principal>;
  let serviceId: string;
  let serviceCode: string;
  const products: string[] = [];
  const violations: string[] = [];
  let riskId: string;

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    p = await signInAll(api);
    const service = await insertService(api.db, { code: `RK-${RUN}` });
    serviceId = service.id;
    serviceCode = service.code;
    for (const [name, certificate] of [
      [`Admissions Hub ${RUN}`, 'valid'],
      [`School Place Finder ${RUN}`, 'reassessment_due'],
      [`Apply Easy ${RUN}`, null],
    ] as const) {
      const { productId } = await insertProduct(api.db, {
        supplierId: p.supplierA.organisationId!,
        serviceId,
        name,
        certificate,
      });
      products.push(productId);
    }
    const evaluation = await as(api, p.admin).post('/api/v1/usability-evaluations').send({
      productId: products[0],
      susScore: 78.5,
      taskCompletionPercent: 92,
      wcagLevel: 'AA',
      evaluatedOn: '2026-10-14',
      reportUrl: 'https://reports.example/usability/risk-run.pdf',
    });
    expect(evaluation.status).toBe(201);
    await as(api, p.admin)
      .post(`/api/v1/usability-evaluations/${evaluation.body.id}/publish`)
      .send({ version: evaluation.body.version })
      .expect(200);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const riskRow = async (id: string) =>
    (
      await api.db.query(
        `SELECT status, residual_likelihood, residual_impact, version, closure_reason FROM risks WHERE id = $1`,
        [id],
      )
    )[0];

  it('raises a risk, finds it through its heatmap square, reviews, mitigates and closes it', async () => {
    const { context, page, check, close } = await noJsPage(browser, base, violations);
    await signInPage(page, ACCOUNTS.admin);

    // The emptiest square (fewest open entries), so our risk is easy to find in it.
    const counts: { l: number; i: number; n: number }[] = await api.db.query(
      `SELECT l, i, count(r.id)::int AS n
         FROM generate_series(1, 5) l CROSS JOIN generate_series(1, 5) i
         LEFT JOIN risks r ON r.residual_likelihood = l AND r.residual_impact = i
          AND r.status IN ('identified', 'assessed', 'mitigating', 'monitoring')
        GROUP BY l, i ORDER BY n, l DESC, i DESC LIMIT 1`,
    );
    const [{ l, i }] = counts;

    await navigate(page, page.getByRole('link', { name: 'Risks', exact: true }));
    expect(await textOf(page.locator('h1'))).toBe('Risk register');
    expect(await page.locator('svg.app-heatmap a').count()).toBe(25);
    await check();

    // Raise it: the empty form first (errors linked to their fields, 400).
    await navigate(page, page.getByRole('button', { name: 'Raise a risk, issue or barrier' }));
    const refused = page.waitForResponse((r) => r.request().method() === 'POST');
    await navigate(page, page.getByRole('button', { name: 'Raise the entry' }));
    expect((await refused).status()).toBe(400);
    const summary = await textOf(page.locator('.govuk-error-summary'));
    expect(summary).toContain('Choose whether it is a risk, an issue or a barrier');
    expect(summary).toContain('Enter a title');
    expect(summary).toContain('Choose how likely it is, from 1 to 5');
    expect(await page.locator('.govuk-error-summary a[href="#title"]').count()).toBe(1);
    await check();
    await screenshot(page, 'programme-risk-form-errors');
    const title = `Admissions hub outage at offer day ${RUN}`;
    await page.getByRole('radio', { name: 'Risk', exact: true }).check();
    await page.getByLabel('Title').fill(title);
    await page.getByLabel('Description (optional)').fill('The hub may not cope with the peak.');
    await page.getByLabel('Category').selectOption('technical');
    await page
      .getByRole('group', { name: /How likely is it/ })
      .getByRole('radio', { name: new RegExp(`^${l} `) })
      .check();
    await page
      .getByRole('group', { name: /How serious would it be/ })
      .getByRole('radio', { name: new RegExp(`^${i} `) })
      .check();
    await navigate(page, page.getByRole('button', { name: 'Raise the entry' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toMatch(/R-\d+ raised/);
    expect(await textOf(page.locator('h1'))).toBe(title);
    riskId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await textOf(page.locator('#residual'))).toContain(String(l * i));
    expect(await riskRow(riskId)).toMatchObject({
      status: 'identified',
      residual_likelihood: l,
      residual_impact: i,
    });

    // Its square on the heatmap counts it; the square's link lists it.
    await navigate(page, page.getByRole('link', { name: 'Back to the risk register' }));
    const square = page.locator(`svg.app-heatmap a[href*="likelihood=${l}&impact=${i}"]`);
    const label = (await square.getAttribute('aria-label'))!;
    expect(label).toMatch(new RegExp(`^Likelihood ${l}, impact ${i}: [1-9]\\d* open`));
    expect((await square.locator('text').textContent())?.trim()).toBe(
      /: (\d+) open/.exec(label)![1],
    );
    await check();
    await screenshot(page, 'programme-risks');
    await navigate(page, square);
    const url = new URL(page.url());
    expect(url.searchParams.get('likelihood')).toBe(String(l));
    expect(url.searchParams.get('impact')).toBe(String(i));
    expect(await textOf(page.locator('#cell-filter'))).toContain(`likelihood ${l} and impact ${i}`);
    expect(await textOf(page.locator('#risk-table'))).toContain(title);
    expect(await page.locator('svg.app-heatmap .app-heatmap__cell--selected').count()).toBe(1);
    await check();
    await screenshot(page, 'programme-risks-filtered');
    // Keyboard: the squares are links in the tab order, with a visible focus.
    await square.focus();
    await screenshot(page, 'programme-risks-heatmap-focus');

    // Record a review that lowers the likelihood.
    await navigate(page, page.getByRole('link', { name: /^R-\d+$/ }).first());
    const riskUrl = `/programme/risks/${riskId}`;
    if (new URL(page.url()).pathname !== riskUrl) await page.goto(riskUrl);
    const newL = l === 1 ? 2 : 1;
    await page.getByLabel('What the review found').fill('Load test passed at 3× the peak.');
    await page.getByLabel('Likelihood now (optional)').selectOption(String(newL));
    await navigate(page, page.getByRole('button', { name: 'Record a review' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('Review recorded');
    expect(await textOf(page.locator('#reviews-table'))).toContain('Load test passed');
    expect((await riskRow(riskId)).residual_likelihood).toBe(newL);

    // A mitigation action: a bad date first (kept, linked), then one already overdue.
    await page.getByLabel('Action', { exact: true }).fill('Agree surge capacity with the host');
    await page.getByLabel('Due date').fill('31/12/2026');
    await navigate(page, page.getByRole('button', { name: 'Add a mitigation action' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter the due date as a real date',
    );
    expect(await page.getByLabel('Action', { exact: true }).inputValue()).toBe(
      'Agree surge capacity with the host',
    );
    await check();
    await screenshot(page, 'programme-risk-errors');
    await page.getByLabel('Due date').fill('2026-01-31');
    await navigate(page, page.getByRole('button', { name: 'Add a mitigation action' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Mitigation action added',
    );
    expect(await textOf(page.locator('#actions-table'))).toContain('Overdue');
    await check();
    await screenshot(page, 'programme-risk');
    await navigate(page, page.getByRole('button', { name: /Mark done/ }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Action marked done',
    );
    expect(await textOf(page.locator('#actions-table'))).toContain('Done');
    expect(await textOf(page.locator('#actions-table'))).not.toContain('Overdue');

    // A stale write: another tab read the entry before this one moved it on.
    const stale = await context.newPage();
    await stale.goto(riskUrl);
    await page.getByRole('radio', { name: 'Assessed' }).check();
    await navigate(page, page.getByRole('button', { name: 'Change status' }));
    expect(await textOf(page.locator('#status'))).toBe('Assessed');
    await stale.getByRole('radio', { name: 'Closed' }).check();
    await stale.getByLabel('Reason').fill('Old tab');
    const conflict = stale.waitForResponse((r) => r.request().method() === 'POST');
    await navigate(stale, stale.getByRole('button', { name: 'Change status' }));
    expect((await conflict).status()).toBe(409);
    expect(await textOf(stale.locator('.govuk-error-summary'))).toContain(
      'Someone else changed this entry',
    );
    await stale.close();
    expect((await riskRow(riskId)).status).toBe('assessed');

    // Close it: a reason is needed.
    await page.getByRole('radio', { name: 'Closed' }).check();
    await navigate(page, page.getByRole('button', { name: 'Change status' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Give the reason for closing or reopening',
    );
    await page.getByRole('radio', { name: 'Closed' }).check();
    await page.getByLabel('Reason').fill('Capacity agreed and tested');
    await navigate(page, page.getByRole('button', { name: 'Change status' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Status changed to Closed',
    );
    expect(await textOf(page.locator('#status'))).toBe('Closed');
    expect(await page.locator('form[action$="/reviews"]').count()).toBe(0);
    expect(await page.locator('form[action$="/actions"]').count()).toBe(0);
    expect(await riskRow(riskId)).toMatchObject({
      status: 'closed',
      closure_reason: 'Capacity agreed and tested',
    });
    const audit = await api.db.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [riskId],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'risk.created',
      'risk.reviewed',
      'risk.assessed',
      'risk.closed',
    ]);
    expect(await textOf(page.locator('#history-table'))).toContain('Capacity agreed and tested');
    await check();

    // In Welsh.
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await textOf(page.locator('#status'))).toBe('Wedi cau');
    await check();
    await screenshot(page, 'programme-risk-cy');
    await page.goto('/programme/risks');
    expect(await textOf(page.locator('h1'))).toBe('Cofrestr risgiau');
    await check();
    await screenshot(page, 'programme-risks-cy');
    await navigate(page, page.getByRole('button', { name: 'English' }));
    await close();
    expect(violations).toEqual([]);
  });

  it('realises a risk into an issue', async () => {
    const created = await as(api, p.admin)
      .post('/api/v1/risks')
      .send({
        kind: 'risk',
        title: `Supplier exit ${RUN}`,
        category: 'commercial',
        scope: 'service',
        serviceId,
        likelihood: 3,
        impact: 4,
      });
    expect(created.status).toBe(201);
    const { page, check, close } = await noJsPage(browser, base, violations);
    await signInPage(page, ACCOUNTS.admin);
    await page.goto(`/programme/risks/${created.body.id}`);
    expect(await textOf(page.locator('.govuk-summary-list'))).toContain(serviceCode);
    await page.locator('summary', { hasText: 'This risk has happened' }).click();
    await page.getByLabel('What happened (optional)').fill('The supplier gave notice.');
    await navigate(
      page,
      page.getByRole('button', { name: 'Mark as realised and raise the issue' }),
    );
    expect(await textOf(page.locator('.govuk-notification-banner'))).toMatch(
      /R-\d+ is the new issue/,
    );
    expect(await textOf(page.locator('.govuk-caption-l'))).toContain('Issue');
    expect(await textOf(page.locator('h1'))).toBe(`Realised: Supplier exit ${RUN}`);
    expect((await riskRow(created.body.id)).status).toBe('realised');
    await check();
    await navigate(page, page.getByRole('link', { name: 'See the risk it came from' }));
    expect(await textOf(page.locator('#status'))).toBe('Realised');
    // A realised risk offers no status moves, no realising, no reviews.
    expect(await page.locator('form[method="post"][action^="/programme/risks"]').count()).toBe(0);
    await check();
    await close();
    expect(violations).toEqual([]);
  });

  it('compares the service’s products side by side, on screen and in print', async () => {
    const { page, check, close } = await noJsPage(browser, base, violations);
    await signInPage(page, ACCOUNTS.viewer);
    await page.goto('/programme/comparison');
    await check();
    await navigate(page, page.getByRole('link', { name: new RegExp(serviceCode) }));
    expect(new URL(page.url()).pathname).toBe(`/programme/comparison/${serviceId}`);
    const table = page.locator('#comparison-table');
    const heads = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
    expect(heads).toEqual([
      `Admissions Hub ${RUN}`,
      `Apply Easy ${RUN}`,
      `School Place Finder ${RUN}`,
    ]);
    const text = await textOf(table);
    expect(text).toContain('Valid');
    expect(text).toContain('Reassessment due');
    expect(text).toContain('Not certified');
    expect(text).toContain('SUS score 78.5 out of 100');
    expect(text).not.toContain('Works with what your council uses');
    await check();
    await screenshot(page, 'programme-comparison');
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
    expect(await page.locator('.govuk-back-link').isVisible()).toBe(false);
    expect(await page.locator('.app-bar').isVisible()).toBe(false);
    expect(await table.isVisible()).toBe(true);
    await screenshot(page, 'programme-comparison-print');
    await page.emulateMedia({ media: 'screen' });
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await textOf(page.locator('h1'))).toContain('ochr yn ochr');
    await check();
    await navigate(page, page.getByRole('button', { name: 'English' }));

    // Councils read the same table on their certified products page.
    const council = await noJsPage(browser, base, violations);
    await signInPage(council.page, ACCOUNTS.councilX);
    await council.page.goto(`/council/services/${serviceId}/products`);
    expect(await council.page.locator('#comparison-table thead th').count()).toBe(3);
    expect(await textOf(council.page.locator('#comparison-table'))).toContain(
      'Works with what your council uses',
    );
    await council.check();
    await council.close();
    await close();
    expect(violations).toEqual([]);
  });

  it('shows a viewer no write controls and refuses its forged POSTs', async () => {
    const { page, check, close } = await noJsPage(browser, base, violations);
    await signInPage(page, ACCOUNTS.viewer);
    const raised = await as(api, p.admin)
      .post('/api/v1/risks')
      .send({
        kind: 'risk',
        title: `Viewer reads ${RUN}`,
        category: 'other',
        likelihood: 2,
        impact: 2,
      });
    expect(raised.status).toBe(201);
    const open = raised.body as { id: string };
    for (const path of ['/programme/risks', `/programme/risks/${open.id}`]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      const actions = await page
        .locator('form[method="post"]')
        .evaluateAll((forms) => forms.map((f) => f.getAttribute('action')));
      expect(actions.every((a) => a === '/language' || a === '/sign-out')).toBe(true);
      expect(await page.getByRole('link', { name: /Raise a risk|Change details/ }).count()).toBe(0);
      await check();
    }
    for (const path of ['/programme/risks/new', `/programme/risks/${open.id}/edit`]) {
      expect((await page.goto(path))?.status()).toBe(403);
    }
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const before = await riskRow(open.id);
    const [{ n: riskCount }] = await api.db.query(`SELECT count(*)::int AS n FROM risks`);
    for (const [path, form] of [
      [
        '/programme/risks',
        { kind: 'risk', title: 'forged', category: 'other', likelihood: '1', impact: '1' },
      ],
      [`/programme/risks/${open.id}`, { title: 'forged', version: String(before.version) }],
      [`/programme/risks/${open.id}/reviews`, { note: 'forged', version: String(before.version) }],
      [
        `/programme/risks/${open.id}/transitions`,
        { to: 'closed', reason: 'forged', version: String(before.version) },
      ],
      [`/programme/risks/${open.id}/realise`, { version: String(before.version) }],
      [`/programme/risks/${open.id}/actions`, { actionTitle: 'forged', dueDate: '2027-01-01' }],
    ] as const) {
      const forged = await page.request.post(path, {
        form: { _csrf: token, ...form },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
    }
    expect(await riskRow(open.id)).toEqual(before);
    expect((await api.db.query(`SELECT count(*)::int AS n FROM risks`))[0].n).toBe(riskCount);
    await close();
    expect(violations).toEqual([]);
  });

  it('answers malformed bodies on every risk form with a 4xx page, never a 500', async () => {
    const created = await as(api, p.admin)
      .post('/api/v1/risks')
      .send({
        kind: 'issue',
        title: `Fuzz target ${RUN}`,
        category: 'other',
        likelihood: 2,
        impact: 2,
      });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const action = await as(api, p.admin)
      .post(`/api/v1/risks/${id}/actions`)
      .send({ title: 'Fuzz action', dueDate: '2030-01-01' });
    expect(action.status).toBe(201);
    const { agent, token } = await pageClient(api, ACCOUNTS.admin);
    const before = await riskRow(id);
    const forms = [
      '/programme/risks',
      `/programme/risks/${id}`,
      `/programme/risks/${id}/reviews`,
      `/programme/risks/${id}/transitions`,
      `/programme/risks/${id}/realise`,
      `/programme/risks/${id}/actions`,
      `/programme/risks/${id}/actions/${action.body.id}`,
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom(
        '',
        ' ',
        '0',
        '6',
        '-1',
        '1e3',
        'null',
        '[]',
        '{}',
        '\u0000',
        'x'.repeat(5001),
      ),
      fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), value, async (path, v) => {
        const _csrf = await token(`/programme/risks/${id}`);
        // Never valid: the version is junk (or an array), the kind and the status unknown.
        const res = await agent
          .post(path)
          .type('form')
          .send({
            kind: v,
            title: v,
            note: v,
            to: v,
            status: v,
            likelihood: v,
            impact: v,
            actionTitle: v,
            dueDate: v,
            issueTitle: v,
            version: [v, v],
            _csrf,
          });
        const explained =
          res.text.includes('govuk-error-summary') ||
          (res.status === 400 && res.text.includes('There is a problem with your request'));
        if (res.status < 400 || res.status >= 500 || !explained) {
          failures.push(`${path} ${JSON.stringify(v).slice(0, 100)} → ${res.status}`);
        }
      }),
      { numRuns: 60, seed: 18 },
    );
    for (const path of forms) {
      const _csrf = encodeURIComponent(await token(`/programme/risks/${id}`));
      const raw = await agent.post(path).type('form').send(`%%%&&title[a]=1&_csrf=${_csrf}`);
      if (raw.status < 400 || raw.status >= 500) failures.push(`${path} raw → ${raw.status}`);
    }
    // A filter that is not one: the list's error summary, 400.
    const badFilter = await agent.get('/programme/risks?likelihood=9&status=lost');
    expect(badFilter.status).toBe(400);
    expect(badFilter.text).toContain('Choose a likelihood from 1 to 5');
    expect(failures).toEqual([]);
    expect(await riskRow(id)).toEqual(before);
  });
});
