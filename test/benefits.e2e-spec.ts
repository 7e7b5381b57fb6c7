import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BenefitThresholdSubscriber } from '../src/benefits/benefit-threshold.subscriber.js';
import { BenefitsSeeder } from '../src/benefits/benefits.seeder.js';
import { BenefitStatusSource } from '../src/communications/digest/benefit-status-source.js';
import type { DomainEventEnvelope } from '../src/queue/domain-event-registry.js';
import { DomainEventHandler } from '../src/queue/handlers/domain-event.handler.js';
import { insertService } from './support/adoption-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { insertProduct, upsertAdoption } from './support/programme-fixtures.js';
import { countQueries } from './support/query-counter.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

/**
 * The benefits register through the API: status computed from readings against the
 * baseline→target path, a disbenefit's threshold raising exactly one risk, CSV in and out,
 * who reads what, and list/summary query counts that do not grow with the data.
 */
describe('benefits: register, readings and computed status', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const url = '/api/v1/benefits';

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker();
    p = await signInAll(api);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const create = async (serviceId: string, body: object = {}) => {
    const res = await as(api, p.admin)
      .post(url)
      .send({
        title: 'Share of applications made online',
        type: 'benefit',
        serviceIds: [serviceId],
        measureName: 'Applications made online',
        unit: '%',
        direction: 'higher',
        baselineValue: 40,
        baselineDate: '2026-01-01',
        baselineSource: 'Council returns',
        targetValue: 80,
        targetDate: '2026-11-01', // 304 days: +40 points
        tolerancePct: 5, // 2 points
        ...body,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; status: string; version: number };
  };
  const read = (id: string, value: number, measuredOn: string, extra: object = {}) =>
    as(api, p.admin)
      .post(`${url}/${id}/measurements`)
      .send({ value, measuredOn, source: 'test', ...extra });

  it('status follows readings: below the path is at risk, far below off track, back on the path on track', async () => {
    const service = await insertService(api.db, {});
    const b = await create(service.id);
    expect(b.status).toBe('no_data');
    // Halfway through (2026-06-02, day 152): the path says 60.
    let res = await read(b.id, 60.5, '2026-06-02');
    expect(res.status).toBe(201);
    expect(res.body.benefit).toMatchObject({ status: 'on_track', expected: 60 });
    res = await read(b.id, 57, '2026-06-02'); // 3 behind: past 2, within 4
    expect(res.body.benefit.status).toBe('at_risk');
    res = await read(b.id, 50, '2026-07-01');
    expect(res.body.benefit.status).toBe('off_track');
    res = await read(b.id, 70, '2026-08-01');
    expect(res.body.benefit.status).toBe('on_track');
    const got = await as(api, p.viewer).get(`${url}/${b.id}`);
    expect(got.body).toMatchObject({
      status: 'on_track',
      latest: { value: 70, date: '2026-08-01' },
    });
    expect(got.body.sparkline.map((s: { value: number }) => s.value)).toEqual([60.5, 57, 50, 70]);
  });

  it('a lower-is-better benefit is behind when above its path', async () => {
    const service = await insertService(api.db, {});
    const b = await create(service.id, {
      direction: 'lower',
      baselineValue: 20,
      targetValue: 10,
      valuePerUnit: 1000,
    });
    const res = await read(b.id, 15, '2026-06-02'); // path 15
    expect(res.body.benefit).toMatchObject({ status: 'on_track', realisedValue: 5000 });
    expect((await read(b.id, 16, '2026-06-02')).body.benefit.status).toBe('at_risk');
  });

  it('a disbenefit crossing its threshold raises exactly one linked risk, even when the event is delivered twice', async () => {
    const service = await insertService(api.db, {});
    const d = await create(service.id, {
      title: 'Switchover calls (fixture)',
      type: 'disbenefit',
      direction: 'lower',
      baselineValue: 1000,
      targetValue: 1000,
      threshold: 1300,
    });
    for (const [v, on] of [
      [1100, '2026-02-01'],
      [1350, '2026-03-01'], // crosses
      [1400, '2026-04-01'], // still past: no new crossing
    ] as const) {
      expect((await read(d.id, v, on)).status).toBe(201);
    }
    const events = async () =>
      await api.db.query<
        { id: string; payload: DomainEventEnvelope<'benefit.threshold_crossed'> }[]
      >(`SELECT id, payload FROM outbox_messages WHERE payload->'data'->>'benefitId' = $1`, [d.id]);
    const published = await events();
    expect(published).toHaveLength(1);
    const risks = async () =>
      await api.db.query<{ risk_id: string | null; reference: string; service_id: string }[]>(
        `SELECT c.risk_id, r.reference, r.service_id FROM benefit_threshold_crossings c
           LEFT JOIN risks r ON r.id = c.risk_id WHERE c.benefit_id = $1`,
        [d.id],
      );
    await waitFor(async () => (await risks()).length === 1 && (await risks())[0].risk_id !== null, {
      what: 'linked risk raised',
    });
    // Delivered again (a redelivered job) and handled concurrently: nothing more.
    const envelope = published[0].payload;
    await Promise.all([
      worker.app.get(DomainEventHandler).handle(envelope),
      worker.app.get(BenefitThresholdSubscriber).crossed(envelope.data),
    ]);
    const rows = await risks();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ service_id: service.id });
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM risks WHERE description LIKE $1`,
      [`%benefit ${d.id}%`],
    );
    expect(n).toBe(1);
    const got = await as(api, p.admin).get(`${url}/${d.id}`);
    expect(got.body.status).toBe('off_track');
    // Back under, then over again: a second crossing, a second risk.
    await read(d.id, 1200, '2026-05-01');
    await read(d.id, 1310, '2026-06-01');
    await waitFor(async () => (await risks()).filter((r) => r.risk_id).length === 2, {
      what: 'second crossing raised',
    });
  });

  it('CSV import with one bad row is a 400 naming the row and column and imports nothing; a good one imports all', async () => {
    const service = await insertService(api.db, {});
    const b = await create(service.id);
    const bad =
      'measured_on,value,source,note\n2026-02-01,44,ONS,\n2026-02-30,45,ONS,\n2026-03-01,46,ONS,\n';
    const res = await as(api, p.admin)
      .post(`${url}/${b.id}/measurements/import`)
      .set('content-type', 'text/csv')
      .send(bad);
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('row 3, column measured_on');
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 3, column: 'measured_on' })]);
    const notNumber = await as(api, p.admin)
      .post(`${url}/${b.id}/measurements/import`)
      .set('content-type', 'text/csv')
      .send('measured_on,value\n2026-02-01,abc\n');
    expect(notNumber.status).toBe(400);
    expect(notNumber.body.errors[0]).toMatchObject({ row: 2, column: 'value' });
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM benefit_measurements WHERE benefit_id = $1`,
      [b.id],
    );
    expect(n).toBe(0);
    const good = [
      'measured_on,value,source,note,breakdown,breakdown_key',
      '2026-02-01,44,ONS,,,',
      '2026-03-01,46,ONS,"=HYPERLINK(""x"")",,',
      '2026-03-01,50,ONS,,nation,Wales',
      '2026-03-01,45,ONS,,nation,England',
    ].join('\n');
    const ok = await as(api, p.admin)
      .post(`${url}/${b.id}/measurements/import`)
      .set('content-type', 'text/csv')
      .send(good);
    expect(ok.status).toBe(200);
    expect(ok.body.imported).toBe(4);
    const series = await as(api, p.agency).get(`${url}/${b.id}/measurements`);
    expect(series.body.overall).toHaveLength(2);
    expect(series.body.breakdowns.map((x: { key: string }) => x.key).sort()).toEqual([
      'England',
      'Wales',
    ]);
    const csv = await as(api, p.admin).get(`${url}/${b.id}/measurements.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.split('\n')[0]).toBe('measured_on,value,source,note,breakdown,breakdown_key');
    expect(csv.text).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('suppliers and councils read benefits of services they deliver or adopt; only the programme office writes', async () => {
    const service = await insertService(api.db, {});
    const b = await create(service.id);
    const other = await create((await insertService(api.db, {})).id);
    for (const who of [p.supplierA, p.councilX]) {
      expect((await as(api, who).get(`${url}/${b.id}`)).status).toBe(404);
    }
    await insertProduct(api.db, { supplierId: p.supplierA.organisationId!, serviceId: service.id });
    await upsertAdoption(api.db, { councilId: p.councilX.organisationId!, serviceId: service.id });
    for (const who of [p.supplierA, p.councilX, p.agency, p.viewer]) {
      expect((await as(api, who).get(`${url}/${b.id}`)).status).toBe(200);
    }
    expect((await as(api, p.supplierB).get(`${url}/${b.id}`)).status).toBe(404);
    expect((await as(api, p.councilX).get(`${url}/${other.id}`)).status).toBe(404);
    const listed = await as(api, p.supplierA).get(`${url}?limit=500`);
    expect(listed.body.data.map((x: { id: string }) => x.id)).toContain(b.id);
    expect(listed.body.data.map((x: { id: string }) => x.id)).not.toContain(other.id);
    for (const who of [p.supplierA, p.councilX, p.agency, p.viewer]) {
      const res = await as(api, who)
        .post(`${url}/${b.id}/measurements`)
        .send({ value: 1, measuredOn: '2026-02-01' });
      expect(res.status).toBe(403);
    }
  });

  it('bad input is a 400: impossible dates, null where a value is required, unknown services', async () => {
    const service = await insertService(api.db, {});
    for (const body of [
      { baselineDate: '2026-02-30' },
      { targetDate: '2026-01-01T00:00:00Z' },
      { title: null },
      { baselineValue: '40' },
      { serviceIds: ['00000000-0000-4000-8000-000000000000'] },
      { tolerancePct: null },
    ]) {
      const res = await as(api, p.admin)
        .post(url)
        .send({
          title: 'x',
          type: 'benefit',
          serviceIds: [service.id],
          measureName: 'm',
          unit: '%',
          direction: 'higher',
          baselineValue: 1,
          baselineDate: '2026-01-01',
          targetValue: 2,
          targetDate: '2026-12-01',
          ...body,
        });
      expect(res.status).toBe(400);
    }
  });

  it('list and summary use the same number of queries however many benefits and readings there are', async () => {
    const service = await insertService(api.db, {});
    const measure = async () => ({
      list: (
        await countQueries(api.db, () => as(api, p.councilX).get(`${url}?serviceId=${service.id}`))
      ).count,
      summary: (await countQueries(api.db, () => as(api, p.councilX).get(`${url}/summary`))).count,
    });
    await upsertAdoption(api.db, { councilId: p.councilX.organisationId!, serviceId: service.id });
    const a = await create(service.id);
    await read(a.id, 41, '2026-01-15');
    const before = await measure();
    for (let i = 0; i < 5; i++) {
      const b = await create(service.id, { title: `Benefit ${i}` });
      for (let j = 1; j <= 6; j++) await read(b.id, 40 + j, `2026-0${j}-10`);
    }
    const after = await measure();
    expect(after).toEqual(before);
    const list = await as(api, p.councilX).get(`${url}?serviceId=${service.id}`);
    expect(list.body.meta.total).toBe(6);
    expect(list.body.data[0].sparkline.length).toBeGreaterThan(0);
    const summary = await as(api, p.admin).get(`${url}/summary`);
    expect(summary.body.total).toBeGreaterThanOrEqual(6);
    expect(Object.keys(summary.body.byStatus).sort()).toEqual([
      'at_risk',
      'no_data',
      'off_track',
      'on_track',
    ]);
  });

  it('demo data: four benefits with 12 monthly readings; the disbenefit crossed its threshold once; seeding again adds nothing', async () => {
    const rows = await api.db.query<
      { type: string; title: string; readings: number; risks: number }[]
    >(
      `SELECT b.type, b.title, (SELECT count(*)::int FROM benefit_measurements m
                  WHERE m.benefit_id = b.id AND m.breakdown IS NULL) AS readings,
              (SELECT count(*)::int FROM benefit_threshold_crossings c
                  WHERE c.benefit_id = b.id AND c.risk_id IS NOT NULL) AS risks
         FROM benefits b WHERE b.seed_key IS NOT NULL ORDER BY b.seed_key`,
    );
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => r.readings === 12)).toBe(true);
    expect(rows.map((r) => [r.type, r.risks])).toEqual([
      ['benefit', 0],
      ['benefit', 0],
      ['benefit', 0],
      ['disbenefit', 1],
    ]);
    const again = await api.db.transaction((m) => worker.app.get(BenefitsSeeder).seedDemo(m));
    expect(again).toEqual({ benefits: 0, benefitReadings: 0 });
    const list = await as(api, p.agency).get(`${url}?limit=500`);
    const statuses = Object.fromEntries(
      list.body.data.map((b: { title: string; status: string }) => [b.title, b.status]),
    );
    expect(statuses).toMatchObject({
      'Share of admissions applications made online': 'on_track',
      'FSM eligibility checks answered in real time': 'off_track',
      'Processing cost per application': 'on_track',
      'Calls to council contact centres during switchover': 'on_track',
    });
  });

  it("status changes appear on the weekly digest of the benefit's owner (a supplier)", async () => {
    const service = await insertService(api.db, {});
    const owner = p.supplierB.organisationId!;
    const b = await create(service.id, { ownerOrganisationId: owner, title: 'Digest fixture' });
    await read(b.id, 60, '2026-06-02'); // no_data → on_track
    await read(b.id, 57, '2026-06-02'); // → at_risk
    await read(b.id, 57.5, '2026-06-02'); // still at risk: no change
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM benefit_status_changes WHERE benefit_id = $1`,
      [b.id],
    );
    expect(n).toBe(2);
    const items = await worker.app.get(BenefitStatusSource).items(new Date());
    const mine = items.filter((i) => i.link.endsWith(`/benefits/${b.id}`));
    expect(mine).toEqual([
      expect.objectContaining({
        supplierId: owner,
        kind: 'benefit_status',
        title: 'Benefit status: Digest fixture moved from on track to at risk',
      }),
    ]);
    const later = await worker.app
      .get(BenefitStatusSource)
      .items(new Date(Date.now() + 8 * 86_400_000));
    expect(later.filter((i) => i.link.endsWith(`/benefits/${b.id}`))).toEqual([]);
  });
});
