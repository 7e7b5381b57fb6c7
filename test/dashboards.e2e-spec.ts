import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type pg from 'pg';
import { parseCsvRecords } from '../src/common/csv.js';
import { insertService } from './support/adoption-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import {
  insertProduct,
  organisationIdByCode,
  upsertAdoption,
} from './support/programme-fixtures.js';
import { countQueries } from './support/query-counter.js';
import { startTestApi, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

const monthKey = (monthsAgo: number) => {
  const d = new Date();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - monthsAgo);
  return d.toISOString().slice(0, 7);
};
/** The 10th of the month `monthsAgo` months back, noon UTC: clear of month boundaries. */
const midMonth = (monthsAgo: number) => `${monthKey(monthsAgo)}-10T12:00:00Z`;
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

/**
 * A fresh service and five councils in known states, so every figure below is computed
 * by hand:
 *   City of London (E09000001, London)      live,        product A (certified)  — depends_on service not live
 *   Hartlepool (E06000001, North East)      testing,     product A; live target missed
 *   Isle of Anglesey (W06000001, Wales)     planning,    no route; in planning 200 days
 *   Barking and Dagenham (E09000002, London) withdrawn
 *   Middlesbrough (E06000002, North East)   implementation, suspended product S
 */
describe('dashboards: adoption, attention, council status, CSV', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  let service: { id: string; code: string };
  let dependency: { id: string; code: string };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
    dependency = await insertService(api.db);
    service = await insertService(api.db, { dependsOn: [dependency.id] });
    const supplierA = p.supplierA.organisationId!;
    const certified = await insertProduct(api.db, {
      supplierId: supplierA,
      serviceId: service.id,
      certificate: 'valid',
    });
    const suspended = await insertProduct(api.db, {
      supplierId: p.supplierB.organisationId!,
      serviceId: service.id,
      status: 'suspended',
      certificate: 'valid',
    });
    const council = (code: string) => organisationIdByCode(api.db, code);
    ids.x = await upsertAdoption(api.db, {
      councilId: await council('E09000001'),
      serviceId: service.id,
      productId: certified.productId,
      stage: 'live',
      history: false,
    });
    ids.y = await upsertAdoption(api.db, {
      councilId: await council('E06000001'),
      serviceId: service.id,
      productId: certified.productId,
      stage: 'testing',
      history: false,
    });
    ids.w = await upsertAdoption(api.db, {
      councilId: await council('W06000001'),
      serviceId: service.id,
      stage: 'planning',
      history: false,
    });
    ids.l = await upsertAdoption(api.db, {
      councilId: await council('E09000002'),
      serviceId: service.id,
      stage: 'withdrawn',
      history: false,
    });
    ids.m = await upsertAdoption(api.db, {
      councilId: await council('E06000002'),
      serviceId: service.id,
      productId: suspended.productId,
      stage: 'implementation',
      history: false,
    });
    await api.db.query(`UPDATE adoptions SET target_dates = $2 WHERE id = $1`, [
      ids.y,
      { live: yesterday() },
    ]);
    await api.db.query(
      `UPDATE adoptions SET stage_entered_at = now() - interval '200 days' WHERE id = $1`,
      [ids.w],
    );
    // History: X went live 2 months ago; Y went live 3 months ago and left it last month.
    await api.db.query(
      `INSERT INTO adoption_history (adoption_id, event, from_stage, to_stage, actor_label, occurred_at)
       VALUES ($1, 'transitioned', 'testing', 'live', 'test', $3),
              ($2, 'transitioned', 'testing', 'live', 'test', $4),
              ($2, 'transitioned', 'live', 'paused', 'test', $5),
              ($2, 'transitioned', 'paused', 'testing', 'test', $5)`,
      [ids.x, ids.y, midMonth(2), midMonth(3), midMonth(1)],
    );
  });
  afterAll(() => api.close());

  it('computes the adoption dashboard in SQL, matching the hand-computed figures', async () => {
    const res = await as(api, p.viewer).get(`/api/v1/dashboards/adoption?serviceId=${service.id}`);
    expect(res.status).toBe(200);
    expect(res.body.totals).toEqual({ adoptions: 5, live: 1, pctLive: 25 });
    expect(res.body.byService).toEqual([
      {
        service: expect.objectContaining({ id: service.id, code: service.code }),
        total: 5,
        stages: {
          not_started: 0,
          planning: 1,
          procurement: 0,
          implementation: 1,
          testing: 1,
          live: 1,
          paused: 0,
          withdrawn: 1,
        },
        live: 1,
        pctLive: 25, // 1 live of the 4 not withdrawn
      },
    ]);
    expect(res.body.byNation).toEqual([
      { nation: 'England', councils: 4, total: 4, live: 1, inProgress: 2, pctLive: 33.3 },
      { nation: 'Wales', councils: 1, total: 1, live: 0, inProgress: 1, pctLive: 0 },
    ]);
    expect(res.body.byRegion).toEqual(
      expect.arrayContaining([
        {
          nation: 'England',
          region: 'London',
          councils: 2,
          total: 2,
          live: 1,
          inProgress: 0,
          pctLive: 100,
        },
        {
          nation: 'England',
          region: 'North East',
          councils: 2,
          total: 2,
          live: 0,
          inProgress: 2,
          pctLive: 0,
        },
      ]),
    );
    expect(res.body.bySupplier).toEqual([
      {
        supplier: { id: p.supplierA.organisationId, name: expect.any(String) },
        councils: 2,
        adoptions: 2,
        live: 1,
        liveCouncils: 1,
        viaSharedServices: 0,
      },
      {
        supplier: { id: p.supplierB.organisationId, name: expect.any(String) },
        councils: 1,
        adoptions: 1,
        live: 0,
        liveCouncils: 0,
        viaSharedServices: 0,
      },
    ]);
    const trend = Object.fromEntries(
      res.body.liveTrend.map((t: { month: string }) => [t.month, t]),
    );
    expect(res.body.liveTrend).toHaveLength(12);
    expect(trend[monthKey(4)]).toEqual({ month: monthKey(4), live: 0, wentLive: 0, leftLive: 0 });
    expect(trend[monthKey(3)]).toMatchObject({ live: 1, wentLive: 1, leftLive: 0 });
    expect(trend[monthKey(2)]).toMatchObject({ live: 2, wentLive: 1, leftLive: 0 });
    expect(trend[monthKey(1)]).toMatchObject({ live: 1, wentLive: 0, leftLive: 1 });
    expect(trend[monthKey(0)]).toMatchObject({ live: 1, wentLive: 0, leftLive: 0 });
  });

  it('lists the adoptions needing attention, each with its reasons', async () => {
    const res = await as(api, p.admin).get(`/api/v1/dashboards/attention?serviceId=${service.id}`);
    expect(res.status).toBe(200);
    const reasons = Object.fromEntries(
      res.body.data.map((r: { adoptionId: string; reasons: { code: string }[] }) => [
        r.adoptionId,
        r.reasons.map((x) => x.code),
      ]),
    );
    expect(reasons).toEqual({
      [ids.x]: ['dependency_not_live'],
      [ids.y]: ['past_target_date', 'dependency_not_live'],
      [ids.w]: ['stalled'],
      [ids.m]: ['route_suspended'],
    });
    expect(res.body.meta.total).toBe(4);
    const x = res.body.data.find((r: { adoptionId: string }) => r.adoptionId === ids.x);
    expect(x.reasons[0].detail).toContain(dependency.code);
    const page = await as(api, p.admin).get(
      `/api/v1/dashboards/attention?serviceId=${service.id}&limit=1&page=2`,
    );
    expect(page.body.data).toHaveLength(1);
    expect(page.body.meta.total).toBe(4);
  });

  it('runs a constant number of queries whatever the number of councils', async () => {
    const measure = async () => ({
      dashboard: (
        await countQueries(api.db, () => as(api, p.admin).get('/api/v1/dashboards/adoption'))
      ).count,
      attention: (
        await countQueries(api.db, () => as(api, p.admin).get('/api/v1/dashboards/attention'))
      ).count,
      status: (
        await countQueries(api.db, () =>
          as(api, p.admin).get(`/api/v1/councils/${p.councilX.organisationId}/status`),
        )
      ).count,
    });
    // A new read-model generation, so both measures below run the aggregates (a repeat
    // request within one generation is answered from the api's cache: see the 304 test).
    await api.db.query(`UPDATE read_model_generation SET generation = generation + 1`);
    const small = await measure();
    const [{ n: before }] = await api.db.query(
      `SELECT count(*)::int AS n FROM organisations WHERE type = 'COUNCIL'`,
    );
    // 300 more (synthetic) councils, each adopting every council-delivered service.
    await api.db.query(
      `INSERT INTO organisations (type, name, gss_code, council_type, region, nation)
       SELECT 'COUNCIL', 'Synthetic council ' || n, 'SYNTH' || lpad(n::text, 5, '0'),
              'Synthetic', 'Synthetic region', 'England'
         FROM generate_series(1, 300) n`,
    );
    await api.db.query(
      `INSERT INTO adoptions (council_id, service_id, stage)
       SELECT o.id, s.id, (ARRAY['planning','testing','live'])[1 + (hashtext(o.name) & 3) % 3]
         FROM organisations o JOIN services s ON s.delivery_model = 'council_delivered'
        WHERE o.gss_code LIKE 'SYNTH%'`,
    );
    try {
      const big = await measure();
      const dashboard = await as(api, p.admin).get('/api/v1/dashboards/adoption');
      const synthetic = dashboard.body.byRegion.find(
        (r: { region: string }) => r.region === 'Synthetic region',
      );
      expect(synthetic.councils).toBe(300);
      expect(big).toEqual(small);
      // The statement itself, plus the sign-in check of the bearer (and, for the dashboard
      // and council status, the read-model generation).
      expect(small).toEqual({ dashboard: 3, attention: 2, status: 3 });
      expect(before).toBeGreaterThan(100);
    } finally {
      await api.db.query(
        `DELETE FROM adoptions WHERE council_id IN (SELECT id FROM organisations WHERE gss_code LIKE 'SYNTH%')`,
      );
      await api.db.query(`DELETE FROM organisations WHERE gss_code LIKE 'SYNTH%'`);
    }
  });

  it('answers a repeat request from the generation: 304 for a matching ETag, no aggregate', async () => {
    const url = `/api/v1/dashboards/adoption?serviceId=${service.id}`;
    const aggregates = (queries: string[]) => queries.filter((q) => q.includes('per_council'));
    const first = await as(api, p.admin).get(url);
    expect(first.status).toBe(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const revalidated = await countQueries(api.db, () =>
      as(api, p.admin).get(url).set('if-none-match', etag),
    );
    expect(revalidated.result.status).toBe(304);
    expect(revalidated.result.text).toBe('');
    expect(revalidated.result.headers.etag).toBe(etag);
    // The bearer's check and the generation: nothing that reads adoptions.
    expect(revalidated.count).toBe(2);
    expect(revalidated.queries.some((q) => q.includes('read_model_generation'))).toBe(true);
    expect(aggregates(revalidated.queries)).toEqual([]);

    // Without the header: the same figures, from the cache (no aggregate either).
    const repeat = await countQueries(api.db, () => as(api, p.admin).get(url));
    expect(repeat.result.status).toBe(200);
    expect(repeat.result.body).toEqual(first.body);
    expect(aggregates(repeat.queries)).toEqual([]);
    // Another filter is another ETag.
    const other = await as(api, p.admin).get(`${url}&nation=Wales`);
    expect(other.headers.etag).not.toBe(etag);

    // A change to an adoption (here a committed write straight to the table) is seen at once.
    await api.db.query(`UPDATE adoptions SET stage = 'live' WHERE id = $1`, [ids.m]);
    try {
      const changed = await countQueries(api.db, () =>
        as(api, p.admin).get(url).set('if-none-match', etag),
      );
      expect(changed.result.status).toBe(200);
      expect(changed.result.headers.etag).not.toBe(etag);
      expect(aggregates(changed.queries)).toHaveLength(1);
      expect(changed.result.body.totals.live).toBe(first.body.totals.live + 1);
    } finally {
      await api.db.query(`UPDATE adoptions SET stage = 'implementation' WHERE id = $1`, [ids.m]);
    }

    // Council status likewise; an ETag is no way round the council's own-status rule.
    const statusUrl = `/api/v1/councils/${p.councilX.organisationId}/status`;
    const status = await as(api, p.councilX).get(statusUrl);
    expect(status.status).toBe(200);
    const again = await countQueries(api.db, () =>
      as(api, p.councilX).get(statusUrl).set('if-none-match', status.headers.etag),
    );
    expect(again.result.status).toBe(304);
    expect(again.count).toBe(2);
    const otherCouncil = await as(api, p.councilY)
      .get(statusUrl)
      .set('if-none-match', status.headers.etag);
    expect(otherCouncil.status).toBe(404);
  });

  it('filters the dashboard by supplier and by council group', async () => {
    const base = `/api/v1/dashboards/adoption?serviceId=${service.id}`;
    const bySupplier = await as(api, p.admin).get(
      `${base}&supplierId=${p.supplierA.organisationId}`,
    );
    expect(bySupplier.status).toBe(200);
    // Supplier A's certified product routes City of London (live) and Hartlepool (testing).
    expect(bySupplier.body.totals).toEqual({ adoptions: 2, live: 1, pctLive: 50 });
    expect(bySupplier.body.bySupplier).toEqual([
      expect.objectContaining({
        supplier: expect.objectContaining({ id: p.supplierA.organisationId }),
      }),
    ]);
    const [{ id: groupId }] = await api.db.query(
      `INSERT INTO council_groups (name) VALUES ($1) RETURNING id`,
      [`Dashboard test group ${service.code}`],
    );
    await api.db.query(
      `INSERT INTO council_group_members (group_id, council_id)
       SELECT $1, id FROM organisations WHERE gss_code IN ('W06000001', 'E09000002')`,
      [groupId],
    );
    const byGroup = await as(api, p.admin).get(`${base}&councilGroupId=${groupId}`);
    expect(byGroup.status).toBe(200);
    // Anglesey (planning) and Barking and Dagenham (withdrawn).
    expect(byGroup.body.totals).toEqual({ adoptions: 2, live: 0, pctLive: 0 });
    expect(byGroup.body.byNation.map((n: { nation: string }) => n.nation).sort()).toEqual([
      'England',
      'Wales',
    ]);
    const attention = await as(api, p.admin).get(
      `/api/v1/dashboards/attention?serviceId=${service.id}&councilGroupId=${groupId}`,
    );
    expect(
      attention.body.data.map((r: { council: { gssCode: string } }) => r.council.gssCode),
    ).toEqual(['W06000001']);
    const bad = await as(api, p.admin).get(`${base}&supplierId=not-a-uuid`);
    expect(bad.status).toBe(400);
  });

  it('shows a council its status: route, certificate, next target, open council risks', async () => {
    const x = p.councilX.organisationId!;
    const risk = await as(api, p.councilX).post('/api/v1/risks').send({
      kind: 'risk',
      title: 'Admissions team short-staffed before offer day',
      category: 'capacity',
      likelihood: 3,
      impact: 4,
    });
    expect(risk.status).toBe(201);
    const res = await as(api, p.councilX).get(`/api/v1/councils/${x}/status`);
    expect(res.status).toBe(200);
    expect(res.body.council).toMatchObject({ id: x, gssCode: 'E09000001' });
    const entry = res.body.services.find(
      (s: { service: { id: string } }) => s.service.id === service.id,
    );
    expect(entry).toMatchObject({
      adoptionId: ids.x,
      stage: 'live',
      route: expect.objectContaining({ type: 'product' }),
      certificateStatus: 'valid',
    });
    const [{ n: councilServices }] = await api.db.query(
      `SELECT count(*)::int AS n FROM adoptions WHERE council_id = $1`,
      [x],
    );
    expect(res.body.services).toHaveLength(councilServices);
    expect(res.body.openRisks).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: risk.body.id, status: 'identified' })]),
    );
    const y = await as(api, p.admin).get(`/api/v1/councils/${p.councilY.organisationId}/status`);
    expect(
      y.body.services.find((s: { service: { id: string } }) => s.service.id === service.id)
        .nextTarget,
    ).toEqual({ stage: 'live', date: yesterday() });
    expect((await as(api, p.supplierA).get(`/api/v1/councils/${x}/status`)).status).toBe(403);
    expect(
      (await as(api, p.admin).get(`/api/v1/councils/${p.supplierA.organisationId}/status`)).status,
    ).toBe(404);
  });

  it('exports adoptions as CSV with the list filters and visibility', async () => {
    const res = await as(api, p.admin).get(`/api/v1/exports/adoptions.csv?serviceId=${service.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const rows = parseCsvRecords(res.text);
    expect(rows.map((r) => r.council_gss_code).sort()).toEqual([
      'E06000001',
      'E06000002',
      'E09000001',
      'E09000002',
      'W06000001',
    ]);
    expect(rows.find((r) => r.council_gss_code === 'E06000001')).toMatchObject({
      stage: 'testing',
      route_type: 'product',
      certificate_status: 'valid',
      next_target_dates: `live:${yesterday()}`,
    });
    const asSupplierB = parseCsvRecords(
      (await as(api, p.supplierB).get(`/api/v1/exports/adoptions.csv?serviceId=${service.id}`))
        .text,
    );
    expect(asSupplierB.map((r) => r.council_gss_code)).toEqual(['E06000002']);
    const live = parseCsvRecords(
      (
        await as(api, p.admin).get(
          `/api/v1/exports/adoptions.csv?serviceId=${service.id}&stage=live`,
        )
      ).text,
    );
    expect(live.map((r) => r.id)).toEqual([ids.x]);
  });

  it('streams the CSV from a cursor and gives every connection back, also when a client leaves early', async () => {
    const pool = (api.db.driver as unknown as { master: pg.Pool }).master;
    // Enough rows (about 1 MB of CSV) that a client leaving after its first chunk leaves the
    // server mid-stream, with the cursor still open.
    for (let i = 0; i < 8; i++) {
      const extra = await insertService(api.db);
      await api.db.query(
        `INSERT INTO adoptions (council_id, service_id, stage, notes)
         SELECT id, $1, 'planning', repeat('Plenty of notes for a wide row. ', 8)
           FROM organisations WHERE type = 'COUNCIL'`,
        [extra.id],
      );
    }
    const busy = () => pool.totalCount - pool.idleCount;
    const busyBefore = busy();
    const full = await as(api, p.admin).get('/api/v1/exports/adoptions.csv');
    expect(full.status).toBe(200);
    expect(full.headers['transfer-encoding']).toBe('chunked');
    expect(full.headers['content-length']).toBeUndefined();
    const rows = parseCsvRecords(full.text);
    const [{ n }] = await api.db.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM adoptions`);
    expect(rows).toHaveLength(n);
    // More downloads than the pool has connections, each abandoned after its first chunk.
    await api.app.listen(0, '127.0.0.1');
    const url = (await api.app.getUrl()).replace('[::1]', '127.0.0.1');
    for (let i = 0; i < api.config.DATABASE_POOL_SIZE + 2; i++) {
      const firstChunk = await new Promise<Buffer>((resolve, reject) => {
        const req = http.get(
          `${url}/api/v1/exports/adoptions.csv`,
          { headers: { authorization: `Bearer ${p.admin.bearer}` }, agent: false },
          (res) => {
            res.once('data', (chunk: Buffer) => {
              req.destroy();
              resolve(chunk);
            });
          },
        );
        req.on('error', reject);
      });
      expect(firstChunk.length).toBeGreaterThan(0);
    }
    await waitFor(() => Promise.resolve(busy() <= busyBefore && pool.waitingCount === 0), {
      what: 'the downloads to give their connections back',
    });
    const again = await as(api, p.admin).get('/api/v1/exports/risks.csv');
    expect(again.status).toBe(200);
    expect(again.text.split('\n')[0]).toContain('reference');
  });
});
