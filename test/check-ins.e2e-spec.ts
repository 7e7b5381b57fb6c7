import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CheckInsSeeder } from '../src/check-ins/check-ins.seeder.js';
import { OverdueCheckInsSource } from '../src/communications/digest/overdue-check-ins-source.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { countQueries } from './support/query-counter.js';
import { startTestApi, type TestApi } from './support/test-app.js';

/**
 * Relationship health check-ins through the API: both halves and the gap, a partner sees
 * only its own, the trend, the programme-wide view, schedules, question set versions, bad
 * input, query counts, the digest item, demo data.
 */
describe('check-ins: question sets, schedules, both halves, trend, overview', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  let setNumber: number;

  const QUESTIONS = [
    { code: 'clarity', text: 'How clear are the outcomes?', scale: '1-5' },
    { code: 'trust', text: 'How much do you trust the other side?', scale: '1-5' },
    { code: 'pace', text: 'Are decisions quick enough?', scale: 'rag' },
  ];
  const answers = (scores: [number, number, number], comment = '') => ({
    answers: QUESTIONS.map((q, i) => ({ code: q.code, score: scores[i], comment })),
  });

  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
    const draft = await as(api, p.admin)
      .post('/api/v1/check-in-question-sets')
      .send({ questions: QUESTIONS });
    expect({ status: draft.status, body: draft.body }).toMatchObject({
      status: 201,
      body: { status: 'draft' },
    });
    const published = await as(api, p.admin)
      .post(`/api/v1/check-in-question-sets/${draft.body.id}/publish`)
      .send({ version: draft.body.version });
    expect(published.status).toBe(200);
    setNumber = published.body.number;
  });
  afterAll(async () => {
    await api.close();
  });

  const checkIn = async (organisationId: string | null, dueOn: string) => {
    const res = await as(api, p.admin).post('/api/v1/check-ins').send({ organisationId, dueOn });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body as { id: string; status: string; questionSetNumber: number };
  };

  it('a check-in answered by both sides shows both scores and the gap', async () => {
    const ci = await checkIn(p.supplierB.organisationId, '2026-11-02');
    expect(ci.questionSetNumber).toBe(setNumber);
    expect(ci.status).toBe('overdue');

    const partner = await as(api, p.supplierB)
      .post(`/api/v1/check-ins/${ci.id}/answers`)
      .send(answers([2, 3, 1], 'Rollout order changed twice'));
    expect({ status: partner.status, body: partner.body }).toMatchObject({ status: 200 });
    expect(partner.body.status).toBe('overdue');
    expect(partner.body.partner).toMatchObject({ answered: true });
    expect(partner.body.office).toMatchObject({ answered: false });

    const office = await as(api, p.admin)
      .post(`/api/v1/check-ins/${ci.id}/answers`)
      .send(answers([4, 4, 3]));
    expect(office.status).toBe(200);
    expect(office.body.status).toBe('complete');
    expect(
      office.body.questions.map(
        (q: {
          code: string;
          office: { score: number };
          partner: { score: number };
          gap: number;
        }) => [q.code, q.office.score, q.partner.score, q.gap],
      ),
    ).toEqual([
      ['clarity', 4, 2, 2],
      ['trust', 4, 3, 1],
      ['pace', 3, 1, 2],
    ]);
    expect(office.body.questions[0].partner.comment).toBe('Rollout order changed twice');
    // 0–100: office (75 + 75 + 100) / 3; partner (25 + 50 + 0) / 3; gap (50 + 25 + 100) / 3.
    expect(office.body.summary).toEqual({ officeScore: 83.3, partnerScore: 25, meanGap: 58.3 });

    for (const who of ['supplierB', 'viewer', 'admin'] as const) {
      const res = await as(api, p[who]).get(`/api/v1/check-ins/${ci.id}`);
      expect({ who, status: res.status }).toEqual({ who, status: 200 });
      expect(res.body.questions.map((q: { gap: number }) => q.gap)).toEqual([2, 1, 2]);
    }
    const again = await as(api, p.supplierB)
      .post(`/api/v1/check-ins/${ci.id}/answers`)
      .send(answers([5, 5, 3]));
    expect({ status: again.status, code: again.body.code }).toEqual({
      status: 409,
      code: 'already_answered',
    });
    const audit = await api.db.query(
      `SELECT action, changes->'side'->>'after' AS side FROM audit_events WHERE entity_id = $1 ORDER BY occurred_at`,
      [ci.id],
    );
    expect(audit.map((a: { action: string; side: string | null }) => [a.action, a.side])).toEqual([
      ['check_in.scheduled', null],
      ['check_in.answered', 'partner'],
      ['check_in.answered', 'office'],
    ]);
  });

  it("a partner sees only its own check-ins (another partner's is 404), and the office's half only after giving its own", async () => {
    const ci = await checkIn(p.councilX.organisationId, '2027-01-11');
    const office = await as(api, p.admin)
      .post(`/api/v1/check-ins/${ci.id}/answers`)
      .send(answers([5, 5, 3]));
    expect(office.body.status).toBe('answered_by_one');

    const own = await as(api, p.councilX).get(`/api/v1/check-ins/${ci.id}`);
    expect(own.status).toBe(200);
    expect(own.body.office.answered).toBe(true);
    expect(
      own.body.questions.every(
        (q: { office: unknown; gap: unknown }) => q.office === null && q.gap === null,
      ),
    ).toBe(true);
    expect(own.body.summary.officeScore).toBeNull();

    for (const who of ['councilY', 'supplierA', 'supplierAToken', 'supplierB', 'agency'] as const) {
      const res = await as(api, p[who]).get(`/api/v1/check-ins/${ci.id}`);
      expect({ who, status: res.status }).toEqual({ who, status: 404 });
      const post = await as(api, p[who])
        .post(`/api/v1/check-ins/${ci.id}/answers`)
        .send(answers([1, 1, 1]));
      expect({ who, status: post.status }).toEqual({ who, status: 404 });
      const list = await as(api, p[who]).get(
        `/api/v1/check-ins?organisationId=${p.councilX.organisationId}`,
      );
      expect({ who, total: list.body.meta.total }).toEqual({ who, total: 0 });
      const trend = await as(api, p[who]).get(
        `/api/v1/check-ins/partners/${p.councilX.organisationId}/trend`,
      );
      expect({ who, status: trend.status }).toEqual({ who, status: 404 });
    }
    const viewer = await as(api, p.viewer)
      .post(`/api/v1/check-ins/${ci.id}/answers`)
      .send(answers([1, 1, 1]));
    expect(viewer.status).toBe(403);

    const answered = await as(api, p.councilX)
      .post(`/api/v1/check-ins/${ci.id}/answers`)
      .send(answers([4, 5, 3]));
    expect(answered.status).toBe(200);
    expect(
      answered.body.questions.map((q: { office: { score: number } }) => q.office.score),
    ).toEqual([5, 5, 3]);
    const mine = await as(api, p.councilX).get('/api/v1/check-ins');
    expect(
      mine.body.data.every(
        (c: { organisationId: string }) => c.organisationId === p.councilX.organisationId,
      ),
    ).toBe(true);
    expect(mine.body.data.map((c: { id: string }) => c.id)).toContain(ci.id);
  });

  it('bad answers are 400 naming the field; a question set once published cannot change', async () => {
    const ci = await checkIn(p.supplierB.organisationId, '2027-02-01');
    const cases: [object, string][] = [
      [{ answers: [{ code: 'clarity', score: 9 }] }, 'answers[0].score'],
      [answers([1, 1, 4]), 'answers[2].score'],
      [{ answers: [{ code: 'nope', score: 1 }] }, 'answers[0].code'],
      [{ answers: 'all good' }, 'answers'],
    ];
    for (const [body, field] of cases) {
      const res = await as(api, p.supplierB).post(`/api/v1/check-ins/${ci.id}/answers`).send(body);
      expect({ status: res.status }).toEqual({ status: 400 });
      expect(JSON.stringify(res.body)).toContain(field);
    }
    const sets = await as(api, p.admin).get('/api/v1/check-in-question-sets');
    const current = sets.body.data[0];
    expect(current).toMatchObject({ number: setNumber, status: 'published' });
    const change = await as(api, p.admin)
      .patch(`/api/v1/check-in-question-sets/${current.id}`)
      .send({ questions: QUESTIONS, version: current.version });
    expect(change.status).toBe(409);
    const republish = await as(api, p.admin)
      .post(`/api/v1/check-in-question-sets/${current.id}/publish`)
      .send({ version: current.version });
    expect({ status: republish.status, code: republish.body.code }).toEqual({
      status: 409,
      code: 'illegal_transition',
    });
    const programme = await as(api, p.admin)
      .post('/api/v1/check-ins')
      .send({ organisationId: p.admin.organisationId, dueOn: '2027-02-01' });
    expect(programme.status).toBe(400);
    const twice = await as(api, p.admin)
      .post('/api/v1/check-ins')
      .send({ organisationId: p.supplierB.organisationId, dueOn: '2027-02-01' });
    expect(twice.status).toBe(409);
  });

  it('the trend over time and the programme-wide view list the deteriorating relationship', async () => {
    const org = p.councilY.organisationId!;
    const rounds: [string, [number, number, number], [number, number, number]][] = [
      ['2026-05-04', [4, 4, 3], [5, 4, 3]],
      ['2026-06-29', [4, 4, 3], [3, 3, 2]],
      ['2026-08-24', [4, 4, 2], [2, 1, 1]],
    ];
    for (const [due, office, partner] of rounds) {
      const ci = await checkIn(org, due);
      await as(api, p.admin).post(`/api/v1/check-ins/${ci.id}/answers`).send(answers(office));
      const res = await as(api, p.councilY)
        .post(`/api/v1/check-ins/${ci.id}/answers`)
        .send(answers(partner));
      expect(res.status).toBe(200);
    }
    const trend = await as(api, p.councilY).get(`/api/v1/check-ins/partners/${org}/trend`);
    expect(trend.status).toBe(200);
    expect(
      trend.body.points.map((x: { dueOn: string; partnerScore: number; meanGap: number }) => [
        x.dueOn,
        x.partnerScore,
        x.meanGap,
      ]),
    ).toEqual([
      ['2026-05-04', 91.7, 8.3],
      ['2026-06-29', 50, 33.3],
      ['2026-08-24', 8.3, 58.3],
    ]);
    const overview = await as(api, p.viewer).get('/api/v1/check-ins/overview');
    expect(overview.status).toBe(200);
    const fell = overview.body.fell.map((x: { organisationId: string }) => x.organisationId);
    expect(fell).toContain(org);
    const mine = overview.body.partners.find(
      (x: { organisationId: string }) => x.organisationId === org,
    );
    expect(mine).toMatchObject({ completeCheckIns: 3, latestDueOn: '2026-08-24', latestGap: 58.3 });
    expect(mine.change).toBeLessThan(0);
    // The demo's deteriorating supplier is there too; the steady ones did not fall.
    const names = overview.body.fell.map((x: { organisationName: string }) => x.organisationName);
    expect(names.some((n: string) => n.startsWith('Pennine Digital Services'))).toBe(true);
    expect(names.some((n: string) => n.startsWith('Saltmarsh'))).toBe(false);
    expect(overview.body.disagree[0].latestGap).toBeGreaterThanOrEqual(mine.latestGap);
    for (const who of ['supplierA', 'councilX', 'agency'] as const)
      expect((await as(api, p[who]).get('/api/v1/check-ins/overview')).status).toBe(403);
  });

  it('a schedule creates the first check-in and, once both halves are in, the next one a cadence later', async () => {
    const agency = p.agency.organisationId!;
    const res = await as(api, p.admin)
      .post('/api/v1/check-in-schedules')
      .send({ organisationId: agency, cadenceWeeks: 8, firstDueOn: '2027-03-01' });
    expect({ status: res.status, body: res.body }).toMatchObject({
      status: 201,
      body: { cadenceWeeks: 8, latestDueOn: '2027-03-01', active: true },
    });
    const dup = await as(api, p.admin)
      .post('/api/v1/check-in-schedules')
      .send({ organisationId: agency, cadenceWeeks: 4, firstDueOn: '2027-03-01' });
    expect(dup.status).toBe(409);
    const list = await as(api, p.agency).get('/api/v1/check-ins');
    const first = list.body.data.find((c: { dueOn: string }) => c.dueOn === '2027-03-01');
    expect(first).toMatchObject({ scheduleId: res.body.id, status: 'open' });
    await as(api, p.agency)
      .post(`/api/v1/check-ins/${first.id}/answers`)
      .send(answers([3, 3, 2]));
    await as(api, p.admin)
      .post(`/api/v1/check-ins/${first.id}/answers`)
      .send(answers([4, 3, 2]));
    const after = await as(api, p.admin).get(`/api/v1/check-in-schedules/${res.body.id}`);
    expect(after.body.latestDueOn).toBe('2027-04-26');
    const paused = await as(api, p.admin)
      .patch(`/api/v1/check-in-schedules/${res.body.id}`)
      .send({ active: false, version: after.body.version });
    expect(paused.body.active).toBe(false);
    expect((await as(api, p.agency).get('/api/v1/check-in-schedules')).status).toBe(403);
  });

  it('list endpoints run a constant number of statements whatever the number of check-ins', async () => {
    const org = p.supplierB.organisationId!;
    const measure = async () => [
      (await countQueries(api.db, () => as(api, p.supplierB).get('/api/v1/check-ins'))).count,
      (await countQueries(api.db, () => as(api, p.admin).get('/api/v1/check-ins?limit=100'))).count,
      (await countQueries(api.db, () => as(api, p.admin).get('/api/v1/check-ins/overview'))).count,
      (
        await countQueries(api.db, () =>
          as(api, p.admin).get(`/api/v1/check-ins/partners/${org}/trend`),
        )
      ).count,
      (await countQueries(api.db, () => as(api, p.admin).get('/api/v1/check-in-schedules'))).count,
    ];
    const before = await measure();
    for (let i = 0; i < 4; i++) {
      const ci = await checkIn(org, `2027-0${i + 5}-03`);
      await as(api, p.admin)
        .post(`/api/v1/check-ins/${ci.id}/answers`)
        .send(answers([3, 3, 2]));
      await as(api, p.supplierB)
        .post(`/api/v1/check-ins/${ci.id}/answers`)
        .send(answers([2, 3, 2]));
    }
    expect(await measure()).toEqual(before);
  });

  it("an overdue check-in the partner has not answered is on that supplier's digest", async () => {
    const ci = await checkIn(p.supplierA.organisationId, '2026-10-05');
    const items = await api.app.get(OverdueCheckInsSource).items(new Date());
    expect(items.filter((x) => x.link.endsWith(ci.id))).toEqual([
      expect.objectContaining({
        supplierId: p.supplierA.organisationId,
        kind: 'check_in_overdue',
        due: '2026-10-05',
      }),
    ]);
    await as(api, p.supplierA)
      .post(`/api/v1/check-ins/${ci.id}/answers`)
      .send(answers([3, 3, 2]));
    const later = await api.app.get(OverdueCheckInsSource).items(new Date());
    expect(later.some((x) => x.link.endsWith(ci.id))).toBe(false);
  });

  it('demo data: five suppliers every 8 weeks over six months, one deteriorating; seeding again adds nothing', async () => {
    const rows = await api.db.query<{ name: string; check_ins: number; answered: number }[]>(
      `SELECT o.name, count(*)::int AS check_ins,
              count(*) FILTER (WHERE ci.partner_answered_at IS NOT NULL)::int AS answered
         FROM check_ins ci JOIN organisations o ON o.id = ci.organisation_id
        WHERE ci.seed_key IS NOT NULL GROUP BY o.name ORDER BY o.name`,
    );
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.check_ins === 4 && r.answered === 3)).toBe(true);
    const [pennine] = await api.db.query<{ id: string }[]>(
      `SELECT id FROM organisations WHERE name LIKE 'Pennine Digital Services%'`,
    );
    const trend = await as(api, p.viewer).get(`/api/v1/check-ins/partners/${pennine.id}/trend`);
    const pts = trend.body.points as { partnerScore: number; meanGap: number }[];
    expect(pts).toHaveLength(3);
    expect(pts[2].partnerScore).toBeLessThan(pts[1].partnerScore);
    expect(pts[1].partnerScore).toBeLessThan(pts[0].partnerScore);
    expect(pts[2].meanGap).toBeGreaterThan(pts[1].meanGap);
    expect(pts[1].meanGap).toBeGreaterThan(pts[0].meanGap);
    const again = await api.db.transaction((m) => api.app.get(CheckInsSeeder).seedDemo(m));
    expect(again).toEqual({ checkIns: 0 });
  });
});
