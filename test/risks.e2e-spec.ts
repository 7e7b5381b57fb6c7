import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseCsvRecords } from '../src/common/csv.js';
import { RiskOverdueScanHandler } from '../src/risks/risk-overdue-scan.handler.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';

const DAY_MS = 86_400_000;
/** A UTC calendar day relative to today, as the API's due dates are written. */
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);
const refNumber = (reference: string) => Number(reference.slice(2));

interface RiskBody {
  id: string;
  reference: string;
  status: string;
  version: number;
  [key: string]: unknown;
}

describe('risks: the national risk and issue register', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  const url = '/api/v1/risks';

  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
  });
  afterAll(() => api.close());

  /** A fresh catalogue service, so a fixture can filter to exactly its own entries. */
  const newServiceId = async (): Promise<string> => {
    const [dfe] = await api.db.query(`SELECT id FROM organisations WHERE code = 'DFE'`);
    const res = await as(api, p.admin)
      .post('/api/v1/services')
      .send({
        code: `RISK-${randomUUID().slice(0, 8).toUpperCase()}`,
        name: 'Risk fixture service',
        leadAgencyId: dfe.id,
        deliveryModel: 'council_delivered',
      });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  const raise = async (who: Principal, body: object = {}): Promise<RiskBody> => {
    const res = await as(api, who)
      .post(url)
      .send({
        kind: 'risk',
        title: `Risk ${randomUUID()}`,
        category: 'delivery',
        likelihood: 3,
        impact: 3,
        ...body,
      });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body as RiskBody;
  };
  const move = (who: Principal, r: RiskBody, to: string, reason?: string) =>
    as(api, who).post(`${url}/${r.id}/transitions`).send({ to, reason, version: r.version });
  const backdateReview = (ids: string[], days: number) =>
    api.db.query(
      `UPDATE risks SET next_review_at = now() - make_interval(days => $2) WHERE id = ANY($1)`,
      [ids, days],
    );

  it('an entry goes through its lifecycle with reviews and actions, every step recorded', async () => {
    const risk = await raise(p.admin, {
      title: 'HMRC eligibility API capacity at peak (lifecycle test)',
      category: 'capacity',
      likelihood: 4,
      impact: 5,
    });
    expect(risk).toMatchObject({
      reference: expect.stringMatching(/^R-\d{4,}$/),
      kind: 'risk',
      scope: 'national',
      status: 'identified',
      escalationLevel: 'national',
      treatment: 'reduce',
      ownerUserId: p.admin.userId,
      ownerOrganisationId: p.admin.organisationId,
      inherent: { likelihood: 4, impact: 5, score: 20, rag: 'red' },
      residual: { likelihood: 4, impact: 5, score: 20, rag: 'red' },
      version: 1,
      reviewOverdue: false,
    });
    const created = Date.parse(risk.createdAt as string);
    expect(Date.parse(risk.nextReviewAt as string) - created).toBeGreaterThanOrEqual(
      14 * DAY_MS - 5000,
    );
    expect(Date.parse(risk.nextReviewAt as string) - created).toBeLessThanOrEqual(
      14 * DAY_MS + 5000,
    );
    const next = await raise(p.admin);
    expect(refNumber(next.reference)).toBe(refNumber(risk.reference) + 1);

    const illegal = await move(p.admin, risk, 'mitigating');
    expect(illegal.status).toBe(409);
    expect(illegal.body).toMatchObject({
      code: 'illegal_transition',
      from: 'identified',
      to: 'mitigating',
      allowed: ['assessed', 'closed'],
    });
    let r: RiskBody = (await move(p.admin, risk, 'assessed')).body;
    expect(r).toMatchObject({ status: 'assessed', version: 2 });

    const actionsUrl = `${url}/${risk.id}/actions`;
    const late = await as(api, p.admin)
      .post(actionsUrl)
      .send({ title: 'Agree surge capacity', ownerUserId: p.agency.userId, dueDate: day(-1) });
    expect(late.status).toBe(201);
    expect(late.body).toMatchObject({
      status: 'open',
      overdue: true,
      ownerUserId: p.agency.userId,
    });
    const later = await as(api, p.admin)
      .post(actionsUrl)
      .send({ title: 'Cache repeat checks', dueDate: day(10), status: 'in_progress' });
    expect(later.body).toMatchObject({ overdue: false, ownerUserId: null });
    expect(
      (await as(api, p.admin).post(actionsUrl).send({ title: 'x', dueDate: '2026-02-30' })).status,
    ).toBe(400);

    r = (await move(p.admin, r, 'mitigating')).body;
    expect(r.status).toBe('mitigating');

    const review = await as(api, p.admin)
      .post(`${url}/${risk.id}/reviews`)
      .send({ note: 'Surge agreement signed', likelihood: 2, version: r.version });
    expect(review.status).toBe(201);
    expect(review.body.risk).toMatchObject({
      residual: { likelihood: 2, impact: 5, score: 10, rag: 'amber' },
      inherent: { score: 20 },
    });
    expect(review.body.review).toMatchObject({ note: 'Surge agreement signed', rag: 'amber' });
    const reviewedAt = Date.parse(review.body.review.reviewedAt);
    expect(Date.parse(review.body.risk.lastReviewedAt)).toBe(reviewedAt);
    expect(Date.parse(review.body.risk.nextReviewAt) - reviewedAt).toBe(30 * DAY_MS);
    r = review.body.risk;

    const done = await as(api, p.admin)
      .patch(`${actionsUrl}/${late.body.id}`)
      .send({ status: 'done', version: late.body.version });
    expect(done.body).toMatchObject({ status: 'done', overdue: false });
    expect(done.body.completedAt).toBeTruthy();
    const staleAction = await as(api, p.admin)
      .patch(`${actionsUrl}/${late.body.id}`)
      .send({ status: 'open', version: late.body.version });
    expect(staleAction.body).toMatchObject({ status: 409, code: 'stale_version' });
    const nullDue = await as(api, p.admin)
      .patch(`${actionsUrl}/${late.body.id}`)
      .send({ dueDate: null });
    expect(nullDue.body.errors[0].field).toBe('dueDate');
    const listed = await as(api, p.supplierB).get(actionsUrl);
    expect(listed.body.data.map((a: { title: string }) => a.title)).toEqual([
      'Agree surge capacity',
      'Cache repeat checks',
    ]);

    r = (await move(p.admin, r, 'monitoring')).body;
    const noReason = await move(p.admin, r, 'closed');
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual([{ field: 'reason', message: expect.any(String) }]);
    r = (await move(p.admin, r, 'closed', 'Capacity agreed for two years')).body;
    expect(r).toMatchObject({ status: 'closed', closureReason: 'Capacity agreed for two years' });
    const closedReview = await as(api, p.admin)
      .post(`${url}/${risk.id}/reviews`)
      .send({ note: 'too late' });
    expect(closedReview.status).toBe(409);
    expect(closedReview.body.code).toBe('risk_not_open');
    expect((await move(p.admin, r, 'monitoring', 'x')).body.allowed).toEqual(['assessed']);
    expect((await move(p.admin, r, 'assessed')).status).toBe(400);
    r = (await move(p.admin, r, 'assessed', 'HMRC withdrew the surge agreement')).body;
    expect(r).toMatchObject({ status: 'assessed', closureReason: null, closedAt: null });

    const history = await as(api, p.councilY).get(`${url}/${risk.id}/history`);
    expect(history.status).toBe(200);
    expect(
      history.body.data.map((h: { event: string; toStatus: string | null }) =>
        [h.event, h.toStatus].join(':'),
      ),
    ).toEqual([
      'created:identified',
      'transitioned:assessed',
      'action_added:',
      'action_added:',
      'transitioned:mitigating',
      'reviewed:',
      'action_updated:',
      'transitioned:monitoring',
      'transitioned:closed',
      'reopened:assessed',
    ]);
    const closing = history.body.data[8];
    expect(closing).toMatchObject({
      fromStatus: 'monitoring',
      note: 'Capacity agreed for two years',
      actorUserId: p.admin.userId,
      actorLabel: 'admin@programme.example',
    });
    expect(history.body.data[5].changes.residual.after.score).toBe(10);

    const scores = await as(api, p.viewer).get(`${url}/${risk.id}/scores`);
    expect(
      scores.body.data.map(
        (s: { source: string; inherent: { score: number }; residual: { score: number } }) => [
          s.source,
          s.inherent.score,
          s.residual.score,
        ],
      ),
    ).toEqual([
      ['created', 20, 20],
      ['reviewed', 20, 10],
    ]);
    const reviews = await as(api, p.agency).get(`${url}/${risk.id}/reviews`);
    expect(reviews.body.data).toHaveLength(1);

    const audit = await as(api, p.admin).get(`/api/v1/audit-events?entityId=${risk.id}&limit=50`);
    expect(audit.body.data.map((e: { action: string }) => e.action).reverse()).toEqual([
      'risk.created',
      'risk.assessed',
      'risk.mitigating',
      'risk.reviewed',
      'risk.monitoring',
      'risk.closed',
      'risk.reopened',
    ]);
  });

  it('a realised risk becomes final and produces a linked issue', async () => {
    const risk = await raise(p.admin, {
      title: 'Eligibility checker outage during results week',
      category: 'technical',
      likelihood: 2,
      impact: 4,
    });
    const assessed = (await move(p.admin, risk, 'assessed')).body;
    expect(
      (await as(api, p.admin).post(`${url}/${risk.id}/realise`).send({ version: 1 })).body.code,
    ).toBe('stale_version');
    const res = await as(api, p.admin)
      .post(`${url}/${risk.id}/realise`)
      .send({ version: assessed.version, description: 'Down for five hours on 3 March' });
    expect(res.status).toBe(201);
    const { risk: realised, issue } = res.body;
    expect(realised).toMatchObject({ status: 'realised', realisedIssueId: issue.id });
    expect(realised.realisedAt).toBeTruthy();
    expect(issue).toMatchObject({
      kind: 'issue',
      title: 'Realised: Eligibility checker outage during results week',
      description: 'Down for five hours on 3 March',
      category: 'technical',
      scope: 'national',
      status: 'assessed',
      realisedFromId: risk.id,
      ownerOrganisationId: risk.ownerOrganisationId,
      residual: { likelihood: 5, impact: 4, score: 20, rag: 'red' },
    });
    expect(refNumber(issue.reference)).toBeGreaterThan(refNumber(risk.reference));
    expect((await as(api, p.supplierA).get(`${url}/${issue.id}`)).body.realisedFromId).toBe(
      risk.id,
    );

    const again = await as(api, p.admin)
      .post(`${url}/${risk.id}/realise`)
      .send({ version: realised.version });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'illegal_transition', allowed: [] });
    expect((await move(p.admin, realised, 'closed', 'x')).body.allowed).toEqual([]);
    const notRisk = await as(api, p.admin)
      .post(`${url}/${issue.id}/realise`)
      .send({ version: issue.version });
    expect(notRisk.status).toBe(409);
    expect(notRisk.body.code).toBe('not_a_risk');

    const history = await as(api, p.admin).get(`${url}/${issue.id}/history`);
    expect(history.body.data[0]).toMatchObject({
      event: 'created',
      note: `Realised from risk ${risk.reference}`,
    });
    const audit = await as(api, p.admin).get(`/api/v1/audit-events?entityId=${risk.id}`);
    expect(audit.body.data[0]).toMatchObject({ action: 'risk.realised' });
    expect(audit.body.data[0].changes.issue.after.id).toBe(issue.id);
  });

  it('two concurrent updates with the same version: exactly one succeeds, the other is 409', async () => {
    const risk = await raise(p.supplierA);
    const update = (title: string) =>
      as(api, p.supplierA).patch(`${url}/${risk.id}`).send({ title, version: risk.version });
    const results = await Promise.all([update('First writer'), update('Second writer')]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    const winner = results.find((r) => r.status === 200)!;
    const now = await as(api, p.supplierA).get(`${url}/${risk.id}`);
    expect(now.body).toMatchObject({ title: winner.body.title, version: 2 });

    const moves = await Promise.all([
      move(p.admin, now.body, 'assessed'),
      move(p.admin, now.body, 'closed', 'dup'),
    ]);
    expect(moves.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('bad scores (0, 6, "high", 2.5) are 400 with the field named, and nothing is stored', async () => {
    const title = `Bad score ${randomUUID()}`;
    for (const bad of [0, 6, 'high', 2.5]) {
      for (const field of ['likelihood', 'impact']) {
        const res = await as(api, p.admin)
          .post(url)
          .send({
            kind: 'risk',
            title,
            category: 'delivery',
            likelihood: 3,
            impact: 3,
            [field]: bad,
          });
        expect({ bad, field, status: res.status }).toEqual({ bad, field, status: 400 });
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(
          expect.arrayContaining([field]),
        );
        expect(res.body.errors.every((e: { field: string }) => e.field === field)).toBe(true);
      }
    }
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM risks WHERE title = $1`, [
      title,
    ]);
    expect(n).toBe(0);
    const risk = await raise(p.admin);
    const patch = await as(api, p.admin).patch(`${url}/${risk.id}`).send({ impact: 6, version: 1 });
    expect(patch.body.errors).toEqual([{ field: 'impact', message: expect.any(String) }]);
    const review = await as(api, p.admin)
      .post(`${url}/${risk.id}/reviews`)
      .send({ note: 'x', likelihood: 'high' });
    expect(review.status).toBe(400);
    expect(review.body.errors[0].field).toBe('likelihood');
    for (const body of [
      { likelihood: null },
      { title: null },
      { category: null },
      { scope: null },
    ]) {
      const res = await as(api, p.admin)
        .patch(`${url}/${risk.id}`)
        .send({ ...body, version: 1 });
      expect({ body, status: res.status, field: res.body.errors?.[0].field }).toEqual({
        body,
        status: 400,
        field: Object.keys(body)[0],
      });
    }
    expect((await as(api, p.admin).get(`${url}/${risk.id}`)).body.version).toBe(1);
    const missing = await as(api, p.admin)
      .post(url)
      .send({ kind: 'risk', title: 'x', category: 'delivery' });
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['likelihood', 'impact']),
    );
  });

  it('suppliers and councils raise entries for themselves, see national entries and their own, change only their own', async () => {
    const serviceId = await newServiceId();
    const unknown = await as(api, p.supplierA).post(url).send({
      kind: 'risk',
      title: 'Unknown service',
      category: 'delivery',
      likelihood: 2,
      impact: 2,
      serviceId: randomUUID(),
    });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'unknown_service']);
    const a = await raise(p.supplierA, { serviceId });
    expect(a).toMatchObject({
      scope: 'supplier',
      supplierId: p.supplierA.organisationId,
      councilId: null,
      serviceId,
      ownerUserId: p.supplierA.userId,
      ownerOrganisationId: p.supplierA.organisationId,
      raisedByUserId: p.supplierA.userId,
      escalationLevel: 'local',
    });
    const byToken = await raise(p.supplierAToken);
    expect(byToken).toMatchObject({ ownerUserId: null, supplierId: p.supplierA.organisationId });
    const x = await raise(p.councilX, { kind: 'barrier' });
    expect(x).toMatchObject({
      scope: 'council',
      councilId: p.councilX.organisationId,
      supplierId: null,
    });
    const national = await raise(p.admin);

    const wrongScope = await as(api, p.supplierA).post(url).send({
      kind: 'risk',
      title: 'x',
      category: 'delivery',
      likelihood: 1,
      impact: 1,
      scope: 'national',
    });
    expect(wrongScope.status).toBe(400);
    expect(wrongScope.body.errors[0].field).toBe('scope');
    const otherSupplier = await as(api, p.supplierA).post(url).send({
      kind: 'risk',
      title: 'x',
      category: 'delivery',
      likelihood: 1,
      impact: 1,
      supplierId: p.supplierB.organisationId,
    });
    expect(otherSupplier.body.errors[0].field).toBe('supplierId');
    const foreignOwner = await as(api, p.supplierA).post(url).send({
      kind: 'risk',
      title: 'x',
      category: 'delivery',
      likelihood: 1,
      impact: 1,
      ownerUserId: p.admin.userId,
    });
    expect(foreignOwner.status).toBe(422);

    for (const who of [p.supplierB, p.councilX, p.councilY]) {
      expect((await as(api, who).get(`${url}/${a.id}`)).status).toBe(404);
      expect((await as(api, who).get(`${url}/${a.id}/actions`)).status).toBe(404);
      const listed = await as(api, who).get(`${url}?supplierId=${p.supplierA.organisationId}`);
      expect(listed.body.meta.total).toBe(0);
      expect((await as(api, who).get(`${url}?serviceId=${serviceId}`)).body.data).toEqual([]);
    }
    for (const who of [p.admin, p.viewer, p.agency, p.supplierA, p.supplierAToken]) {
      const listed = await as(api, who).get(`${url}?serviceId=${serviceId}`);
      expect(listed.body.data.map((r: RiskBody) => r.id)).toEqual([a.id]);
    }
    expect((await as(api, p.supplierA).get(`${url}/${x.id}`)).status).toBe(404);
    expect((await as(api, p.councilY).get(`${url}/${x.id}`)).status).toBe(404);
    expect((await as(api, p.councilX).get(`${url}/${x.id}`)).status).toBe(200);
    const listedB = await as(api, p.supplierB).get(`${url}?limit=500&scope=supplier`);
    expect(
      listedB.body.data.every((r: RiskBody) => r.supplierId === p.supplierB.organisationId),
    ).toBe(true);

    expect((await as(api, p.supplierB).get(`${url}/${national.id}`)).status).toBe(200);
    const notOwned = await as(api, p.supplierA)
      .patch(`${url}/${national.id}`)
      .send({ title: 'Hijack', version: national.version });
    expect(notOwned.status).toBe(404);
    expect((await move(p.councilX, national, 'assessed')).status).toBe(404);
    const rescope = await as(api, p.supplierA)
      .patch(`${url}/${a.id}`)
      .send({ scope: 'national', version: a.version });
    expect(rescope.body.errors[0].field).toBe('scope');
    const own = await as(api, p.supplierA)
      .patch(`${url}/${a.id}`)
      .send({ escalationLevel: 'national', likelihood: 5, version: a.version });
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({
      escalationLevel: 'national',
      residual: { score: 15 },
      inherent: { score: 9 },
    });
    expect((await move(p.supplierA, own.body, 'assessed')).status).toBe(200);

    const handover = await as(api, p.admin)
      .patch(`${url}/${national.id}`)
      .send({ ownerOrganisationId: p.supplierB.organisationId, version: national.version });
    expect(handover.body).toMatchObject({
      ownerOrganisationId: p.supplierB.organisationId,
      ownerUserId: null,
      scope: 'national',
    });
    expect(
      (
        await as(api, p.supplierB)
          .patch(`${url}/${national.id}`)
          .send({ treatment: 'accept', version: handover.body.version })
      ).body.treatment,
    ).toBe('accept');

    const badShape = await as(api, p.admin).post(url).send({
      kind: 'risk',
      title: 'x',
      category: 'delivery',
      likelihood: 1,
      impact: 1,
      scope: 'council',
    });
    expect(badShape.body.errors).toEqual([{ field: 'councilId', message: expect.any(String) }]);
    const notACouncil = await as(api, p.admin).post(url).send({
      kind: 'risk',
      title: 'x',
      category: 'delivery',
      likelihood: 1,
      impact: 1,
      scope: 'council',
      councilId: p.supplierA.organisationId,
    });
    expect(notACouncil.status).toBe(422);
    const forSupplier = await raise(p.admin, {
      scope: 'supplier',
      supplierId: p.supplierB.organisationId,
      ownerUserId: p.supplierB.userId,
    });
    expect(forSupplier).toMatchObject({ ownerOrganisationId: p.supplierB.organisationId });
    expect((await as(api, p.supplierB).get(`${url}/${forSupplier.id}`)).status).toBe(200);
    expect((await as(api, p.supplierA).get(`${url}/${forSupplier.id}`)).status).toBe(404);
  });

  it('heatmap, top risks and overdue lists match a hand-computed fixture', async () => {
    const serviceId = await newServiceId();
    const scoped = { scope: 'service', serviceId };
    // [likelihood, impact] of each open fixture entry, and what to do with it.
    const make = (likelihood: number, impact: number, extra: object = {}) =>
      raise(p.admin, { ...scoped, likelihood, impact, ...extra });
    const e1 = await make(5, 5);
    const e2 = await make(5, 5, { kind: 'issue' });
    const e3 = await make(4, 3);
    const e4 = await make(4, 3, { kind: 'barrier' });
    const e5 = await make(4, 3);
    const e6 = await make(1, 1);
    const e7 = await make(2, 4);
    const e8 = await make(1, 5, { kind: 'barrier' });
    const closed = await make(3, 5);
    const mitigated = await make(5, 4);
    const afterReview = await as(api, p.admin)
      .post(`${url}/${mitigated.id}/reviews`)
      .send({ note: 'Halved', likelihood: 2, impact: 2 });
    expect(afterReview.body.risk.residual.score).toBe(4);

    const actionOn = (r: RiskBody, title: string, dueDate: string, status = 'open') =>
      as(api, p.admin).post(`${url}/${r.id}/actions`).send({ title, dueDate, status });
    await actionOn(e1, 'five days late', day(-5), 'in_progress');
    await actionOn(e3, 'one day late', day(-1));
    await actionOn(e3, 'done late', day(-3), 'done');
    await actionOn(e4, 'due today', day(0));
    await actionOn(e5, 'due tomorrow', day(1));
    await actionOn(e6, 'cancelled late', day(-2), 'cancelled');
    await actionOn(closed, 'late on a closed entry', day(-4));
    await move(p.admin, closed, 'closed', 'Out of scope');

    await backdateReview([e7.id], 3);
    await backdateReview([e3.id], 1);
    await backdateReview([closed.id], 10);

    const heat = await as(api, p.viewer).get(`${url}/heatmap?serviceId=${serviceId}`);
    expect(heat.status).toBe(200);
    // rows: likelihood 1..5; columns: impact 1..5; the closed entry is not counted.
    expect(heat.body.counts).toEqual([
      [1, 0, 0, 0, 1],
      [0, 1, 0, 1, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 3, 0, 0],
      [0, 0, 0, 0, 2],
    ]);
    expect(heat.body.total).toBe(9);
    expect(heat.body.rag[0]).toEqual(['green', 'green', 'green', 'green', 'amber']);
    expect(heat.body.rag[4]).toEqual(['amber', 'amber', 'red', 'red', 'red']);
    const closedOnly = await as(api, p.viewer).get(
      `${url}/heatmap?serviceId=${serviceId}&status=closed`,
    );
    expect(closedOnly.body.counts[2][4]).toBe(1);
    expect(closedOnly.body.total).toBe(1);
    const barriers = await as(api, p.viewer).get(
      `${url}/heatmap?serviceId=${serviceId}&kind=barrier`,
    );
    expect(barriers.body.counts).toEqual([
      [0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 1, 0, 0],
      [0, 0, 0, 0, 0],
    ]);
    const barrierList = await as(api, p.viewer).get(`${url}?serviceId=${serviceId}&kind=barrier`);
    expect(barrierList.body.data.map((r: RiskBody) => r.id)).toEqual([e4.id, e8.id]);

    const red = await as(api, p.admin).get(`${url}?serviceId=${serviceId}&rag=red`);
    expect(red.body.data.map((r: RiskBody) => r.id).sort()).toEqual(
      [e1.id, e2.id, closed.id].sort(),
    );
    const green = await as(api, p.admin).get(`${url}?serviceId=${serviceId}&rag=green`);
    expect(green.body.data.map((r: RiskBody) => r.id).sort()).toEqual([e6.id, mitigated.id].sort());

    const top = await as(api, p.agency).get(`${url}/top?serviceId=${serviceId}&limit=4`);
    expect(top.body.data.map((r: RiskBody) => r.reference)).toEqual([
      e1.reference,
      e2.reference,
      e3.reference,
      e4.reference,
    ]);

    const overdue = await as(api, p.admin).get(`${url}/overdue-reviews?serviceId=${serviceId}`);
    expect(overdue.body.data.map((r: RiskBody) => r.reference)).toEqual([
      e7.reference,
      e3.reference,
    ]);
    expect(overdue.body.data.every((r: { reviewOverdue: boolean }) => r.reviewOverdue)).toBe(true);
    const listed = await as(api, p.admin).get(`${url}?serviceId=${serviceId}&overdue=true`);
    expect(listed.body.data.map((r: RiskBody) => r.reference)).toEqual([
      e3.reference,
      e7.reference,
    ]);
    expect(
      (await as(api, p.admin).get(`${url}?serviceId=${serviceId}&overdue=false`)).body.meta.total,
    ).toBe(8);

    const actions = await as(api, p.admin).get(`${url}/overdue-actions?serviceId=${serviceId}`);
    expect(
      actions.body.data.map(
        (a: { title: string; daysOverdue: number; risk: { reference: string } }) => [
          a.title,
          a.daysOverdue,
          a.risk.reference,
        ],
      ),
    ).toEqual([
      ['five days late', 5, e1.reference],
      ['one day late', 1, e3.reference],
    ]);
    expect(actions.body.meta.total).toBe(2);
  });

  it('the daily job announces overdue reviews and actions as domain events, once per day', async () => {
    const serviceId = await newServiceId();
    const late = await raise(p.admin, { scope: 'service', serviceId, likelihood: 4, impact: 4 });
    const withAction = await raise(p.supplierA, { serviceId });
    const fine = await raise(p.admin, { scope: 'service', serviceId });
    const action = await as(api, p.supplierA)
      .post(`${url}/${withAction.id}/actions`)
      .send({ title: 'Publish recovery plan', dueDate: day(-2), ownerUserId: p.supplierA.userId });
    await backdateReview([late.id], 3);

    const events = async (type: string, field: string, id: string) =>
      (
        await api.db.query(
          `SELECT payload->'data' AS data FROM outbox_messages
            WHERE job_name = 'domain.event' AND payload->>'type' = $1 AND payload->'data'->>$2 = $3`,
          [type, field, id],
        )
      ).map((r: { data: Record<string, unknown> }) => r.data);

    const worker = await startTestWorker();
    try {
      const handler = worker.app.get(RiskOverdueScanHandler);
      await handler.handle();
      await handler.handle();
    } finally {
      await worker.close();
    }
    const reviewEvents = await events('risk.review_overdue', 'riskId', late.id);
    expect(reviewEvents).toEqual([
      expect.objectContaining({
        reference: late.reference,
        rag: 'red',
        scope: 'service',
        serviceId,
        ownerUserId: p.admin.userId,
        daysOverdue: 3,
        day: day(0),
      }),
    ]);
    const actionEvents = await events('risk.action_overdue', 'actionId', action.body.id);
    expect(actionEvents).toEqual([
      expect.objectContaining({
        riskId: withAction.id,
        reference: withAction.reference,
        supplierId: p.supplierA.organisationId,
        actionTitle: 'Publish recovery plan',
        actionOwnerUserId: p.supplierA.userId,
        dueDate: day(-2),
        daysOverdue: 2,
      }),
    ]);
    expect(await events('risk.review_overdue', 'riskId', withAction.id)).toEqual([]);
    expect(await events('risk.review_overdue', 'riskId', fine.id)).toEqual([]);
  });

  it('exports the register as CSV with the same filters and visibility', async () => {
    const serviceId = await newServiceId();
    const a = await raise(p.supplierA, {
      serviceId,
      likelihood: 5,
      impact: 5,
      title: '=HYPERLINK("x")',
    });
    const b = await raise(p.admin, { scope: 'service', serviceId, likelihood: 1, impact: 2 });
    const res = await as(api, p.admin).get(`/api/v1/exports/risks.csv?serviceId=${serviceId}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('risks.csv');
    const rows = parseCsvRecords(res.text);
    expect(rows.map((r) => r.reference)).toEqual([a.reference, b.reference]);
    expect(rows[0]).toMatchObject({
      title: `'=HYPERLINK("x")`,
      scope: 'supplier',
      supplier: 'Northwind Education Systems Ltd (demo)',
      owner_user: 'supplier@northwind-education-systems.example',
      residual_score: '25',
      rag: 'red',
      review_overdue: 'false',
      open_actions: '0',
    });
    expect(rows[1]).toMatchObject({ scope: 'service', service_id: serviceId, rag: 'green' });
    const forB = await as(api, p.supplierB).get(`/api/v1/exports/risks.csv?serviceId=${serviceId}`);
    expect(parseCsvRecords(forB.text)).toEqual([]);
    expect(forB.text.split('\n')[0]).toContain('reference,kind,title');
    expect((await as(api, p.admin).get('/api/v1/exports/risks.csv?rag=purple')).status).toBe(400);
  });

  it('seeds a realistic demo register with actions, reviews and overdue items', async () => {
    const [c] = await api.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT kind)::int AS kinds, count(DISTINCT scope)::int AS scopes,
              count(DISTINCT status)::int AS statuses,
              count(*) FILTER (WHERE next_review_at < now() AND status IN ('identified','assessed','mitigating','monitoring'))::int AS overdue,
              (SELECT count(*)::int FROM mitigation_actions a JOIN risks r ON r.id = a.risk_id WHERE r.seed_key IS NOT NULL) AS actions,
              (SELECT count(*)::int FROM risk_reviews v JOIN risks r ON r.id = v.risk_id WHERE r.seed_key IS NOT NULL) AS reviews
         FROM risks WHERE seed_key IS NOT NULL`,
    );
    expect(c.n).toBeGreaterThanOrEqual(20);
    expect(c).toMatchObject({ kinds: 3, scopes: 3, statuses: 6 });
    expect(c.overdue).toBeGreaterThan(0);
    expect(c.actions).toBeGreaterThan(10);
    expect(c.reviews).toBeGreaterThan(10);
    const realised = await api.db.query(
      `SELECT i.kind FROM risks r JOIN risks i ON i.id = r.realised_issue_id AND i.realised_from_id = r.id
        WHERE r.seed_key IS NOT NULL`,
    );
    expect(realised).toEqual([{ kind: 'issue' }]);
  });
});
