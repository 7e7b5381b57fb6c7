import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createDraft,
  createSupplier,
  deliveriesOf,
  uniq,
  waitForTerminal,
} from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

/** Delivery outcomes: retries with backoff, 410 and other permanent failures, SMTP down then up. */
describe('communications: delivery retries and failures', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  let smtp: SmtpSink;
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort());
    await smtp.start();
    await receiver.start();
    api = await startTestApi();
    worker = await startTestWorker({
      SMTP_URL: smtp.url,
      DELIVERY_BACKOFF_MS: '150',
      DELIVERY_MAX_ATTEMPTS: '8',
      WEBHOOK_TIMEOUT_MS: '1000',
      EMAIL_RATE_PER_SECOND: '0',
      WEBHOOK_RATE_PER_SECOND: '0',
    });
    p = await signInAll(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
    await receiver.stop();
  });

  const draft = (topic: string, supplierIds: string[], channels: string[]) => ({
    subjectTemplate: 'Notice for {{supplier.name}}',
    bodyTemplate: 'Hello {{contact.name}}',
    topic,
    audience: { supplierIds },
    channels,
  });
  const send = async (id: string) => {
    const res = await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({});
    expect(res.status).toBe(202);
  };

  it('retries a webhook that answers 500 twice, then delivers it once, under one webhook-id', async () => {
    const topic = `retry-${uniq()}`;
    const s = await createSupplier(api, p.admin, {
      name: `Flaky Hooks ${uniq()}`,
      contacts: [{ name: 'Fi Flaky', topics: [topic] }],
      webhook: { receiver, script: [500, 500] },
    });
    const id = await createDraft(api, p.admin, draft(topic, [s.id], ['webhook']));
    await send(id);
    const [row] = await waitForTerminal(api.db, id);
    expect(row).toMatchObject({ status: 'delivered', attempts: 3 });
    const hits = receiver.at(s.webhookPath!);
    expect(hits.map((h) => h.status)).toEqual([500, 500, 200]);
    expect(new Set(hits.map((h) => h.webhookId))).toEqual(new Set([row.id]));
    expect(hits.every((h) => h.verified)).toBe(true);
  });

  it('a 410 fails the delivery permanently and disables the endpoint', async () => {
    const topic = `gone-${uniq()}`;
    const s = await createSupplier(api, p.admin, {
      name: `Gone Hooks ${uniq()}`,
      contacts: [{ name: 'Gus Gone', topics: [topic] }],
      webhook: { receiver, script: [410] },
    });
    const id = await createDraft(api, p.admin, draft(topic, [s.id], ['webhook']));
    await send(id);
    const [row] = await waitForTerminal(api.db, id);
    expect(row).toMatchObject({ status: 'permanent_failure', attempts: 1 });
    expect(row.lastError).toMatch(/HTTP 410/);
    const hook = await as(api, p.admin).get(`/api/v1/suppliers/${s.id}/webhook`);
    expect(hook.body.active).toBe(false);
    expect(receiver.at(s.webhookPath!)).toHaveLength(1);
    const next = await createDraft(api, p.admin, draft(topic, [s.id], ['email', 'webhook']));
    const preview = await as(api, p.admin).get(`/api/v1/communications/${next}/preview`);
    expect(preview.body.deliveries).toEqual({ email: 1, webhook: 0 });
  });

  it('other 4xx are permanent failures that keep the endpoint enabled', async () => {
    const topic = `reject-${uniq()}`;
    const s = await createSupplier(api, p.admin, {
      name: `Picky Hooks ${uniq()}`,
      contacts: [{ name: 'Pip Picky', topics: [topic] }],
      webhook: { receiver, script: [422] },
    });
    const id = await createDraft(api, p.admin, draft(topic, [s.id], ['webhook']));
    await send(id);
    const [row] = await waitForTerminal(api.db, id);
    expect(row).toMatchObject({ status: 'permanent_failure', attempts: 1 });
    expect((await as(api, p.admin).get(`/api/v1/suppliers/${s.id}/webhook`)).body.active).toBe(
      true,
    );
  });

  it('a permanent SMTP rejection fails the delivery and flags the contact inactive', async () => {
    const topic = `bounce-${uniq()}`;
    const s = await createSupplier(api, p.admin, {
      name: `Bouncy Mail ${uniq()}`,
      contacts: [
        { name: 'Bea Bounce', topics: [topic], email: `bounce-${uniq()}@supplier.test` },
        { name: 'Kit Kept', topics: [topic] },
      ],
    });
    smtp.reject = /^bounce-/;
    try {
      const id = await createDraft(api, p.admin, draft(topic, [s.id], ['email']));
      await send(id);
      const rows = await waitForTerminal(api.db, id);
      const bounced = rows.find((r) => r.contactId === s.contacts[0].id)!;
      expect(bounced).toMatchObject({ status: 'permanent_failure', attempts: 1 });
      expect(bounced.lastError).toMatch(/550/);
      expect(rows.find((r) => r.contactId === s.contacts[1].id)!.status).toBe('delivered');
    } finally {
      smtp.reject = null;
    }
    const contacts = await as(api, p.admin).get(`/api/v1/suppliers/${s.id}/contacts`);
    const bea = contacts.body.data.find((c: { id: string }) => c.id === s.contacts[0].id);
    expect(bea).toMatchObject({ active: false });
    expect(bea.inactiveReason).toMatch(/550/);
    const again = await createDraft(api, p.admin, draft(topic, [s.id], ['email']));
    const preview = await as(api, p.admin).get(`/api/v1/communications/${again}/preview`);
    expect(preview.body.recipients).toBe(1);
  });

  it('an SMTP server that is down, then up, ends with the mail delivered after retries', async () => {
    const topic = `smtp-${uniq()}`;
    const s = await createSupplier(api, p.admin, {
      name: `Patient Mail ${uniq()}`,
      contacts: [{ name: 'Pat Patient', topics: [topic] }],
    });
    await smtp.stop();
    try {
      const id = await createDraft(api, p.admin, draft(topic, [s.id], ['email']));
      await send(id);
      const failing = await waitFor(
        async () => {
          const [row] = await deliveriesOf(api.db, id);
          return row && row.status === 'temporary_failure' && row.attempts >= 2 ? row : null;
        },
        { what: 'two failed attempts while SMTP is down' },
      );
      expect(failing.lastError).toMatch(/ECONNECTION|ECONNREFUSED|ESOCKET/);
      await smtp.start();
      const [row] = await waitForTerminal(api.db, id);
      expect(row.status).toBe('delivered');
      expect(row.attempts).toBeGreaterThanOrEqual(3);
      expect(smtp.to(s.contacts[0].email)).toHaveLength(1);
    } finally {
      if (!smtp.running) await smtp.start();
    }
  });

  it('attempts exhausted end as technical_failure', async () => {
    const topic = `down-${uniq()}`;
    const s = await createSupplier(api, p.admin, {
      name: `Down Hooks ${uniq()}`,
      contacts: [{ name: 'Dee Down', topics: [topic] }],
      webhook: { receiver, script: [503, 503, 503, 503, 503, 503, 503, 503] },
    });
    const id = await createDraft(api, p.admin, draft(topic, [s.id], ['webhook']));
    await send(id);
    const [row] = await waitForTerminal(api.db, id, 60000);
    expect(row).toMatchObject({ status: 'technical_failure', attempts: 8 });
    expect(receiver.at(s.webhookPath!)).toHaveLength(8);
    const progress = await as(api, p.admin).get(`/api/v1/communications/${id}`);
    expect(progress.body.progress).toMatchObject({ technicalFailure: 1, failed: 1, delivered: 0 });
  }, 90000);
});
