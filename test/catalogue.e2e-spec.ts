import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { countQueries } from './support/query-counter.js';
import { startTestApi, type TestApi } from './support/test-app.js';

interface ServiceBody {
  id: string;
  code: string;
  status: string;
  deliveryModel: string;
  version: number;
  leadAgency: { code: string };
}
interface Edge {
  type: string;
  from: { code: string };
  to: { code: string };
  standard: { code: string } | null;
}

const RUN = Date.now().toString(36).toUpperCase();

describe('catalogue: services, relationships, shared services', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  let agencies: Record<string, string>;
  const admin = () => as(api, p.admin);
  const newService = async (suffix: string, extra: object = {}) => {
    const res = await admin()
      .post('/api/v1/services')
      .send({
        code: `T${RUN}-${suffix}`,
        name: `Test service ${suffix}`,
        leadAgencyId: agencies.DFE,
        deliveryModel: 'council_delivered',
        ...extra,
      });
    expect(res.status).toBe(201);
    return res.body as ServiceBody;
  };
  const relate = (from: string, to: string, type = 'depends_on', extra: object = {}) =>
    admin()
      .post(`/api/v1/services/${from}/relationships`)
      .send({ type, toServiceId: to, ...extra });
  const auditCount = async (entityId: string) =>
    (
      await api.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE entity_id = $1`, [
        entityId,
      ])
    )[0].n as number;

  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
    const rows: { code: string; id: string }[] = await api.db.query(
      `SELECT code, id FROM organisations WHERE type = 'AGENCY'`,
    );
    agencies = Object.fromEntries(rows.map((r) => [r.code, r.id]));
  });
  afterAll(() => api.close());

  it('seeds the Connect Digitally services with their lead agencies and the systems they use', async () => {
    const res = await as(api, p.councilX).get('/api/v1/services?limit=500');
    expect(res.status).toBe(200);
    const byCode = new Map((res.body.data as ServiceBody[]).map((s) => [s.code, s]));
    expect(
      ['ADMISSIONS', 'FSM-APPLY', 'FSM-ECS', 'PAYMENTS', 'CASHLESS'].map((c) => [
        c,
        byCode.get(c)?.leadAgency.code,
        byCode.get(c)?.deliveryModel,
      ]),
    ).toEqual([
      ['ADMISSIONS', 'DFE', 'council_delivered'],
      ['FSM-APPLY', 'DFE', 'council_delivered'],
      ['FSM-ECS', 'DFE', 'shared'],
      ['PAYMENTS', 'MHCLG', 'council_delivered'],
      ['CASHLESS', 'DFE', 'council_delivered'],
    ]);
    for (const [code, lead] of [
      ['HMRC-RTI', 'HMRC'],
      ['DWP-BENEFITS', 'DWP'],
      ['HO-NRPF', 'HO'],
    ]) {
      expect(byCode.get(code)).toMatchObject({
        leadAgency: { code: lead },
        deliveryModel: 'shared',
        status: 'live',
      });
    }
    const shared = await as(api, p.supplierA).get('/api/v1/services?deliveryModel=shared&q=fsm');
    expect(shared.body.data.map((s: ServiceBody) => s.code)).toEqual(['FSM-ECS']);
    const live = await as(api, p.agency).get(
      `/api/v1/services?status=live&leadAgencyId=${agencies.HMRC}`,
    );
    expect(live.body.data.map((s: ServiceBody) => s.code)).toEqual(['HMRC-RTI']);
  });

  it('the graph shows FSM application → checker → HMRC, DWP, Home Office, in a constant number of queries', async () => {
    const { result: res, count } = await countQueries(api.db, () =>
      as(api, p.viewer).get('/api/v1/services/graph'),
    );
    expect(res.status).toBe(200);
    const edges = (res.body.edges as Edge[]).map(
      (e) => `${e.from.code} ${e.type} ${e.to.code}${e.standard ? ` (${e.standard.code})` : ''}`,
    );
    expect(edges).toEqual(
      expect.arrayContaining([
        'FSM-APPLY depends_on FSM-ECS (FSM-ECS-REQUEST)',
        'FSM-ECS exchanges_data_with HMRC-RTI',
        'FSM-ECS exchanges_data_with DWP-BENEFITS',
        'FSM-ECS exchanges_data_with HO-NRPF',
      ]),
    );
    const nodes = new Set((res.body.nodes as ServiceBody[]).map((n) => n.code));
    expect(nodes.has('FSM-ECS') && nodes.has('HO-NRPF')).toBe(true);
    // One to authenticate, one for the services, one for the relationships.
    expect(count).toBe(3);
    await newService('GRAPH');
    const again = await countQueries(api.db, () => as(api, p.viewer).get('/api/v1/services/graph'));
    expect(again.count).toBe(count);
  });

  it('creates and updates services with optimistic concurrency', async () => {
    const s = await newService('CRUD', { description: 'First' });
    expect(s).toMatchObject({ status: 'planned', version: 1, leadAgency: { code: 'DFE' } });
    const dup = await admin()
      .post('/api/v1/services')
      .send({ code: s.code, name: 'x', leadAgencyId: agencies.DFE, deliveryModel: 'shared' });
    expect(dup.status).toBe(409);
    expect(dup.body.code).toBe('duplicate_code');
    const notAgency = await admin()
      .post('/api/v1/services')
      .send({
        code: `T${RUN}-NOPE`,
        name: 'x',
        leadAgencyId: p.supplierA.organisationId,
        deliveryModel: 'shared',
      });
    expect(notAgency.status).toBe(422);
    const badCode = await admin()
      .post('/api/v1/services')
      .send({ code: 'lower-case', name: 'x', leadAgencyId: agencies.DFE, deliveryModel: 'x' });
    expect(badCode.status).toBe(400);
    expect(badCode.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'code',
      'deliveryModel',
    ]);
    const statusInBody = await admin()
      .patch(`/api/v1/services/${s.id}`)
      .send({ version: 1, status: 'live' });
    expect(statusInBody.status).toBe(400);
    const updated = await admin()
      .patch(`/api/v1/services/${s.id}`)
      .send({ version: 1, name: 'Renamed', leadAgencyId: agencies.WG });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Renamed', version: 2, leadAgency: { code: 'WG' } });
    const stale = await admin()
      .patch(`/api/v1/services/${s.id}`)
      .send({ version: 1, name: 'Late' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: 2 });
    expect((await as(api, p.supplierB).get(`/api/v1/services/${s.id}`)).body.name).toBe('Renamed');
    expect(await auditCount(s.id)).toBe(2);
  });

  it('moves a service through its lifecycle; illegal moves are 409 naming the allowed ones', async () => {
    const s = await newService('LIFE');
    const move = (to: string, note?: string) =>
      admin().post(`/api/v1/services/${s.id}/transitions`).send({ to, note });
    const skip = await move('live');
    expect(skip.status).toBe(409);
    expect(skip.body).toMatchObject({
      code: 'illegal_transition',
      from: 'planned',
      to: 'live',
      allowed: ['piloting', 'retired'],
    });
    expect((await move('piloting', 'Pilot with three councils')).body.status).toBe('piloting');
    expect((await move('live')).body.status).toBe('live');
    const back = await move('piloting');
    expect(back.status).toBe(409);
    expect(back.body.allowed).toEqual(['retired']);
    expect((await move('retired')).body.status).toBe('retired');
    const after = await move('live');
    expect(after.status).toBe(409);
    expect(after.body.allowed).toEqual([]);
    expect((await move('sideways')).status).toBe(400);
    const [audit] = await api.db.query(
      `SELECT changes FROM audit_events WHERE entity_id = $1 AND action = 'service.status_changed'
        ORDER BY occurred_at LIMIT 1`,
      [s.id],
    );
    expect(audit.changes).toMatchObject({
      status: { before: 'planned', after: 'piloting' },
      note: { before: null, after: 'Pilot with three councils' },
    });
    expect(await auditCount(s.id)).toBe(4);
  });

  it('relates services; a depends_on cycle is refused with 409 naming it', async () => {
    const [a, b, c, d] = [
      await newService('CYA'),
      await newService('CYB'),
      await newService('CYC'),
      await newService('CYD'),
    ];
    expect((await relate(a.id, b.id)).status).toBe(201);
    expect((await relate(b.id, c.id)).status).toBe(201);
    expect((await relate(c.id, d.id)).status).toBe(201);
    const cycle = await relate(c.id, a.id);
    expect(cycle.status).toBe(409);
    expect(cycle.body.code).toBe('dependency_cycle');
    expect(cycle.body.cycle).toEqual([c.code, a.code, b.code, c.code]);
    expect(cycle.body.detail).toContain(`${c.code} → ${a.code} → ${b.code} → ${c.code}`);
    const longer = await relate(d.id, a.id);
    expect(longer.body.cycle).toEqual([d.code, a.code, b.code, c.code, d.code]);
    // Exchanging data both ways is not a dependency and never a cycle.
    expect((await relate(c.id, a.id, 'exchanges_data_with')).status).toBe(201);
    const reverse = await relate(a.id, c.id, 'exchanges_data_with');
    expect(reverse.status).toBe(409);
    expect(reverse.body.code).toBe('duplicate_relationship');
    expect((await relate(a.id, b.id)).body.code).toBe('duplicate_relationship');
    expect((await relate(a.id, a.id)).status).toBe(422);
    // A shortcut a → c is fine: it is a DAG, not a cycle.
    expect((await relate(a.id, c.id)).status).toBe(201);

    const out = await as(api, p.councilY).get(
      `/api/v1/services/${a.id}/relationships?direction=outgoing&type=depends_on`,
    );
    expect(out.body.data.map((e: Edge) => e.to.code)).toEqual([b.code, c.code]);
    const incoming = await as(api, p.councilY).get(
      `/api/v1/services/${c.id}/relationships?direction=incoming`,
    );
    expect(incoming.body.data.map((e: Edge) => `${e.type} ${e.from.code}`)).toEqual([
      `depends_on ${a.code}`,
      `depends_on ${b.code}`,
    ]);
    const both = await as(api, p.councilY).get(`/api/v1/services/${c.id}/relationships`);
    expect(both.body.meta.total).toBe(4);

    const bc = both.body.data.find((e: Edge) => e.from.code === b.code) as { id: string };
    expect((await admin().delete(`/api/v1/services/${c.id}/relationships/${bc.id}`)).status).toBe(
      204,
    );
    expect((await admin().delete(`/api/v1/services/${d.id}/relationships/${bc.id}`)).status).toBe(
      404,
    );
    // With b → c gone, d → b no longer closes a loop.
    expect((await relate(d.id, b.id)).status).toBe(201);
  });

  it('a relationship may be governed by a standard; an unknown standard is 422', async () => {
    const [a, b] = [await newService('STA'), await newService('STB')];
    const [standard] = await api.db.query(
      `SELECT id FROM standards WHERE code = 'FSM-ECS-REQUEST'`,
    );
    const res = await relate(a.id, b.id, 'exchanges_data_with', {
      standardId: standard.id,
      description: 'Nightly file',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      standard: { id: standard.id, code: 'FSM-ECS-REQUEST', version: '1.0.0' },
      description: 'Nightly file',
    });
    const unknown = await relate(b.id, a.id, 'depends_on', {
      standardId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('unknown_standard');
  });

  it('seeds the London admissions service (33 members) and the national checker (all 174)', async () => {
    const list = await as(api, p.councilX).get('/api/v1/shared-services?limit=500');
    const london = list.body.data.find(
      (s: { name: string }) => s.name === 'London shared admissions service',
    );
    expect(london).toMatchObject({ memberCount: 33, service: { code: 'ADMISSIONS' } });
    expect(london.operator.type).toBe('SUPPLIER');
    const national = list.body.data.find(
      (s: { name: string }) => s.name === 'FSM Eligibility Checking Service (national)',
    );
    expect(national).toMatchObject({ memberCount: 174, service: { code: 'FSM-ECS' } });
    const page2 = await as(api, p.councilX).get(
      `/api/v1/shared-services/${london.id}/members?limit=20&page=2`,
    );
    expect(page2.body.meta).toEqual({ page: 2, limit: 20, total: 33 });
    expect(page2.body.data).toHaveLength(13);
    expect(page2.body.data.every((c: { region: string }) => c.region === 'London')).toBe(true);
    const hartlepool = (await as(api, p.councilY).get('/api/v1/councils/E06000001')).body.id;
    const serving = await as(api, p.councilY).get(
      `/api/v1/shared-services?councilId=${hartlepool}`,
    );
    expect(serving.body.data.map((s: { name: string }) => s.name)).toContain(
      'FSM Eligibility Checking Service (national)',
    );
    expect(serving.body.data.map((s: { name: string }) => s.name)).not.toContain(
      'London shared admissions service',
    );
  });

  it('shared services: members by group, ids and GSS codes; removal; bad operators and groups', async () => {
    const s = await newService('SHARED', { deliveryModel: 'shared' });
    const [group] = await api.db.query(
      `SELECT id FROM council_groups WHERE name = 'London boroughs'`,
    );
    const name = `Test shared ${RUN}`;
    const created = await admin().post('/api/v1/shared-services').send({
      name,
      serviceId: s.id,
      operatorId: p.councilX.organisationId,
      councilGroupId: group.id,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ memberCount: 33, operator: { type: 'COUNCIL' } });
    const id = created.body.id as string;
    const added = await admin()
      .post(`/api/v1/shared-services/${id}/members`)
      .send({ gssCodes: ['E06000001', 'E09000001'], councilIds: [p.councilY.organisationId] });
    expect(added.body).toMatchObject({ memberCount: 34, added: 1 });
    const unknown = await admin()
      .post(`/api/v1/shared-services/${id}/members`)
      .send({ gssCodes: ['E06999999'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.missing).toEqual(['E06999999']);
    const noGroup = await admin()
      .post(`/api/v1/shared-services/${id}/members`)
      .send({ councilGroupId: '00000000-0000-4000-8000-000000000000' });
    expect(noGroup.body.code).toBe('unknown_council_group');
    expect((await admin().post(`/api/v1/shared-services/${id}/members`).send({})).status).toBe(400);
    const removed = await admin().delete(
      `/api/v1/shared-services/${id}/members/${p.councilY.organisationId}`,
    );
    expect(removed.body.memberCount).toBe(33);
    expect(
      (await admin().delete(`/api/v1/shared-services/${id}/members/${p.councilY.organisationId}`))
        .status,
    ).toBe(404);
    const agencyOperator = await admin()
      .post('/api/v1/shared-services')
      .send({ name: `${name} 2`, serviceId: s.id, operatorId: agencies.DFE });
    expect(agencyOperator.status).toBe(422);
    expect(agencyOperator.body.code).toBe('invalid_operator');
    expect(
      (
        await admin()
          .post('/api/v1/shared-services')
          .send({ name, serviceId: s.id, operatorId: p.supplierA.organisationId })
      ).body.code,
    ).toBe('duplicate_name');
    const renamed = await admin()
      .patch(`/api/v1/shared-services/${id}`)
      .send({ version: 1, operatorId: p.supplierA.organisationId, description: 'Moved' });
    expect(renamed.body).toMatchObject({ version: 2, operator: { type: 'SUPPLIER' } });
    expect(
      (await admin().patch(`/api/v1/shared-services/${id}`).send({ version: 1, name: 'x' })).status,
    ).toBe(409);
    expect(await auditCount(id)).toBe(4);
  });

  it('seeding the demo programme again changes no row', async () => {
    const snapshot = async () =>
      (
        await api.db.query(
          `SELECT (SELECT count(*) FROM services) AS services,
                  (SELECT max(updated_at) FROM services) AS services_touched,
                  (SELECT count(*) FROM service_relationships) AS relationships,
                  (SELECT count(*) FROM shared_services) AS shared,
                  (SELECT count(*) FROM shared_service_members) AS members,
                  (SELECT count(*) FROM standards) AS standards,
                  (SELECT count(*) FROM standard_services) AS governed,
                  (SELECT count(*) FROM requirement_sets) AS sets,
                  (SELECT max(updated_at) FROM requirement_sets) AS sets_touched,
                  (SELECT count(*) FROM requirements) AS requirements`,
        )
      )[0];
    const before = await snapshot();
    const out = execFileSync('node', ['dist/src/database/cli/seed.js'], {
      env: process.env,
    }).toString();
    expect(out).toContain('services +0');
    expect(out).toContain('standards +0');
    expect(out).toContain('requirements +0');
    expect(await snapshot()).toEqual(before);
  });
});
