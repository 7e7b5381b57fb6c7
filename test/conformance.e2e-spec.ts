import { Injectable, Module } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CertificateExpiryHandler } from '../src/conformance/certificate-expiry.handler.js';
import type { DomainEventPayloads, DomainEventType } from '../src/queue/domain-event-registry.js';
import { OnDomainEvent } from '../src/queue/on-domain-event.decorator.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { organisationIdByCode, upsertAdoption } from './support/programme-fixtures.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

const seen: { type: DomainEventType; data: Record<string, unknown> }[] = [];
const record = (type: DomainEventType) => (data: unknown) => {
  seen.push({ type, data: data as Record<string, unknown> });
  return Promise.resolve();
};

@Injectable()
class ConformanceEventsSpy {
  @OnDomainEvent('submission.decided')
  decided(d: DomainEventPayloads['submission.decided']) {
    return record('submission.decided')(d);
  }
  @OnDomainEvent('certificate.reassessment_due')
  due(d: DomainEventPayloads['certificate.reassessment_due']) {
    return record('certificate.reassessment_due')(d);
  }
  @OnDomainEvent('product.suspended')
  suspended(d: DomainEventPayloads['product.suspended']) {
    return record('product.suspended')(d);
  }
  @OnDomainEvent('certificate.revoked')
  revoked(d: DomainEventPayloads['certificate.revoked']) {
    return record('certificate.revoked')(d);
  }
  @OnDomainEvent('certificate.expired')
  expired(d: DomainEventPayloads['certificate.expired']) {
    return record('certificate.expired')(d);
  }
  @OnDomainEvent('certificate.expiring')
  expiring(d: DomainEventPayloads['certificate.expiring']) {
    return record('certificate.expiring')(d);
  }
}
@Module({ providers: [ConformanceEventsSpy] })
class SpyModule {}

const RUN = Date.now().toString(36).toUpperCase().slice(-5);
const req = (n: number, level: string, extra: object = {}) => ({
  code: `CJ${RUN.replace(/[^A-Z]/g, 'X').slice(0, 3)}-${String(n).padStart(3, '0')}`,
  title: `Journey requirement ${n}`,
  description: `The product MUST do journey thing ${n}.`,
  level,
  category: 'Journey',
  ...extra,
});
const SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  required: ['childName', 'dateOfBirth'],
  properties: { childName: { type: 'string' }, dateOfBirth: { type: 'string', format: 'date' } },
  additionalProperties: false,
};

