import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { AudienceFilter } from '../src/communications/audience-filter.js';
import { AudienceResolver } from '../src/communications/audience-resolver.service.js';
import type { CertificateStatus } from '../src/conformance/certificate-status.js';
import type { ProductStatus } from '../src/products/product-lifecycle.js';
import {
  createDraft,
  createSupplier,
  type SupplierFixture,
  uniq,
  waitForTerminal,
} from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import {
  insertProduct,
  type ProductFixture,
  serviceIdByCode,
  upsertAdoption,
} from './support/programme-fixtures.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

type Council = { id: string; name: string; gssCode: string };

/**
 * Audience targeting by service, product status, certificate status and the councils a
 * supplier serves, end to end: "suppliers with a certified product for School Admissions
 * in London councils" reaches exactly those contacts (real SMTP server, real webhook
 * receiver verifying Standard Webhooks signatures), rendered with their products and
 * councils; then one case per filter kind documenting its meaning.
 */
describe('communications: audience by service, product, certificate and councils served', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const smtp = new SmtpSink(0);
  const receiver = new WebhookReceiver();
  const topic = `audience-${uniq()}`;
  let admissions: string;
  let fsm: string;
  let londonGroup: string;
  let london: Council[];
  let northEast: Council[];
  let wales: Council[];
  /** Fixture suppliers by label, and their products. */
  const s: Record<string, SupplierFixture> = {};
  const products: Record<string, ProductFixture> = {};
  const CERTIFIED: CertificateStatus[] = ['valid', 'reassessment_due'];
  const VISIBLE: ProductStatus[] = ['published', 'in_remediation'];

  const councils = async (where: string): Promise<Council[]> =>
    api.db.query(
      `SELECT id, name, gss_code AS "gssCode" FROM organisations
        WHERE type = 'COUNCIL' AND ${where} ORDER BY gss_code`,
    );

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
    admissions = await serviceIdByCode(api.db, 'ADMISSIONS');
    fsm = await serviceIdByCode(api.db, 'FSM-APPLY');
    [{ id: londonGroup }] = await api.db.query(
      `SELECT id FROM council_groups WHERE name = 'London boroughs'`,
    );
    london = await councils(`region = 'London'`);
    northEast = await councils(`region = 'North East'`);
    wales = await councils(`nation = 'Wales'`);

    const tag = uniq();
    const supplier = (label: string, webhook = false) =>
      createSupplier(api, p.admin, {
        name: `${label} ${tag}`,
        contacts: [
          { name: `${label} Lead`, topics: [topic] },
          { name: `${label} Quiet`, topics: ['something-else'] },
        ],
        ...(webhook && { webhook: { receiver } }),
      });
    const product = (
      label: string,
      spec: Omit<Parameters<typeof insertProduct>[1], 'supplierId'>,
    ) =>
      insertProduct(api.db, {
        ...spec,
        supplierId: s[label].id,
        name: `${label} ${spec.name ?? 'App'}`,
      });
    const adopt = (council: Council, serviceId: string, productId: string, stage = 'live') =>
      upsertAdoption(api.db, {
        councilId: council.id,
        serviceId,
        productId,
        stage: stage as 'live',
      });

    for (const label of ['Alpha', 'Beta', 'Otherservice', 'Expired', 'Revoked', 'Provincial']) {
      s[label] = await supplier(label, label === 'Alpha' || label === 'Otherservice');
    }
    for (const label of ['Suspended', 'Split', 'Withdrawn', 'Idle'])
      s[label] = await supplier(label);

    // Alpha: certified admissions product, live in two London councils, and a draft product.
    products.Alpha = await product('Alpha', {
      serviceId: admissions,
      name: 'Admit',
      certificate: 'valid',
    });
    products.AlphaDraft = await product('Alpha', {
      serviceId: fsm,
      name: 'Meals',
      status: 'draft',
    });
    await adopt(london[1], admissions, products.Alpha.productId);
    await adopt(london[2], admissions, products.Alpha.productId, 'implementation');
    // Beta: certificate reassessment_due (still certifying); serves a London council through
    // a shared admissions service it operates (not through its product).
    products.Beta = await product('Beta', {
      serviceId: admissions,
      name: 'Places',
      status: 'in_remediation',
      certificate: 'reassessment_due',
    });
    const sharedId = randomUUID();
    await api.db.query(
      `INSERT INTO shared_services (id, name, service_id, operator_id) VALUES ($1, $2, $3, $4)`,
      [sharedId, `Beta shared admissions ${tag}`, admissions, s.Beta.id],
    );
    await upsertAdoption(api.db, {
      councilId: london[3].id,
      serviceId: admissions,
      sharedServiceId: sharedId,
      stage: 'testing',
    });
    // Decoys.
    products.Otherservice = await product('Otherservice', { serviceId: fsm, certificate: 'valid' });
    await adopt(london[4], fsm, products.Otherservice.productId);
    products.Expired = await product('Expired', { serviceId: admissions, certificate: 'expired' });
    await adopt(london[5], admissions, products.Expired.productId);
    products.Revoked = await product('Revoked', { serviceId: admissions, certificate: 'revoked' });
    await adopt(london[6], admissions, products.Revoked.productId);
    products.Provincial = await product('Provincial', {
      serviceId: admissions,
      certificate: 'valid',
    });
    await adopt(northEast[0], admissions, products.Provincial.productId);
    // Admissions ran in England only: Provincial serves its Welsh council on FSM-APPLY.
    await adopt(wales[0], fsm, products.Provincial.productId);
    products.Suspended = await product('Suspended', {
      serviceId: admissions,
      status: 'suspended',
      certificate: 'valid',
    });
    await adopt(london[7], admissions, products.Suspended.productId);
    // Split: its certified product serves only the North East; its London council uses an
    // uncertified product. Conditions hold per product, so it is not "certified in London".
    products.SplitCertified = await product('Split', {
      serviceId: admissions,
      name: 'Cert',
      certificate: 'valid',
    });
    products.SplitPlain = await product('Split', { serviceId: admissions, name: 'Plain' });
    await adopt(northEast[1], admissions, products.SplitCertified.productId);
    await adopt(london[8], admissions, products.SplitPlain.productId);
    products.Withdrawn = await product('Withdrawn', {
      serviceId: admissions,
      certificate: 'valid',
    });
    await adopt(london[9], admissions, products.Withdrawn.productId, 'withdrawn');
    // Idle: no products at all.
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
    await receiver.stop();
  });

  /** The fixture labels an audience matches (restricted to the fixtures: demo data may match too). */
  const matched = async (audience: AudienceFilter): Promise<string[]> => {
    const ids = Object.values(s).map((f) => f.id);
    const { sql, params } = api.app
      .get(AudienceResolver)
      .query({ audience: { ...audience, supplierIds: ids }, topic, mandatory: true });
    const rows: { supplier_id: string }[] = await api.db.query(sql, params);
    const found = new Set(rows.map((r) => r.supplier_id));
    return Object.keys(s)
      .filter((label) => found.has(s[label].id))
      .sort();
  };

  /**
   * Active contacts subscribed to `topic` of suppliers with a published or in-remediation
   * admissions product certified (valid, reassessment_due) for admissions and serving a
   * council (`o`) matching `london` through it or a shared admissions service they operate.
   */
  const certifiedAdmissionsInLondon = async (topic: string, london: string) => {
    const [{ n }] = await api.db.query(
      `SELECT count(DISTINCT c.id)::int AS n
         FROM supplier_contacts c
        WHERE c.active AND $1 = ANY(c.topics)
          AND c.supplier_id IN (
            SELECT p.supplier_id FROM products p
              JOIN product_services ps ON ps.product_id = p.id AND ps.service_id = $2
              JOIN certificates ce ON ce.product_id = p.id AND ce.service_id = $2
                                  AND ce.status IN ('valid', 'reassessment_due')
             WHERE p.status IN ('published', 'in_remediation')
               AND (p.id IN (SELECT a.product_id FROM adoptions a
                               JOIN organisations o ON o.id = a.council_id AND ${london}
                              WHERE a.service_id = $2 AND a.stage <> 'withdrawn')
                    OR p.supplier_id IN (SELECT ss.operator_id FROM shared_services ss
                               JOIN adoptions a ON a.shared_service_id = ss.id AND a.service_id = $2
                                               AND a.stage <> 'withdrawn'
                               JOIN organisations o ON o.id = a.council_id AND ${london})))`,
      [topic, admissions],
    );
    return n as number;
  };

  it('the demo draft targeted at certified admissions suppliers in London boroughs previews its audience', async () => {
    const [{ id }] = await api.db.query(
      `SELECT id FROM communications WHERE dedupe_key = 'demo:london-admissions-offer-day'`,
    );
    const preview = await as(api, p.admin).get(`/api/v1/communications/${id}/preview`);
    expect(preview.status).toBe(200);
    const inGroup = `o.id IN (SELECT council_id FROM council_group_members WHERE group_id = '${londonGroup}')`;
    expect(preview.body.recipients).toBe(await certifiedAdmissionsInLondon('admissions', inGroup));
  });

  it('"certified for School Admissions in London" reaches exactly those contacts, rendered with their products and councils', async () => {
    const audience: AudienceFilter = {
      serviceIds: [admissions],
      productStatuses: VISIBLE,
      certificateStatuses: CERTIFIED,
      regions: ['London'],
    };
    const id = await createDraft(api, p.admin, {
      subjectTemplate: 'Admissions notice for {{supplier.name}}',
      bodyTemplate:
        'Dear {{contact.name}},\nProducts:{{#products}} [{{name}} {{release}} {{status}}]{{/products}}\n' +
        'Councils:{{#councils}} [{{name}} {{gssCode}} {{region}}]{{/councils}}\nEnd.',
      topic,
      audience,
      channels: ['email', 'webhook'],
    });
    const preview = await as(api, p.viewer).get(`/api/v1/communications/${id}/preview`);
    expect(preview.status).toBe(200);
    expect(preview.body).toMatchObject({
      recipients: 2,
      suppliers: 2,
      deliveries: { email: 2, webhook: 1 },
    });
    expect(preview.body.sample.supplierName).toBe(s.Alpha.name);
    expect(preview.body.sample.text).toContain(`[Alpha Admit 1.0 published]`);

    // Independently of the resolver: the same question as plain joins over the whole database.
    expect(await certifiedAdmissionsInLondon(topic, `o.region = 'London'`)).toBe(2);

    expect((await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({})).status).toBe(
      202,
    );
    const rows = await waitForTerminal(api.db, id);
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    // Emails to the two contacts; the webhook to Alpha's endpoint (no contact).
    expect(new Set(rows.map((r) => r.contactId))).toEqual(
      new Set([s.Alpha.contacts[0].id, s.Beta.contacts[0].id, null]),
    );

    const mails = smtp.messages.filter((m) => rows.some((r) => r.id === m.deliveryId));
    expect(mails.map((m) => m.to[0]).sort()).toEqual(
      [s.Alpha.contacts[0].email, s.Beta.contacts[0].email].sort(),
    );
    const toAlpha = mails.find((m) => m.to[0] === s.Alpha.contacts[0].email)!;
    expect(toAlpha.subject).toBe(`Admissions notice for ${s.Alpha.name}`);
    expect(toAlpha.text).toContain(
      `Dear Alpha Lead,\nProducts: [Alpha Admit 1.0 published]\n` +
        `Councils: ${[london[1], london[2]]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((c) => `[${c.name} ${c.gssCode} London]`)
          .join(' ')}\nEnd.`,
    );
    const toBeta = mails.find((m) => m.to[0] === s.Beta.contacts[0].email)!;
    expect(toBeta.text).toContain(
      `Products: [Beta Places 1.0 in_remediation]\nCouncils: [${london[3].name} ${london[3].gssCode} London]\n`,
    );

    const hooks = receiver.requests.filter((h) => h.payload?.data.communicationId === id);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]).toMatchObject({ path: s.Alpha.webhookPath, verified: true, status: 200 });
    expect(hooks[0].payload!.data.body).toContain('[Alpha Admit 1.0 published]');
    expect(receiver.at(s.Otherservice.webhookPath!)).toEqual([]);

    for (const label of Object.keys(s)) {
      for (const contact of s[label].contacts) {
        const reached = contact === s.Alpha.contacts[0] || contact === s.Beta.contacts[0];
        expect([label, contact.name, smtp.to(contact.email).length]).toEqual([
          label,
          contact.name,
          reached ? 1 : 0,
        ]);
      }
    }

    // The London council group means the same here as the London region.
    expect(
      await matched({ ...audience, regions: undefined, councilGroupIds: [londonGroup] }),
    ).toEqual(['Alpha', 'Beta']);
  });

  it('serviceIds: suppliers with a product (any status) delivering one of the services', async () => {
    expect(await matched({ serviceIds: [fsm] })).toEqual(['Alpha', 'Otherservice']);
    expect(await matched({ serviceIds: [admissions] })).toEqual([
      'Alpha',
      'Beta',
      'Expired',
      'Provincial',
      'Revoked',
      'Split',
      'Suspended',
      'Withdrawn',
    ]);
  });

  it('productStatuses: suppliers with a product in one of the statuses', async () => {
    expect(await matched({ productStatuses: ['suspended'] })).toEqual(['Suspended']);
    expect(await matched({ productStatuses: ['draft', 'in_remediation'] })).toEqual([
      'Alpha',
      'Beta',
    ]);
    // Conditions hold for ONE product: Alpha's draft delivers FSM, its admissions product is published.
    expect(await matched({ serviceIds: [admissions], productStatuses: ['draft'] })).toEqual([]);
  });

  it('certificateStatuses: suppliers with a product holding such a certificate (for the services given)', async () => {
    expect(await matched({ certificateStatuses: ['expired', 'revoked'] })).toEqual([
      'Expired',
      'Revoked',
    ]);
    expect(await matched({ serviceIds: [fsm], certificateStatuses: ['valid'] })).toEqual([
      'Otherservice',
    ]);
    expect(await matched({ serviceIds: [admissions], certificateStatuses: CERTIFIED })).toEqual([
      'Alpha',
      'Beta',
      'Provincial',
      'Split',
      'Suspended',
      'Withdrawn',
    ]);
  });

  it('regions / nations / council groups: suppliers serving such a council (not withdrawn) through a product or a shared service they operate', async () => {
    expect(await matched({ regions: ['London'] })).toEqual([
      'Alpha',
      'Beta',
      'Expired',
      'Otherservice',
      'Revoked',
      'Split',
      'Suspended',
    ]);
    expect(await matched({ councilGroupIds: [londonGroup] })).toEqual(
      await matched({ regions: ['London'] }),
    );
    expect(await matched({ regions: ['North East'] })).toEqual(['Provincial', 'Split']);
    expect(await matched({ nations: ['Wales'] })).toEqual(['Provincial']);
    // Kinds are AND-ed: a Welsh council is never in the London region.
    expect(await matched({ nations: ['Wales'], regions: ['London'] })).toEqual([]);
    // Values are OR-ed.
    expect(await matched({ regions: ['North East', 'Wales'] })).toEqual(['Provincial', 'Split']);
    // With services, only adoptions of those services count.
    expect(await matched({ serviceIds: [fsm], regions: ['London'] })).toEqual(['Otherservice']);
    // Councils are served through a product matching the product conditions: Split's London
    // council runs its uncertified product.
    expect(
      await matched({
        serviceIds: [admissions],
        certificateStatuses: ['valid'],
        regions: ['London'],
      }),
    ).toEqual(['Alpha', 'Suspended']);
  });

  it('refuses unknown statuses, services, groups and regions with a 400 naming each field', async () => {
    const body = {
      subjectTemplate: 'x',
      bodyTemplate: 'y',
      topic,
      channels: ['email'],
    };
    const bad = await as(api, p.admin)
      .post('/api/v1/communications')
      .send({
        ...body,
        audience: { productStatuses: ['published', 'retired'], nations: ['Mars'] },
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'audience.nations',
      'audience.productStatuses',
    ]);
    const unknown = await as(api, p.admin)
      .post('/api/v1/communications')
      .send({
        ...body,
        audience: {
          serviceIds: [admissions, randomUUID()],
          councilGroupIds: [randomUUID()],
          regions: ['London', 'Atlantis'],
          supplierIds: [randomUUID()],
        },
      });
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('validation_failed');
    expect(unknown.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'audience.councilGroupIds[0]',
      'audience.regions[1]',
      'audience.serviceIds[1]',
      'audience.supplierIds[0]',
    ]);
    const draft = await createDraft(api, p.admin, { ...body, audience: {} });
    const patched = await as(api, p.admin)
      .patch(`/api/v1/communications/${draft}`)
      .send({ version: 1, audience: { certificateStatuses: ['lapsed'] } });
    expect(patched.status).toBe(400);
    expect(patched.body.errors[0].field).toBe('audience.certificateStatuses');
  });
});
