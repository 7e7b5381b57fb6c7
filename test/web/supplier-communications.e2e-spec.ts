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
import { createDraft, uniq, waitForTerminal } from '../support/comms-fixtures.js';
import { pageClient } from '../support/portal.js';
import { ACCOUNTS, as, DEMO_PASSWORD, type Principal, signInAll } from '../support/principals.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { freePort } from '../support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from '../support/test-app.js';

jest.setTimeout(600_000);

/**
 * The supplier's communications inbox and contacts in a real browser (Debian's Chromium):
 * a programme admin sends supplier A a communication that asks for an acknowledgement (API
 * and worker, as in production); supplier A sees it unread in the inbox and on the home
 * page, opens it, acknowledges it (the API's acknowledgement record, by that user);
 * supplier B gets 404 pages; contacts are added with topics, changed, deactivated and
 * reactivated. Welsh without JavaScript; malformed bodies get 4xx pages with the error
 * summary. Every page visited is checked with axe-core (WCAG 2.2 A + AA): zero violations.
 */
describe('supplier communications and contacts in a browser', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let smtp: SmtpSink;
  let browser: Browser;
  let base: string;
  let p: Record<string, Principal>;
  const topic = `inbox-${uniq()}`;
  const subject = `Confirm your ${topic} upgrade plan`;
  const contactName = `Ada Inbox ${uniq()}`;
  let commId = '';
  let infoId = '';
  let contactA = '';
  const violations: string[] = [];
  const visited = new Set<string>();
  /** The language is remembered per user: English again, whatever the Welsh test left. */
  const english = () =>
    api.db.query(`UPDATE users SET preferred_language = 'en' WHERE email = $1`, [
      ACCOUNTS.supplierA,
    ]);

  const check = async (page: Page) => {
    visited.add(new URL(page.url()).pathname);
    violations.push(...(await axeViolations(page)));
  };

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort());
    await smtp.start();
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    worker = await startTestWorker({ SMTP_URL: smtp.url, EMAIL_RATE_PER_SECOND: '0' });
    p = await signInAll(api);
    const contact = await as(api, p.admin)
      .post(`/api/v1/suppliers/${p.supplierA.organisationId}/contacts`)
      .send({ name: contactName, email: `ada.${uniq()}@supplier.test`, topics: [topic] });
    expect(contact.status).toBe(201);
    contactA = contact.body.id as string;
    const send = async (body: object) => {
      const id = await createDraft(api, p.admin, {
        topic,
        audience: { supplierIds: [p.supplierA.organisationId] },
        channels: ['email'],
        ...body,
      });
      const sent = await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({});
      expect(sent.status).toBe(202);
      await waitForTerminal(api.db, id);
      return id;
    };
    infoId = await send({
      subjectTemplate: `For information: ${topic} release notes`,
      bodyTemplate: 'Hello {{contact.name}},\n\nThe release notes are out.\n\nProgramme Office',
    });
    commId = await send({
      subjectTemplate: subject,
      bodyTemplate:
        'Dear {{contact.name}},\n\n{{supplier.name}} must confirm its upgrade plan by ' +
        '{{communication.acknowledgeBy}}.\n\nProgramme Office',
      acknowledgeBy: new Date(Date.now() + 7 * 86400_000).toISOString(),
    });
    browser = await launchChromium();
  });

  afterAll(async () => {
    if (api) await english();
    await browser?.close();
    await worker?.close();
    await api?.close();
    await smtp?.stop();
  });

  const newContext = (javaScriptEnabled = true): Promise<BrowserContext> =>
    browser.newContext({ baseURL: base, locale: 'en-GB', javaScriptEnabled });

  const signIn = async (page: Page, email: string) => {
    await page.goto('/');
    await page.getByLabel('Email address').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD);
    await navigate(page, page.getByRole('button', { name: 'Sign in' }));
  };

  it('shows the communication unread in the inbox and on the home page; acknowledging it records who', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierA);

    // Home: awaiting acknowledgement, with its date, linking to the message.
    await page.goto('/supplier');
    const awaiting = page.locator('[data-ack-awaiting]', { hasText: subject });
    expect(await textOf(page.locator('li', { has: awaiting }))).toContain('Deadline:');
    await check(page);
    await screenshot(page, 'supplier-home-acknowledge');

    // The inbox: newest first, both unread; the one to acknowledge tagged.
    await navigate(page, page.getByRole('link', { name: 'Communications' }));
    expect(await textOf(page.locator('h1'))).toBe('Communications');
    const rows = page.locator('#communications tbody tr');
    const row = page.locator('#communications tr', { hasText: subject });
    expect(await textOf(row)).toContain('New');
    expect(await textOf(row)).toContain('To acknowledge');
    const info = await textOf(page.locator('#communications tr', { hasText: 'release notes' }));
    expect(info).toContain('New');
    const order = await rows.allInnerTexts();
    expect(order.findIndex((r) => r.includes(subject))).toBeLessThan(
      order.findIndex((r) => r.includes(`${topic} release notes`)),
    );
    await check(page);
    await screenshot(page, 'supplier-communications');

    // Its page: the message as sent to the supplier's contact; opening marks it read.
    await navigate(page, page.getByRole('link', { name: subject }));
    expect(await textOf(page.locator('h1'))).toBe(subject);
    const body = await textOf(page.locator('#message'));
    expect(body).toContain(`Dear ${contactName},`);
    expect(body).toContain('Northwind Education Systems');
    expect(body).toContain('must confirm its upgrade plan by 20');
    await check(page);
    await screenshot(page, 'supplier-communication');
    const [read] = await api.db.query(
      `SELECT supplier_id FROM communication_reads WHERE communication_id = $1 AND user_id = $2`,
      [commId, p.supplierA.userId],
    );
    expect(read?.supplier_id).toBe(p.supplierA.organisationId);

    await navigate(page, page.getByRole('button', { name: 'Acknowledge' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'You have acknowledged this message for your organisation',
    );
    expect(await textOf(page.locator('#acknowledged'))).toContain(
      `Acknowledged by ${ACCOUNTS.supplierA} on`,
    );
    expect(await page.getByRole('button', { name: 'Acknowledge' }).count()).toBe(0);
    await check(page);
    await screenshot(page, 'supplier-communication-acknowledged');

    // The same record the API and the programme's views read: by this user.
    const [ack] = await api.db.query(
      `SELECT via, acknowledged_by, acknowledged_by_user_id FROM acknowledgements
        WHERE communication_id = $1 AND supplier_id = $2`,
      [commId, p.supplierA.organisationId],
    );
    expect(ack).toEqual({
      via: 'api',
      acknowledged_by: ACCOUNTS.supplierA,
      acknowledged_by_user_id: p.supplierA.userId,
    });
    const states = await as(api, p.admin).get(`/api/v1/communications/${commId}/acknowledgements`);
    expect(states.body.data).toEqual([
      expect.objectContaining({
        supplierId: p.supplierA.organisationId,
        acknowledged: true,
        acknowledgedBy: ACCOUNTS.supplierA,
      }),
    ]);
    const audit = await api.db.query(
      `SELECT action, actor_label FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`,
      [commId],
    );
    expect(audit.map((a: { action: string }) => a.action)).toContain('communication.acknowledged');

    // Read and acknowledged in the inbox; gone from the home page.
    await page.goto('/supplier/communications');
    const after = await textOf(page.locator('#communications tr', { hasText: subject }));
    expect(after).toContain('Acknowledged');
    expect(after).not.toContain('New');
    await page.goto('/supplier');
    expect(await page.locator('[data-ack-awaiting]', { hasText: subject }).count()).toBe(0);

    // A second acknowledgement (another tab): a 409 page saying so.
    const { agent, token } = await pageClient(api, ACCOUNTS.supplierA);
    // The token first: the agent attaches its cookies when a request is created.
    const postForm = async (path: string) => {
      const _csrf = await token();
      return agent.post(path).type('form').send({ _csrf });
    };
    const again = await postForm(`/supplier/communications/${commId}/acknowledge`);
    expect(again.status).toBe(409);
    expect(again.text).toContain('govuk-error-summary');
    expect(again.text).toContain('Your organisation has already acknowledged this message.');
    // One that asks for no acknowledgement: refused, nothing recorded.
    const none = await postForm(`/supplier/communications/${infoId}/acknowledge`);
    expect(none.status).toBe(409);
    expect(none.text).toContain('This message does not need an acknowledgement.');
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM acknowledgements WHERE communication_id = $1`,
      [infoId],
    );
    expect(n).toBe(0);
    await context.close();
  });

  it("gives supplier B 404 pages for supplier A's communication and contact", async () => {
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierB);
    for (const path of [
      `/supplier/communications/${commId}`,
      `/supplier/contacts/${contactA}/edit`,
    ]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(404);
      await check(page);
    }
    await page.goto('/supplier/communications');
    expect(await page.content()).not.toContain(topic);
    await check(page);
    await page.goto('/supplier/contacts');
    expect(await page.content()).not.toContain(contactName);
    const { agent, token } = await pageClient(api, ACCOUNTS.supplierB);
    for (const path of [
      `/supplier/communications/${commId}/acknowledge`,
      `/supplier/contacts/${contactA}`,
      `/supplier/contacts/${contactA}/deactivate`,
    ]) {
      const _csrf = await token();
      const res = await agent
        .post(path)
        .type('form')
        .send({ _csrf, name: 'B', email: 'b@b.example' });
      expect(res.status).toBe(404);
    }
    const [contact] = await api.db.query(
      `SELECT name, active FROM supplier_contacts WHERE id = $1`,
      [contactA],
    );
    expect(contact).toEqual({ name: contactName, active: true });
    await context.close();
  });

  it('adds a contact with topics, changes it, deactivates and reactivates it', async () => {
    const since = new Date();
    const context = await newContext();
    const page = await context.newPage();
    await signIn(page, ACCOUNTS.supplierA);
    await navigate(page, page.getByRole('link', { name: 'Contacts' }));
    expect(await textOf(page.locator('h1'))).toBe('Contacts');
    expect(await textOf(page.locator('#contacts'))).toContain(contactName);
    await check(page);
    await navigate(page, page.getByRole('button', { name: 'Add a contact' }));
    await check(page);

    // Nothing filled in, a bad other topic: the error summary links to each field.
    await page.getByLabel('Other topics (optional)').fill('Not A Slug!');
    await navigate(page, page.getByRole('button', { name: 'Add contact' }));
    const summary = await textOf(page.locator('.govuk-error-summary'));
    expect(summary).toContain("Enter the contact's name");
    expect(summary).toContain('Enter an email address in the correct format');
    expect(summary).toContain('Each other topic must be lower-case letters');
    expect(await page.title()).toMatch(/^Error:/);
    await check(page);
    await screenshot(page, 'supplier-contact-errors');

    const name = `Bea Contacts ${uniq()}`;
    const email = `bea.${uniq()}@supplier.test`;
    await page.getByLabel('Full name').fill(name);
    await page.getByLabel('Email address').fill(email.toUpperCase());
    await page.getByLabel(topic, { exact: true }).check();
    await page.getByLabel('Other topics (optional)').fill('releases, admissions');
    await navigate(page, page.getByRole('button', { name: 'Add contact' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `${name} has been added`,
    );
    const row = page.locator('#contacts tr', { hasText: name });
    expect(await textOf(row)).toContain(`admissions, ${topic}, releases`);
    expect(await textOf(row)).toContain('Active');
    await check(page);
    await screenshot(page, 'supplier-contacts');
    const stored = async () =>
      (
        await api.db.query(
          `SELECT id, name, email, topics, active FROM supplier_contacts
            WHERE supplier_id = $1 AND email = $2`,
          [p.supplierA.organisationId, email],
        )
      )[0];
    const created = await stored();
    expect(created).toMatchObject({ name, email, active: true });
    expect([...created.topics].sort()).toEqual(['admissions', topic, 'releases'].sort());

    // Change: the form shows its topics ticked; untick one, rename.
    await navigate(page, row.getByRole('link', { name: `Change ${name}` }));
    expect(await page.getByLabel(topic, { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel('releases', { exact: true }).isChecked()).toBe(true);
    await check(page);
    await screenshot(page, 'supplier-contact-edit');
    await page.getByLabel('releases', { exact: true }).uncheck();
    await page.getByLabel('Full name').fill(`${name} Jones`);
    await navigate(page, page.getByRole('button', { name: 'Save changes' }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      `The changes to ${name} Jones have been saved`,
    );
    expect(await stored()).toMatchObject({ name: `${name} Jones`, topics: ['admissions', topic] });

    // Deactivate, then reactivate.
    const renamed = page.locator('#contacts tr', { hasText: `${name} Jones` });
    await navigate(page, renamed.getByRole('button', { name: `Deactivate ${name} Jones` }));
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('deactivated');
    expect(await textOf(renamed)).toContain('Inactive');
    expect((await stored()).active).toBe(false);
    await check(page);
    await navigate(page, renamed.getByRole('button', { name: `Reactivate ${name} Jones` }));
    expect(await textOf(renamed)).toContain('Active');
    expect((await stored()).active).toBe(true);

    // Deactivating twice (another tab): a 409 page with the error summary.
    const { agent, token } = await pageClient(api, ACCOUNTS.supplierA);
    const postForm = async (path: string) => {
      const _csrf = await token();
      return agent.post(path).type('form').send({ _csrf });
    };
    const id = created.id as string;
    await postForm(`/supplier/contacts/${id}/deactivate`);
    const twice = await postForm(`/supplier/contacts/${id}/deactivate`);
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('govuk-error-summary');
    expect(twice.text).toContain('is already inactive');

    const audit = await api.db.query(
      `SELECT action FROM audit_events WHERE entity_type = 'supplier_contact' AND entity_id = $1
          AND occurred_at >= $2 ORDER BY occurred_at`,
      [id, since],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'supplier_contact.created',
      'supplier_contact.updated',
      'supplier_contact.updated',
      'supplier_contact.updated',
      'supplier_contact.updated',
    ]);
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
    await page.goto('/supplier/communications');
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    expect(await textOf(page.locator('h1'))).toBe('Cyfathrebiadau');
    expect(await textOf(page.locator('#communications tr', { hasText: subject }))).toContain(
      'Wedi’i gydnabod',
    );
    await checkNoJs();
    await screenshot(page, 'supplier-communications-cy');
    await navigate(page, page.getByRole('link', { name: subject }));
    expect(await textOf(page.locator('#acknowledged'))).toContain('Wedi’i gydnabod gan');
    await checkNoJs();
    await page.goto(`/supplier/communications/${infoId}`);
    expect(await textOf(page.locator('#acknowledgement + p'))).toContain(
      'Nid oes angen cydnabod y neges hon.',
    );
    await checkNoJs();
    await page.goto('/supplier/contacts');
    expect(await textOf(page.locator('h1'))).toBe('Cysylltiadau');
    await checkNoJs();
    await screenshot(page, 'supplier-contacts-cy');
    await navigate(page, page.getByRole('button', { name: 'Ychwanegu cyswllt' }));
    await navigate(page, page.getByRole('button', { name: 'Ychwanegu cyswllt' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Rhowch enw’r cyswllt');
    await checkNoJs();
    await page.goto('/supplier');
    await checkNoJs();
    await navigate(page, page.getByRole('button', { name: 'English' }));
    await checker.close();
    await context.close();
  });

  it('answers malformed bodies on every inbox and contact form with a 4xx page, never a 500', async () => {
    await english();
    const { agent, token } = await pageClient(api, ACCOUNTS.supplierA);
    const count = async () =>
      api.db.query(
        `SELECT (SELECT count(*)::int FROM supplier_contacts WHERE supplier_id = $1) AS contacts,
                (SELECT array_agg(name || ':' || active || ':' || array_to_string(topics, ',') ORDER BY id)
                   FROM supplier_contacts WHERE supplier_id = $1) AS state`,
        [p.supplierA.organisationId],
      );
    const before = await count();
    const forms = [
      '/supplier/contacts',
      `/supplier/contacts/${contactA}`,
      `/supplier/communications/${commId}/acknowledge`,
      `/supplier/communications/${infoId}/acknowledge`,
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('', ' ', '0', 'null', '[]', '{}', '\u0000', 'x'.repeat(300), 'A B'),
      fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), value, async (path, v) => {
        const _csrf = await token();
        // Never valid: the email is never an address (no @ survives as one), topics malformed.
        const res = await agent
          .post(path)
          .type('form')
          .send({
            name: v,
            email: Array.isArray(v) ? v : `${String(v)}@`,
            topics: v,
            otherTopics: v,
            _csrf,
          });
        const explained =
          res.text.includes('govuk-error-summary') ||
          (res.status === 400 && res.text.includes('There is a problem with your request'));
        if (res.status < 400 || res.status >= 500 || !explained) {
          failures.push(`${path} ${JSON.stringify(v).slice(0, 200)} → ${res.status}`);
        }
      }),
      { numRuns: 50, seed: 17 },
    );
    for (const path of forms) {
      const _csrf = encodeURIComponent(await token());
      const raw = await agent
        .post(path)
        .type('form')
        .send(`%%%&&name[a]=1&topics[][x]=2&_csrf=${_csrf}`);
      if (raw.status < 400 || raw.status >= 500) failures.push(`${path} raw → ${raw.status}`);
    }
    // A page number that is not one: a 400 page with the error summary.
    const paged = await agent.get('/supplier/communications?page=abc');
    if (paged.status !== 400 || !paged.text.includes('govuk-error-summary'))
      failures.push(`?page=abc → ${paged.status}`);
    expect(failures).toEqual([]);
    expect(await count()).toEqual(before);
  });

  it('found no accessibility violations on any page visited', () => {
    expect(visited.size).toBeGreaterThanOrEqual(8);
    expect(violations).toEqual([]);
  });
});
