import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UnitOfWork } from '../src/queue/unit-of-work.service.js';
import { insertService } from './support/adoption-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { insertProduct, upsertAdoption } from './support/programme-fixtures.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

describe('adoption: routes, stages, dependencies, steps, variances, knock-on', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  const adoption = (id: string, who: Principal = p.councilX) =>
    as(api, who).get(`/api/v1/adoptions/${id}`);
  const move = (id: string, to: string, version: number, who: Principal = p.councilX, extra = {}) =>
    as(api, who)
      .post(`/api/v1/adoptions/${id}/transitions`)
      .send({ to, version, ...extra });

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
    p = await signInAll(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('a council walks an adoption from not_started to live, ticking off mandatory steps', async () => {
    const service = await insertService(api.db);
    const councilX = p.councilX.organisationId!;
    const id = await upsertAdoption(api.db, { councilId: councilX, serviceId: service.id });
    const certified = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      certificate: 'valid',
    });
    const uncertified = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      certificate: 'expired',
    });
    const suspended = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      status: 'suspended',
      certificate: 'valid',
    });
    const step = await as(api, p.admin)
      .post('/api/v1/success-steps')
      .send({ serviceId: service.id, stage: 'planning', title: 'Business case approved' });
    expect(step.status).toBe(201);

    let res = await move(id, 'planning', 1);
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('planning');
    res = await move(id, 'live', res.body.version);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('illegal_transition');

    let version = (await adoption(id)).body.version as number;
    res = await move(id, 'procurement', version);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('steps_incomplete');
    expect(res.body.detail).toContain('Business case approved');
    // Only a programme admin may override, with a reason.
    res = await move(id, 'procurement', version, p.councilX, { overrideReason: 'urgent' });
    expect(res.status).toBe(403);

    const mark = await as(api, p.councilX)
      .put(`/api/v1/adoptions/${id}/steps/${step.body.id}`)
      .send({ done: true, note: 'Cabinet approved it' });
    expect(mark.status).toBe(200);
    expect(mark.body.data.find((s: { id: string }) => s.id === step.body.id).done).toBe(true);
    res = await move(id, 'procurement', version);
    expect(res.status).toBe(200);
    version = res.body.version;

    // Routes: an uncertified or suspended product is refused with the reason.
    res = await as(api, p.councilX)
      .patch(`/api/v1/adoptions/${id}`)
      .send({ version, productId: uncertified.productId });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('route_not_certified');
    expect(res.body.detail).toContain('expired');
    res = await as(api, p.councilX)
      .patch(`/api/v1/adoptions/${id}`)
      .send({ version, productId: suspended.productId });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('route_product_unavailable');
    res = await as(api, p.councilX)
      .patch(`/api/v1/adoptions/${id}`)
      .send({
        version,
        productId: certified.productId,
        targetDates: { testing: '2027-03-01', live: '2027-05-01' },
        notes: 'Going with the Northwind product',
      });
    expect(res.status).toBe(200);
    expect(res.body.route).toMatchObject({ type: 'product', productId: certified.productId });
    expect(res.body.route.certificateStatus).toBe('valid');
    expect(res.body.targetDates).toEqual({ testing: '2027-03-01', live: '2027-05-01' });
    // A stale version is refused.
    const stale = await as(api, p.councilX)
      .patch(`/api/v1/adoptions/${id}`)
      .send({ version, notes: 'late write' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const badDates = await as(api, p.councilX)
      .patch(`/api/v1/adoptions/${id}`)
      .send({
        version: res.body.version,
        targetDates: { someday: '2027-01-01', live: '2027-02-30' },
      });
    expect(badDates.status).toBe(400);
    expect(badDates.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'targetDates.live',
      'targetDates.someday',
    ]);

    version = res.body.version;
    for (const to of ['implementation', 'testing', 'live']) {
      res = await move(id, to, version, p.councilX, { note: `to ${to}` });
      expect(res.status).toBe(200);
      version = res.body.version;
    }
    expect(res.body.stage).toBe('live');
    expect(res.body.goLiveDate).toBe(new Date().toISOString().slice(0, 10));

    const history = await as(api, p.councilX).get(`/api/v1/adoptions/${id}/history`);
    expect(history.status).toBe(200);
    const moves = history.body.data.filter((h: { event: string }) => h.event === 'transitioned');
    expect(moves.map((h: { toStage: string }) => h.toStage)).toEqual([
      'planning',
      'procurement',
      'implementation',
      'testing',
      'live',
    ]);
    expect(moves[4]).toMatchObject({ fromStage: 'testing', note: 'to live' });
    expect(history.body.data.map((h: { event: string }) => h.event)).toEqual(
      expect.arrayContaining(['updated', 'step_completed']),
    );
    // The supplier whose product is the route reads it; another supplier does not.
    expect((await adoption(id, p.supplierA)).status).toBe(200);
    expect((await adoption(id, p.supplierB)).status).toBe(404);
    expect((await adoption(id, p.agency)).status).toBe(200);
  });

  it('a programme admin may move past unfinished steps with a reason, kept in the history', async () => {
    const service = await insertService(api.db);
    const id = await upsertAdoption(api.db, {
      councilId: p.councilY.organisationId!,
      serviceId: service.id,
      stage: 'planning',
    });
    await as(api, p.admin)
      .post('/api/v1/success-steps')
      .send({ serviceId: service.id, stage: 'planning', title: 'Sponsor appointed' });
    const version = (await adoption(id, p.admin)).body.version;
    const res = await move(id, 'procurement', version, p.admin, {
      overrideReason: 'Sponsor named in the cabinet minutes; formal letter to follow',
    });
    expect(res.status).toBe(200);
    const history = await as(api, p.admin).get(`/api/v1/adoptions/${id}/history`);
    expect(history.body.data.at(-1).note).toContain(
      'Override of unfinished steps (Sponsor appointed)',
    );
  });

  it('refuses going live while a depends_on service is not live for the council, naming it', async () => {
    const dependency = await insertService(api.db);
    const service = await insertService(api.db, { dependsOn: [dependency.id] });
    const councilX = p.councilX.organisationId!;
    const { productId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      certificate: 'valid',
    });
    const id = await upsertAdoption(api.db, {
      councilId: councilX,
      serviceId: service.id,
      productId,
      stage: 'testing',
    });
    await upsertAdoption(api.db, {
      councilId: councilX,
      serviceId: dependency.id,
      stage: 'implementation',
    });
    let version = (await adoption(id)).body.version;
    let res = await move(id, 'live', version);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('dependency_not_live');
    expect(res.body.detail).toContain(dependency.code);
    expect(res.body.blockingServices).toEqual([
      expect.objectContaining({ id: dependency.id, code: dependency.code }),
    ]);
    expect((await adoption(id)).body.stage).toBe('testing');

    // Another council's live adoption of the dependency does not count for this one.
    await upsertAdoption(api.db, {
      councilId: p.councilY.organisationId!,
      serviceId: dependency.id,
      stage: 'live',
    });
    expect((await move(id, 'live', version)).status).toBe(409);

    await upsertAdoption(api.db, { councilId: councilX, serviceId: dependency.id, stage: 'live' });
    version = (await adoption(id)).body.version;
    res = await move(id, 'live', version);
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('live');
  });

  it('counts a live shared-delivery dependency the council is a member of as live', async () => {
    const shared = await insertService(api.db, { deliveryModel: 'shared' });
    const service = await insertService(api.db, { dependsOn: [shared.id] });
    const [{ id: sharedServiceId }] = await api.db.query(
      `INSERT INTO shared_services (name, service_id, operator_id) VALUES ($1, $2, $3) RETURNING id`,
      [`National ${shared.code}`, shared.id, p.supplierB.organisationId],
    );
    const { productId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      certificate: 'reassessment_due',
    });
    const id = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'testing',
    });
    let res = await move(id, 'live', (await adoption(id)).body.version);
    expect(res.status).toBe(409);
    await api.db.query(
      `INSERT INTO shared_service_members (shared_service_id, council_id) VALUES ($1, $2)`,
      [sharedServiceId, p.councilX.organisationId],
    );
    res = await move(id, 'live', (await adoption(id)).body.version);
    expect(res.status).toBe(200);
  });

  it('flags adoptions routed through a suspended product, once, as the system actor', async () => {
    const service = await insertService(api.db);
    const { productId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      name: 'Knock-on product',
      certificate: 'valid',
    });
    const onProduct = await upsertAdoption(api.db, {
      councilId: p.councilY.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'implementation',
    });
    const elsewhere = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      stage: 'planning',
    });
    const publish = () =>
      api.app.get(UnitOfWork).run(async (tx) =>
        tx.publish('product.suspended', {
          productId,
          productName: 'Knock-on product',
          supplierId: p.supplierA.organisationId!,
          councilIds: [p.councilY.organisationId!],
          reason: 'Security vulnerability under investigation',
        }),
      );
    const before = (await adoption(onProduct, p.councilY)).body.version as number;
    await publish();
    const flagged = await waitFor(
      async () => {
        const res = await adoption(onProduct, p.councilY);
        return res.body.attentionRequired ? res.body : null;
      },
      { what: 'adoption flagged' },
    );
    expect(flagged.attentionReason).toBe(
      'Product "Knock-on product" was suspended: Security vulnerability under investigation',
    );
    expect(flagged.version).toBe(before + 1);
    expect((await adoption(elsewhere)).body.attentionRequired).toBe(false);

    // Delivered again (at least once): nothing changes a second time.
    await publish();
    await waitFor(
      async () =>
        (
          await api.db.query(
            `SELECT count(*)::int AS n FROM outbox_messages
              WHERE status = 'pending' AND payload->'data'->>'productId' = $1`,
            [productId],
          )
        )[0].n === 0,
      { what: "this product's events handled" },
    );
    const history = await as(api, p.councilY).get(`/api/v1/adoptions/${onProduct}/history`);
    const flags = history.body.data.filter(
      (h: { event: string }) => h.event === 'attention_flagged',
    );
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ actorLabel: 'system', note: 'product.suspended' });
    const audit = await api.db.query(
      `SELECT actor_label, actor_user_id FROM audit_events
        WHERE entity_id = $1 AND action = 'adoption.attention_flagged'`,
      [onProduct],
    );
    expect(audit).toEqual([{ actor_label: 'system', actor_user_id: null }]);

    // Choosing another route clears the flag.
    const other = await insertProduct(api.db, {
      supplierId: p.supplierB.organisationId!,
      serviceId: service.id,
      certificate: 'valid',
    });
    const res = await as(api, p.councilY)
      .patch(`/api/v1/adoptions/${onProduct}`)
      .send({ version: flagged.version, productId: other.productId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ attentionRequired: false, attentionReason: null });
  });

  it('flags adoptions of the certificate’s service when a certificate is revoked', async () => {
    const service = await insertService(api.db);
    const otherService = await insertService(api.db);
    const { productId, certificateId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      name: 'Revoked product',
      certificate: 'valid',
    });
    await api.db.query(`INSERT INTO product_services (product_id, service_id) VALUES ($1, $2)`, [
      productId,
      otherService.id,
    ]);
    const hit = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'live',
    });
    const spared = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: otherService.id,
      productId,
      stage: 'testing',
    });
    await api.app.get(UnitOfWork).run(async (tx) =>
      tx.publish('certificate.revoked', {
        certificateId: certificateId!,
        productId,
        productName: 'Revoked product',
        supplierId: p.supplierA.organisationId!,
        serviceId: service.id,
        requirementSetId: certificateId!,
        expiresAt: new Date().toISOString(),
        councilIds: [p.councilX.organisationId!],
        reason: 'Evidence was falsified',
      }),
    );
    const flagged = await waitFor(
      async () => {
        const res = await adoption(hit);
        return res.body.attentionRequired ? res.body : null;
      },
      { what: 'adoption flagged' },
    );
    expect(flagged.attentionReason).toContain('revoked: Evidence was falsified');
    expect((await adoption(spared)).body.attentionRequired).toBe(false);
  });

  it('takes a shared service as the route only for its service and its member councils', async () => {
    const service = await insertService(api.db);
    const [london] = await api.db.query(
      `INSERT INTO shared_services (name, service_id, operator_id)
       VALUES ($1, $2, $3) RETURNING id, service_id`,
      [`Shared ${service.code}`, service.id, p.supplierB.organisationId],
    );
    await api.db.query(
      `INSERT INTO shared_service_members (shared_service_id, council_id) VALUES ($1, $2)`,
      [london.id, p.councilX.organisationId],
    );
    const other = await insertService(api.db);
    const x = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: london.service_id,
      stage: 'procurement',
    });
    const y = await upsertAdoption(api.db, {
      councilId: p.councilY.organisationId!,
      serviceId: london.service_id,
      stage: 'procurement',
    });
    const wrong = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: other.id,
      stage: 'procurement',
    });
    const route = (id: string, who: Principal) =>
      adoption(id, who).then((r) =>
        as(api, who)
          .patch(`/api/v1/adoptions/${id}`)
          .send({ version: r.body.version, sharedServiceId: london.id }),
      );
    const notMember = await route(y, p.councilY);
    expect(notMember.status).toBe(422);
    expect(notMember.body.code).toBe('route_not_member');
    const wrongService = await route(wrong, p.councilX);
    expect(wrongService.status).toBe(422);
    expect(wrongService.body.code).toBe('route_wrong_service');
    const ok = await route(x, p.councilX);
    expect(ok.status).toBe(200);
    expect(ok.body.route).toMatchObject({ type: 'shared_service', sharedServiceId: london.id });
    // Clearing the route (not live): null for the current one.
    const cleared = await as(api, p.councilX)
      .patch(`/api/v1/adoptions/${x}`)
      .send({ version: ok.body.version, sharedServiceId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.route).toBeNull();
  });

  it('flags adoptions when a certificate expires', async () => {
    const service = await insertService(api.db);
    const { productId, certificateId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      name: 'Expiring product',
      certificate: 'valid',
    });
    const id = await upsertAdoption(api.db, {
      councilId: p.councilY.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'testing',
    });
    await api.app.get(UnitOfWork).run(async (tx) =>
      tx.publish('certificate.expired', {
        certificateId: certificateId!,
        productId,
        productName: 'Expiring product',
        supplierId: p.supplierA.organisationId!,
        serviceId: service.id,
        requirementSetId: certificateId!,
        expiresAt: '2026-11-01T00:00:00.000Z',
        councilIds: [p.councilY.organisationId!],
      }),
    );
    const flagged = await waitFor(
      async () => {
        const res = await adoption(id, p.councilY);
        return res.body.attentionRequired ? res.body : null;
      },
      { what: 'adoption flagged' },
    );
    expect(flagged.attentionReason).toBe(
      'The certificate of "Expiring product" for this service expired on 2026-11-01',
    );
  });

  it('council Y can neither read nor change council X’s adoptions', async () => {
    const service = await insertService(api.db);
    const id = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      stage: 'planning',
    });
    const y = as(api, p.councilY);
    for (const res of [
      await y.get(`/api/v1/adoptions/${id}`),
      await y.get(`/api/v1/adoptions/${id}/history`),
      await y.get(`/api/v1/adoptions/${id}/steps`),
      await y.get(`/api/v1/adoptions/${id}/variances`),
      await y.patch(`/api/v1/adoptions/${id}`).send({ version: 1, notes: 'hijack' }),
      await y.post(`/api/v1/adoptions/${id}/transitions`).send({ to: 'procurement', version: 1 }),
      await y.get(`/api/v1/councils/${p.councilX.organisationId}/status`),
    ]) {
      expect(res.status).toBe(404);
      expect(res.body.detail).not.toContain('planning');
    }
    const list = await y.get(`/api/v1/adoptions?councilId=${p.councilX.organisationId}`);
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    const own = await y.get('/api/v1/adoptions?limit=500');
    expect(own.body.data.length).toBeGreaterThan(0);
    expect(
      own.body.data.every(
        (a: { council: { id: string } }) => a.council.id === p.councilY.organisationId,
      ),
    ).toBe(true);
    expect((await adoption(id)).body.notes).toBe('');
  });

  it('local variances: a council proposes, the office decides, lists by requirement', async () => {
    const service = await insertService(api.db);
    const id = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      stage: 'implementation',
    });
    const body = {
      requirementCode: service.requirementCode,
      description: 'Paper forms accepted alongside the online form',
      justification: 'Digital exclusion in the ward; review after the library programme',
      expiresOn: '2030-01-31',
    };
    const unknown = await as(api, p.councilX)
      .post(`/api/v1/adoptions/${id}/variances`)
      .send({ ...body, requirementCode: 'NOPE-999' });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('unknown_requirement');
    const proposed = await as(api, p.councilX).post(`/api/v1/adoptions/${id}/variances`).send(body);
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ status: 'proposed', inForce: false });

    const selfApprove = await as(api, p.councilX)
      .post(`/api/v1/adoptions/${id}/variances/${proposed.body.id}/transitions`)
      .send({ to: 'approved', version: proposed.body.version });
    expect(selfApprove.status).toBe(403);
    const approved = await as(api, p.admin)
      .post(`/api/v1/adoptions/${id}/variances/${proposed.body.id}/transitions`)
      .send({ to: 'approved', version: proposed.body.version, reason: 'Time-limited, agreed' });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', inForce: true });

    const byRequirement = await as(api, p.viewer).get(
      `/api/v1/variances?requirementCode=${service.requirementCode}`,
    );
    expect(byRequirement.body.data).toEqual([
      expect.objectContaining({
        id: proposed.body.id,
        council: expect.objectContaining({ gssCode: 'E09000001' }),
        status: 'approved',
      }),
    ]);
    expect(byRequirement.body.meta.total).toBe(1);
    const status = await as(api, p.councilX).get(
      `/api/v1/councils/${p.councilX.organisationId}/status`,
    );
    expect(status.status).toBe(200);
    const entry = status.body.services.find(
      (s: { service: { id: string } }) => s.service.id === service.id,
    );
    expect(entry.approvedVariances).toEqual([
      expect.objectContaining({
        requirementCode: service.requirementCode,
        expiresOn: '2030-01-31',
      }),
    ]);
    // Council Y's view of the list does not include council X's variance.
    const asY = await as(api, p.councilY).get(
      `/api/v1/variances?requirementCode=${service.requirementCode}`,
    );
    expect(asY.body.data).toEqual([]);
  });

  it('a stale version is 409 on a transition; rejecting a variance needs a reason; a council withdraws its own', async () => {
    const service = await insertService(api.db);
    const id = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
    });
    const current = (await adoption(id)).body.version as number;
    const moved = await move(id, 'planning', current);
    expect(moved.status).toBe(200);
    // A second writer still holding the old version is refused, and nothing changes.
    const stale = await move(id, 'planning', current);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    expect((await adoption(id)).body).toMatchObject({ stage: 'planning', version: current + 1 });

    const propose = (description: string) =>
      as(api, p.councilX).post(`/api/v1/adoptions/${id}/variances`).send({
        requirementCode: service.requirementCode,
        description,
        justification: 'Local constraint',
        expiresOn: '2030-06-30',
      });
    const decide = (varianceId: string, who: Principal, body: object) =>
      as(api, who).post(`/api/v1/adoptions/${id}/variances/${varianceId}/transitions`).send(body);

    const first = (await propose('Paper forms for one term')).body;
    const noReason = await decide(first.id, p.admin, { to: 'rejected', version: first.version });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([expect.objectContaining({ field: 'reason' })]);
    const rejected = await decide(first.id, p.admin, {
      to: 'rejected',
      version: first.version,
      reason: 'The national offline route already covers this',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'rejected', inForce: false });

    const second = (await propose('Phone applications for one term')).body;
    const byOther = await decide(second.id, p.councilY, {
      to: 'withdrawn',
      version: second.version,
    });
    expect(byOther.status).toBe(404);
    const withdrawn = await decide(second.id, p.councilX, {
      to: 'withdrawn',
      version: second.version,
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body.status).toBe('withdrawn');
  });
});
