import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DomainEventEnvelope } from '../src/queue/domain-event-registry.js';
import { DomainEventHandler } from '../src/queue/handlers/domain-event.handler.js';
import { ReadinessScanHandler } from '../src/readiness/readiness-scan.handler.js';
import { insertService } from './support/adoption-fixtures.js';
import { createSupplier, uniq, waitForTerminal } from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { insertProduct, upsertAdoption } from './support/programme-fixtures.js';
import { countQueries } from './support/query-counter.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor, waitForOutboxDrained } from './support/wait.js';

const isoIn = (days: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/**
 * National critical dates and readiness through the API (real Postgres, Redis, SMTP):
 * readiness follows the adoptions, a council sees its own, and the 30-day notice reaches
 * exactly the contacts of the councils not ready and of the suppliers serving them, once.
 */
describe('critical dates and readiness', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const smtp = new SmtpSink(0);
  const council: Record<string, string> = {};
  const adoption: Record<string, string> = {};
  let serviceId: string;
  let dateId: string;
  let serving: Awaited<ReturnType<typeof createSupplier>>;
  let readyOnly: Awaited<ReturnType<typeof createSupplier>>;
  const dateName = `Test offer day ${uniq()}`;

  beforeAll(async () => {
    Object.assign(smtp, { port: await freePort() });
    await smtp.start();
    api = await startTestApi();
    worker = await startTestWorker({ SMTP_URL: smtp.url, EMAIL_RATE_PER_SECOND: '0' });
    p = await signInAll(api);
    const ids: { id: string; gss_code: string }[] = await api.db.query(
      `SELECT id, gss_code FROM organisations WHERE gss_code = ANY($1)`,
      [['E09000001', 'E08000025', 'E08000003', 'W06000015', 'W06000011', 'W06000001']],
    );
    for (const r of ids) council[r.gss_code] = r.id;
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
  });

  const readiness = () => as(api, p.viewer).get(`/api/v1/critical-dates/${dateId}/readiness`);
  const statusOf = (body: { councils: { gssCode: string; status: string }[] }) =>
    Object.fromEntries(body.councils.map((c) => [c.gssCode, c.status]));

  it('a date is created with its rule, validated and audited; readiness follows the adoptions', async () => {
    serviceId = (await insertService(api.db)).id;
    serving = await createSupplier(api, p.admin, {
      name: `Serving Ltd ${uniq()}`,
      contacts: [
        { name: 'Serving One', topics: [] },
        { name: 'Serving Two', topics: ['other'] },
      ],
    });
    readyOnly = await createSupplier(api, p.admin, {
      name: `Ready Only Ltd ${uniq()}`,
      contacts: [{ name: 'Ready Only', topics: [] }],
    });
    const { productId } = await insertProduct(api.db, { supplierId: serving.id, serviceId });
    const { productId: readyProduct } = await insertProduct(api.db, {
      supplierId: readyOnly.id,
      serviceId,
    });
    const stages: [string, string, string | null][] = [
      ['E09000001', 'implementation', productId], // council X: one stage short (at risk)
      ['E08000025', 'live', readyProduct], // ready
      ['E08000003', 'planning', productId], // too early (not ready)
      ['W06000015', 'testing', readyProduct], // ready (no steps defined)
      ['W06000011', 'paused', null], // not ready
    ];
    for (const [gss, stage, product] of stages) {
      adoption[gss] = await upsertAdoption(api.db, {
        councilId: council[gss],
        serviceId,
        productId: product,
        stage: stage as never,
      });
    }

    const bad = await as(api, p.admin)
      .post('/api/v1/critical-dates')
      .send({ code: 'X', name: '', date: '2027-02-30', serviceIds: [], nations: ['Scotland'] });
    expect(bad.status).toBe(400);
    const unknown = await as(api, p.admin)
      .post('/api/v1/critical-dates')
      .send({
        code: `T-${uniq().toUpperCase()}`,
        name: 'Unknown service',
        date: isoIn(25),
        serviceIds: ['00000000-0000-4000-8000-000000000000'],
        nations: ['England'],
        minStage: 'testing',
        daysBefore: 14,
      });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors[0].field).toBe('serviceIds[0]');

    const created = await as(api, p.admin)
      .post('/api/v1/critical-dates')
      .send({
        code: `T-${uniq().toUpperCase()}`,
        name: dateName,
        date: isoIn(25),
        serviceIds: [serviceId],
        nations: ['England', 'Wales'],
        minStage: 'testing',
        daysBefore: 14,
        leadTimes: [14, 60, 30],
      });
    expect(created.status).toBe(201);
    dateId = created.body.id;
    expect(created.body).toMatchObject({ deadline: isoIn(11), leadTimes: [60, 30, 14] });
    const [row] = await api.db.query(
      `SELECT days_before, lead_times FROM critical_dates WHERE id = $1`,
      [dateId],
    );
    expect(row).toEqual({ days_before: 14, lead_times: [60, 30, 14] });
    const dup = await as(api, p.admin)
      .post('/api/v1/critical-dates')
      .send({ ...created.body, id: undefined, deadline: undefined, version: undefined });
    expect(dup.status).toBe(409);

    const res = await readiness();
    expect(res.status).toBe(200);
    expect(statusOf(res.body)).toEqual({
      E09000001: 'at_risk',
      E08000025: 'ready',
      E08000003: 'not_ready',
      W06000015: 'ready',
      W06000011: 'not_ready',
    });
    expect(res.body.councils[0].status).toBe('not_ready'); // worst first
    const x = res.body.councils.find((c: { gssCode: string }) => c.gssCode === 'E09000001');
    expect(x).toMatchObject({ reason: 'one_stage_short', stage: 'implementation' });
    expect(x.detail).toContain(`testing is needed by ${isoIn(11)}`);
    expect(res.body.totals).toEqual({ ready: 2, atRisk: 1, notReady: 2, councils: 5 });
    expect(res.body.byNation).toEqual([
      { key: 'England', ready: 1, atRisk: 1, notReady: 1, councils: 3 },
      { key: 'Wales', ready: 1, atRisk: 0, notReady: 1, councils: 2 },
    ]);
    expect(res.body.byRegion.find((r: { key: string }) => r.key === 'London')).toMatchObject({
      atRisk: 1,
      councils: 1,
    });
    expect(res.body.trend.at(-1)).toMatchObject({ daysToGo: 25, ready: 2, atRisk: 1, notReady: 2 });
    const onlyReady = await as(api, p.agency).get(
      `/api/v1/critical-dates/${dateId}/readiness?status=ready`,
    );
    expect(onlyReady.body.councils.map((c: { gssCode: string }) => c.gssCode).sort()).toEqual([
      'E08000025',
      'W06000015',
    ]);
    expect(
      (await as(api, p.viewer).get(`/api/v1/critical-dates/${dateId}/readiness?status=x`)).status,
    ).toBe(400);
  });

  it('readiness takes the same number of statements however many councils are concerned', async () => {
    const before = await countQueries(api.db, () => readiness());
    await upsertAdoption(api.db, {
      councilId: council.W06000001,
      serviceId,
      stage: 'procurement',
    });
    const after = await countQueries(api.db, () => readiness());
    expect(after.result.body.totals.councils).toBe(6);
    expect(after.count).toBe(before.count);
    expect(after.count).toBeLessThanOrEqual(6);
  });

  it("moving a council's adoption changes its readiness for the date; a council sees only its own", async () => {
    const mine = async () => {
      const res = await as(api, p.councilX).get(`/api/v1/councils/E09000001/readiness`);
      expect(res.status).toBe(200);
      return res.body.dates.find(
        (d: { criticalDate: { id: string } }) => d.criticalDate.id === dateId,
      );
    };
    expect(await mine()).toMatchObject({
      status: 'at_risk',
      reason: 'one_stage_short',
      daysToGo: 25,
    });
    expect((await as(api, p.councilY).get(`/api/v1/councils/E09000001/readiness`)).status).toBe(
      404,
    );
    expect((await as(api, p.councilX).get(`/api/v1/councils/not-a-council/readiness`)).status).toBe(
      400,
    );

    const current = await as(api, p.councilX).get(`/api/v1/adoptions/${adoption.E09000001}`);
    const moved = await as(api, p.councilX)
      .post(`/api/v1/adoptions/${adoption.E09000001}/transitions`)
      .send({ to: 'testing', version: current.body.version, note: 'UAT started' });
    expect(moved.status).toBe(200);
    const [{ stage }] = await api.db.query(`SELECT stage FROM adoptions WHERE id = $1`, [
      adoption.E09000001,
    ]);
    expect(stage).toBe('testing');
    expect(await mine()).toMatchObject({ status: 'ready', reason: 'stage_reached' });
    expect(statusOf((await readiness()).body).E09000001).toBe('ready');
  });

  it('the 30-day notice goes once to exactly the not-ready councils’ contacts and the suppliers serving them', async () => {
    // Contacts of every council concerned (one inactive: it must get nothing).
    for (const gss of ['E09000001', 'E08000025', 'E08000003', 'W06000011', 'W06000001']) {
      const res = await as(api, p.admin)
        .post(`/api/v1/councils/${council[gss]}/contacts`)
        .send({ name: `Officer ${gss}`, email: `officer.${gss}.${uniq()}@council.test` });
      expect(res.status).toBe(201);
    }
    const off = await as(api, p.admin)
      .post(`/api/v1/councils/${council.E08000003}/contacts`)
      .send({ name: 'Gone', email: `gone.${uniq()}@council.test`, active: false });
    expect(off.status).toBe(201);

    // Independent of the readiness SQL: the councils whose adoption is neither live nor in
    // testing (the rule's stage), their active contacts, and the active contacts of the
    // suppliers whose product or shared service routes one of those adoptions.
    const [{ emails }]: { emails: string[] }[] = await api.db.query(
      `WITH behind AS (
         SELECT a.council_id, a.product_id, a.shared_service_id FROM adoptions a
          WHERE a.service_id = $1 AND a.stage NOT IN ('live', 'testing', 'withdrawn')),
       orgs AS (
         SELECT council_id AS id FROM behind
         UNION SELECT pr.supplier_id FROM behind b JOIN products pr ON pr.id = b.product_id
         UNION SELECT ss.operator_id FROM behind b JOIN shared_services ss ON ss.id = b.shared_service_id)
       SELECT array_agg(c.email ORDER BY c.email) AS emails
         FROM supplier_contacts c JOIN orgs ON orgs.id = c.supplier_id WHERE c.active`,
      [serviceId],
    );
    expect(emails).toEqual(expect.arrayContaining(serving.contacts.map((c) => c.email)));
    expect(emails).not.toContain(readyOnly.contacts[0].email);

    const scan = worker.app.get(ReadinessScanHandler);
    await scan.handle();
    const notices: { council_id: string; lead_days: number }[] = await api.db.query(
      `SELECT council_id, lead_days FROM readiness_notices WHERE critical_date_id = $1`,
      [dateId],
    );
    expect(notices.map((n) => n.lead_days)).toEqual([30, 30, 30]);
    expect(notices.map((n) => n.council_id).sort()).toEqual(
      [council.E08000003, council.W06000011, council.W06000001].sort(),
    );
    const comms: { id: string }[] = await waitFor(
      async () => {
        const rows = await api.db.query(`SELECT id FROM communications WHERE dedupe_key LIKE $1`, [
          `trigger:readiness.lead_time_reached:${dateId}:30:%`,
        ]);
        return rows.length === 2 ? rows : null;
      },
      { timeoutMs: 20000, what: 'the two readiness notices' },
    );
    for (const c of comms) await waitForTerminal(api.db, c.id);
    const mine = () => smtp.messages.filter((m) => m.subject.includes(dateName));
    expect(
      mine()
        .flatMap((m) => m.to)
        .sort(),
    ).toEqual(emails);

    // A second scan (and the next day's, for the same lead time) announces nobody again,
    // and the same event delivered again (at least once) creates and sends nothing more.
    await scan.handle();
    const [outbox]: { payload: DomainEventEnvelope }[] = await api.db.query(
      `SELECT payload FROM outbox_messages
        WHERE payload->>'type' = 'readiness.lead_time_reached'
          AND payload->'data'->>'criticalDateId' = $1`,
      [dateId],
    );
    await worker.app.get(DomainEventHandler).handle(outbox.payload);
    await waitForOutboxDrained(api.db);
    const again: unknown[] = await api.db.query(
      `SELECT id FROM communications WHERE dedupe_key LIKE $1`,
      [`trigger:readiness.lead_time_reached:${dateId}:%`],
    );
    expect(again).toHaveLength(2);
    expect(mine()).toHaveLength(emails.length);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM readiness_notices WHERE critical_date_id = $1`,
      [dateId],
    );
    expect(n).toBe(3);

    // The notice history: every notice with its lead time and the communication that
    // carried it to the council's contacts (programme office; a council its own only).
    const [toCouncils]: { id: string }[] = await api.db.query(
      `SELECT id FROM communications WHERE dedupe_key LIKE $1`,
      [`trigger:readiness.lead_time_reached:${dateId}:30:%:councils`],
    );
    const history = await as(api, p.viewer).get(`/api/v1/critical-dates/${dateId}/notices`);
    expect(history.status).toBe(200);
    expect(history.body.meta.total).toBe(3);
    expect(
      (history.body.data as { councilId: string; leadDays: number; communicationId: string }[])
        .map((h) => [h.councilId, h.leadDays, h.communicationId])
        .sort(),
    ).toEqual(
      [council.E08000003, council.W06000011, council.W06000001]
        .map((c) => [c, 30, toCouncils.id])
        .sort(),
    );
    const paged = await as(api, p.admin).get(
      `/api/v1/critical-dates/${dateId}/notices?limit=2&leadDays=30`,
    );
    expect([paged.body.data.length, paged.body.meta.total]).toEqual([2, 3]);
    expect(
      (await as(api, p.supplierA).get(`/api/v1/critical-dates/${dateId}/notices`)).status,
    ).toBe(403);
    const own = await as(api, p.admin).get(`/api/v1/councils/W06000011/readiness-notices`);
    expect(own.status).toBe(200);
    expect(
      (own.body.data as { criticalDateId: string }[]).filter((h) => h.criticalDateId === dateId),
    ).toHaveLength(1);
    expect(
      (await as(api, p.councilX).get(`/api/v1/councils/W06000011/readiness-notices`)).status,
    ).toBe(404);
    const [snapshot] = await api.db.query(
      `SELECT ready, at_risk, not_ready FROM readiness_snapshots WHERE critical_date_id = $1`,
      [dateId],
    );
    expect(snapshot).toEqual({ ready: 3, at_risk: 0, not_ready: 3 });
  });

  it('the programme office changes a date with the version it read (stale → 409)', async () => {
    const current = await as(api, p.viewer).get(`/api/v1/critical-dates/${dateId}`);
    const changed = await as(api, p.admin)
      .patch(`/api/v1/critical-dates/${dateId}`)
      .send({ minStage: 'live', version: current.body.version });
    expect(changed.status).toBe(200);
    expect(changed.body.minStage).toBe('live');
    const stale = await as(api, p.admin)
      .patch(`/api/v1/critical-dates/${dateId}`)
      .send({ daysBefore: 1, version: current.body.version });
    expect(stale.status).toBe(409);
    const [audit] = await api.db.query(
      `SELECT action FROM audit_events WHERE entity_type = 'critical_date' AND entity_id = $1
        ORDER BY occurred_at DESC, id DESC LIMIT 1`,
      [dateId],
    );
    expect(audit.action).toBe('critical_date.updated');
    const list = await as(api, p.supplierA).get('/api/v1/critical-dates?upcoming=true&limit=500');
    expect(list.status).toBe(200);
    expect(list.body.data.map((d: { id: string }) => d.id)).toContain(dateId);
  });
});
