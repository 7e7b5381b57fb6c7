import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations,
  axeViolationsWithoutJs,
  launchChromium,
  navigate,
  screenshot,
  textOf,
} from '../support/browser.js';
import { pageClient } from '../support/portal.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';
import { ACCOUNTS, DEMO_PASSWORD, type Principal, signInAll } from '../support/principals.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

jest.setTimeout(120_000);

/**
 * The supplier's settings pages in a real browser (Debian's Chromium, headless): API tokens
 * (create, shown once, works on the API, revoke with a confirmation, stops working) and the
 * webhook endpoint (set, test event to a real receiver, rotate the secret, recent deliveries). Welsh and
 * without JavaScript; supplier B gets 404 pages for A's records; malformed bodies get 4xx pages.
 * Every page visited is checked with axe-core (WCAG 2.2 A + AA): zero violations.
 */
describe('supplier settings pages in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let p: Record<string, Principal>;
  let tokenId = '';
  const receiver = new WebhookReceiver();
  const violations: string[] = [];
  const visited = new Set<string>();

  const check = async (page: Page) => {
    visited.add(new URL(page.url()).pathname);
    violations.push(...(await axeViolations(page)));
  };

  beforeAll(async () => {
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    p = await signInAll(api);
    // Other suites of the run may have given these suppliers an endpoint: start without one.
    await api.db.query(`DELETE FROM supplier_webhooks WHERE supplier_id = ANY($1)`, [
      [p.supplierA.organisationId, p.supplierB.organisationId],
    ]);
    browser = await launchChromium();
    await receiver.start();
  });

  afterAll(async () => {
    await receiver.stop();
    await browser?.close();
    await api?.close();
  });

  const newContext = (javaScriptEnabled = true): Promise<BrowserContext> =>
    browser.newContext({ baseURL: base, locale: 'en-GB', javaScriptEnabled });

  const signIn = async (page: Page, email: string) => {
    await page.goto('/');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await navigate(page, page.getByRole('button', { name: 'Sign in' }));
  };

  const withToken = (token: string) =>
    api
      .http()
      .get('/api/v1/api-tokens')
      .set({ authorization: `Bearer ${token}` });

  it('creates an API token shown once, which works until it is revoked', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierA);
    await navigate(page, page.getByRole('link', { name: 'API tokens' }));
    expect(await textOf(page.locator('h1'))).toBe('API tokens');
    await check(page);
    await navigate(page, page.getByRole('button', { name: 'Create an API token' }));
    await check(page);

    // No name: the error summary links to the field.
    await navigate(page, page.getByRole('button', { name: 'Create token' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter a name for the token',
    );
    expect(await page.title()).toMatch(/^Error:/);
    await check(page);
    await screenshot(page, 'supplier-api-token-errors');

    await page.getByLabel('Token name').fill('Nightly case sync');
    await navigate(page, page.getByRole('button', { name: 'Create token' }));
    expect(await textOf(page.locator('.govuk-panel'))).toContain('API token created');
    const token = await page.getByLabel('Your API token').inputValue();
    expect(token).toMatch(/^ptk_/);
    await check(page);
    await screenshot(page, 'supplier-api-token-created');

    // Only its hash is stored, with an audit event; it works on the API for supplier A.
    const [row] = await api.db.query(
      `SELECT id, token_hash, organisation_id, revoked_at FROM api_tokens WHERE name = $1`,
      ['Nightly case sync'],
    );
    tokenId = row.id;
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row.organisation_id).toBe(p.supplierA.organisationId);
    expect(row.revoked_at).toBeNull();
    const used = await withToken(token);
    expect(used.status).toBe(200);

    // The list shows it with its last use; the secret is not shown again.
    await page.goto('/supplier/api-tokens');
    const listed = await textOf(page.locator('#tokens tr', { hasText: 'Nightly case sync' }));
    expect(listed).toContain('Active');
    expect(listed).not.toContain('Never used');
    expect(await page.content()).not.toContain(token);
    await check(page);
    await screenshot(page, 'supplier-api-tokens');

    // Revoke, through the confirmation page.
    await navigate(page, page.getByRole('link', { name: 'Revoke Nightly case sync' }));
    expect(await textOf(page.locator('h1'))).toBe('Revoke the API token “Nightly case sync”');
    await check(page);
    await screenshot(page, 'supplier-api-token-revoke');
    await navigate(page, page.getByRole('button', { name: 'Revoke token' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'The API token Nightly case sync has been revoked',
    );
    expect(await textOf(page.locator('#tokens tr', { hasText: 'Nightly case sync' }))).toContain(
      'Revoked',
    );
    await check(page);
    expect((await withToken(token)).status).toBe(401);
    const [after] = await api.db.query(`SELECT revoked_at FROM api_tokens WHERE id = $1`, [
      tokenId,
    ]);
    expect(after.revoked_at).not.toBeNull();
    const audit = await api.db.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`,
      [tokenId],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'api_token.created',
      'api_token.revoked',
    ]);

    // Revoking again (a second tab): a 409 page that says so, nothing changes.
    const { agent, token: csrf } = await pageClient(api, ACCOUNTS.supplierA);
    const _csrf = await csrf();
    const again = await agent
      .post(`/supplier/api-tokens/${tokenId}/revoke`)
      .type('form')
      .send({ _csrf });
    expect(again.status).toBe(409);
    expect(again.text).toContain('This token has already been revoked.');
    await context.close();
  });

  it('sets the webhook endpoint, sends a signed test event, rotates the secret and lists deliveries', async () => {
    const since = new Date();
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierA);
    await navigate(page, page.getByRole('link', { name: 'Webhook' }));
    expect(await textOf(page.locator('h1'))).toBe('Webhook endpoint');
    expect(await textOf(page.locator('#no-endpoint'))).toContain('not set up');
    await check(page);

    // Bad address: error summary, what was typed kept; nothing stored.
    await page.getByLabel('Endpoint address').fill('not a url');
    await navigate(page, page.getByRole('button', { name: 'Set up endpoint' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Enter a web address');
    expect(await page.getByLabel('Endpoint address').inputValue()).toBe('not a url');
    await check(page);
    await screenshot(page, 'supplier-webhook-errors');
    const hooks = async () =>
      api.db.query(`SELECT url, active FROM supplier_webhooks WHERE supplier_id = $1`, [
        p.supplierA.organisationId,
      ]);
    expect(await hooks()).toEqual([]);

    const url = receiver.url('/supplier-a');
    await page.getByLabel('Endpoint address').fill(url);
    await navigate(page, page.getByRole('button', { name: 'Set up endpoint' }));
    expect(await textOf(page.locator('.govuk-panel'))).toContain('Webhook endpoint set up');
    const secret = await page.getByLabel('Your signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await check(page);
    await screenshot(page, 'supplier-webhook-secret');
    expect(await hooks()).toEqual([{ url, active: true }]);
    receiver.register('/supplier-a', secret, [503]);

    // A test event the receiver verifies with the secret; first it answers 503, then 200.
    await page.goto('/supplier/webhooks');
    await navigate(page, page.getByRole('button', { name: 'Send a test event' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'The test event was not accepted: HTTP 503',
    );
    await check(page);
    await navigate(page, page.getByRole('button', { name: 'Send a test event' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Your endpoint accepted the test event (HTTP 200)',
    );
    const got = receiver.at('/supplier-a');
    expect(got.map((r) => [r.verified, r.status])).toEqual([
      [true, 503],
      [true, 200],
    ]);
    expect(got[1].payload?.type).toBe('webhook.test');

    // Rotate: a new secret, shown once; the old one still signs during the grace period.
    await navigate(page, page.getByRole('button', { name: 'Rotate the secret' }));
    expect(await textOf(page.locator('.govuk-panel'))).toContain('Signing secret rotated');
    const rotated = await page.getByLabel('Your signing secret').inputValue();
    expect(rotated).toMatch(/^whsec_/);
    expect(rotated).not.toBe(secret);
    await check(page);
    receiver.register('/supplier-a', rotated);
    await page.goto('/supplier/webhooks');
    expect(await textOf(page.locator('#endpoint'))).toContain('Still signs events until');
    expect(await page.content()).not.toContain(rotated);
    await navigate(page, page.getByRole('button', { name: 'Send a test event' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('(HTTP 200)');
    expect(receiver.at('/supplier-a').at(-1)?.verified).toBe(true);
    const audit = await api.db.query(
      `SELECT action FROM audit_events WHERE entity_type = 'supplier_webhook' AND entity_id = $1
          AND occurred_at >= $2 ORDER BY occurred_at`,
      [p.supplierA.organisationId, since],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'supplier_webhook.created',
      'supplier_webhook.secret_rotated',
    ]);

    // Recent deliveries, with the endpoint's status code; supplier B's are not shown.
    const fixture = (topic: string) =>
      api.db.query(
        `INSERT INTO communications (subject_template, body_template, topic, channels, status,
                                     created_by)
         VALUES ('Fixture', 'Fixture', $1, '{webhook}', 'sent', 'test') RETURNING id`,
        [topic],
      );
    const [[commA], [commB]] = await Promise.all([
      fixture('programme-updates'),
      fixture('fixture-b-only'),
    ]);
    await api.db.query(
      `INSERT INTO deliveries (communication_id, supplier_id, channel, target, status, attempts,
                               last_error)
       VALUES ($1, $3, 'webhook', $5, 'temporary_failure', 3, 'HTTP 502 from ' || $5),
              ($2, $4, 'webhook', 'https://b.example/hook', 'delivered', 1, NULL)`,
      [commA.id, commB.id, p.supplierA.organisationId, p.supplierB.organisationId, url],
    );
    await page.goto('/supplier/webhooks');
    const attempts = await textOf(page.locator('#attempts'));
    expect(attempts).toContain('programme-updates');
    expect(attempts).toContain('Failed, will retry');
    expect(attempts).toContain('HTTP 502');
    expect(attempts).not.toContain('fixture-b-only');
    await check(page);
    await screenshot(page, 'supplier-webhook');
    // The home says the endpoint is failing (its latest delivery failed) and links here.
    await page.goto('/supplier');
    await navigate(page, page.locator('#webhook-failing'));
    expect(new URL(page.url()).pathname).toBe('/supplier/webhooks');

    // Change the address: saved, no new secret.
    await page.getByLabel('Endpoint address').fill(receiver.url('/supplier-a-2'));
    await navigate(page, page.getByRole('button', { name: 'Save address' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('has been saved');
    expect(await textOf(page.locator('#endpoint'))).toContain(receiver.url('/supplier-a-2'));
    expect(await hooks()).toEqual([{ url: receiver.url('/supplier-a-2'), active: true }]);
    await context.close();
  });

  it('works in Welsh without JavaScript', async () => {
    const context = await newContext(false);
    const checker = await newContext();
    const page = await context.newPage();
    const checkNoJs = async () => {
      visited.add(`${new URL(page.url()).pathname} (no JS, cy)`);
      violations.push(...(await axeViolationsWithoutJs(page, checker)));
    };
    await signIn(page, ACCOUNTS.supplierA);
    await page.goto('/supplier/api-tokens');
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await textOf(page.locator('h1'))).toBe('Tocynnau API');
    expect(await textOf(page.locator('#tokens'))).toContain('Wedi’i ddirymu');
    await checkNoJs();
    await screenshot(page, 'supplier-api-tokens-cy');
    await navigate(page, page.getByRole('button', { name: 'Creu tocyn API' }));
    await navigate(page, page.getByRole('button', { name: 'Creu tocyn' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Rhowch enw ar gyfer y tocyn',
    );
    await checkNoJs();
    await page.getByLabel('Enw’r tocyn').fill('Cysoni Cymraeg');
    await navigate(page, page.getByRole('button', { name: 'Creu tocyn' }));
    expect(await textOf(page.locator('.govuk-panel'))).toContain('Tocyn API wedi’i greu');
    expect(await page.getByLabel('Eich tocyn API').inputValue()).toMatch(/^ptk_/);
    await checkNoJs();
    await page.goto('/supplier/api-tokens');
    await navigate(page, page.getByRole('link', { name: 'Dirymu Cysoni Cymraeg' }));
    await checkNoJs();
    await navigate(page, page.getByRole('button', { name: 'Dirymu tocyn' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('wedi’i ddirymu');
    await page.goto('/supplier/webhooks');
    expect(await textOf(page.locator('h1'))).toBe('Pwynt terfyn bachyn gwe');
    await checkNoJs();
    await screenshot(page, 'supplier-webhook-cy');
    await navigate(page, page.getByRole('button', { name: 'English' }));
    await checker.close();
    await context.close();
  });

  it("gives supplier B 404 pages for supplier A's token and does not list it", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierB);
    const res = await page.goto(`/supplier/api-tokens/${tokenId}/revoke`);
    expect(res?.status()).toBe(404);
    await check(page);
    await page.goto('/supplier/api-tokens');
    expect(await page.content()).not.toContain('Nightly case sync');
    await check(page);
    const { agent, token } = await pageClient(api, ACCOUNTS.supplierB);
    const _csrf = await token();
    const post = await agent
      .post(`/supplier/api-tokens/${tokenId}/revoke`)
      .type('form')
      .send({ _csrf });
    expect(post.status).toBe(404);
    // Supplier B has no endpoint: A's is never shown, and a test event or rotation is a 409.
    await page.goto('/supplier/webhooks');
    expect(await page.content()).not.toContain('/supplier-a');
    for (const path of ['/supplier/webhooks/test', '/supplier/webhooks/rotate-secret']) {
      const csrf = await token();
      const res = await agent.post(path).type('form').send({ _csrf: csrf });
      expect(res.status).toBe(409);
      expect(res.text).toContain('Set up your webhook endpoint first');
    }
    await context.close();
  });

  it('answers malformed bodies on every settings form with a 4xx page, never a 500', async () => {
    const { agent, token } = await pageClient(api, ACCOUNTS.supplierA);
    const count = async () =>
      api.db.query(
        `SELECT (SELECT count(*)::int FROM api_tokens) AS tokens,
                           (SELECT url FROM supplier_webhooks WHERE supplier_id = $1) AS url`,
        [p.supplierA.organisationId],
      );
    const before = await count();
    const forms = [
      '/supplier/api-tokens',
      `/supplier/api-tokens/${tokenId}/revoke`,
      '/supplier/webhooks',
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('', ' ', '0', 'null', '[]', '{}', '\u0000', 'x'.repeat(101)),
      fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), value, async (path, name) => {
        const _csrf = await token();
        // Invalid whatever is sent: the name is never a usable one, the token is revoked.
        const bad = typeof name === 'string' && name.trim() !== '' && name.length <= 100;
        const res = await agent
          .post(path)
          .type('form')
          .send({ name: bad ? [name, name] : name, url: name, junk: name, _csrf });
        const explained =
          res.text.includes('govuk-error-summary') ||
          (res.status === 400 && res.text.includes('There is a problem with your request'));
        if (res.status < 400 || res.status >= 500 || !explained) {
          failures.push(`${path} ${JSON.stringify(name).slice(0, 200)} → ${res.status}`);
        }
      }),
      { numRuns: 40, seed: 17 },
    );
    for (const path of forms) {
      const _csrf = encodeURIComponent(await token());
      const raw = await agent.post(path).type('form').send(`%%%&&name[a]=1&_csrf=${_csrf}`);
      if (raw.status < 400 || raw.status >= 500) failures.push(`${path} raw → ${raw.status}`);
    }
    expect(failures).toEqual([]);
    expect(await count()).toEqual(before);
  });

  it('found no accessibility violations on any page visited', () => {
    expect(visited.size).toBeGreaterThanOrEqual(6);
    expect(violations).toEqual([]);
  });
});
