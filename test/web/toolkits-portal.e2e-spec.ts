import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, launchChromium, navigate, screenshot, textOf } from '../support/browser.js';
import { pageClient } from '../support/portal.js';
import { ACCOUNTS, DEMO_PASSWORD } from '../support/principals.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(240_000);

/**
 * Developer toolkits in a real browser (Chromium, headless), on the demo toolkits: a
 * supplier downloads a file (its SHA-256 matches the page) and the programme office sees
 * the download counted; the admin adds a release, pastes a file and publishes it. Every
 * page in English and Welsh is checked with axe-core (WCAG 2.2 A + AA): zero violations.
 * Viewers see no write controls and their forged posts get 403; malformed form bodies
 * get 4xx pages.
 */
describe('developer toolkit pages in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  const violations: string[] = [];
  let toolkitId: string;
  const version = `9.${Date.now() % 100000}.0`;

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
    [{ id: toolkitId }] = await api.db.query(`SELECT id FROM toolkits WHERE code = 'PAYMENTS-TK'`);
  });
  afterAll(async () => {
    // The Welsh test changes these accounts' language: back to English whatever happened.
    await api?.db.query(`UPDATE users SET preferred_language = NULL WHERE email = ANY($1)`, [
      [ACCOUNTS.supplierA, ACCOUNTS.admin],
    ]);
    await browser?.close();
    await api?.close();
  });

  const signIn = async (page: Page, email: string) => {
    await page.goto('/sign-in');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await navigate(page, page.getByRole('button', { name: 'Sign in' }));
  };
  const check = async (page: Page, name?: string) => {
    violations.push(...(await axeViolations(page)));
    if (name) await screenshot(page, name);
  };

  it('a supplier finds the toolkits, downloads a file whose SHA-256 matches the page, and the programme office sees it counted', async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierA);
    await navigate(page, page.getByRole('link', { name: 'Toolkits' }));
    expect(await textOf(page.locator('h1'))).toBe('Developer toolkits');
    expect(await textOf(page.locator('tr', { hasText: 'Cashless catering' }))).toContain('1.1.0');
    await check(page, 'toolkits-supplier-list');

    await navigate(page, page.getByRole('link', { name: 'Online payments developer toolkit' }));
    expect(await textOf(page.locator('h1'))).toBe('Online payments developer toolkit');
    expect(await page.locator('h2', { hasText: 'Release' }).count()).toBe(2);
    const row = page
      .locator('section', { hasText: 'Release 1.1.0' })
      .locator('tr', { hasText: 'payments-test-pack.csv' });
    const shown = await textOf(row.locator('code'));
    expect(shown).toMatch(/^[0-9a-f]{64}$/);
    await check(page, 'toolkits-supplier-toolkit');

    const href = await row.getByRole('link').getAttribute('href');
    const before: { n: number }[] = await api.db.query(
      `SELECT count(*)::int AS n FROM toolkit_downloads d JOIN users u ON u.id = d.user_id
        WHERE u.email = $1`,
      [ACCOUNTS.supplierA],
    );
    const file = await context.request.get(href!);
    expect(file.status()).toBe(200);
    expect(file.headers()['content-disposition']).toBe(
      'attachment; filename="payments-test-pack.csv"',
    );
    expect(
      createHash('sha256')
        .update(await file.body())
        .digest('hex'),
    ).toBe(shown);
    const after: { n: number }[] = await api.db.query(
      `SELECT count(*)::int AS n FROM toolkit_downloads d JOIN users u ON u.id = d.user_id
        WHERE u.email = $1`,
      [ACCOUNTS.supplierA],
    );
    expect(after[0].n).toBe(before[0].n + 1);
    await context.close();

    const staff = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const admin = await staff.newPage();
    await signIn(admin, ACCOUNTS.admin);
    await navigate(admin, admin.getByRole('link', { name: 'Toolkits' }));
    await check(admin, 'toolkits-programme-list');
    await navigate(admin, admin.getByRole('link', { name: 'Online payments developer toolkit' }));
    const [{ name: supplierName }] = await api.db.query(
      `SELECT o.name FROM organisations o JOIN users u ON u.organisation_id = o.id
        WHERE u.email = $1`,
      [ACCOUNTS.supplierA],
    );
    const counted = admin
      .locator('section', { hasText: 'Release 1.1.0' })
      .locator('table', { hasText: 'Downloads of release 1.1.0' })
      .locator('tr', { hasText: supplierName });
    expect(await textOf(counted)).toContain(supplierName);
    await check(admin, 'toolkits-programme-toolkit');
    await staff.close();
  });

  it('the admin adds a release, pastes a file into it and publishes it; errors are explained', async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.admin);
    await page.goto(`/programme/toolkits/${toolkitId}`);
    await navigate(page, page.getByRole('button', { name: 'Add a release' }));
    await navigate(page, page.getByRole('button', { name: 'Create draft release' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter a version');
    await check(page, 'toolkits-release-form-errors');
    await page.getByLabel('Version').fill(version);
    await page.getByLabel('Release notes').fill('Adds the refunds test pack.');
    await navigate(page, page.getByRole('button', { name: 'Create draft release' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `Draft release ${version} created`,
    );
    const section = page.locator('section', { hasText: `Release ${version}` });
    expect(await textOf(section.locator('.govuk-tag'))).toBe('Draft');

    await navigate(page, section.getByRole('button', { name: /Add a file/ }));
    await page.getByLabel('File name').fill('refunds.json');
    await page.getByLabel('Type of file').selectOption('application/json');
    await page.getByLabel('File content').fill('{"refund": ');
    await navigate(page, page.getByRole('button', { name: 'Save file' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'does not match the type of file',
    );
    await check(page, 'toolkits-file-form-errors');
    await page.getByLabel('File content').fill('{"refund": {"amountPence": 1000}}');
    await navigate(page, page.getByRole('button', { name: 'Save file' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'refunds.json saved',
    );

    const draft = page.locator('section', { hasText: `Release ${version}` });
    await navigate(page, draft.getByRole('button', { name: `Publish release ${version}` }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `Release ${version} published`,
    );
    expect(
      await textOf(
        page.locator('section', { hasText: `Release ${version}` }).locator('.govuk-tag'),
      ),
    ).toBe('Published');
    await check(page);
    await context.close();
  });

  it('works in Welsh', async () => {
    const context = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierA);
    await page.goto('/supplier/toolkits');
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await textOf(page.locator('h1'))).toBe('Pecynnau cymorth i ddatblygwyr');
    await check(page, 'toolkits-supplier-list-cy');
    await navigate(page, page.getByRole('link', { name: 'Online payments developer toolkit' }));
    expect(await textOf(page.locator('section h2').first())).toContain('Fersiwn');
    await check(page, 'toolkits-supplier-toolkit-cy');
    // The choice is kept on the account: back to English for the other suites.
    await navigate(page, page.getByRole('button', { name: 'English' }));
    await context.close();

    const staff = await browser.newContext({ baseURL: base, locale: 'en-GB' });
    const admin = await staff.newPage();
    await signIn(admin, ACCOUNTS.admin);
    await admin.goto(`/programme/toolkits/${toolkitId}`);
    await navigate(admin, admin.getByRole('button', { name: 'Cymraeg' }));
    expect(await textOf(admin.locator('section h2').first())).toContain('Fersiwn');
    await check(admin, 'toolkits-programme-toolkit-cy');
    await admin.goto(`/programme/toolkits/${toolkitId}/releases/new`);
    await check(admin);
    await navigate(admin, admin.getByRole('button', { name: 'English' }));
    await staff.close();
  });

  it('a viewer sees no write controls and a forged post is refused', async () => {
    const { agent, token } = await pageClient(api, ACCOUNTS.viewer);
    const page = await agent.get(`/programme/toolkits/${toolkitId}`);
    expect(page.status).toBe(200);
    expect(page.text).not.toContain('Add a release');
    expect(page.text).not.toContain('<form method="post" action="/programme/toolkits');
    const [{ id: draftId }] = await api.db.query(
      `INSERT INTO toolkit_releases (toolkit_id, version) VALUES ($1, $2) RETURNING id`,
      [toolkitId, `viewer-${Date.now()}`],
    );
    const _csrf = await token(`/programme/toolkits/${toolkitId}`);
    const forged = await agent
      .post(`/programme/toolkits/${toolkitId}/releases/${draftId}/publish`)
      .type('form')
      .send({ _csrf });
    expect(forged.status).toBe(403);
    const [{ status }] = await api.db.query(`SELECT status FROM toolkit_releases WHERE id = $1`, [
      draftId,
    ]);
    expect(status).toBe('draft');
    await api.db.query(`DELETE FROM toolkit_releases WHERE id = $1`, [draftId]);
  });

  it('answers malformed bodies on every toolkit form with a 4xx page, never a 500', async () => {
    const { agent, token } = await pageClient(api, ACCOUNTS.admin);
    const [{ id: draftId }] = await api.db.query(
      `INSERT INTO toolkit_releases (toolkit_id, version) VALUES ($1, $2) RETURNING id`,
      [toolkitId, `fuzz-${Date.now()}`],
    );
    const count = async () =>
      api.db.query(
        `SELECT (SELECT count(*)::int FROM toolkit_releases WHERE toolkit_id = $1) AS releases,
                (SELECT count(*)::int FROM toolkit_files WHERE release_id = $2) AS files,
                (SELECT status FROM toolkit_releases WHERE id = $2) AS status`,
        [toolkitId, draftId],
      );
    const before = await count();
    const forms = [
      `/programme/toolkits/${toolkitId}/releases`,
      `/programme/toolkits/${toolkitId}/releases/${draftId}/files`,
      `/programme/toolkits/${toolkitId}/releases/${draftId}/publish`,
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('', ' ', '0', 'null', '[]', '{}', '\u0000', 'x'.repeat(200)),
      fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), value, async (path, v) => {
        const _csrf = await token(`/programme/toolkits/${toolkitId}`);
        // Never valid: version and name arrive as lists; the draft has no files to publish.
        const res = await agent
          .post(path)
          .type('form')
          .send({ version: [v, v], notes: v, name: [v, v], contentType: v, content: v, _csrf });
        const explained =
          res.text.includes('govuk-error-summary') ||
          (res.status === 400 && res.text.includes('There is a problem with your request'));
        if (res.status < 400 || res.status >= 500 || !explained) {
          failures.push(`${path} ${JSON.stringify(v).slice(0, 200)} → ${res.status}`);
        }
      }),
      { numRuns: 40, seed: 21 },
    );
    for (const path of forms) {
      const _csrf = encodeURIComponent(await token(`/programme/toolkits/${toolkitId}`));
      const raw = await agent.post(path).type('form').send(`%%%&&version[a]=1&_csrf=${_csrf}`);
      if (raw.status < 400 || raw.status >= 500) failures.push(`${path} raw → ${raw.status}`);
    }
    expect(failures).toEqual([]);
    expect(await count()).toEqual(before);
    await api.db.query(`DELETE FROM toolkit_releases WHERE id = $1`, [draftId]);
  });

  it('found no accessibility violations on any page visited', () => {
    expect(violations).toEqual([]);
  });
});
