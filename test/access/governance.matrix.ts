import { every, type MatrixModule, statuses } from '../support/access-matrix.js';

/** Readers of a group (and its meetings) where supplier A and council X sit. */
const READERS = {
  admin: 200,
  viewer: 200,
  agency: 200,
  supplierA: 200,
  supplierAToken: 200,
  councilX: 200,
  supplierB: 404,
  councilY: 404,
};

/** Governance groups and meetings: the programme office writes; members read their own. */
export const governanceMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const auth = `Bearer ${p.admin.bearer}`;
    const g = await api
      .http()
      .post('/api/v1/governance-groups')
      .set('authorization', auth)
      .send({
        name: 'Matrix fixture forum',
        members: [
          { organisationId: p.supplierA.organisationId, role: 'member' },
          { organisationId: p.councilX.organisationId, role: 'observer' },
        ],
      });
    const mt = await api
      .http()
      .post('/api/v1/meetings')
      .set('authorization', auth)
      .send({ groupId: g.body.id, title: 'Matrix meeting', startsAt: '2026-03-10T10:00:00Z' });
    const withAction = await api
      .http()
      .post(`/api/v1/meetings/${mt.body.id}/actions`)
      .set('authorization', auth)
      .send({ title: 'Matrix action', owner: 'Chair', dueDate: '2026-04-01' });
    Object.assign(fixtures, {
      governanceGroupId: g.body.id as string,
      meetingId: mt.body.id as string,
      meetingActionId: withAction.body.actions[0].id as string,
    });
  },
  cases: [
    {
      route: 'GET /api/v1/governance-groups',
      path: () => '/api/v1/governance-groups?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/governance-groups/:id',
      path: ({ fixtures }) => `/api/v1/governance-groups/${fixtures.governanceGroupId}`,
      expect: statuses(READERS),
    },
    {
      route: 'POST /api/v1/governance-groups',
      path: () => '/api/v1/governance-groups',
      body: () => ({ name: '', members: 'all' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/meetings',
      path: () => '/api/v1/meetings?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/meetings/:id',
      path: ({ fixtures }) => `/api/v1/meetings/${fixtures.meetingId}`,
      expect: statuses(READERS),
    },
    {
      route: 'POST /api/v1/meetings',
      path: () => '/api/v1/meetings',
      body: () => ({ title: 'x', startsAt: 'tomorrow' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/meetings/:id',
      path: ({ fixtures }) => `/api/v1/meetings/${fixtures.meetingId}`,
      body: () => ({ minutes: 42, version: 1 }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/meetings/:id/actions',
      path: ({ fixtures }) => `/api/v1/meetings/${fixtures.meetingId}/actions`,
      body: () => ({ title: 'x', owner: 'y', dueDate: '2026-02-30' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/meetings/:id/actions/:actionId/status',
      path: ({ fixtures }) =>
        `/api/v1/meetings/${fixtures.meetingId}/actions/${fixtures.meetingActionId}/status`,
      body: () => ({ status: 'finished', version: 1 }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/governance-groups/:id/members',
      path: ({ fixtures }) => `/api/v1/governance-groups/${fixtures.governanceGroupId}/members`,
      body: () => ({ organisationId: 'everyone', role: 'king' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/governance-groups/:id/members/:organisationId',
      path: ({ fixtures, p }) =>
        `/api/v1/governance-groups/${fixtures.governanceGroupId}/members/${p.supplierA.organisationId}`,
      body: () => ({ role: 'king' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'DELETE /api/v1/governance-groups/:id/members/:organisationId',
      label: 'not a member: 404 for the admin, nothing removed',
      path: ({ fixtures, p }) =>
        `/api/v1/governance-groups/${fixtures.governanceGroupId}/members/${p.councilY.organisationId}`,
      expect: statuses({ admin: 404 }),
    },
  ],
};
