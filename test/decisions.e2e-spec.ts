import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DecisionsSeeder } from '../src/decisions/decisions.seeder.js';
import { insertService } from './support/adoption-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { countQueries } from './support/query-counter.js';
import { startTestApi, type TestApi } from './support/test-app.js';

interface DecisionBody {
  id: string;
  status: string;
  version: number;
  supersedesId: string | null;
  supersededById: string | null;
}

/**
 * The decision log through the API: lifecycle with superseding linked both ways, the
 * decisions listed on the risk, requirement and service they affect, immutability once
 * accepted, who reads what (404 otherwise), full-text search and constant query counts.
 */
describe('decisions: the decision log', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  const url = '/api/v1/decisions';

  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
  });
  afterAll(async () => {
    await api.close();
  });

  const record = async (body: object = {}): Promise<DecisionBody> => {
    const res = await as(api, p.admin)
      .post(url)
      .send({ title: `Decision ${randomUUID()}`, ...body });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body as DecisionBody;
  };
  const accept = async (d: { id: string }) => {
    const res = await as(api, p.admin).post(`${url}/${d.id}/accept`).send({});
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return res.body as DecisionBody;
  };
  const raiseRisk = async (who: Principal) => {
    const res = await as(api, who)
      .post('/api/v1/risks')
      .send({
        kind: 'risk',
        title: `Risk ${randomUUID()}`,
        category: 'delivery',
        likelihood: 3,
        impact: 3,
      });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  /** A fresh service whose published set holds requirement DEC-001 (codes look like FSM-004). */
  const serviceWithRequirement = async () => {
    const service = await insertService(api.db, {});
    const [{ id: setId }] = await api.db.query<{ id: string }[]>(
      `INSERT INTO requirements (requirement_set_id, code, title, level, category, position)
       SELECT id, 'DEC-001', 'Check eligibility in real time', 'MUST', 'functional', 1
         FROM requirement_sets WHERE service_id = $1 RETURNING requirement_set_id AS id`,
      [service.id],
    );
    return { ...service, setId, requirementCode: 'DEC-001' };
  };
  const row = async (id: string) =>
    (
      await api.db.query<
        { status: string; supersedes_id: string | null; superseded_by_id: string | null }[]
      >(`SELECT status, supersedes_id, superseded_by_id, version FROM decisions WHERE id = $1`, [
        id,
      ])
    )[0];

  it('a decision superseding another is linked both ways and shown on the linked risk, requirement and service', async () => {
    const service = await serviceWithRequirement();
    const setId = service.setId;
    const risk = await raiseRisk(p.admin);
    const links = {
      riskIds: [risk.id],
      requirements: [{ requirementSetId: setId, code: service.requirementCode }],
      serviceIds: [service.id],
    };
    const first = await record({
      title: 'Each council procures its own eligibility checker',
      context: 'Free school meals need real-time checks against HMRC and DWP data.',
      options: [
        { title: 'Council by council', pros: ['Local control'], cons: ['174 integrations'] },
        {
          title: 'One shared checker',
          description: 'Hosted nationally',
          pros: ['One integration'],
        },
      ],
      outcome: 'Council by council',
      rationale: 'Councils already hold contracts.',
      decidedByPeople: ['Programme director'],
      decidedOn: '2026-01-12',
      ...links,
    });
    expect(first).toMatchObject({ status: 'proposed', supersedesId: null });
    expect((first as unknown as { options: unknown[] }).options[1]).toEqual({
      title: 'One shared checker',
      description: 'Hosted nationally',
      pros: ['One integration'],
      cons: [],
    });
    expect((first as unknown as { requirements: unknown[] }).requirements).toEqual([
      {
        id: expect.any(String),
        requirementSetId: setId,
        version: 1,
        code: service.requirementCode,
        title: 'Check eligibility in real time',
      },
    ]);
    await accept(first);

    const second = await record({
      title: 'One shared eligibility checker for all councils',
      rationale: 'One integration instead of 174.',
      supersedesId: first.id,
      decidedOn: '2026-03-02',
      ...links,
    });
    expect(second.supersedesId).toBe(first.id);
    // Recorded, not yet accepted: the old one stands.
    expect(await row(first.id)).toMatchObject({ status: 'accepted', superseded_by_id: null });
    const accepted = await accept(second);
    expect(accepted).toMatchObject({ status: 'accepted', supersedesId: first.id });
    expect(await row(first.id)).toMatchObject({
      status: 'superseded',
      superseded_by_id: second.id,
    });
    expect(await row(second.id)).toMatchObject({ status: 'accepted', supersedes_id: first.id });
    const old = await as(api, p.viewer).get(`${url}/${first.id}`);
    expect(old.body).toMatchObject({ status: 'superseded', supersededById: second.id });

    const expected = [
      {
        id: second.id,
        status: 'accepted',
        supersedesId: first.id,
        supersededById: null,
        decidedOn: '2026-03-02',
      },
      {
        id: first.id,
        status: 'superseded',
        supersedesId: null,
        supersededById: second.id,
        decidedOn: '2026-01-12',
      },
    ].map((d) => expect.objectContaining(d));
    for (const path of [
      `/api/v1/risks/${risk.id}/decisions`,
      `/api/v1/requirement-sets/${setId}/requirements/${service.requirementCode}/decisions`,
      `/api/v1/services/${service.id}/decisions`,
    ]) {
      const res = await as(api, p.agency).get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      expect(res.body.decisions).toEqual(expected);
    }
    const byService = await as(api, p.admin).get(
      `${url}?serviceId=${service.id}&status=superseded`,
    );
    expect(byService.body.data.map((d: { id: string }) => d.id)).toEqual([first.id]);

    // A superseded decision cannot be superseded again, nor a proposed one.
    const again = await record({ supersedesId: second.id });
    const late = await record({ supersedesId: second.id });
    await accept(again);
    const res = await as(api, p.admin).post(`${url}/${late.id}/accept`).send({});
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('illegal_transition');
    expect(await row(late.id)).toMatchObject({ status: 'proposed' });
    const proposed = await record();
    const bad = await as(api, p.admin).post(url).send({ title: 'x', supersedesId: proposed.id });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('not_supersedable');
  });

  it('accepted decisions are immutable except their status; proposed ones change with the version read', async () => {
    const d = await record({ rationale: 'First draft' });
    const stale = await as(api, p.admin)
      .patch(`${url}/${d.id}`)
      .send({ rationale: 'x', version: 99 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('stale_version');
    const edited = await as(api, p.admin)
      .patch(`${url}/${d.id}`)
      .send({ rationale: 'Second draft', reviewDate: '2027-01-31', version: d.version });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ rationale: 'Second draft', reviewDate: '2027-01-31' });
    const done = await accept(edited.body);
    const refused = await as(api, p.admin)
      .patch(`${url}/${d.id}`)
      .send({ rationale: 'Changed afterwards', version: done.version });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('decision_immutable');
    const twice = await as(api, p.admin).post(`${url}/${d.id}/accept`).send({});
    expect(twice.status).toBe(409);
    expect(twice.body.allowed).toEqual(['superseded', 'revoked']);
    const noReason = await as(api, p.admin).post(`${url}/${d.id}/revoke`).send({});
    expect(noReason.status).toBe(400);
    const revoked = await as(api, p.admin)
      .post(`${url}/${d.id}/revoke`)
      .send({ reason: 'Overtaken by the national contract' });
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revocationReason: 'Overtaken by the national contract',
    });
    const [db] = await api.db.query(`SELECT rationale, status FROM decisions WHERE id = $1`, [
      d.id,
    ]);
    expect(db).toEqual({ rationale: 'Second draft', status: 'revoked' });
    const audit = await api.db.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at, id`,
      [d.id],
    );
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'decision.recorded',
      'decision.updated',
      'decision.accepted',
      'decision.revoked',
    ]);
  });

  it('suppliers and councils read only decisions they were consulted or informed on, or public ones; others get 404', async () => {
    const service = await insertService(api.db, {});
    const restricted = await record({
      consultedOrganisationIds: [p.councilX.organisationId],
      informedOrganisationIds: [p.supplierA.organisationId],
      serviceIds: [service.id],
    });
    const open = await record({ publicToProgramme: true, serviceIds: [service.id] });
    const expectations: [PrincipalName, number, number][] = [
      ['admin', 200, 200],
      ['viewer', 200, 200],
      ['agency', 200, 200],
      ['councilX', 200, 200],
      ['supplierA', 200, 200],
      ['supplierAToken', 200, 200],
      ['councilY', 404, 200],
      ['supplierB', 404, 200],
    ];
    for (const [who, restrictedStatus, openStatus] of expectations) {
      const r = await as(api, p[who]).get(`${url}/${restricted.id}`);
      const o = await as(api, p[who]).get(`${url}/${open.id}`);
      expect({ who, restricted: r.status, open: o.status }).toEqual({
        who,
        restricted: restrictedStatus,
        open: openStatus,
      });
      if (r.status === 404)
        expect(JSON.stringify(r.body)).not.toContain('consultedOrganisationIds');
      const linked = await as(api, p[who]).get(`/api/v1/services/${service.id}/decisions`);
      const ids = linked.body.decisions.map((d: { id: string }) => d.id).sort();
      expect({ who, ids }).toEqual({
        who,
        ids: (restrictedStatus === 200 ? [restricted.id, open.id] : [open.id]).sort(),
      });
      const list = await as(api, p[who]).get(`${url}?serviceId=${service.id}`);
      expect(list.body.meta.total).toBe(ids.length);
    }
    for (const who of ['supplierA', 'councilX', 'viewer', 'agency'] as const) {
      const res = await as(api, p[who]).post(url).send({ title: 'Not mine to record' });
      expect({ who, status: res.status }).toEqual({ who, status: 403 });
    }
    // The risk's own rule applies first: a supplier's risk is 404 to a council.
    const risk = await raiseRisk(p.supplierA);
    expect((await as(api, p.councilX).get(`/api/v1/risks/${risk.id}/decisions`)).status).toBe(404);
    expect((await as(api, p.supplierA).get(`/api/v1/risks/${risk.id}/decisions`)).status).toBe(200);
  });

  it('full-text search finds a decision by a word in its rationale (stemmed, ranked, GIN-indexed)', async () => {
    const token = `qx${randomUUID().slice(0, 8).replace(/-/g, '')}`;
    const hit = await record({
      title: 'Hosting of the eligibility checker',
      context: `Options appraisal ${token}`,
      rationale: `Councils were duplicating procurements of the same checker ${token}.`,
    });
    const inTitle = await record({ title: `Duplicated procurements ${token}` });
    await record({ title: `Unrelated ${token}`, rationale: 'Nothing to see.' });
    const search = (q: string, who: Principal = p.admin) =>
      as(api, who).get(`${url}?q=${encodeURIComponent(q)}`);
    const res = await search(`duplicated procurement ${token}`);
    expect(res.status).toBe(200);
    // Title words weigh more than rationale words: the title hit ranks first.
    expect(res.body.data.map((d: { id: string }) => d.id)).toEqual([inTitle.id, hit.id]);
    const phrase = await search(`"same checker" ${token}`);
    expect(phrase.body.data.map((d: { id: string }) => d.id)).toEqual([hit.id]);
    const not = await search(`${token} -duplicating`);
    expect(not.body.meta.total).toBe(1);
    for (const odd of ['"unbalanced', '-', '!!! & |', "o'brien", ':*']) {
      expect((await search(odd)).status).toBe(200);
    }
    expect((await search(token, p.councilY)).body.meta.total).toBe(0);
    const [index] = await api.db.query(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_decisions_search'`,
    );
    expect(index.indexdef).toContain('USING gin (search_vector)');
    const plan = await api.db.transaction(async (m) => {
      await m.query('SET LOCAL enable_seqscan = off');
      return m.query(
        `EXPLAIN SELECT id FROM decisions WHERE search_vector @@ websearch_to_tsquery('english', 'duplicating')`,
      );
    });
    expect(JSON.stringify(plan)).toContain('ix_decisions_search');
  });

  it('bad input is a clear 4xx naming the field: unknown links, agencies as consulted, unknown requirement codes, bad dates', async () => {
    const service = await serviceWithRequirement();
    const setId = service.setId;
    const [agency] = await api.db.query(
      `SELECT id FROM organisations WHERE type = 'AGENCY' LIMIT 1`,
    );
    const res = await as(api, p.admin)
      .post(url)
      .send({
        title: 'Bad links',
        riskIds: [randomUUID()],
        serviceIds: [service.id, randomUUID()],
        consultedOrganisationIds: [p.councilX.organisationId, agency.id],
        requirements: [
          { requirementSetId: setId, code: service.requirementCode },
          { requirementSetId: setId, code: 'NOPE-999' },
        ],
      });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'consultedOrganisationIds[1]',
      'requirements[1]',
      'riskIds[0]',
      'serviceIds[1]',
    ]);
    for (const body of [
      { title: '' },
      { title: 'x', decidedOn: '2026-02-30' },
      { title: 'x', decidedOn: null, status: 'accepted' },
      { title: 'x', options: [{ pros: ['no title'] }] },
      { title: 'x', requirements: [{ requirementSetId: setId, code: 'lower-1' }] },
      { title: 'x', publicToProgramme: null },
    ]) {
      const r = await as(api, p.admin).post(url).send(body);
      expect({ body, status: r.status }).toEqual({ body, status: 400 });
    }
    expect((await as(api, p.admin).get(`${url}?status=final`)).status).toBe(400);
    expect((await as(api, p.admin).get(`${url}/${randomUUID()}`)).status).toBe(404);
    expect(
      (
        await as(api, p.admin).get(
          `/api/v1/requirement-sets/${setId}/requirements/bad code/decisions`,
        )
      ).status,
    ).toBe(400);
    expect(
      (
        await as(api, p.admin).get(
          `/api/v1/requirement-sets/${setId}/requirements/ZZZ-999/decisions`,
        )
      ).status,
    ).toBe(404);
    expect((await as(api, p.admin).get(`/api/v1/services/${randomUUID()}/decisions`)).status).toBe(
      404,
    );
    expect((await as(api, p.admin).get(`/api/v1/risks/${randomUUID()}/decisions`)).status).toBe(
      404,
    );
  });

  it('the list and the linked views use the same number of queries however many decisions there are', async () => {
    const service = await serviceWithRequirement();
    const setId = service.setId;
    const links = {
      serviceIds: [service.id],
      requirements: [{ requirementSetId: setId, code: service.requirementCode }],
      consultedOrganisationIds: [p.councilX.organisationId],
    };
    await record(links);
    const measure = async () => ({
      list: (
        await countQueries(api.db, () => as(api, p.councilX).get(`${url}?serviceId=${service.id}`))
      ).count,
      search: (await countQueries(api.db, () => as(api, p.admin).get(`${url}?q=decision`))).count,
      linked: (
        await countQueries(api.db, () =>
          as(api, p.councilX).get(
            `/api/v1/requirement-sets/${setId}/requirements/${service.requirementCode}/decisions`,
          ),
        )
      ).count,
    });
    const before = await measure();
    for (let i = 0; i < 6; i++) await accept(await record(links));
    const after = await measure();
    expect(after).toEqual(before);
    const list = await as(api, p.councilX).get(`${url}?serviceId=${service.id}`);
    expect(list.body.meta.total).toBe(7);
    expect(list.body.data[0].requirements).toHaveLength(1);
  });

  it('demo data: the programme board replaced council-by-council checking with one shared eligibility checker; seeding again adds nothing', async () => {
    const rows = await api.db.query<Record<string, unknown>[]>(
      `SELECT d.seed_key, d.status, o.seed_key AS supersedes, n.seed_key AS superseded_by,
              cardinality(d.consulted_organisation_ids) AS consulted,
              cardinality(d.requirement_ids) AS requirements, cardinality(d.risk_ids) AS risks
         FROM decisions d
         LEFT JOIN decisions o ON o.id = d.supersedes_id
         LEFT JOIN decisions n ON n.id = d.superseded_by_id
        WHERE d.seed_key LIKE 'demo-dec-%' ORDER BY d.seed_key`,
    );
    expect(rows).toEqual([
      {
        seed_key: 'demo-dec-01',
        status: 'superseded',
        supersedes: null,
        superseded_by: 'demo-dec-02',
        consulted: 2,
        requirements: 0,
        risks: 0,
      },
      {
        seed_key: 'demo-dec-02',
        status: 'accepted',
        supersedes: 'demo-dec-01',
        superseded_by: null,
        consulted: 6,
        requirements: 2,
        risks: 1,
      },
      {
        seed_key: 'demo-dec-03',
        status: 'proposed',
        supersedes: null,
        superseded_by: null,
        consulted: 2,
        requirements: 0,
        risks: 0,
      },
      {
        seed_key: 'demo-dec-04',
        status: 'accepted',
        supersedes: null,
        superseded_by: null,
        consulted: 2,
        requirements: 0,
        risks: 0,
      },
      {
        seed_key: 'demo-dec-05',
        status: 'revoked',
        supersedes: null,
        superseded_by: null,
        consulted: 1,
        requirements: 0,
        risks: 0,
      },
    ]);
    const again = await api.db.transaction((m) => api.app.get(DecisionsSeeder).seedDemo(m));
    expect(again).toEqual({ decisions: 0 });
    // City of London (council X) was consulted on the shared checker and finds it by its rationale.
    const found = await as(api, p.councilX).get(
      `${url}?q=${encodeURIComponent('same answer family')}`,
    );
    expect(found.body.data.map((d: { title: string }) => d.title)).toContain(
      'Run one shared eligibility checker for all 174 councils',
    );
    // The Welsh-language proposal is consulted on with Welsh councils only.
    const welsh = await as(api, p.councilX).get(`${url}?q=Welsh&status=proposed`);
    expect(welsh.body.data).toEqual([]);
  });
});
