import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import fc from 'fast-check';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { insertService } from '../support/adoption-fixtures.js';
import {
  axeViolationsWithoutJs,
  launchChromium,
  navigate,
  screenshot,
  textOf,
} from '../support/browser.js';
import {
  createSupplier,
  deliveriesOf,
  type SupplierFixture,
  uniq,
  waitForTerminal,
} from '../support/comms-fixtures.js';
import { pageClient } from '../support/portal.js';
import {
  ACCOUNTS,
  DEMO_PASSWORD,
  type Principal,
  type PrincipalName,
  signInAll,
} from '../support/principals.js';
import { insertProduct } from '../support/programme-fixtures.js';
import { SmtpSink } from '../support/smtp-sink.js';
import { startTestApi, startTestWorker, type TestApi } from '../support/test-app.js';
import { freePort } from '../support/throwaway.js';
import { WebhookReceiver } from '../support/webhook-receiver.js';

jest.setTimeout(900_000); // axe on every page, EN and CY, on a shared 2-core machine

/**
 * The programme office writes a targeted communication in a real browser with JavaScript
 * off: the form (errors summarised, values kept), the preview naming the suppliers it
 * reaches (checked against an independent query) with one rendered sample, Change and
 * back, Send; a real worker delivers it by SMTP and signed webhook, and after Refresh the
 * communication's page shows every recipient delivered and the acknowledgement given by
 * link. Scheduling and cancelling, the suppliers' pages, a viewer's read-only pages and
 * refused forged POSTs, malformed bodies. axe-core on every page, English and Welsh.
 */
