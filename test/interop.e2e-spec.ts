import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertService } from './support/adoption-fixtures.js';
import { uniq } from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { insertProduct, upsertAdoption } from './support/programme-fixtures.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

/**
 * The "tested together" matrix through the API (real Postgres, Redis and worker):
 * records between products and the shared checker, the matrix's latest result per pair,
 * `retest_due` set by domain events (certificate reassessed, standard's new version) and
 * the council's "works with" column on the product comparison.
 */
describe('tested-together interoperability matrix', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  let service: Awaited<ReturnType<typeof insertService>>;
  let standardId: string;
  let standardCode: string;
  let checker: string;
  let p1: string;
  let p2: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
    p = await signInAll(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const record = (body: object) => as(api, p.admin).post('/api/v1/interop-tests').send(body);
  const test = (a: object, b: object, result: string, testedOn: string) =>
    record({
      standardId,
      partyA: a,
      partyB: b,
      cases: [
        { code: 'TC-01', title: 'Positive response', result: 'passed' },
        { code: 'TC-02', title: 'Timeout handling', result },
      ],
      testedOn,
      evidenceUrl: 'https://evidence.example/run/1',
      witness: 'Programme test lead',
    });
  const retestDue = async (id: string) =>
    (
      await api.db.query(`SELECT retest_due, retest_reason FROM interop_tests WHERE id = $1`, [id])
    )[0] as { retest_due: boolean; retest_reason: string | null };

  it('records tests between parties (validated) and the matrix shows the latest result per pair', async () => {
    service = await insertService(api.db);
    p1 = (
      await insertProduct(api.db, {
        supplierId: p.supplierA.organisationId!,
        serviceId: service.id,
        certificate: 'valid',
      })
    ).productId;
    p2 = (
      await insertProduct(api.db, {
        supplierId: p.supplierB.organisationId!,
        serviceId: service.id,
      })
    ).productId;
    const [{ po, ss }] = await api.db.query(
      `SELECT (SELECT id FROM organisations WHERE type = 'PROGRAMME_OFFICE' LIMIT 1) AS po,
              (SELECT m.shared_service_id FROM shared_service_members m
                 JOIN organisations o ON o.id = m.council_id AND o.gss_code = 'E09000001'
                ORDER BY m.shared_service_id LIMIT 1) AS ss`,
    );
    checker = ss;
    standardCode = `T-IOP-${uniq().toUpperCase()}`;
    const std = await as(api, p.admin)
      .post('/api/v1/standards')
      .send({ code: standardCode, version: '1.0', name: 'Interop test standard', ownerId: po });
    expect(std.status).toBe(201);
    standardId = std.body.id;

    const product = (id: string, role = 'client') => ({ type: 'product', id, role });
    const shared = { type: 'shared_service', id: checker, role: 'server' };
    expect((await record({ standardId, cases: [] })).status).toBe(400);
    const unknown = await test(
      product('00000000-0000-4000-8000-000000000000'),
      shared,
      'passed',
      '2026-10-01',
    );
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([{ field: 'partyA.id', message: 'no such product' }]);
    expect((await test(product(p1), product(p1, 'server'), 'passed', '2026-10-01')).status).toBe(
      422,
    );

    const first = await test(product(p1), shared, 'passed', '2026-10-01');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      result: 'passed',
      expiresOn: '2027-10-01',
      retestDue: false,
    });
    ids.p1Old = first.body.id;
    const latest = await test(shared, product(p1), 'failed', '2026-11-02'); // same pair, reversed
    expect(latest.body.result).toBe('failed');
    ids.p1Checker = latest.body.id;
    const pair = await test(
      product(p1, 'sender'),
      product(p2, 'receiver'),
      'partially_verified',
      '2026-11-03',
    );
    expect(pair.body.result).toBe('partially_verified');
    ids.p1p2 = pair.body.id;
    ids.p2Checker = (await test(product(p2), shared, 'passed', '2026-11-04')).body.id;
    const [{ cases }] = await api.db.query(`SELECT cases FROM interop_tests WHERE id = $1`, [
      ids.p1p2,
    ]);
    expect(cases).toHaveLength(2);

    const matrix = await as(api, p.councilX).get(`/api/v1/standards/${standardId}/interop-matrix`);
    expect(matrix.status).toBe(200);
    expect(matrix.body.standard).toMatchObject({ code: standardCode, version: '1.0' });
    expect(matrix.body.parties.map((x: { id: string }) => x.id).sort()).toEqual(
      [checker, p1, p2].sort(),
    );
    expect(matrix.body.cells).toHaveLength(3);
    const cell = (a: string, b: string) =>
      matrix.body.cells.find(
        (c: { partyAId: string; partyBId: string }) =>
          (c.partyAId === a && c.partyBId === b) || (c.partyAId === b && c.partyBId === a),
      );
    expect(cell(p1, checker)).toMatchObject({
      testId: ids.p1Checker,
      result: 'failed',
      testedOn: '2026-11-02',
    });
    expect(cell(p1, p2)).toMatchObject({ result: 'partially_verified' });
    expect(cell(p2, checker)).toMatchObject({ result: 'passed' });
    expect((await as(api, p.viewer).get(`/api/v1/standards/${p1}/interop-matrix`)).status).toBe(
      404,
    );
  });

  it("reassessing a product's certificate marks its records retest_due (and only its)", async () => {
    const [{ id: setV1 }] = await api.db.query(
      `SELECT id FROM requirement_sets WHERE service_id = $1 AND status = 'published'`,
      [service.id],
    );
    const draft = await as(api, p.admin)
      .post(`/api/v1/requirement-sets/${setV1}/new-version`)
      .send({});
    expect(draft.status).toBe(201);
    const code = 'IOP-002';
    const put = await as(api, p.admin)
      .put(`/api/v1/requirement-sets/${draft.body.id}/requirements/${code}`)
      .send({
        title: 'A new requirement',
        description: 'New.',
        level: 'MUST',
        category: 'Journey',
      });
    expect([200, 201]).toContain(put.status);
    const published = await as(api, p.admin)
      .post(`/api/v1/requirement-sets/${draft.body.id}/publish`)
      .send({ effectiveDate: '2027-01-01' });
    expect(published.status).toBe(200);
    await waitFor(async () => (await retestDue(ids.p1p2)).retest_due, {
      what: 'records of the reassessed product to be retest_due',
    });
    const [{ status }] = await api.db.query(
      `SELECT status FROM certificates WHERE product_id = $1`,
      [p1],
    );
    expect(status).toBe('reassessment_due');
    for (const id of [ids.p1Old, ids.p1Checker, ids.p1p2]) {
      expect(await retestDue(id)).toEqual({
        retest_due: true,
        retest_reason: 'certificate_reassessment',
      });
    }
    expect(await retestDue(ids.p2Checker)).toEqual({ retest_due: false, retest_reason: null });
    const due = await as(api, p.supplierB).get(
      `/api/v1/interop-tests?standardId=${standardId}&retestDue=true`,
    );
    expect(due.body.data.map((r: { id: string }) => r.id).sort()).toEqual(
      [ids.p1Old, ids.p1Checker, ids.p1p2].sort(),
    );
  });

  it('a new version of the standard marks the records against the old one retest_due', async () => {
    const [{ po }] = await api.db.query(
      `SELECT id AS po FROM organisations WHERE type = 'PROGRAMME_OFFICE' LIMIT 1`,
    );
    const v2 = await as(api, p.admin)
      .post('/api/v1/standards')
      .send({ code: standardCode, version: '2.0', name: 'Interop test standard', ownerId: po });
    expect(v2.status).toBe(201);
    await waitFor(async () => (await retestDue(ids.p2Checker)).retest_due, {
      what: 'records against version 1.0 to be retest_due',
    });
    expect(await retestDue(ids.p2Checker)).toEqual({
      retest_due: true,
      retest_reason: 'standard_new_version',
    });
    const matrix = await as(api, p.viewer).get(`/api/v1/standards/${standardId}/interop-matrix`);
    expect(matrix.body.cells.every((c: { retestDue: boolean }) => c.retestDue)).toBe(true);
  });

  it('a council’s comparison shows, per product, what it was tested with among what the council uses', async () => {
    // Council X already uses the shared checker (member) and now product 2 for this service.
    await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      productId: p2,
      stage: 'implementation',
    });
    const res = await as(api, p.councilX).get(`/api/v1/services/${service.id}/product-comparison`);
    expect(res.status).toBe(200);
    const row = (id: string) =>
      res.body.data.find((r: { productId: string }) => r.productId === id);
    expect(row(p1).worksWith).toHaveLength(2);
    expect(row(p1).worksWith).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: checker,
          type: 'shared_service',
          result: 'failed',
          testedOn: '2026-11-02',
          retestDue: true,
        }),
        expect.objectContaining({ id: p2, type: 'product', result: 'partially_verified' }),
      ]),
    );
    expect(row(p2).worksWith).toEqual([
      expect.objectContaining({ id: checker, result: 'passed', retestDue: true }),
    ]);
    const staff = await as(api, p.viewer).get(`/api/v1/services/${service.id}/product-comparison`);
    expect(staff.body.data.every((r: { worksWith: unknown }) => r.worksWith === null)).toBe(true);
  });
});
