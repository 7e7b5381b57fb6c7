import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { insertCertificate, serviceIdByCode } from './support/programme-fixtures.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

/**
 * Across modules, through the HTTP API only (the certificate aside, which stands for an
 * approved submission): a council routes its adoption through a supplier's product; the
 * programme office suspends the product, or revokes its certificate; the worker carries
 * the conformance event to adoption, and the council sees its adoption flagged.
 */
describe('knock-on: conformance decisions reach the councils that depend on them', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
    p = await signInAll(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  /** Supplier A's product for a service, published through the API and certified. */
  async function certifiedProduct(serviceCode: string, name: string) {
    const serviceId = await serviceIdByCode(api.db, serviceCode);
    const created = await as(api, p.supplierA)
      .post('/api/v1/products')
      .send({ name, productVersion: '2.1', serviceIds: [serviceId] });
    expect(created.status).toBe(201);
    const published = await as(api, p.supplierA)
      .post(`/api/v1/products/${created.body.id}/transitions`)
      .send({ to: 'published', version: created.body.version });
    expect(published.status).toBe(200);
    const certificateId = await insertCertificate(api.db, {
      productId: created.body.id,
      supplierId: p.supplierA.organisationId!,
      serviceId,
      status: 'valid',
    });
    return { serviceId, productId: created.body.id as string, certificateId, published };
  }

  /** The council routes its adoption of the service through the product (as itself). */
  async function routeThrough(council: Principal, serviceId: string, productId: string) {
    const list = await as(api, council)
      .get('/api/v1/adoptions')
      .query({ serviceId, councilId: council.organisationId });
    expect(list.status).toBe(200);
    expect(list.body.data).toHaveLength(1);
    const adoption = list.body.data[0];
    const res = await as(api, council)
      .patch(`/api/v1/adoptions/${adoption.id}`)
      .send({ version: adoption.version, productId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      route: { type: 'product', productId },
      attentionRequired: false,
    });
    return adoption.id as string;
  }

  const flagged = (council: Principal, adoptionId: string) =>
    waitFor(
      async () => {
        const res = await as(api, council).get(`/api/v1/adoptions/${adoptionId}`);
        return res.body.attentionRequired ? res.body : null;
      },
      { what: 'adoption flagged for attention' },
    );

  it('suspending the route’s product flags the council’s adoption', async () => {
    const product = await certifiedProduct('FSM-APPLY', 'Knock-on Eligibility Portal');
    const adoptionId = await routeThrough(p.councilX, product.serviceId, product.productId);

    const suspend = await as(api, p.admin)
      .post(`/api/v1/products/${product.productId}/transitions`)
      .send({
        to: 'suspended',
        reason: 'Data breach under investigation',
        version: product.published.body.version,
      });
    expect(suspend.status).toBe(200);

    const adoption = await flagged(p.councilX, adoptionId);
    expect(adoption.attentionReason).toContain('was suspended: Data breach under investigation');
    // The council sees it on its status view too; the other council's view is not its business.
    const status = await as(api, p.councilX).get(
      `/api/v1/councils/${p.councilX.organisationId}/status`,
    );
    expect(status.status).toBe(200);
    expect(JSON.stringify(status.body)).toContain('Data breach under investigation');
    const other = await as(api, p.councilY).get(`/api/v1/adoptions/${adoptionId}`);
    expect(other.status).toBe(404);
  });

  it('revoking the route’s certificate flags the council’s adoption', async () => {
    const product = await certifiedProduct('CASHLESS', 'Knock-on Canteen Pay');
    const adoptionId = await routeThrough(p.councilY, product.serviceId, product.productId);
    const certificate = await as(api, p.admin).get(`/api/v1/certificates/${product.certificateId}`);
    const revoke = await as(api, p.admin)
      .post(`/api/v1/certificates/${product.certificateId}/revoke`)
      .send({ version: certificate.body.version, reason: 'Evidence found to be falsified' });
    expect(revoke.status).toBe(200);
    expect(revoke.body.status).toBe('revoked');

    const adoption = await flagged(p.councilY, adoptionId);
    expect(adoption.attentionReason).toContain('revoked');
  });
});
