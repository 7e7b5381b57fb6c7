import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DomainEventHandler } from '../src/queue/handlers/domain-event.handler.js';
import type { DomainEventEnvelope } from '../src/queue/domain-event-registry.js';
import { createDraft, deliveriesOf, uniq, waitForTerminal } from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { insertCertificate, serviceIdByCode } from './support/programme-fixtures.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

/**
 * Councils as recipients (real SMTP server): council contacts managed through the API (a
 * council its own, the programme office all), knock-on notices to the contacts of every
 * council whose route product is suspended — once per event, however often the event is
 * delivered — and council audiences for communications.
 */
describe('councils as recipients: contacts, knock-on notices, council audiences', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const smtp = new SmtpSink(0);

  beforeAll(async () => {
    Object.assign(smtp, { port: await freePort() });
    await smtp.start();
    api = await startTestApi();
    worker = await startTestWorker({ SMTP_URL: smtp.url, EMAIL_RATE_PER_SECOND: '0' });
    p = await signInAll(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
  });

  const councilId = async (gss: string) =>
    (await as(api, p.admin).get(`/api/v1/councils/${gss}`)).body.id as string;

  async function addContact(as_: Principal, council: string, name: string, topics: string[]) {
    const res = await as(api, as_)
      .post(`/api/v1/councils/${council}/contacts`)
      .send({
        name,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}.${uniq()}@council.test`,
        topics,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; email: string };
  }

  it('a council manages its own contacts; another council gets 404; the programme office manages all', async () => {
    const x = p.councilX.organisationId!;
    const y = p.councilY.organisationId!;
    const own = await addContact(p.councilX, x, 'Xena Officer', ['adoption']);
    const foreign = await as(api, p.councilX)
      .post(`/api/v1/councils/${y}/contacts`)
      .send({ name: 'Intruder', email: 'intruder@council.test' });
    expect(foreign.status).toBe(404);
    expect((await as(api, p.councilY).get(`/api/v1/councils/${x}/contacts`)).status).toBe(404);
    const byAdmin = await addContact(p.admin, y, 'Yusuf Officer', []);
    const listed = await as(api, p.viewer).get(`/api/v1/councils/${x}/contacts`);
    expect(listed.status).toBe(200);
    expect(listed.body.data.map((c: { id: string }) => c.id)).toContain(own.id);
    const patched = await as(api, p.councilY)
      .patch(`/api/v1/councils/${y}/contacts/${byAdmin.id}`)
      .send({ topics: ['adoption', 'knock-on'] });
    expect(patched.status).toBe(200);
    expect(patched.body.topics).toEqual(['adoption', 'knock-on']);
    expect((await as(api, p.supplierA).get(`/api/v1/councils/${x}/contacts`)).status).toBe(403);
  });

  it('suspending a product notifies each affected council’s contacts exactly once', async () => {
    const serviceId = await serviceIdByCode(api.db, 'FSM-APPLY');
    const product = await as(api, p.supplierA)
      .post('/api/v1/products')
      .send({ name: `Notify Portal ${uniq()}`, productVersion: '1.0', serviceIds: [serviceId] });
    expect(product.status).toBe(201);
    const published = await as(api, p.supplierA)
      .post(`/api/v1/products/${product.body.id}/transitions`)
      .send({ to: 'published', version: product.body.version });
    expect(published.status).toBe(200);
    await insertCertificate(api.db, {
      productId: product.body.id,
      supplierId: p.supplierA.organisationId!,
      serviceId,
      status: 'valid',
    });
    const contacts: Record<string, { id: string; email: string }[]> = {};
    for (const council of [p.councilX, p.councilY]) {
      const id = council.organisationId!;
      contacts[id] = [
        await addContact(council, id, `Lead ${uniq()}`, []),
        await addContact(council, id, `Deputy ${uniq()}`, ['unrelated']),
      ];
      const list = await as(api, council)
        .get('/api/v1/adoptions')
        .query({ serviceId, councilId: id });
      const adoption = list.body.data[0];
      const routed = await as(api, council)
        .patch(`/api/v1/adoptions/${adoption.id}`)
        .send({ version: adoption.version, productId: product.body.id });
      expect(routed.status).toBe(200);
    }
    // A council not routed through the product hears nothing.
    const bystanderId = await councilId('E06000002');
    const bystander = await addContact(p.admin, bystanderId, `Bystander ${uniq()}`, []);

    const suspend = await as(api, p.admin)
      .post(`/api/v1/products/${product.body.id}/transitions`)
      .send({
        to: 'suspended',
        reason: 'Outage under investigation',
        version: published.body.version,
      });
    expect(suspend.status).toBe(200);

    const key = `trigger:product.suspended:councils:${product.body.id}:%`;
    const [notice] = await waitFor(
      async () => {
        const rows: { id: string; audience: { councilIds: string[] } }[] = await api.db.query(
          `SELECT id, audience FROM communications WHERE dedupe_key LIKE $1`,
          [key],
        );
        return rows.length ? rows : null;
      },
      { what: 'the council knock-on notice' },
    );
    expect(notice.audience.councilIds.sort()).toEqual(
      [p.councilX.organisationId!, p.councilY.organisationId!].sort(),
    );
    await waitForTerminal(api.db, notice.id);

    // The same event delivered again (at-least-once): nothing more is created or sent.
    const [outbox]: { payload: DomainEventEnvelope }[] = await api.db.query(
      `SELECT payload FROM outbox_messages
        WHERE payload->>'type' = 'product.suspended' AND payload->'data'->>'productId' = $1`,
      [product.body.id],
    );
    await worker.app.get(DomainEventHandler).handle(outbox.payload);
    const after: unknown[] = await api.db.query(
      `SELECT id FROM communications WHERE dedupe_key LIKE $1`,
      [key],
    );
    expect(after).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    for (const list of Object.values(contacts)) {
      for (const c of list) {
        const mails = smtp.to(c.email);
        expect(mails).toHaveLength(1);
        expect(mails[0].subject).toContain('Action needed');
        expect(mails[0].text).toContain('Outage under investigation');
      }
    }
    expect(smtp.to(bystander.email)).toEqual([]);
    expect((await deliveriesOf(api.db, notice.id)).every((d) => d.channel === 'email')).toBe(true);
  });

  it('a council audience reaches exactly the councils its filter names', async () => {
    const topic = `council-${uniq()}`;
    const gss = ['E09000002', 'E09000003', 'E09000005', 'E06000003', 'W06000002'];
    for (const code of gss)
      await addContact(p.admin, await councilId(code), `Officer ${code}`, [topic]);
    const fsm = await serviceIdByCode(api.db, 'FSM-APPLY');
    const audience = { recipients: 'councils', regions: ['London'], serviceIds: [fsm] };
    const id = await createDraft(api, p.admin, {
      subjectTemplate: 'For {{supplier.name}}',
      bodyTemplate: 'Dear {{contact.name}}',
      topic,
      audience,
      channels: ['email', 'webhook'],
    });
    // Independently: London councils with an active contact on the topic and a live
    // (non-withdrawn) FSM-APPLY adoption, in plain SQL.
    const [{ n }] = await api.db.query(
      `SELECT count(DISTINCT o.id)::int AS n FROM organisations o
         JOIN supplier_contacts c ON c.supplier_id = o.id AND c.active AND $1 = ANY(c.topics)
        WHERE o.type = 'COUNCIL' AND o.region = 'London'
          AND EXISTS (SELECT 1 FROM adoptions a JOIN services s ON s.id = a.service_id
                       WHERE a.council_id = o.id AND s.code = 'FSM-APPLY' AND a.stage <> 'withdrawn')`,
      [topic],
    );
    expect(n).toBe(3);
    const preview = await as(api, p.admin).get(`/api/v1/communications/${id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      recipients: n,
      suppliers: n,
      deliveries: { email: n, webhook: 0 },
    });
    await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({}).expect(202);
    const rows = await waitForTerminal(api.db, id);
    const reached: { gss_code: string }[] = await api.db.query(
      `SELECT DISTINCT o.gss_code FROM deliveries d JOIN organisations o ON o.id = d.supplier_id
        WHERE d.communication_id = $1 ORDER BY 1`,
      [id],
    );
    expect(reached.map((r) => r.gss_code)).toEqual(['E09000002', 'E09000003', 'E09000005']);
    expect(rows.every((r) => r.status === 'delivered' && r.channel === 'email')).toBe(true);

    const misfit = await as(api, p.admin)
      .post('/api/v1/communications')
      .send({
        subjectTemplate: 'x',
        bodyTemplate: 'y',
        topic,
        audience: { recipients: 'councils', supplierIds: [p.supplierA.organisationId] },
        channels: ['email'],
      });
    expect(misfit.status).toBe(400);
    expect(misfit.body.errors[0].field).toBe('audience.supplierIds');
  });
});
