import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

/**
 * Service scope, through the API only: the system creates a service's adoptions for the
 * councils in its scope, adds and withdraws them as the scope changes, and gives a
 * council added to the registry an adoption of every service in scope.
 */
// The worker here also works through whatever earlier spec files left in the shared
// outbox, so waits are generous.
jest.setTimeout(120_000);

describe('service scope: adoptions created by the system', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let agencyId: string;
  let seq = 0;

  beforeAll(async () => {
    // A queue prefix of its own: the worker here handles this file's events, not the
    // backlog of jobs other spec files left in the run's shared queues.
    const own = { QUEUE_PREFIX: `{ptrack-scope-${process.pid}-${Date.now().toString(36)}}` };
    api = await startTestApi(own);
    worker = await startTestWorker(own);
    p = await signInAll(api);
    const agencies = await as(api, p.admin).get('/api/v1/agencies');
    agencyId = agencies.body.data[0].id;
  });
  afterAll(async () => {
    await worker.close();
    // Other spec files share this database and count the registry's 174 councils.
    await api.db.query(
      `WITH c AS (SELECT id FROM organisations WHERE gss_code = 'W06000099'),
            a AS (SELECT id FROM adoptions WHERE council_id IN (SELECT id FROM c)),
            h AS (DELETE FROM adoption_history WHERE adoption_id IN (SELECT id FROM a))
       DELETE FROM adoptions WHERE id IN (SELECT id FROM a)`,
    );
    await api.db.query(`DELETE FROM organisations WHERE gss_code = 'W06000099'`);
    await api.close();
  });

  const admin = () => as(api, p.admin);

  /** The service's adoptions through the API, all pages: stage per council GSS code. */
  async function adoptionsOf(serviceId: string) {
    const rows: { stage: string; council: { gssCode: string } }[] = [];
    for (let page = 1; ; page++) {
      const res = await admin().get('/api/v1/adoptions').query({ serviceId, limit: 500, page });
      expect(res.status).toBe(200);
      rows.push(...res.body.data);
      if (rows.length >= res.body.meta.total) break;
    }
    return rows;
  }

  const active = async (serviceId: string) =>
    (await adoptionsOf(serviceId)).filter((a) => a.stage !== 'withdrawn');

  /** Waits until the service has exactly `n` adoptions that are not withdrawn. */
  const settle = async (serviceId: string, n: number) => {
    try {
      return await waitFor(
        async () => {
          const rows = await active(serviceId);
          return rows.length === n ? rows : null;
        },
        { what: `${n} active adoptions`, timeoutMs: 60000, intervalMs: 200 },
      );
    } catch (err) {
      const events = await api.db.query(
        `SELECT * FROM outbox_messages
          WHERE payload->>'type' = 'service.scope_changed' AND payload->'data'->>'serviceId' = $1`,
        [serviceId],
      );
      throw new Error(`${(err as Error).message}; events: ${JSON.stringify(events)}`, {
        cause: err,
      });
    }
  };

  async function createService(scope?: Record<string, unknown>) {
    const res = await admin()
      .post('/api/v1/services')
      .send({
        code: `SCOPE-${Date.now().toString(36).toUpperCase()}-${++seq}`,
        name: 'Scoped service',
        leadAgencyId: agencyId,
        deliveryModel: 'council_delivered',
        ...(scope ? { scope } : {}),
      });
    expect(res.status).toBe(201);
    return res.body as { id: string; version: number; scope: Record<string, string[]> };
  }

  it('ADMISSIONS has the 152 English councils’ adoptions after the demo seed', async () => {
    const services = await admin().get('/api/v1/services').query({ q: 'ADMISSIONS' });
    const admissions = services.body.data.find((s: { code: string }) => s.code === 'ADMISSIONS');
    expect(admissions.scope).toEqual({ nations: ['England'], councilGroupIds: [], councilIds: [] });
    const rows = await adoptionsOf(admissions.id);
    expect(rows).toHaveLength(152);
    expect(rows.every((a) => a.council.gssCode.startsWith('E'))).toBe(true);
  });

  it('a new service scoped to Wales gets 22 adoptions; widening to all councils adds 152; narrowing withdraws, keeping history', async () => {
    const service = await createService({ nations: ['Wales'] });
    expect(service.scope).toEqual({ nations: ['Wales'], councilGroupIds: [], councilIds: [] });
    const welsh = await settle(service.id, 22);
    expect(welsh.every((a) => a.stage === 'not_started' && a.council.gssCode.startsWith('W'))).toBe(
      true,
    );

    const widened = await admin()
      .put(`/api/v1/services/${service.id}/scope`)
      .send({ version: service.version, nations: ['England', 'Wales'] });
    expect(widened.status).toBe(200);
    expect(widened.body.scope.nations).toEqual(['England', 'Wales']);
    const all = await settle(service.id, 174);
    expect(all.filter((a) => a.council.gssCode.startsWith('E'))).toHaveLength(152);

    // Narrow to Wales plus one English council by GSS code: 151 withdrawn, none deleted.
    const narrowed = await admin()
      .put(`/api/v1/services/${service.id}/scope`)
      .send({ version: widened.body.version, nations: ['Wales'], councils: ['E09000001'] });
    expect(narrowed.status).toBe(200);
    await settle(service.id, 23);
    const rows = await adoptionsOf(service.id);
    expect(rows).toHaveLength(174);
    expect(rows.filter((a) => a.stage === 'withdrawn')).toHaveLength(151);
    const withdrawn = await admin()
      .get('/api/v1/adoptions')
      .query({ serviceId: service.id, councilId: 'E06000001' });
    expect(withdrawn.body.data).toHaveLength(1);
    expect(withdrawn.body.data[0].stage).toBe('withdrawn');
    const history = await admin().get(`/api/v1/adoptions/${withdrawn.body.data[0].id}/history`);
    expect(history.status).toBe(200);
    expect(JSON.stringify(history.body)).toContain('left the service');

    // Back in scope: the withdrawn adoptions are reopened at not_started, not duplicated.
    await admin()
      .put(`/api/v1/services/${service.id}/scope`)
      .send({ version: narrowed.body.version, nations: ['England', 'Wales'] })
      .expect(200);
    await settle(service.id, 174);
    expect(await adoptionsOf(service.id)).toHaveLength(174);
  });

  it('a council group scope follows the group’s members', async () => {
    const group = await admin()
      .post('/api/v1/council-groups')
      .send({ name: `Scope group ${Date.now()}`, gssCodes: ['E09000002', 'E09000003'] });
    expect(group.status).toBe(201);
    const service = await createService({ councilGroupIds: [group.body.id] });
    await settle(service.id, 2);
    await admin()
      .post(`/api/v1/council-groups/${group.body.id}/members`)
      .send({ gssCodes: ['W06000001'] })
      .expect((r) => expect(r.status).toBeLessThan(300));
    const rows = await settle(service.id, 3);
    expect(rows.map((a) => a.council.gssCode).sort()).toEqual([
      'E09000002',
      'E09000003',
      'W06000001',
    ]);
  });

  it('a council added to the registry gets an adoption of every service whose scope takes it in', async () => {
    const res = await admin().post('/api/v1/councils').send({
      gssCode: 'W06000099',
      name: 'Test Valley of Wales',
      councilType: 'Unitary authority',
      region: 'Wales',
      nation: 'Wales',
    });
    expect(res.status).toBe(201);
    const services: { id: string; status: string; scope: { nations: string[] } }[] = [];
    for (let page = 1; ; page++) {
      const list = await admin().get('/api/v1/services').query({ limit: 500, page });
      services.push(...list.body.data);
      if (services.length >= list.body.meta.total) break;
    }
    const expected = services
      .filter((s) => s.status !== 'retired' && s.scope.nations.includes('Wales'))
      .map((s) => s.id)
      .sort();
    expect(expected.length).toBeGreaterThanOrEqual(4);
    const adoptions = await waitFor(
      async () => {
        const list = await admin()
          .get('/api/v1/adoptions')
          .query({ councilId: 'W06000099', limit: 500 });
        return list.body.data.length === expected.length ? list.body.data : null;
      },
      { what: 'the new council’s adoptions', timeoutMs: 60000, intervalMs: 200 },
    );
    expect(adoptions.map((a: { service: { id: string } }) => a.service.id).sort()).toEqual(
      expected,
    );
    expect(adoptions.every((a: { stage: string }) => a.stage === 'not_started')).toBe(true);
    const again = await admin().post('/api/v1/councils').send({
      gssCode: 'W06000099',
      name: 'Duplicate',
      councilType: 'Unitary authority',
      region: 'Wales',
      nation: 'Wales',
    });
    expect(again.status).toBe(409);
    const wrongNation = await admin().post('/api/v1/councils').send({
      gssCode: 'W06000098',
      name: 'Mismatch',
      councilType: 'Unitary authority',
      region: 'Wales',
      nation: 'England',
    });
    expect(wrongNation.status).toBe(422);
  });

  it('validates a scope: nations, council references, groups and the version', async () => {
    const service = await createService();
    expect(service.scope).toEqual({ nations: [], councilGroupIds: [], councilIds: [] });
    const put = (body: Record<string, unknown>) =>
      admin().put(`/api/v1/services/${service.id}/scope`).send(body);
    expect((await put({ version: service.version, nations: ['Scotland'] })).status).toBe(400);
    expect((await put({ version: service.version, councils: ['not-a-council'] })).status).toBe(400);
    const unknown = await put({ version: service.version, councils: ['E99999999'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.detail).toContain('E99999999');
    const group = await put({
      version: service.version,
      councilGroupIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(group.status).toBe(422);
    expect((await put({ version: service.version + 5, nations: ['Wales'] })).status).toBe(409);
    const bad = await admin()
      .post('/api/v1/services')
      .send({
        code: 'SCOPE-BAD',
        name: 'x',
        leadAgencyId: agencyId,
        deliveryModel: 'shared',
        scope: { nations: ['Wales', 'Wales'] },
      });
    expect(bad.status).toBe(400);
    expect(
      (await as(api, p.councilX).put(`/api/v1/services/${service.id}/scope`).send({})).status,
    ).toBe(403);
  });

  it('GSS codes are accepted wherever a council id is', async () => {
    const byCode = await as(api, p.councilX).get('/api/v1/councils/E09000001/status');
    expect(byCode.status).toBe(200);
    const byId = await as(api, p.councilX).get(
      `/api/v1/councils/${p.councilX.organisationId}/status`,
    );
    expect(byCode.body).toEqual(byId.body);
    expect((await as(api, p.councilX).get('/api/v1/councils/E06000001/status')).status).toBe(404);
    expect((await admin().get('/api/v1/councils/E99999999/status')).status).toBe(404);
    expect((await admin().get('/api/v1/councils/nonsense/status')).status).toBe(400);
    const list = await admin().get('/api/v1/adoptions').query({ councilId: 'E09000001' });
    const listById = await admin()
      .get('/api/v1/adoptions')
      .query({ councilId: p.councilX.organisationId });
    expect(list.status).toBe(200);
    expect(list.body.meta.total).toBeGreaterThan(0);
    expect(list.body.data.map((a: { id: string }) => a.id)).toEqual(
      listById.body.data.map((a: { id: string }) => a.id),
    );
    expect((await admin().get('/api/v1/adoptions').query({ councilId: 'X1' })).status).toBe(400);
  });
});