describe('programme communications in a browser', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let smtp: SmtpSink;
  const receiver = new WebhookReceiver();
  let browser: Browser;
  let base: string;
  let p: Record<PrincipalName, Principal>;
  let service: { id: string; code: string };
  let topic: string;
  let hooked: SupplierFixture;
  let mailed: SupplierFixture;
  let other: SupplierFixture;
  let sentId: string;
  const violations: string[] = [];
  const visited = new Set<string>();

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort());
    await smtp.start();
    await receiver.start();
    api = await startTestApi();
    await api.app.listen(0, '127.0.0.1');
    base = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    worker = await startTestWorker({
      SMTP_URL: smtp.url,
      DELIVERY_BACKOFF_MS: '150',
      EMAIL_RATE_PER_SECOND: '0',
      WEBHOOK_RATE_PER_SECOND: '0',
    });
    p = await signInAll(api);
    service = await insertService(api.db);
    const otherService = await insertService(api.db);
    const run = uniq();
    topic = `release-${run}`;
    hooked = await createSupplier(api, p.admin, {
      name: `Aldwych Admissions ${run}`,
      contacts: [{ name: 'Ada Aldwych', topics: [topic] }],
      webhook: { receiver },
    });
    mailed = await createSupplier(api, p.admin, {
      name: `Bramble Schools ${run}`,
      contacts: [
        { name: 'Ben Bramble', topics: [topic] },
        { name: 'Bea Bramble', topics: [topic, 'other'] },
        { name: 'Bo Unsubscribed', topics: ['other'] },
      ],
    });
    other = await createSupplier(api, p.admin, {
      name: `Cobble Software ${run}`,
      contacts: [{ name: 'Cy Cobble', topics: [topic] }],
    });
    await insertProduct(api.db, {
      supplierId: hooked.id,
      serviceId: service.id,
      certificate: 'valid',
    });
    await insertProduct(api.db, { supplierId: mailed.id, serviceId: service.id });
    await insertProduct(api.db, { supplierId: other.id, serviceId: otherService.id });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
    await smtp?.stop();
    await receiver.stop();
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

  /** Suppliers with a product of the service and a contact subscribed to the topic. */
  const expectedSuppliers = async (): Promise<string[]> =>
    (
      await api.db.query(
        `SELECT DISTINCT o.name FROM organisations o
           JOIN products pr ON pr.supplier_id = o.id
           JOIN product_services ps ON ps.product_id = pr.id AND ps.service_id = $1
          WHERE o.type = 'SUPPLIER'
            AND EXISTS (SELECT 1 FROM supplier_contacts c
                         WHERE c.supplier_id = o.id AND c.active AND $2 = ANY(c.topics))
          ORDER BY o.name`,
        [service.id, topic],
      )
    ).map((r: { name: string }) => r.name);

  const inDays = (n: number) => {
    const d = new Date(Date.now() + n * 86_400_000);
    return {
      day: String(d.getUTCDate()),
      month: String(d.getUTCMonth() + 1),
      year: String(d.getUTCFullYear()),
    };
  };

  it('composes, previews (naming the suppliers), sends, and shows every delivery delivered', async () => {
    const { page, checker, close } = await noJsPage();
    const check = async () => {
      visited.add(new URL(page.url()).pathname);
      violations.push(...(await axeViolationsWithoutJs(page, checker)));
    };
    await signIn(page, ACCOUNTS.admin);
    await navigate(page, page.getByRole('link', { name: 'Communications' }));
    expect(await textOf(page.locator('h1'))).toBe('Communications');
    await check();

    // The form: placeholders beside the body; an empty form is refused with the summary.
    await navigate(page, page.getByRole('button', { name: 'Write a communication' }));
    expect(await textOf(page.locator('#placeholders'))).toContain('{{supplier.name}}');
    await check();
    await screenshot(page, 'programme-communication-compose');
    await navigate(page, page.getByRole('button', { name: 'Continue to preview' }));
    const summary = await textOf(page.locator('.govuk-error-summary'));
    expect(summary).toContain('Enter a subject');
    expect(summary).toContain('Enter the message');
    expect(summary).toContain('Enter the topic in lower-case letters');
    expect(await page.locator('.govuk-error-summary a[href="#subjectTemplate"]').count()).toBe(1);
    await check();
    await screenshot(page, 'programme-communication-errors');

    // A bad placeholder and a past acknowledge-by date: refused, what was typed kept.
    await page.getByLabel('Subject').fill('Release 3.2 for {{supplier.name}}');
    await page
      .getByLabel('Message')
      .fill('Dear {{contact.name}},\n\nRelease 3.2 of {{supplier.nickname}} is out.');
    await page.getByLabel('Topic').fill(topic);
    await page
      .getByRole('checkbox', { name: `${service.code} – Test service ${service.code}` })
      .check();
    const past = inDays(-3);
    await page.locator('#acknowledgeBy-day').fill(past.day);
    await page.locator('#acknowledgeBy-month').fill(past.month);
    await page.locator('#acknowledgeBy-year').fill(past.year);
    await navigate(page, page.getByRole('button', { name: 'Continue to preview' }));
    const again = await textOf(page.locator('.govuk-error-summary'));
    expect(again).toContain('The date for acknowledging must be today or later');
    expect(await page.getByLabel('Subject').inputValue()).toBe('Release 3.2 for {{supplier.name}}');
    expect(
      await page
        .getByRole('checkbox', { name: `${service.code} – Test service ${service.code}` })
        .isChecked(),
    ).toBe(true);
    const ack = inDays(14);
    await page.locator('#acknowledgeBy-day').fill(ack.day);
    await page.locator('#acknowledgeBy-month').fill(ack.month);
    await page.locator('#acknowledgeBy-year').fill(ack.year);
    await navigate(page, page.getByRole('button', { name: 'Continue to preview' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'unknown placeholder {{supplier.nickname}}',
    );
    await page
      .getByLabel('Message')
      .fill(
        'Dear {{contact.name}},\n\nRelease 3.2 for {{supplier.name}} is out.\nAcknowledge: {{ackLink}}',
      );
    await navigate(page, page.getByRole('button', { name: 'Continue to preview' }));

    // The preview names exactly the suppliers an independent query finds; one sample.
    expect(new URL(page.url()).pathname).toMatch(
      /^\/programme\/communications\/[0-9a-f-]{36}\/preview$/,
    );
    const id = new URL(page.url()).pathname.split('/')[3];
    const expected = await expectedSuppliers();
    expect(expected).toEqual([hooked.name, mailed.name]);
    const named = (await page.locator('#preview-suppliers li').allInnerTexts()).map((s) =>
      s.trim(),
    );
    expect(named).toEqual(expected);
    expect(await textOf(page.locator('#reach'))).toBe('It will reach 2 suppliers (3 contacts).');
    expect(await textOf(page.locator('#preview-endpoints'))).toBe(hooked.name);
    expect(await textOf(page.locator('#sample-subject'))).toBe(`Release 3.2 for ${hooked.name}`);
    expect(await textOf(page.locator('#sample-body'))).toContain('Dear Ada Aldwych,');
    await check();
    await screenshot(page, 'programme-communication-preview');

    // Change keeps the values; continuing again updates the same draft.
    await navigate(page, page.getByRole('link', { name: 'Change' }));
    expect(await page.getByLabel('Topic').inputValue()).toBe(topic);
    expect(await page.locator('#acknowledgeBy-day').inputValue()).toBe(ack.day);
    await page.getByLabel('Subject').fill('Release 3.2: action for {{supplier.name}}');
    await navigate(page, page.getByRole('button', { name: 'Continue to preview' }));
    expect(new URL(page.url()).pathname).toBe(`/programme/communications/${id}/preview`);
    expect(await textOf(page.locator('#sample-subject'))).toBe(
      `Release 3.2: action for ${hooked.name}`,
    );

    // Send: the worker delivers every email and the webhook; Refresh shows them delivered.
    await navigate(page, page.getByRole('button', { name: 'Send', exact: true }));
    expect(new URL(page.url()).pathname).toBe(`/programme/communications/${id}`);
    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain(
      'Communication sent',
    );
    sentId = id;
    const rows = await waitForTerminal(api.db, id, 90_000);
    await navigate(page, page.getByRole('button', { name: 'Refresh' }));
    const statuses = await page
      .locator('#deliveries-table td[data-status]')
      .evaluateAll((cells) => cells.map((c) => c.getAttribute('data-status')));
    expect(statuses).toHaveLength(rows.length);
    expect(statuses.every((s) => s === 'delivered')).toBe(true);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    const emails = rows.filter((r) => r.channel === 'email');
    const contacts = [hooked.contacts[0], mailed.contacts[0], mailed.contacts[1]];
    expect(emails.map((r) => r.target).sort()).toEqual(contacts.map((c) => c.email).sort());
    const ours = smtp.messages.filter((m) => emails.some((r) => r.id === m.deliveryId));
    expect(ours).toHaveLength(3);
    expect(ours.map((m) => m.to[0]).sort()).toEqual(contacts.map((c) => c.email).sort());
    expect(smtp.to(mailed.contacts[2].email)).toEqual([]);
    expect(smtp.to(other.contacts[0].email)).toEqual([]);
    expect(smtp.to(mailed.contacts[0].email)[0].subject).toBe(
      `Release 3.2: action for ${mailed.name}`,
    );
    const hooks = receiver.at(hooked.webhookPath!);
    expect(hooks).toHaveLength(1);
    expect(hooks[0].verified).toBe(true);
    expect(hooks[0].payload?.data.communicationId).toBe(id);

    // Ben acknowledges by the link in his email; the page shows who and when.
    const link = /https?:\/\/\S+\/acknowledge-link\?\S+/.exec(
      smtp.to(mailed.contacts[0].email)[0].text,
    )![0];
    const u = new URL(link);
    expect((await api.http().post(`${u.pathname}${u.search}`)).status).toBe(200);
    await navigate(page, page.getByRole('button', { name: 'Refresh' }));
    const acks = (await page.locator('#acks-table tbody tr').allInnerTexts()).map((r) =>
      r.replace(/\s+/g, ' '),
    );
    expect(acks.find((r) => r.includes(mailed.name))).toContain(
      `ack-link:${mailed.contacts[0].email}`,
    );
    expect(acks.find((r) => r.includes(hooked.name))).toContain('Not yet');
    expect(await textOf(page.locator('#progress'))).toBe(
      `${rows.length} deliveries: ${rows.length} delivered, 0 still to go, 0 failed`,
    );
    await check();
    await screenshot(page, 'programme-communication');

    // The list: newest first, with the counts.
    await navigate(page, page.getByRole('link', { name: 'Back to communications' }));
    const row = page.locator(`#comms-table tr[data-id="${id}"]`);
    expect((await textOf(row)).replace(/\s+/g, ' ')).toContain(`Sent`);
    expect(await row.locator('td').nth(3).innerText()).toBe(String(rows.length));
    expect(await row.locator('td').nth(6).innerText()).toBe('1 of 2');
    await check();
    await screenshot(page, 'programme-communications');

    // In Welsh: the list, the communication and the form.
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await textOf(page.locator('h1'))).toBe('Cyfathrebiadau');
    await check();
    await page.goto(`/programme/communications/${id}`);
    expect(await textOf(page.locator('#deliveries-table'))).toContain("Wedi'i ddanfon");
    await check();
    await screenshot(page, 'programme-communication-cy');
    await page.goto('/programme/communications/new');
    expect(await textOf(page.locator('h1'))).toBe('Ysgrifennu cyfathrebiad');
    await check();
    await page.goto(`/programme/communications/${id}/preview`);
    await check();
    await navigate(page, page.getByRole('button', { name: 'English' }));
    await close();
    expect(violations).toEqual([]);
  });

  it('schedules a communication for later and cancels it', async () => {
    const { page, checker, close } = await noJsPage();
    const check = async () => {
      visited.add(new URL(page.url()).pathname);
      violations.push(...(await axeViolationsWithoutJs(page, checker)));
    };
    await signIn(page, ACCOUNTS.admin);
    // Written from the supplier's page: that supplier is already ticked.
    await page.goto(`/programme/suppliers/${other.id}`);
    await navigate(page, page.getByRole('button', { name: 'Write to this supplier' }));
    expect(await page.getByRole('checkbox', { name: other.name }).isChecked()).toBe(true);
    await page.getByLabel('Subject').fill('Planned outage');
    await page.getByLabel('Message').fill('Hello {{contact.name}}, the service stops on Sunday.');
    await page.getByLabel('Topic').fill(topic);
    await page.getByRole('radio', { name: 'Schedule for later' }).check();
    const later = inDays(3);
    await page.locator('#sendAt-day').fill(later.day);
    await page.locator('#sendAt-month').fill(later.month);
    await page.locator('#sendAt-year').fill(later.year);
    await page.getByRole('textbox', { name: 'Time' }).fill('25:00');
    await navigate(page, page.getByRole('button', { name: 'Continue to preview' }));
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Enter the time as hours and minutes',
    );
    await check();
    await page.getByRole('textbox', { name: 'Time' }).fill('09:30');
    await navigate(page, page.getByRole('button', { name: 'Continue to preview' }));
    expect(
      (await page.locator('#preview-suppliers li').allInnerTexts()).map((s) => s.trim()),
    ).toEqual([other.name]);
    expect(await textOf(page.locator('#preview-summary'))).toContain('09:30');
    await navigate(page, page.getByRole('button', { name: 'Schedule' }));
    const id = new URL(page.url()).pathname.split('/')[3];
    expect(await textOf(page.locator('#status'))).toBe('Scheduled');
    const [row] = await api.db.query(`SELECT status, send_at FROM communications WHERE id = $1`, [
      id,
    ]);
    expect(row.status).toBe('scheduled');
    expect(new Date(row.send_at).getUTCDate()).toBe(Number(later.day));
    expect(await textOf(page.locator('#no-deliveries'))).toContain('scheduled time');
    await check();
    await page.getByLabel('Why are you cancelling it? (optional)').fill('Outage moved');
    await navigate(page, page.getByRole('button', { name: 'Cancel communication' }));
    expect(await textOf(page.locator('#status'))).toBe('Cancelled');
    expect(
      (await api.db.query(`SELECT status FROM communications WHERE id = $1`, [id]))[0].status,
    ).toBe('cancelled');
    expect(await deliveriesOf(api.db, id)).toEqual([]);
    await close();
    expect(violations).toEqual([]);
  });

  it('lists suppliers with their counts and shows one supplier (contacts, webhook, communications, products)', async () => {
    const { page, checker, close } = await noJsPage();
    const check = async () => {
      visited.add(new URL(page.url()).pathname);
      violations.push(...(await axeViolationsWithoutJs(page, checker)));
    };
    await signIn(page, ACCOUNTS.admin);
    await navigate(page, page.getByRole('link', { name: 'Suppliers' }));
    await page.getByLabel('Name contains').fill(hooked.name);
    await navigate(page, page.getByRole('button', { name: 'Search' }));
    const rows = (await page.locator('#suppliers-table tbody tr').allInnerTexts()).map((r) =>
      r.replace(/\s+/g, ' ').trim(),
    );
    expect(rows).toEqual([`${hooked.name} Active 1 1`]);
    await check();
    await screenshot(page, 'programme-suppliers');
    await navigate(page, page.getByRole('link', { name: hooked.name }));
    expect(await textOf(page.locator('#contacts-table'))).toContain('Ada Aldwych');
    expect(await textOf(page.locator('#webhook-table'))).toContain('Delivered');
    expect(await textOf(page.locator('#supplier-comms-table'))).toContain(
      'Release 3.2: action for {{supplier.name}}',
    );
    expect(await textOf(page.locator('#products-table'))).toContain('Valid');
    await check();
    await screenshot(page, 'programme-supplier');
    await navigate(page, page.getByRole('button', { name: 'Cymraeg' }));
    expect(await textOf(page.locator('h2#contacts-heading'))).toBe('Cysylltiadau');
    await check();
    await page.goto('/programme/suppliers');
    await check();
    await navigate(page, page.getByRole('button', { name: 'English' }));
    await close();
    expect(violations).toEqual([]);
  });

  it('shows a viewer no write controls and refuses its forged POSTs', async () => {
    const { page, checker, close } = await noJsPage();
    await signIn(page, ACCOUNTS.viewer);
    const draft = await api
      .http()
      .post('/api/v1/communications')
      .set({ authorization: `Bearer ${p.admin.bearer}` })
      .send({
        subjectTemplate: 'Viewer fixture',
        bodyTemplate: 'Hello',
        topic,
        audience: { supplierIds: [other.id] },
        channels: ['email'],
      });
    expect(draft.status).toBe(201);
    const draftId = draft.body.id as string;
    for (const path of [
      '/programme/communications',
      `/programme/communications/${sentId}`,
      `/programme/communications/${draftId}`,
      `/programme/communications/${draftId}/preview`,
      '/programme/suppliers',
      `/programme/suppliers/${hooked.id}`,
    ]) {
      const res = await page.goto(path);
      expect(res?.status()).toBe(200);
      const actions = await page
        .locator('form[method="post"]')
        .evaluateAll((forms) => forms.map((f) => f.getAttribute('action')));
      expect(actions.every((a) => a === '/language' || a === '/sign-out')).toBe(true);
      expect(await page.locator('#compose').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Write to this supplier' }).count()).toBe(0);
      violations.push(...(await axeViolationsWithoutJs(page, checker)));
    }
    expect((await page.goto('/programme/communications/new'))?.status()).toBe(403);
    await page.goto('/programme/communications');
    const token = await page.locator('input[name="_csrf"]').first().inputValue();
    const before = await api.db.query(
      `SELECT count(*)::int AS n, (SELECT status FROM communications WHERE id = $1) AS status
         FROM communications`,
      [draftId],
    );
    for (const [path, form] of [
      [
        '/programme/communications/new',
        {
          subjectTemplate: 'Forged',
          bodyTemplate: 'x',
          topic,
          mandatory: 'no',
          channels: 'email',
          when: 'now',
        },
      ],
      [
        `/programme/communications/${draftId}/edit`,
        {
          subjectTemplate: 'Forged',
          bodyTemplate: 'x',
          topic,
          mandatory: 'no',
          channels: 'email',
          when: 'now',
          version: '1',
        },
      ],
      [`/programme/communications/${draftId}/send`, {}],
      [`/programme/communications/${draftId}/cancel`, { note: 'forged' }],
    ] as const) {
      const forged = await page.request.post(path, {
        form: { _csrf: token, ...form },
        maxRedirects: 0,
      });
      expect(forged.status()).toBe(403);
    }
    expect(
      await api.db.query(
        `SELECT count(*)::int AS n, (SELECT status FROM communications WHERE id = $1) AS status
           FROM communications`,
        [draftId],
      ),
    ).toEqual(before);
    await close();
    expect(violations).toEqual([]);
  });

  it('answers malformed bodies on every communications form with a 4xx page, never a 500', async () => {
    const { agent, token } = await pageClient(api, ACCOUNTS.admin);
    const draft = await api
      .http()
      .post('/api/v1/communications')
      .set({ authorization: `Bearer ${p.admin.bearer}` })
      .send({
        subjectTemplate: 'Fuzz',
        bodyTemplate: 'Hello',
        topic,
        audience: {},
        channels: ['email'],
      });
    const draftId = draft.body.id as string;
    const count = async () =>
      api.db.query(
        `SELECT count(*)::int AS n, (SELECT version FROM communications WHERE id = $1) AS draft,
                (SELECT status FROM communications WHERE id = $2) AS sent
           FROM communications`,
        [draftId, sentId],
      );
    const before = await count();
    // The compose forms with every field the same value (never valid: "mandatory" and
    // "channels" cannot both accept it); send and cancel on the sent one (refused).
    const forms = [
      '/programme/communications/new',
      `/programme/communications/${draftId}/edit`,
      `/programme/communications/${sentId}/send`,
      `/programme/communications/${sentId}/cancel`,
    ];
    const fields = [
      'subjectTemplate',
      'bodyTemplate',
      'topic',
      'mandatory',
      'channels',
      'serviceIds',
      'supplierIds',
      'regions',
      'acknowledgeBy-day',
      'acknowledgeBy-year',
      'when',
      'sendAt-day',
      'sendTime',
      'sendAt',
      'note',
      'version',
    ];
    const value = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.constantFrom('', ' ', '0', 'null', '[]', '{}', '\u0000', '{{', 'later', 'x'.repeat(2001)),
      fc.array(fc.string({ maxLength: 40 }), { maxLength: 30 }),
    );
    const failures: string[] = [];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...forms), value, async (path, v) => {
        const _csrf = await token('/programme/communications');
        const res = await agent
          .post(path)
          .type('form')
          .send({ ...Object.fromEntries(fields.map((f) => [f, v])), _csrf });
        const explained =
          res.text.includes('govuk-error-summary') ||
          (res.status === 400 && res.text.includes('There is a problem with your request'));
        if (res.status < 400 || res.status >= 500 || !explained) {
          failures.push(`${path} ${JSON.stringify(v).slice(0, 200)} → ${res.status}`);
        }
      }),
      { numRuns: 40, seed: 23 },
    );
    for (const path of forms) {
      const _csrf = encodeURIComponent(await token('/programme/communications'));
      const raw = await agent
        .post(path)
        .type('form')
        .send(`%%%&&channels[a]=1&topic[b][c]=2&_csrf=${_csrf}`);
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
