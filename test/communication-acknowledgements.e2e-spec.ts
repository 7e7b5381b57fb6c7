import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SupplierDigestHandler } from '../src/communications/handlers/supplier-digest.handler.js';
import { JobName, QueueName } from '../src/queue/job-registry.js';
import { QueueProducer } from '../src/queue/queue-producer.service.js';
import {
  createDraft,
  createSupplier,
  type SupplierFixture,
  uniq,
  waitForTerminal,
} from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

const linkIn = (text: string) =>
  /http:\/\/localhost:3000(\/api\/v1\/communications\/[^\s]+acknowledge-link\?[^\s]+)/.exec(
    text,
  )?.[1];

/** Acknowledgements (API and signed link), overdue lists, the weekly digest, subscriptions. */
describe('communications: acknowledgements, digest, subscriptions', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  let smtp: SmtpSink;
  const topic = `ack-${uniq()}`;
  let contactA: { id: string; email: string };
  let contactB: { id: string; email: string };
  let laggard: SupplierFixture;
  let punctual: SupplierFixture;
  let commId: string;

  beforeAll(async () => {
    smtp = new SmtpSink(await freePort());
    await smtp.start();
    api = await startTestApi();
    worker = await startTestWorker({ SMTP_URL: smtp.url, EMAIL_RATE_PER_SECOND: '0' });
    p = await signInAll(api);
    const addContact = async (supplierId: string, name: string) => {
      const res = await as(api, p.admin)
        .post(`/api/v1/suppliers/${supplierId}/contacts`)
        .send({ name, email: `${name.toLowerCase()}.${uniq()}@supplier.test`, topics: [topic] });
      return { id: res.body.id as string, email: res.body.email as string };
    };
    contactA = await addContact(p.supplierA.organisationId!, 'Ann');
    contactB = await addContact(p.supplierB.organisationId!, 'Ben');
    laggard = await createSupplier(api, p.admin, {
      name: `Laggard Ltd ${uniq()}`,
      contacts: [{ name: 'Lou Laggard', topics: [topic] }],
    });
    punctual = await createSupplier(api, p.admin, {
      name: `Punctual Ltd ${uniq()}`,
      contacts: [{ name: 'Pam Punctual', topics: [topic] }],
    });
    commId = await createDraft(api, p.admin, {
      subjectTemplate: `Confirm the ${topic} plan`,
      bodyTemplate: 'Dear {{contact.name}}, please acknowledge: {{ackLink}}',
      topic,
      audience: {
        supplierIds: [
          p.supplierA.organisationId,
          p.supplierB.organisationId,
          laggard.id,
          punctual.id,
        ],
      },
      channels: ['email'],
      acknowledgeBy: new Date(Date.now() - 86400_000).toISOString(),
    });
    await as(api, p.admin).post(`/api/v1/communications/${commId}/send`).send({});
    await waitForTerminal(api.db, commId);
    const punctualMail = await waitFor(async () => smtp.to(punctual.contacts[0].email)[0]);
    await api.http().post(linkIn(punctualMail.text)!).type('form').send('');
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
  });

  it('a supplier acknowledges through the API once; a repeat is 409', async () => {
    const res = await as(api, p.supplierA).post(`/api/v1/communications/${commId}/acknowledge`);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      communicationId: commId,
      supplierId: p.supplierA.organisationId,
      via: 'api',
      acknowledgedBy: 'supplier@northwind-education-systems.example',
    });
    const again = await as(api, p.supplierAToken).post(
      `/api/v1/communications/${commId}/acknowledge`,
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_acknowledged');
  });

  it('opening the emailed link changes nothing; its button acknowledges once, a second press is 409; a forged link is 404', async () => {
    const mail = await waitFor(async () => smtp.to(contactB.email)[0]);
    const path = linkIn(mail.text)!;
    expect(path).toContain(`supplier=${p.supplierB.organisationId}`);
    const acked = () =>
      api.db
        .query(
          `SELECT count(*)::int AS n FROM acknowledgements WHERE communication_id = $1 AND supplier_id = $2`,
          [commId, p.supplierB.organisationId],
        )
        .then((rows: { n: number }[]) => rows[0].n);

    // A mail scanner (or the person) opening the link: a confirm page, nothing recorded.
    const opened = await api.http().get(path);
    expect(opened.status).toBe(200);
    expect(opened.headers['content-type']).toMatch(/text\/html/);
    expect(opened.text).toContain('<form method="post">');
    expect(opened.text).toContain('Confirm that ');
    expect(await acked()).toBe(0);

    // The button, as a browser submits it: an empty form to the same URL.
    const first = await api.http().post(path).type('form').send('');
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toMatch(/text\/html/);
    expect(first.text).toContain('Thank you');
    expect(await acked()).toBe(1);
    // A second press (double click, back button) records nothing more: 409, still a page.
    const second = await api.http().post(path).type('form').send('');
    expect(second.status).toBe(409);
    expect(second.headers['content-type']).toMatch(/text\/html/);
    expect(second.text).toContain('Already acknowledged');
    const reopened = await api.http().get(path);
    expect(reopened.text).toContain('Already acknowledged');
    expect(reopened.text).not.toContain('<form');
    const audited = await api.db.query(
      `SELECT actor_label AS "actorLabel", organisation_id AS "organisationId" FROM audit_events
        WHERE action = 'communication.acknowledged' AND entity_id = $1 AND organisation_id = $2`,
      [commId, p.supplierB.organisationId],
    );
    expect(audited).toEqual([
      { actorLabel: `ack-link:${contactB.email}`, organisationId: p.supplierB.organisationId },
    ]);

    const forged = path.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    expect((await api.http().get(forged)).status).toBe(404);
    expect((await api.http().post(forged).type('form').send('')).status).toBe(404);
    const otherContact = path.replace(contactB.id, contactA.id);
    expect((await api.http().get(otherContact)).status).toBe(404);
    expect((await api.http().post(otherContact).type('form').send('')).status).toBe(404);
  });

  it('lists each recipient supplier with its state, and the overdue ones', async () => {
    const list = await as(api, p.viewer).get(`/api/v1/communications/${commId}/acknowledgements`);
    expect(list.status).toBe(200);
    const bySupplier = Object.fromEntries(
      list.body.data.map((r: { supplierId: string }) => [r.supplierId, r]),
    );
    expect(list.body.meta.total).toBe(4);
    expect(bySupplier[p.supplierA.organisationId!]).toMatchObject({
      acknowledged: true,
      via: 'api',
      overdue: false,
    });
    expect(bySupplier[p.supplierB.organisationId!]).toMatchObject({
      acknowledged: true,
      via: 'link',
      overdue: false,
    });
    expect(bySupplier[laggard.id]).toMatchObject({ acknowledged: false, via: null, overdue: true });
    expect(bySupplier[punctual.id]).toMatchObject({ acknowledged: true, via: 'link' });

    const overdue = await as(api, p.admin).get(
      '/api/v1/communications/acknowledgements/overdue?limit=500',
    );
    const mine = overdue.body.data.filter(
      (o: { communicationId: string }) => o.communicationId === commId,
    );
    expect(mine).toEqual([
      expect.objectContaining({
        supplierId: laggard.id,
        supplierName: laggard.name,
        daysOverdue: 1,
      }),
    ]);
    const asSupplier = await as(api, p.supplierA).get(
      '/api/v1/communications/acknowledgements/overdue?limit=500',
    );
    expect(asSupplier.status).toBe(200);
    expect(
      asSupplier.body.data.every(
        (o: { supplierId: string }) => o.supplierId === p.supplierA.organisationId,
      ),
    ).toBe(true);

    const progress = await as(api, p.admin).get(`/api/v1/communications/${commId}`);
    expect(progress.body.progress).toMatchObject({
      deliveries: 4,
      delivered: 4,
      acknowledged: 3,
      suppliers: 4,
    });
    const own = await as(api, p.supplierB).get(`/api/v1/communications/${commId}`);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      audience: {},
      progress: { deliveries: 1, acknowledged: 1, suppliers: 1 },
    });
  });

  it('the weekly digest runs on a job scheduler with the configured cron pattern', async () => {
    const maintenance = worker.app.get(QueueProducer).queue(QueueName.Maintenance);
    const scheduler = await maintenance.getJobScheduler(JobName.SupplierDigest);
    expect(scheduler).toMatchObject({ pattern: '0 7 * * 1' });
  });

  it('the weekly digest sends each supplier its outstanding items, once a day at most', async () => {
    const digest = worker.app.get(SupplierDigestHandler);
    const first = await digest.handle();
    expect(first.digests).toBeGreaterThanOrEqual(1);
    const [row] = await api.db.query(
      `SELECT id FROM communications WHERE kind = 'digest' AND dedupe_key LIKE $1`,
      [`digest:${laggard.id}:%`],
    );
    const [delivery] = await waitForTerminal(api.db, row.id);
    expect(delivery.status).toBe('delivered');
    const mail = smtp.to(laggard.contacts[0].email).find((m) => m.deliveryId === delivery.id)!;
    expect(mail.subject).toBe(`Your programme digest: outstanding items for ${laggard.name}`);
    expect(mail.text).toContain(`- Acknowledge: Confirm the ${topic} plan (due `);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM communications WHERE kind = 'digest' AND dedupe_key LIKE $1`,
      [`digest:${punctual.id}:%`],
    );
    expect(n).toBe(0);
    expect((await digest.handle()).digests).toBe(0);
    const ack = await api.http().post(linkIn(mail.text)!).type('form').send('');
    expect(ack.text).toContain('Thank you');
  });

  it('contacts choose their topics; mandatory notices still reach them', async () => {
    const url = `/api/v1/suppliers/${p.supplierA.organisationId}/contacts/${contactA.id}/subscriptions`;
    const before = await as(api, p.supplierA).get(url);
    expect(before.body).toEqual({
      contactId: contactA.id,
      topics: [topic],
      mandatoryNotices: 'always',
    });
    const put = await as(api, p.supplierAToken)
      .put(url)
      .send({ topics: ['releases'] });
    expect(put.status).toBe(200);
    expect(put.body.topics).toEqual(['releases']);
    expect((await as(api, p.supplierB).get(url)).status).toBe(404);
    expect(
      (
        await as(api, p.admin)
          .put(url)
          .send({ topics: ['Not A Slug'] })
      ).status,
    ).toBe(400);
    const wrongSupplier = `/api/v1/suppliers/${p.supplierB.organisationId}/contacts/${contactA.id}/subscriptions`;
    expect((await as(api, p.admin).get(wrongSupplier)).status).toBe(404);

    const audience = { supplierIds: [p.supplierA.organisationId] };
    const base = { subjectTemplate: 's', bodyTemplate: 'b', topic, audience, channels: ['email'] };
    const optional = await createDraft(api, p.admin, base);
    const mandatory = await createDraft(api, p.admin, { ...base, mandatory: true });
    const count = async (id: string) => {
      const res = await as(api, p.admin).get(`/api/v1/communications/${id}/preview`);
      return res.body.recipients as number;
    };
    const [{ active }] = await api.db.query(
      `SELECT count(*)::int AS active FROM supplier_contacts WHERE supplier_id = $1 AND active`,
      [p.supplierA.organisationId],
    );
    expect(await count(optional)).toBe(0);
    expect(await count(mandatory)).toBe(active);
  });
});
