import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { insertService } from '../support/adoption-fixtures.js';
import { csrfFrom, pageClient } from '../support/portal.js';
import { ACCOUNTS, signInAll } from '../support/principals.js';
import { insertProduct, upsertAdoption } from '../support/programme-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-app.js';
import { PAGE_MATRIX, PAGE_PRINCIPALS, type PageFixtures } from './page.matrix.js';

/** Page routes × principals, through real sessions (the API's matrix covers /api/v1). */
describe('portal pages: every route × principal, HTML errors, CSRF', () => {
  let api: TestApi;
  let f: PageFixtures;
  const routes: string[] = [];

  beforeAll(async () => {
    api = await startTestApi({}, [], (fastify) =>
      fastify.addHook('onRoute', (r) => {
        for (const m of [r.method].flat())
          if (m !== 'HEAD' && m !== 'OPTIONS') routes.push(`${m} ${r.url}`);
      }),
    );
    const p = await signInAll(api);
    // Other suites of the run may have set these suppliers' webhook endpoints: none here.
    await api.db.query(`DELETE FROM supplier_webhooks WHERE supplier_id = ANY($1)`, [
      [p.supplierA.organisationId, p.supplierB.organisationId],
    ]);
    const service = await insertService(api.db);
    const { productId, certificateId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      certificate: 'valid',
    });
    const adoptionX = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'planning',
    });
    const auth = { authorization: `Bearer ${p.admin.bearer}` };
    const step = await api
      .http()
      .post('/api/v1/success-steps')
      .set(auth)
      .send({ serviceId: service.id, stage: 'planning', title: 'Page matrix step' });
    const variance = await api
      .http()
      .post(`/api/v1/adoptions/${adoptionX}/variances`)
      .set({ authorization: `Bearer ${p.councilX.bearer}` })
      .send({
        requirementCode: service.requirementCode,
        description: 'Page matrix fixture',
        justification: 'Page matrix fixture',
        expiresOn: '2031-01-01',
      });
    const benefit = await api
      .http()
      .post('/api/v1/benefits')
      .set(auth)
      .send({
        title: 'Page matrix benefit',
        type: 'benefit',
        serviceIds: [service.id],
        measureName: 'Share online',
        unit: '%',
        direction: 'higher',
        baselineValue: 10,
        baselineDate: '2026-01-01',
        targetValue: 50,
        targetDate: '2027-01-01',
      });
    const submission = await api
      .http()
      .post('/api/v1/conformance-submissions')
      .set({ authorization: `Bearer ${p.supplierA.bearer}` })
      .send({ productId, serviceId: service.id });
    expect(submission.status).toBe(201);
    const [{ certificate_number: certificateNumber }] = await api.db.query(
      `SELECT certificate_number FROM certificates WHERE id = $1`,
      [certificateId],
    );
    const token = await api
      .http()
      .post('/api/v1/api-tokens')
      .set({ authorization: `Bearer ${p.supplierA.bearer}` })
      .send({ name: 'Page matrix token' });
    expect(token.status).toBe(201);
    const draft = await api
      .http()
      .post('/api/v1/communications')
      .set(auth)
      .send({
        subjectTemplate: 'Page matrix notice',
        bodyTemplate: 'Hello {{contact.name}}',
        topic: 'page-matrix',
        audience: { supplierIds: [p.supplierA.organisationId] },
        channels: ['email'],
      });
    expect(draft.status).toBe(201);
    const checkIn = async (organisationId: string | null) => {
      const res = await api
        .http()
        .post('/api/v1/check-ins')
        .set(auth)
        .send({ organisationId, dueOn: '2031-02-03' });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const [toolkit]: { id: string; release_id: string; file_id: string }[] = await api.db.query(
      `SELECT t.id, r.id AS release_id,
              (SELECT f.id FROM toolkit_files f WHERE f.release_id = r.id ORDER BY f.name LIMIT 1)
                AS file_id
         FROM toolkits t JOIN toolkit_releases r ON r.toolkit_id = t.id AND r.status = 'published'
        WHERE t.code = 'PAYMENTS-TK' ORDER BY r.published_at DESC LIMIT 1`,
    );
    const toolkitDraft = await api
      .http()
      .post(`/api/v1/toolkits/${toolkit.id}/releases`)
      .set(auth)
      .send({ version: `page-${Date.now().toString(36)}` });
    expect(toolkitDraft.status).toBe(201);
    const risk = await api.http().post('/api/v1/risks').set(auth).send({
      kind: 'risk',
      title: 'Page matrix risk',
      category: 'delivery',
      likelihood: 2,
      impact: 3,
    });
    expect(risk.status).toBe(201);
    const riskAction = await api
      .http()
      .post(`/api/v1/risks/${risk.body.id}/actions`)
      .set(auth)
      .send({ title: 'Page matrix action', dueDate: '2031-01-01' });
    expect(riskAction.status).toBe(201);
    const [inboxCommunication] = await api.db.query(
      `INSERT INTO communications (subject_template, body_template, topic, channels, status,
                                   created_by, sent_at)
       VALUES ('Page matrix notice', 'Page matrix notice', 'page-matrix', '{webhook}', 'sent',
               'test', now()) RETURNING id`,
    );
    await api.db.query(
      `INSERT INTO deliveries (communication_id, supplier_id, channel, target, status, attempts)
       VALUES ($1, $2, 'webhook', 'https://a.example/hook', 'delivered', 1)`,
      [inboxCommunication.id, p.supplierA.organisationId],
    );
    const inboxContact = await api
      .http()
      .post(`/api/v1/suppliers/${p.supplierA.organisationId}/contacts`)
      .set(auth)
      .send({ name: 'Page matrix contact', email: 'page.matrix@supplier.test', topics: [] });
    expect(inboxContact.status).toBe(201);
    const group = await api
      .http()
      .post('/api/v1/governance-groups')
      .set(auth)
      .send({
        name: `Page matrix forum ${Date.now()}`,
        members: [
          { organisationId: p.supplierA.organisationId, role: 'member' },
          { organisationId: p.councilX.organisationId, role: 'observer' },
        ],
      });
    expect(group.status).toBe(201);
    const meeting = await api.http().post('/api/v1/meetings').set(auth).send({
      groupId: group.body.id,
      title: 'Page matrix meeting',
      startsAt: '2026-03-10T10:00:00Z',
    });
    expect(meeting.status).toBe(201);
    const withAction = await api
      .http()
      .post(`/api/v1/meetings/${meeting.body.id}/actions`)
      .set(auth)
      .send({ title: 'Page matrix action', owner: 'Chair', dueDate: '2031-01-01' });
    expect(withAction.status).toBe(201);
    const decision = await api
      .http()
      .post('/api/v1/decisions')
      .set(auth)
      .send({ title: 'Page matrix decision', decidedByMeetingId: meeting.body.id });
    expect(decision.status).toBe(201);
    const [interop] = await api.db.query(
      `SELECT id, standard_id FROM interop_tests ORDER BY tested_on DESC, id LIMIT 1`,
    );
    const [criticalDate] = await api.db.query(
      `SELECT id FROM critical_dates WHERE code = 'SEC-OFFER-2027'`,
    );
    const catDraft = await api
      .http()
      .post(`/api/v1/services/${service.id}/requirement-sets`)
      .set(auth)
      .send({
        title: 'Page matrix draft',
        requirements: [{ code: 'PMX-001', title: 'Page matrix requirement', level: 'MUST' }],
      });
    expect(catDraft.status).toBe(201);
    const [catPublished] = await api.db.query<{ id: string }[]>(
      `SELECT id FROM requirement_sets WHERE service_id = $1 AND status = 'published'`,
      [service.id],
    );
    const [catShared] = await api.db.query<{ id: string }[]>(
      `SELECT id FROM shared_services ORDER BY name LIMIT 1`,
    );
    f = {
      catPublishedSet: catPublished.id,
      catDraftSet: catDraft.body.id,
      catSharedService: catShared.id,
      supplierA: p.supplierA.organisationId!,
      commsDraft: draft.body.id,
      checkInA: await checkIn(p.supplierA.organisationId),
      checkInX: await checkIn(p.councilX.organisationId),
      toolkitId: toolkit.id,
      toolkitReleaseId: toolkit.release_id,
      toolkitFileId: toolkit.file_id,
      toolkitDraftId: toolkitDraft.body.id,
      riskId: risk.body.id,
      riskActionId: riskAction.body.id,
      inboxCommunicationA: inboxCommunication.id,
      inboxContactA: inboxContact.body.id,
      govGroup: group.body.id,
      govMeeting: meeting.body.id,
      govAction: withAction.body.actions[0].id,
      govDecision: decision.body.id,
      criticalDate: criticalDate.id,
      interopStandard: interop.standard_id,
      interopTest: interop.id,
      apiTokenA: token.body.id,
      submissionA: submission.body.id,
      certificateA: certificateId!,
      certificateNumber,
      adoptionX,
      serviceId: service.id,
      stepId: step.body.id,
      varianceX: variance.body.id,
      benefitId: benefit.body.id,
      productA: productId,
      councilX: p.councilX.organisationId!,
    };
  });
  afterAll(() => api.close());

  it('declares every page route (and only real ones)', () => {
    const pages = routes.filter(
      (r) => !/^\w+ \/(api\/|health\/|docs|admin\/queues|assets\/)/.test(r),
    );
    const declared = PAGE_MATRIX.map((c) => c.route);
    expect(pages.filter((r) => !declared.includes(r))).toEqual([]);
    expect(declared.filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('gives every principal the declared status, as HTML', async () => {
    const mismatches: string[] = [];
    for (const name of PAGE_PRINCIPALS) {
      const email = name === 'anonymous' ? undefined : ACCOUNTS[name as keyof typeof ACCOUNTS];
      const client = await pageClient(api, email);
      for (const c of PAGE_MATRIX) {
        const [method] = c.route.split(' ');
        const want = c.expect[name] ?? c.expect.otherwise;
        const _csrf = method === 'GET' ? '' : await client.token();
        const res =
          method === 'GET'
            ? await client.agent.get(c.path(f))
            : await client.agent
                .post(c.path(f))
                .type('form')
                .send({ ...c.body, _csrf });
        if (res.status !== want) {
          mismatches.push(`${c.route} as ${name}: expected ${want}, got ${res.status}`);
        }
        if (
          res.status === 303 &&
          want === 303 &&
          name === 'anonymous' &&
          c.route !== 'POST /sign-out'
        ) {
          expect(res.headers.location).toMatch(/^\/sign-in/);
        }
        if (res.status >= 400) {
          expect(res.headers['content-type']).toMatch(/^text\/html/);
          expect(res.text).toContain('<html lang=');
        }
      }
    }
    expect(mismatches).toEqual([]);
  }, 600_000); // every page route × every principal: several hundred requests, rendered pages included

  it('refuses a POST without a valid CSRF token with a 403 page and changes nothing', async () => {
    const { agent } = await pageClient(api, ACCOUNTS.councilX);
    const count = async () =>
      Number(
        (
          await api.db.query(
            `SELECT count(*)::int AS n FROM local_variances WHERE adoption_id = $1`,
            [f.adoptionX],
          )
        )[0].n,
      );
    const before = await count();
    const valid = {
      requirementCode: 'ADM-001',
      description: 'No token',
      justification: 'No token',
      expiresOn: '2031-01-01',
    };
    const none = await agent
      .post(`/council/adoptions/${f.adoptionX}/variances`)
      .type('form')
      .send(valid);
    const forged = await agent
      .post(`/council/adoptions/${f.adoptionX}/variances`)
      .type('form')
      .send({ ...valid, _csrf: 'forged-token' });
    expect([none.status, forged.status]).toEqual([403, 403]);
    expect(none.text).toContain('Nothing has been changed');
    expect(await count()).toBe(before);
  });

  it('keeps the page headers strict: a nonce CSP, no framing, no caching', async () => {
    const res = await (await pageClient(api)).agent.get('/sign-in');
    const csp = res.headers['content-security-policy'];
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(res.text).toContain(`nonce="${nonce}"`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['cache-control']).toBe('no-store');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/ptrack_session=[^;]+;.*HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(csrfFrom(res.text)).toBeTruthy();
  });

  it('starts a new session at sign-in and ends it when the account is deactivated', async () => {
    const { agent } = await pageClient(api);
    const page = await agent.get('/sign-in');
    const before = String(page.headers['set-cookie'] ?? '');
    const signIn = await agent
      .post('/sign-in')
      .type('form')
      .send({
        _csrf: csrfFrom(page.text),
        email: ACCOUNTS.councilY,
        password: 'test-demo-password',
      });
    expect(signIn.status).toBe(303);
    expect(String(signIn.headers['set-cookie'])).not.toBe(before);
    expect((await agent.get('/council')).status).toBe(200);
    await api.db.query(`UPDATE users SET active = false WHERE email = $1`, [ACCOUNTS.councilY]);
    try {
      const after = await agent.get('/council');
      expect(after.status).toBe(303);
      expect(after.headers.location).toBe('/sign-in?returnTo=%2Fcouncil');
    } finally {
      await api.db.query(`UPDATE users SET active = true WHERE email = $1`, [ACCOUNTS.councilY]);
    }
  });

  it('keeps pages out of the OpenAPI document', async () => {
    const doc = await api.http().get('/docs-json');
    expect(
      Object.keys(doc.body.paths).filter(
        (p) => !p.startsWith('/api/v1/') && !p.startsWith('/health'),
      ),
    ).toEqual([]);
  });
});