describe('conformance: the whole journey over HTTP', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const A = () => as(api, p.supplierA);
  const admin = () => as(api, p.admin);
  const R = [req(1, 'MUST'), req(2, 'SHOULD'), req(3, 'MUST'), req(4, 'MAY')];
  const code = (n: number) => R[0].code.replace(/\d{3}$/, String(n).padStart(3, '0'));
  let serviceId: string;
  let setV1: string;
  let standardId: string;
  let productId: string;
  let submissionId: string;
  let certificateId: string;
  const version = async () =>
    (await A().get(`/api/v1/conformance-submissions/${submissionId}`)).body.version as number;

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker({}, [SpyModule]);
    p = await signInAll(api);
    const dfe = await organisationIdByCode(api.db, 'DFE');
    const svc = await admin()
      .post('/api/v1/services')
      .send({
        code: `CJ-${RUN}`,
        name: `Journey ${RUN}`,
        leadAgencyId: dfe,
        deliveryModel: 'council_delivered',
      });
    expect(svc.status).toBe(201);
    serviceId = svc.body.id;
    const set = await admin()
      .post(`/api/v1/services/${serviceId}/requirement-sets`)
      .send({ title: 'Journey v1', requirements: R });
    expect(set.status).toBe(201);
    setV1 = set.body.id;
    expect(
      (
        await admin()
          .post(`/api/v1/requirement-sets/${setV1}/publish`)
          .send({ effectiveDate: '2026-01-01' })
      ).status,
    ).toBe(200);
    const std = await admin()
      .post('/api/v1/standards')
      .send({
        code: `CJ-APP-${RUN}`,
        version: '1.0.0',
        name: 'Journey application',
        ownerId: dfe,
        serviceIds: [serviceId],
        jsonSchema: SCHEMA,
      });
    expect(std.status).toBe(201);
    standardId = std.body.id;
    expect(
      (await admin().post(`/api/v1/standards/${standardId}/transitions`).send({ to: 'active' }))
        .status,
    ).toBe(200);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('supplier registers and publishes a product', async () => {
    const res = await A()
      .post('/api/v1/products')
      .send({ name: `Journey Admissions ${RUN}`, productVersion: '1.0', serviceIds: [serviceId] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'draft', serviceIds: [serviceId] });
    productId = res.body.id;
    expect((await as(api, p.councilX).get(`/api/v1/products/${productId}`)).status).toBe(404);
    const pub = await A()
      .post(`/api/v1/products/${productId}/transitions`)
      .send({ to: 'published', version: res.body.version });
    expect(pub.status).toBe(200);
    expect(pub.body.status).toBe('published');
    expect((await as(api, p.councilX).get(`/api/v1/products/${productId}`)).status).toBe(200);
  });

  it('creates a submission with one item per requirement, answers, and refuses a missing MUST', async () => {
    const res = await A().post('/api/v1/conformance-submissions').send({ productId, serviceId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'draft',
      result: null,
      requirementSetId: setV1,
      copiedItems: 0,
    });
    submissionId = res.body.id;
    const items = await A().get(`/api/v1/conformance-submissions/${submissionId}/items`);
    expect(items.body.data.map((i: { code: string }) => i.code)).toEqual(R.map((r) => r.code));
    const ans = await A()
      .put(`/api/v1/conformance-submissions/${submissionId}/items`)
      .send({
        version: res.body.version,
        items: [
          {
            code: code(1),
            selfAssessment: 'meets',
            evidenceText: 'Screens 1-4',
            evidenceUrls: ['https://evidence.example/1'],
          },
          { code: code(2), selfAssessment: 'partial', evidenceText: 'Roadmap Q3' },
        ],
      });
    expect(ans.status).toBe(200);
    const refused = await A()
      .post(`/api/v1/conformance-submissions/${submissionId}/submit`)
      .send({ version: await version() });
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('must_unanswered');
    expect(refused.body.errors.map((e: { field: string }) => e.field)).toEqual([
      `items[${code(3)}].selfAssessment`,
    ]);
    expect(refused.body.detail).toContain(code(3));
  });

  it('attaches a valid and an invalid sample, submits, and the checks record both', async () => {
    await A()
      .put(`/api/v1/conformance-submissions/${submissionId}/items`)
      .send({
        version: await version(),
        items: [
          { code: code(3), selfAssessment: 'meets', evidenceText: 'Demo' },
          { code: code(4), selfAssessment: 'not_applicable' },
        ],
      })
      .expect(200);
    const good = await A()
      .post(`/api/v1/conformance-submissions/${submissionId}/samples`)
      .send({
        version: await version(),
        standardId,
        label: 'valid',
        payload: { childName: 'Ada', dateOfBirth: '2020-02-02' },
      });
    expect(good.status).toBe(201);
    // Checked on upload: the answer says pass or fail at once, with the errors.
    expect(good.body).toMatchObject({ checkStatus: 'passed', checkErrors: [] });
    const bad = await A()
      .post(`/api/v1/conformance-submissions/${submissionId}/samples`)
      .send({ version: await version(), standardId, label: 'invalid', payload: { childName: 7 } });
    expect(bad.status).toBe(201);
    expect(bad.body.checkStatus).toBe('failed');
    expect(bad.body.checkErrors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/childName',
      '/dateOfBirth',
    ]);
    const sub = await A()
      .post(`/api/v1/conformance-submissions/${submissionId}/submit`)
      .send({ version: await version() });
    expect(sub.status).toBe(200);
    expect(sub.body).toMatchObject({
      status: 'submitted',
      round: 1,
      checks: { passed: 1, failed: 1, notTestable: 0 },
    });
    const samples = await A().get(`/api/v1/conformance-submissions/${submissionId}/samples`);
    const byLabel = Object.fromEntries(
      samples.body.data.map((s: { label: string }) => [s.label, s]),
    );
    expect(byLabel.valid.checkStatus).toBe('passed');
    expect(byLabel.invalid.checkStatus).toBe('failed');
    expect(byLabel.invalid.checkErrors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/childName',
      '/dateOfBirth',
    ]);
    const snap = await A().get(`/api/v1/conformance-submissions/${submissionId}/snapshot`);
    expect(snap.body.items).toHaveLength(4);
    expect(snap.body.round).toBe(1);
  });

  it('refuses edits to the submitted snapshot and a decision before review (409)', async () => {
    const edit = await A()
      .put(`/api/v1/conformance-submissions/${submissionId}/items`)
      .send({ version: await version(), items: [{ code: code(2), selfAssessment: 'meets' }] });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('submission_locked');
    const early = await admin()
      .post(`/api/v1/conformance-submissions/${submissionId}/decision`)
      .send({ version: await version(), result: 'approved', reason: 'Looks fine' });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('not_in_review');
  });

  it('reviewer claims, cannot approve over a failing check, requests changes', async () => {
    const claim = await admin()
      .post(`/api/v1/conformance-submissions/${submissionId}/claim`)
      .send({ version: await version() });
    expect(claim.status).toBe(200);
    expect(claim.body.status).toBe('in_review');
    const v = await admin()
      .put(`/api/v1/conformance-submissions/${submissionId}/verdicts`)
      .send({
        version: claim.body.version,
        items: [
          { code: code(1), verdict: 'meets' },
          { code: code(3), verdict: 'partial', comment: 'Show the error page' },
        ],
      });
    expect(v.status).toBe(200);
    const approve = await admin()
      .post(`/api/v1/conformance-submissions/${submissionId}/decision`)
      .send({ version: v.body.version, result: 'approved', reason: 'ok' });
    expect(approve.status).toBe(409);
    expect(approve.body.code).toBe('failing_standard_checks');
    const changes = await admin()
      .post(`/api/v1/conformance-submissions/${submissionId}/decision`)
      .send({
        version: v.body.version,
        result: 'changes_requested',
        reason: 'Fix the invalid sample and the error page',
      });
    expect(changes.status).toBe(200);
    expect(changes.body).toMatchObject({
      status: 'decided',
      result: 'changes_requested',
      certificate: null,
    });
  });

  it('supplier fixes and resubmits; reviewer approves and a valid certificate is issued', async () => {
    const samples = await A().get(`/api/v1/conformance-submissions/${submissionId}/samples`);
    const invalid = samples.body.data.find((s: { label: string }) => s.label === 'invalid');
    await A()
      .delete(`/api/v1/conformance-submissions/${submissionId}/samples/${invalid.id}`)
      .send({ version: await version() })
      .expect(200);
    await A()
      .post(`/api/v1/conformance-submissions/${submissionId}/samples`)
      .send({
        version: await version(),
        standardId,
        label: 'fixed',
        payload: { childName: 'Bo', dateOfBirth: '2021-03-03' },
      })
      .expect(201);
    await A()
      .put(`/api/v1/conformance-submissions/${submissionId}/items`)
      .send({
        version: await version(),
        items: [
          {
            code: code(3),
            evidenceText: 'Error page screenshots attached',
            evidenceUrls: ['https://evidence.example/3'],
          },
        ],
      })
      .expect(200);
    const re = await A()
      .post(`/api/v1/conformance-submissions/${submissionId}/submit`)
      .send({ version: await version() });
    expect(re.status).toBe(200);
    expect(re.body).toMatchObject({
      status: 'submitted',
      round: 2,
      result: null,
      checks: { passed: 2, failed: 0 },
    });
    const claim = await admin()
      .post(`/api/v1/conformance-submissions/${submissionId}/claim`)
      .send({ version: re.body.version });
    const ok = await admin().post(`/api/v1/conformance-submissions/${submissionId}/decision`).send({
      version: claim.body.version,
      result: 'approved',
      reason: 'All MUST requirements evidenced',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.result).toBe('approved');
    expect(ok.body.certificate).toMatchObject({
      status: 'valid',
      productId,
      serviceId,
      requirementSetId: setV1,
    });
    certificateId = ok.body.certificate.id;
    const months =
      (new Date(ok.body.certificate.expiresAt).getTime() -
        new Date(ok.body.certificate.validFrom).getTime()) /
      86_400_000;
    expect(months).toBeGreaterThanOrEqual(365);
    expect(months).toBeLessThanOrEqual(366);
    expect(
      (await as(api, p.councilX).get(`/api/v1/certificates/${certificateId}`)).body.status,
    ).toBe('valid');
    const history = await A().get(`/api/v1/conformance-submissions/${submissionId}/history`);
    expect(history.body.data.map((h: { event: string }) => h.event)).toEqual([
      'created',
      'answered',
      'answered',
      'sample_added',
      'sample_added',
      'submitted',
      'claimed',
      'verdicts',
      'decided',
      'sample_removed',
      'sample_added',
      'answered',
      'resubmitted',
      'claimed',
      'decided',
    ]);
    await waitFor(async () =>
      seen.some(
        (e) =>
          e.type === 'submission.decided' &&
          e.data.result === 'approved' &&
          e.data.certificateId === certificateId,
      ),
    );
  });

  it('publishing v2 marks the certificate reassessment_due; a new submission is pre-filled for unchanged requirements', async () => {
    const draft = await admin().post(`/api/v1/requirement-sets/${setV1}/new-version`).send({});
    expect(draft.status).toBe(201);
    const v2 = draft.body.id as string;
    const { code: c2, ...changed } = req(2, 'MUST');
    expect(
      (await admin().put(`/api/v1/requirement-sets/${v2}/requirements/${c2}`).send(changed)).status,
    ).toBe(200);
    const { code: c5, ...added } = req(5, 'SHOULD');
    expect([200, 201]).toContain(
      (await admin().put(`/api/v1/requirement-sets/${v2}/requirements/${c5}`).send(added)).status,
    );
    expect(
      (
        await admin()
          .post(`/api/v1/requirement-sets/${v2}/publish`)
          .send({ effectiveDate: '2027-01-01' })
      ).status,
    ).toBe(200);
    await waitFor(
      async () =>
        (await A().get(`/api/v1/certificates/${certificateId}`)).body.status === 'reassessment_due',
    );
    const cert = await A().get(`/api/v1/certificates/${certificateId}`);
    expect(cert.body.reassessmentDeadline).toBe('2027-04-01');
    await waitFor(async () =>
      seen.some(
        (e) =>
          e.type === 'certificate.reassessment_due' &&
          e.data.certificateId === certificateId &&
          e.data.deadline === '2027-04-01',
      ),
    );

    const next = await A().post('/api/v1/conformance-submissions').send({ productId, serviceId });
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({
      requirementSetId: v2,
      copiedFromId: submissionId,
      copiedItems: 3,
    });
    const items = await A().get(`/api/v1/conformance-submissions/${next.body.id}/items`);
    const byCode = Object.fromEntries(items.body.data.map((i: { code: string }) => [i.code, i]));
    expect(byCode[code(1)]).toMatchObject({
      selfAssessment: 'meets',
      evidenceText: 'Screens 1-4',
      evidenceUrls: ['https://evidence.example/1'],
      copiedForward: true,
    });
    expect(byCode[code(3)]).toMatchObject({
      selfAssessment: 'meets',
      evidenceText: 'Error page screenshots attached',
      copiedForward: true,
    });
    expect(byCode[code(4)]).toMatchObject({
      selfAssessment: 'not_applicable',
      copiedForward: true,
    });
    expect(byCode[code(2)]).toMatchObject({
      selfAssessment: null,
      evidenceText: '',
      copiedForward: false,
    });
    expect(byCode[code(5)]).toMatchObject({ selfAssessment: null, copiedForward: false });
    // The approved submission's samples come along, checked against the schema again.
    const copiedSamples = await A().get(`/api/v1/conformance-submissions/${next.body.id}/samples`);
    expect(
      copiedSamples.body.data.map((s: { label: string; checkStatus: string }) => [
        s.label,
        s.checkStatus,
      ]),
    ).toEqual([
      ['valid', 'passed'],
      ['fixed', 'passed'],
    ]);
  });

  it('knock-on: suspending names the councils using the product, revoking the certificate too; suppliers B sees nothing', async () => {
    const council = p.councilX.organisationId!;
    await upsertAdoption(api.db, { councilId: council, serviceId, productId, stage: 'live' });
    expect((await as(api, p.supplierB).get(`/api/v1/products/${productId}`)).status).toBe(404);
    expect(
      (await as(api, p.supplierB).get(`/api/v1/conformance-submissions/${submissionId}`)).status,
    ).toBe(404);
    const comparison = await as(api, p.councilY).get(
      `/api/v1/services/${serviceId}/product-comparison`,
    );
    expect(comparison.body.data).toHaveLength(1);
    expect(comparison.body.data[0]).toMatchObject({
      productId,
      councilsLive: 1,
      certificate: { status: 'reassessment_due' },
    });

    const product = await admin().get(`/api/v1/products/${productId}`);
    const noReason = await admin()
      .post(`/api/v1/products/${productId}/transitions`)
      .send({ to: 'suspended', version: product.body.version });
    expect(noReason.status).toBe(400);
    const supplierTry = await A()
      .post(`/api/v1/products/${productId}/transitions`)
      .send({ to: 'suspended', reason: 'x', version: product.body.version });
    expect(supplierTry.status).toBe(409);
    const suspended = await admin().post(`/api/v1/products/${productId}/transitions`).send({
      to: 'suspended',
      reason: 'Data breach under investigation',
      version: product.body.version,
    });
    expect(suspended.status).toBe(200);
    expect((await as(api, p.councilX).get(`/api/v1/products/${productId}`)).status).toBe(404);
    await waitFor(async () =>
      seen.some((e) => e.type === 'product.suspended' && e.data.productId === productId),
    );
    expect(
      seen.find((e) => e.type === 'product.suspended' && e.data.productId === productId)!.data,
    ).toMatchObject({ councilIds: [council], reason: 'Data breach under investigation' });

    const cert = await admin().get(`/api/v1/certificates/${certificateId}`);
    const revoked = await admin()
      .post(`/api/v1/certificates/${certificateId}/revoke`)
      .send({ version: cert.body.version, reason: 'Breach confirmed' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.status).toBe('revoked');
    await waitFor(async () =>
      seen.some((e) => e.type === 'certificate.revoked' && e.data.certificateId === certificateId),
    );
    const revokedEvent = seen.find(
      (e) => e.type === 'certificate.revoked' && e.data.certificateId === certificateId,
    );
    expect(revokedEvent!.data).toMatchObject({
      councilIds: [council],
      serviceId,
    });
    const again = await admin()
      .post(`/api/v1/certificates/${certificateId}/revoke`)
      .send({ version: revoked.body.version, reason: 'again' });
    expect(again.status).toBe(409);
  });

  it('the daily scan expires certificates and sends each reminder once', async () => {
    const [{ id: soon }] = await api.db.query(
      `INSERT INTO certificates (product_id, supplier_id, service_id, requirement_set_id, status, valid_from, expires_at)
       SELECT product_id, supplier_id, service_id, requirement_set_id, 'valid', now() - interval '360 days', now() + interval '20 days'
         FROM certificates WHERE id = $1 RETURNING id`,
      [certificateId],
    );
    const [{ id: past }] = await api.db.query(
      `INSERT INTO certificates (product_id, supplier_id, service_id, requirement_set_id, status, valid_from, expires_at)
       SELECT product_id, supplier_id, service_id, requirement_set_id, 'valid', now() - interval '400 days', now() - interval '1 day'
         FROM certificates WHERE id = $1 RETURNING id`,
      [certificateId],
    );
    const scan = worker.app.get(CertificateExpiryHandler);
    await scan.handle();
    const second = await scan.handle();
    expect(second).toEqual({ expired: 0, expiring7: 0, expiring30: 0 });
    const [row] = await api.db.query(`SELECT status FROM certificates WHERE id = $1`, [past]);
    expect(row.status).toBe('expired');
    await waitFor(async () =>
      seen.some((e) => e.type === 'certificate.expired' && e.data.certificateId === past),
    );
    expect(
      seen.find((e) => e.type === 'certificate.expired' && e.data.certificateId === past)!.data
        .councilIds,
    ).toEqual([p.councilX.organisationId]);
    await waitFor(async () =>
      seen.some((e) => e.type === 'certificate.expiring' && e.data.certificateId === soon),
    );
    expect(
      seen
        .filter((e) => e.type === 'certificate.expiring' && e.data.certificateId === soon)
        .map((e) => e.data.daysLeft),
    ).toEqual([30]);
  });
});
