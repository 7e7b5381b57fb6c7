import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createDraft,
  createSupplier,
  deliveriesOf,
  type SupplierFixture,
  uniq,
  waitForTerminal,
} from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

/**
 * Targeting, rendering, preview, send (202 + progress), scheduling and cancelling, end to
 * end: api + worker against a real in-process SMTP server and a real HTTP receiver that
 * verifies signatures with the Standard Webhooks reference implementation.
 */
describe('communications: audience, rendering, send, schedule, cancel', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const smtp = new SmtpSink(0);
  const receiver = new WebhookReceiver();
  const topic = `launch-${uniq()}`;
  let smith: SupplierFixture;
  let jones: SupplierFixture;
  let invited: SupplierFixture;
  let dormant: SupplierFixture;

  beforeAll(async () => {
    Object.assign(smtp, { port: await freePort() });
    await smtp.start();
    await receiver.start();
    api = await startTestApi();
    worker = await startTestWorker({
      SMTP_URL: smtp.url,
      DELIVERY_BACKOFF_MS: '100',
      EMAIL_RATE_PER_SECOND: '0',
      WEBHOOK_RATE_PER_SECOND: '0',
    });
    p = await signInAll(api);
    const tag = uniq();
    smith = await createSupplier(api, p.admin, {
      name: `Smith & <Co> ${tag}`,
      contacts: [
        { name: 'Ada Smith', topics: [topic, 'releases'] },
        { name: 'Bo Smith', topics: ['releases'] },
      ],
      webhook: { receiver },
    });
    jones = await createSupplier(api, p.admin, {
      name: `Jones Systems ${tag}`,
      contacts: [{ name: 'Cy Jones', topics: [topic] }],
    });
    invited = await createSupplier(api, p.admin, {
      name: `Invited Ltd ${tag}`,
      status: 'invited',
      contacts: [{ name: 'Di Invited', topics: [topic] }],
      webhook: { receiver },
    });
    dormant = await createSupplier(api, p.admin, {
      name: `Dormant Ltd ${tag}`,
      contacts: [{ name: 'Ed Dormant', topics: [topic], active: false }],
    });
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
    await receiver.stop();
  });

  const body = {
    subjectTemplate: 'Launch for {{supplier.name}} by {{communication.acknowledgeBy}}',
    bodyTemplate:
      'Dear {{contact.name}},\n{{supplier.name}} is in the {{communication.topic}} launch.\nAck: {{ackLink}}',
    topic,
    audience: { onboardingStatuses: ['active'] },
    channels: ['email', 'webhook'],
    acknowledgeBy: '2031-03-01T12:00:00Z',
  };

  it('refuses unknown placeholders with a 400 naming them', async () => {
    const res = await as(api, p.admin)
      .post('/api/v1/communications')
      .send({ ...body, bodyTemplate: 'Hi {{contact.nmae}} {{> partial}}' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_template');
    expect(res.body.errors).toEqual([
      { field: 'bodyTemplate', message: 'unknown placeholder {{contact.nmae}}' },
      { field: 'bodyTemplate', message: 'partials and delimiter changes are not allowed' },
    ]);
    const unknownSupplier = await as(api, p.admin)
      .post('/api/v1/communications')
      .send({ ...body, audience: { supplierIds: ['00000000-0000-4000-8000-000000000000'] } });
    expect(unknownSupplier.status).toBe(400);
    expect(unknownSupplier.body.errors).toEqual([
      {
        field: 'audience.supplierIds[0]',
        message: 'no such supplier: 00000000-0000-4000-8000-000000000000',
      },
    ]);
  });

  it('reaches exactly the active, subscribed contacts of matching suppliers, rendered for each', async () => {
    const id = await createDraft(api, p.admin, body);
    const preview = await as(api, p.viewer).get(`/api/v1/communications/${id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      recipients: 2,
      suppliers: 2,
      deliveries: { email: 2, webhook: 1 },
    });
    expect(preview.body.sample).toMatchObject({
      supplierName: jones.name,
      contactName: 'Cy Jones',
      subject: `Launch for ${jones.name} by 2031-03-01`,
    });

    const sent = await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({});
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({
      id,
      status: 'sending',
      progress: `/api/v1/communications/${id}`,
    });

    const rows = await waitForTerminal(api.db, id);
    const ada = smith.contacts[0];
    const cy = jones.contacts[0];
    expect(rows.map((r) => [r.contactId, r.channel, r.status]).sort()).toEqual(
      [
        [ada.id, 'email', 'delivered'],
        [null, 'webhook', 'delivered'],
        [cy.id, 'email', 'delivered'],
      ].sort(),
    );

    const mails = smtp.messages.filter((m) => rows.some((r) => r.id === m.deliveryId));
    expect(mails.map((m) => m.to).sort()).toEqual([[ada.email], [cy.email]].sort());
    const toAda = mails.find((m) => m.to[0] === ada.email)!;
    expect(toAda.subject).toBe(`Launch for ${smith.name} by 2031-03-01`);
    expect(toAda.text).toContain(`Dear Ada Smith,\n${smith.name} is in the ${topic} launch.`);
    expect(toAda.html).toContain(`Smith &amp; &lt;Co&gt;`);
    // The acknowledgement link is a real link in the HTML part; the text part keeps the URL.
    const href = /<a href="([^"]+)">([^<]+)<\/a>/.exec(toAda.html);
    expect(href).not.toBeNull();
    const textUrl = /Ack: (\S+)/.exec(toAda.text)![1];
    expect(href![1].replaceAll('&amp;', '&')).toBe(textUrl);
    expect(href![2]).toBe(href![1]);
    expect(toAda.html.match(/<a /g)).toHaveLength(1);
    expect(toAda.text).toMatch(
      /Ack: http:\/\/localhost:3000\/api\/v1\/communications\/.+acknowledge-link\?/,
    );
    for (const other of [smith.contacts[1], invited.contacts[0], dormant.contacts[0]]) {
      expect(smtp.to(other.email)).toEqual([]);
    }

    const hooks = receiver.requests.filter((h) => h.payload?.data.communicationId === id);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ path: smith.webhookPath, verified: true, status: 200 });
    expect(hooks[0].webhookId).toBe(rows.find((r) => r.channel === 'webhook')!.id);
    expect(hooks[0].payload!.data).toMatchObject({
      supplier: { id: smith.id, name: smith.name },
      subject: `Launch for ${smith.name} by 2031-03-01`,
    });
    expect(hooks[0].payload!.data.body).toContain(`${smith.name} is in the`);
    expect(hooks[0].payload!.data).not.toHaveProperty('contact');
    expect(receiver.at(invited.webhookPath!)).toEqual([]);

    const progress = await as(api, p.viewer).get(`/api/v1/communications/${id}`);
    expect(progress.body).toMatchObject({
      status: 'sent',
      progress: {
        deliveries: 3,
        delivered: 3,
        failed: 0,
        created: 0,
        suppliers: 2,
        acknowledged: 0,
      },
    });
    const delivered = await as(api, p.admin).get(
      `/api/v1/communications/${id}/deliveries?status=delivered&channel=email`,
    );
    expect(delivered.body.meta.total).toBe(2);
    expect(delivered.body.data.map((d: { target: string }) => d.target).sort()).toEqual(
      [ada.email, cy.email].sort(),
    );
  });

  it('a mandatory notice reaches every active contact, subscribed or not; explicit suppliers narrow it', async () => {
    const id = await createDraft(api, p.admin, {
      ...body,
      topic: `other-${uniq()}`,
      mandatory: true,
      audience: { supplierIds: [smith.id, invited.id, dormant.id] },
      channels: ['email'],
    });
    const preview = await as(api, p.admin).get(`/api/v1/communications/${id}/preview`);
    expect(preview.body).toMatchObject({
      recipients: 3,
      suppliers: 2,
      deliveries: { email: 3, webhook: 0 },
    });
    const narrowed = await createDraft(api, p.admin, {
      ...body,
      audience: { supplierIds: [smith.id, invited.id], onboardingStatuses: ['invited'] },
    });
    const only = await as(api, p.admin).get(`/api/v1/communications/${narrowed}/preview`);
    expect(only.body).toMatchObject({ recipients: 1, suppliers: 1 });
    expect(only.body.sample.contactName).toBe('Di Invited');
  });

  it('changes drafts with optimistic concurrency, and only drafts', async () => {
    const id = await createDraft(api, p.admin, body);
    const stale = await as(api, p.admin)
      .patch(`/api/v1/communications/${id}`)
      .send({ version: 7, topic: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const ok = await as(api, p.admin)
      .patch(`/api/v1/communications/${id}`)
      .send({ version: 1, subjectTemplate: 'New {{supplier.name}}' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, subjectTemplate: 'New {{supplier.name}}' });
    const bad = await as(api, p.admin)
      .patch(`/api/v1/communications/${id}`)
      .send({ version: 2, subjectTemplate: '{{oops}}' });
    expect(bad.status).toBe(400);
    await as(api, p.admin)
      .post(`/api/v1/communications/${id}/cancel`)
      .send({ note: 'no longer needed' });
    const late = await as(api, p.admin)
      .patch(`/api/v1/communications/${id}`)
      .send({ version: 3, topic: 'y' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('not_a_draft');
    const resend = await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({});
    expect(resend.status).toBe(409);
    expect(resend.body).toMatchObject({ code: 'illegal_transition', allowed: [] });
  });

  it('a scheduled send waits for sendAt, then fans out', async () => {
    const id = await createDraft(api, p.admin, { ...body, channels: ['email'] });
    const sendAt = new Date(Date.now() + 2500).toISOString();
    const res = await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({ sendAt });
    expect(res.status).toBe(202);
    expect(res.body).toMatchObject({ status: 'scheduled', sendAt });
    await sleep(1000);
    expect((await deliveriesOf(api.db, id)).length).toBe(0);
    expect((await as(api, p.admin).get(`/api/v1/communications/${id}`)).body.status).toBe(
      'scheduled',
    );
    const rows = await waitForTerminal(api.db, id);
    expect(rows.map((r) => r.status)).toEqual(['delivered', 'delivered']);
    const [c] = await api.db.query(`SELECT sent_at FROM communications WHERE id = $1`, [id]);
    expect(new Date(c.sent_at).getTime()).toBeGreaterThanOrEqual(new Date(sendAt).getTime());
  });

  it('a cancelled scheduled communication is never sent', async () => {
    const id = await createDraft(api, p.admin, { ...body, channels: ['email'] });
    const sendAt = new Date(Date.now() + 1500).toISOString();
    await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({ sendAt });
    const cancelled = await as(api, p.admin).post(`/api/v1/communications/${id}/cancel`).send({});
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    await waitFor(
      async () => {
        const [row] = await api.db.query(
          `SELECT status FROM outbox_messages WHERE payload->>'communicationId' = $1`,
          [id],
        );
        return row?.status === 'done';
      },
      { what: 'the delayed fan-out job to run and skip' },
    );
    expect(await deliveriesOf(api.db, id)).toEqual([]);
    const again = await as(api, p.admin).post(`/api/v1/communications/${id}/cancel`).send({});
    expect(again.status).toBe(409);
  });

  it('lists communications, a supplier only those sent to it', async () => {
    const all = await as(api, p.viewer).get(`/api/v1/communications?topic=${topic}&limit=100`);
    expect(all.status).toBe(200);
    expect(all.body.meta.total).toBeGreaterThanOrEqual(4);
    const mine = await as(api, p.supplierA).get(`/api/v1/communications?topic=${topic}`);
    expect(mine.body.meta.total).toBe(0);
    const draft = all.body.data.find((c: { status: string }) => c.status === 'draft');
    expect((await as(api, p.supplierA).get(`/api/v1/communications/${draft.id}`)).status).toBe(404);
  });
});
