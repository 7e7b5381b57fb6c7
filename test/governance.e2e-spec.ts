import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OverdueMeetingActionsSource } from '../src/communications/digest/overdue-meeting-actions-source.js';
import { GovernanceSeeder } from '../src/governance/governance.seeder.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { countQueries } from './support/query-counter.js';
import { startTestApi, type TestApi } from './support/test-app.js';

/**
 * Governance groups and meetings through the API: members see their groups' meetings and
 * the decisions taken there (others 404), agenda/minutes/actions, bad input, query counts,
 * demo data.
 */
describe('governance: groups, meetings, actions', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;

  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
  });
  afterAll(async () => {
    await api.close();
  });

  const group = async (members: { organisationId: string | null; role: string }[]) => {
    const res = await as(api, p.admin)
      .post('/api/v1/governance-groups')
      .send({ name: `Supplier forum ${randomUUID()}`, description: 'Monthly', members });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body as { id: string; members: { organisationId: string; role: string }[] };
  };
  const meeting = async (groupId: string, body: object = {}) => {
    const res = await as(api, p.admin)
      .post('/api/v1/meetings')
      .send({
        groupId,
        title: 'Supplier forum, March',
        startsAt: '2026-03-10T10:00:00Z',
        agendaItems: [
          {
            title: 'Shared eligibility checker',
            owner: 'Programme director',
            paperLinks: ['https://papers.example/checker.pdf'],
          },
        ],
        attendees: ['Programme director'],
        ...body,
      });
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
    return res.body as { id: string; version: number };
  };

  it("a supplier representative sees its group's meeting and the decisions taken there; a supplier outside the group gets 404", async () => {
    const g = await group([
      { organisationId: p.admin.organisationId, role: 'chair' },
      { organisationId: p.supplierA.organisationId, role: 'member' },
      { organisationId: p.councilX.organisationId, role: 'observer' },
    ]);
    expect(g.members.map((x) => x.role)).toEqual(['chair', 'member', 'observer']);
    const mt = await meeting(g.id);
    const decision = await as(api, p.admin)
      .post('/api/v1/decisions')
      .send({ title: `Taken at the forum ${randomUUID()}`, decidedByMeetingId: mt.id });
    expect(decision.status).toBe(201);
    expect(decision.body.decidedByMeetingId).toBe(mt.id);
    const [row] = await api.db.query(`SELECT decided_by_meeting_id FROM decisions WHERE id = $1`, [
      decision.body.id,
    ]);
    expect(row.decided_by_meeting_id).toBe(mt.id);

    for (const who of [
      'supplierA',
      'supplierAToken',
      'councilX',
      'admin',
      'viewer',
      'agency',
    ] as const) {
      const res = await as(api, p[who]).get(`/api/v1/meetings/${mt.id}`);
      expect({ who, status: res.status }).toEqual({ who, status: 200 });
      expect(res.body.decisions.map((d: { id: string }) => d.id)).toEqual([decision.body.id]);
      expect((await as(api, p[who]).get(`/api/v1/decisions/${decision.body.id}`)).status).toBe(200);
      expect((await as(api, p[who]).get(`/api/v1/governance-groups/${g.id}`)).status).toBe(200);
    }
    for (const who of ['supplierB', 'councilY'] as const) {
      expect((await as(api, p[who]).get(`/api/v1/meetings/${mt.id}`)).status).toBe(404);
      expect((await as(api, p[who]).get(`/api/v1/decisions/${decision.body.id}`)).status).toBe(404);
      expect((await as(api, p[who]).get(`/api/v1/governance-groups/${g.id}`)).status).toBe(404);
      const list = await as(api, p[who]).get(`/api/v1/meetings?groupId=${g.id}`);
      expect(list.body).toMatchObject({ data: [], meta: { total: 0 } });
    }
    const mine = await as(api, p.supplierA).get('/api/v1/governance-groups?limit=500');
    expect(mine.body.data.map((x: { id: string }) => x.id)).toContain(g.id);
    const unknownMeeting = await as(api, p.admin)
      .post('/api/v1/decisions')
      .send({ title: 'x', decidedByMeetingId: randomUUID() });
    expect(unknownMeeting.status).toBe(400);
    expect(unknownMeeting.body.errors[0].field).toBe('decidedByMeetingId');
  });

  it('agenda, attendees and minutes change with the version read; actions are done, dropped or reopened; overdue ones are flagged', async () => {
    const g = await group([{ organisationId: p.supplierA.organisationId, role: 'member' }]);
    const mt = await meeting(g.id);
    const stale = await as(api, p.admin)
      .patch(`/api/v1/meetings/${mt.id}`)
      .send({ minutes: 'x', version: 9 });
    expect(stale.status).toBe(409);
    const held = await as(api, p.admin)
      .patch(`/api/v1/meetings/${mt.id}`)
      .send({
        minutes: 'Agreed the roadmap.',
        attendees: ['Chair', 'Kestrel'],
        version: mt.version,
      });
    expect(held.status).toBe(200);
    expect(held.body).toMatchObject({
      minutes: 'Agreed the roadmap.',
      attendees: ['Chair', 'Kestrel'],
    });
    expect(held.body.agendaItems[0].paperLinks).toEqual(['https://papers.example/checker.pdf']);
    const added = await as(api, p.admin).post(`/api/v1/meetings/${mt.id}/actions`).send({
      title: 'Publish the draft standard',
      owner: 'Design authority',
      dueDate: '2026-01-05',
    });
    expect(added.status).toBe(201);
    const action = added.body.actions[0];
    expect(action).toMatchObject({ status: 'open', overdue: true, dueDate: '2026-01-05' });
    const done = await as(api, p.admin)
      .post(`/api/v1/meetings/${mt.id}/actions/${action.id}/status`)
      .send({ status: 'done', version: action.version });
    expect(done.status).toBe(200);
    expect(done.body.actions[0]).toMatchObject({ status: 'done', overdue: false });
    // Overdue while open: on the weekly digest of the group's supplier members; not once done.
    const reopened = await as(api, p.admin)
      .post(`/api/v1/meetings/${mt.id}/actions/${action.id}/status`)
      .send({ status: 'open', version: done.body.actions[0].version });
    expect(reopened.status).toBe(200);
    const digest = async () =>
      (await api.app.get(OverdueMeetingActionsSource).items(new Date())).filter((i) =>
        i.link.endsWith(`/meetings/${mt.id}`),
      );
    expect(await digest()).toEqual([
      expect.objectContaining({
        supplierId: p.supplierA.organisationId,
        kind: 'meeting_action_overdue',
        due: '2026-01-05',
        title: expect.stringContaining('Publish the draft standard (Design authority)'),
      }),
    ]);
    const closed = await as(api, p.admin)
      .post(`/api/v1/meetings/${mt.id}/actions/${action.id}/status`)
      .send({ status: 'done', version: reopened.body.actions[0].version });
    expect(closed.status).toBe(200);
    expect(await digest()).toEqual([]);
    const illegal = await as(api, p.admin)
      .post(`/api/v1/meetings/${mt.id}/actions/${action.id}/status`)
      .send({ status: 'dropped', version: closed.body.actions[0].version });
    expect(illegal.status).toBe(409);
    expect(illegal.body.allowed).toEqual(['open']);
    const [db] = await api.db.query(`SELECT status FROM meeting_actions WHERE id = $1`, [
      action.id,
    ]);
    expect(db.status).toBe('done');
    expect(
      (
        await as(api, p.supplierA)
          .post(`/api/v1/meetings/${mt.id}/actions`)
          .send({ title: 'x', owner: 'y', dueDate: '2026-01-01' })
      ).status,
    ).toBe(403);
    const wrongMeeting = await as(api, p.admin)
      .post(`/api/v1/meetings/${randomUUID()}/actions/${action.id}/status`)
      .send({ status: 'open', version: 2 });
    expect(wrongMeeting.status).toBe(404);
  });

  it('bad input is a clear 4xx: unknown members, a name taken, an unknown group, links that are not https, impossible times', async () => {
    const bad = await as(api, p.admin)
      .post('/api/v1/governance-groups')
      .send({
        name: `G ${randomUUID()}`,
        members: [
          { organisationId: randomUUID(), role: 'member' },
          { organisationId: p.supplierA.organisationId, role: 'member' },
          { organisationId: p.supplierA.organisationId, role: 'chair' },
        ],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'members[0].organisationId',
      'members[2].organisationId',
    ]);
    const g = await group([]);
    const [{ name }] = await api.db.query(`SELECT name FROM governance_groups WHERE id = $1`, [
      g.id,
    ]);
    const dup = await as(api, p.admin)
      .post('/api/v1/governance-groups')
      .send({ name, members: [] });
    expect(dup.status).toBe(409);
    for (const body of [
      { groupId: randomUUID(), title: 'x', startsAt: '2026-03-10T10:00:00Z' },
      { groupId: g.id, title: 'x', startsAt: '2026-02-30T10:00:00Z' },
      {
        groupId: g.id,
        title: 'x',
        startsAt: '2026-03-10T10:00:00Z',
        agendaItems: [{ title: 'a', owner: 'b', paperLinks: ['javascript:alert(1)'] }],
      },
      {
        groupId: g.id,
        title: 'x',
        startsAt: '2026-03-10T10:00:00Z',
        agendaItems: [{ title: 'a' }],
      },
      { groupId: g.id, title: 'x', startsAt: '2026-03-10T10:00:00Z', members: [] },
    ]) {
      const res = await as(api, p.admin).post('/api/v1/meetings').send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
    }
    const role = await as(api, p.admin)
      .post('/api/v1/governance-groups')
      .send({ name: 'x', members: [{ organisationId: p.supplierA.organisationId, role: 'king' }] });
    expect(role.status).toBe(400);
  });

  it('the meetings list uses the same number of queries however many meetings, actions and decisions there are', async () => {
    const g = await group([{ organisationId: p.supplierA.organisationId, role: 'member' }]);
    await meeting(g.id);
    const measure = async () =>
      (
        await countQueries(api.db, () =>
          as(api, p.supplierA).get(`/api/v1/meetings?groupId=${g.id}`),
        )
      ).count;
    const before = await measure();
    for (let i = 0; i < 4; i++) {
      const mt = await meeting(g.id, { title: `Forum ${i}` });
      await as(api, p.admin)
        .post(`/api/v1/meetings/${mt.id}/actions`)
        .send({ title: 'a', owner: 'b', dueDate: '2026-05-01' });
      await as(api, p.admin)
        .post('/api/v1/decisions')
        .send({ title: `d ${i}`, decidedByMeetingId: mt.id });
    }
    expect(await measure()).toBe(before);
    const list = await as(api, p.supplierA).get(`/api/v1/meetings?groupId=${g.id}`);
    expect(list.body.meta.total).toBe(5);
    expect(
      list.body.data.filter((m: { decisions: unknown[] }) => m.decisions.length === 1),
    ).toHaveLength(4);
  });

  it('demo data: the board took the shared-checker decision; six months of supplier forum meetings; seeding again adds nothing', async () => {
    const rows = await api.db.query<{ name: string; meetings: number; members: number }[]>(
      `SELECT g.name, count(DISTINCT mt.id)::int AS meetings,
              count(DISTINCT gm.organisation_id)::int AS members
         FROM governance_groups g
         LEFT JOIN meetings mt ON mt.group_id = g.id
         LEFT JOIN governance_group_members gm ON gm.group_id = g.id
        WHERE g.seed_key IS NOT NULL GROUP BY g.name ORDER BY g.name`,
    );
    expect(rows).toEqual([
      { name: 'Programme board', meetings: 1, members: 8 },
      { name: 'Supplier forum', meetings: 6, members: 7 },
      { name: 'Technical design authority', meetings: 0, members: 4 },
    ]);
    const [board] = await api.db.query(
      `SELECT d.title FROM decisions d JOIN meetings mt ON mt.id = d.decided_by_meeting_id
        WHERE mt.seed_key = 'demo-board-1'`,
    );
    expect(board.title).toBe('Run one shared eligibility checker for all 174 councils');
    const again = await api.db.transaction((m) => api.app.get(GovernanceSeeder).seedDemo(m));
    expect(again).toEqual({ governanceGroups: 0, meetings: 0 });
  });
});
