import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  createDraft,
  createSupplier,
  deliveriesOf,
  type SupplierFixture,
  uniq,
  waitForTerminal,
} from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { insertProduct } from './support/programme-fixtures.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

/**
 * A webhook is the organisation's machine endpoint: a supplier with three contacts and one
 * endpoint gets three emails (one per contact) and ONE signed webhook per notice — for a
 * targeted communication and for a triggered notice alike (real SMTP server, real
 * Standard Webhooks receiver).
 */
describe('communications: one webhook per organisation endpoint, one email per contact', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const smtp = new SmtpSink(0);
  const receiver = new WebhookReceiver();

  beforeAll(async () => {
    Object.assign(smtp, { port: await freePort() });
    await smtp.start();
    await receiver.start();
    api = await startTestApi();
    worker = await startTestWorker({
      SMTP_URL: smtp.url,
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

  const threeContacts = (topic: string) =>
    createSupplier(api, p.admin, {
      name: `Trio Systems ${uniq()}`,
      contacts: ['Ann', 'Bob', 'Cat'].map((n) => ({ name: `${n} Trio`, topics: [topic] })),
      webhook: { receiver },
    });

  /** Exactly one verified webhook and one email per contact for communication `id`. */
  async function expectOneWebhookThreeEmails(s: SupplierFixture, id: string) {
    const rows = (await waitForTerminal(api.db, id)).filter((r) => r.supplierId === s.id);
    const hooks = rows.filter((r) => r.channel === 'webhook');
    const emails = rows.filter((r) => r.channel === 'email');
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ contactId: null, status: 'delivered' });
    expect(emails.map((r) => r.contactId).sort()).toEqual(s.contacts.map((c) => c.id).sort());
    expect(emails.every((r) => r.status === 'delivered')).toBe(true);
    const received = receiver
      .at(s.webhookPath!)
      .filter((h) => h.payload?.data.communicationId === id);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ verified: true, status: 200, webhookId: hooks[0].id });
    expect(received[0].payload!.data.supplier).toEqual({ id: s.id, name: s.name });
    expect(received[0].payload!.data.acknowledgeUrl).toMatch(
      new RegExp(`/api/v1/communications/${id}/acknowledge$`),
    );
    for (const c of s.contacts) {
      expect(
        smtp.to(c.email).filter((m) => emails.some((e) => e.id === m.deliveryId)),
      ).toHaveLength(1);
    }
  }

  it('a communication: preview counts one webhook per endpoint; the send makes one webhook and three emails', async () => {
    const topic = `trio-${uniq()}`;
    const s = await threeContacts(topic);
    const id = await createDraft(api, p.admin, {
      subjectTemplate: 'Notice for {{supplier.name}}',
      bodyTemplate: 'Hello {{contact.name}}, please read this.',
      topic,
      audience: { supplierIds: [s.id] },
      channels: ['email', 'webhook'],
    });
    const preview = await as(api, p.admin).get(`/api/v1/communications/${id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      recipients: 3,
      suppliers: 1,
      deliveries: { email: 3, webhook: 1 },
      webhookEndpoints: [{ supplierId: s.id, supplierName: s.name }],
    });
    const sent = await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({});
    expect(sent.status).toBeLessThan(300);
    await expectOneWebhookThreeEmails(s, id);
    const listed = await as(api, p.admin)
      .get(`/api/v1/communications/${id}/deliveries`)
      .query({ channel: 'webhook' });
    expect(listed.status).toBe(200);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.data[0]).toMatchObject({ contactId: null, supplierId: s.id });
  });

  it('a triggered notice (requirements published): one webhook and three emails', async () => {
    const s = await threeContacts('unrelated');
    const [{ id: dfe }] = await api.db.query(`SELECT id FROM organisations WHERE code = 'DFE'`);
    const code = `TRIO-${uniq().toUpperCase()}`;
    const service = await as(api, p.admin)
      .post('/api/v1/services')
      .send({
        code,
        name: `Trio service ${code}`,
        leadAgencyId: dfe,
        deliveryModel: 'council_delivered',
      });
    expect(service.status).toBe(201);
    await insertProduct(api.db, { supplierId: s.id, serviceId: service.body.id, name: 'Trio' });
    const draft = await as(api, p.admin)
      .post(`/api/v1/services/${service.body.id}/requirement-sets`)
      .send({
        title: 'Trio requirements',
        requirements: [
          { code: 'TRIO-001', title: 'One', description: 'It MUST work.', level: 'MUST' },
        ],
      });
    expect(draft.status).toBe(201);
    await as(api, p.admin)
      .post(`/api/v1/requirement-sets/${draft.body.id}/publish`)
      .send({ effectiveDate: '2031-04-01' })
      .expect(200);
    const [c] = await waitFor(
      async () => {
        const rows: { id: string }[] = await api.db.query(
          `SELECT id FROM communications WHERE dedupe_key = $1`,
          [`trigger:requirement_set.published:${draft.body.id}`],
        );
        return rows.length ? rows : null;
      },
      { what: 'the requirement-set notice' },
    );
    await expectOneWebhookThreeEmails(s, c.id);
    expect(await deliveriesOf(api.db, c.id)).toHaveLength(4);
  });
});
