import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { startTestApi, type TestApi } from './support/test-app.js';

/**
 * Governance group membership after creation: add a member, change its role, remove it;
 * audited; what members read follows at once (a removed supplier gets 404 on the meeting).
 */
describe('governance: changing group membership', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;

  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
  });
  afterAll(async () => {
    await api.close();
  });

  it('add, change role, remove: visibility follows immediately and every change is audited', async () => {
    const g = await as(api, p.admin)
      .post('/api/v1/governance-groups')
      .send({
        name: `Supplier forum ${randomUUID()}`,
        members: [
          { organisationId: p.admin.organisationId, role: 'chair' },
          { organisationId: p.supplierA.organisationId, role: 'member' },
        ],
      });
    expect(g.status).toBe(201);
    const mt = await as(api, p.admin)
      .post('/api/v1/meetings')
      .send({ groupId: g.body.id, title: 'Forum', startsAt: '2026-03-10T10:00:00Z' });
    expect(mt.status).toBe(201);
    const meetingStatus = async (who: 'supplierA' | 'supplierB' | 'supplierAToken') =>
      (await as(api, p[who]).get(`/api/v1/meetings/${mt.body.id}`)).status;
    expect([await meetingStatus('supplierA'), await meetingStatus('supplierB')]).toEqual([
      200, 404,
    ]);

    const added = await as(api, p.admin)
      .post(`/api/v1/governance-groups/${g.body.id}/members`)
      .send({ organisationId: p.supplierB.organisationId, role: 'observer' });
    expect(added.status).toBe(201);
    expect(added.body.version).toBe(g.body.version + 1);
    expect(
      added.body.members.find(
        (m: { organisationId: string }) => m.organisationId === p.supplierB.organisationId,
      ),
    ).toMatchObject({ role: 'observer' });
    expect(await meetingStatus('supplierB')).toBe(200);
    const twice = await as(api, p.admin)
      .post(`/api/v1/governance-groups/${g.body.id}/members`)
      .send({ organisationId: p.supplierB.organisationId, role: 'member' });
    expect({ status: twice.status, code: twice.body.code }).toEqual({
      status: 409,
      code: 'already_member',
    });

    const changed = await as(api, p.admin)
      .patch(`/api/v1/governance-groups/${g.body.id}/members/${p.supplierB.organisationId}`)
      .send({ role: 'member' });
    expect(changed.status).toBe(200);
    expect(
      changed.body.members.find(
        (m: { organisationId: string }) => m.organisationId === p.supplierB.organisationId,
      ),
    ).toMatchObject({ role: 'member' });

    const removed = await as(api, p.admin).delete(
      `/api/v1/governance-groups/${g.body.id}/members/${p.supplierA.organisationId}`,
    );
    expect(removed.status).toBe(200);
    expect(
      removed.body.members.map((m: { organisationId: string }) => m.organisationId),
    ).not.toContain(p.supplierA.organisationId);
    expect(await meetingStatus('supplierA')).toBe(404);
    expect(await meetingStatus('supplierAToken')).toBe(404);
    expect((await as(api, p.supplierA).get(`/api/v1/governance-groups/${g.body.id}`)).status).toBe(
      404,
    );
    expect(await meetingStatus('supplierB')).toBe(200);

    const gone = await as(api, p.admin).delete(
      `/api/v1/governance-groups/${g.body.id}/members/${p.supplierA.organisationId}`,
    );
    expect(gone.status).toBe(404);
    const unknown = await as(api, p.admin)
      .post(`/api/v1/governance-groups/${g.body.id}/members`)
      .send({ organisationId: randomUUID(), role: 'member' });
    expect(unknown.status).toBe(400);
    const noGroup = await as(api, p.admin)
      .post(`/api/v1/governance-groups/${randomUUID()}/members`)
      .send({ organisationId: p.councilX.organisationId, role: 'member' });
    expect(noGroup.status).toBe(404);
    const badRole = await as(api, p.admin)
      .patch(`/api/v1/governance-groups/${g.body.id}/members/${p.supplierB.organisationId}`)
      .send({ role: 'king' });
    expect(badRole.status).toBe(400);
    for (const who of ['viewer', 'supplierB', 'councilX', 'agency'] as const) {
      const res = await as(api, p[who]).delete(
        `/api/v1/governance-groups/${g.body.id}/members/${p.supplierB.organisationId}`,
      );
      expect({ who, status: res.status }).toEqual({ who, status: 403 });
    }

    const audit = await api.db.query<{ action: string; org: string }[]>(
      `SELECT action, changes->'organisationId'->>'after' AS org FROM audit_events
        WHERE entity_id = $1 AND action LIKE 'governance_group.member%' ORDER BY occurred_at`,
      [g.body.id],
    );
    expect(audit.map((a) => [a.action, a.org])).toEqual([
      ['governance_group.member_added', p.supplierB.organisationId],
      ['governance_group.member_role_changed', p.supplierB.organisationId],
      ['governance_group.member_removed', p.supplierA.organisationId],
    ]);
  });
});
