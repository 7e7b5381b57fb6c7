import { every, type MatrixModule, statuses } from '../support/access-matrix.js';

const ZERO = '00000000-0000-4000-8000-000000000000';

/** Requirement sets (issue 4): every signed-in role reads, only programme admins write. */
export const requirementsMatrix: MatrixModule = {
  async setup({ api, fixtures }) {
    const [set] = await api.db.query(
      `SELECT rs.id, rs.service_id FROM requirement_sets rs JOIN services s ON s.id = rs.service_id
        WHERE s.code = 'FSM-APPLY' AND rs.status = 'published'`,
    );
    fixtures.requirementSetId = set.id;
    fixtures.requirementServiceId = set.service_id;
  },
  cases: [
    {
      route: 'GET /api/v1/services/:serviceId/requirement-sets',
      path: ({ fixtures }) => `/api/v1/services/${fixtures.requirementServiceId}/requirement-sets`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/services/:serviceId/requirement-sets',
      path: ({ fixtures }) => `/api/v1/services/${fixtures.requirementServiceId}/requirement-sets`,
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/requirement-sets/:id',
      path: ({ fixtures }) => `/api/v1/requirement-sets/${fixtures.requirementSetId}`,
      expect: statuses(every(200)),
    },
    {
      route: 'PATCH /api/v1/requirement-sets/:id',
      path: ({ fixtures }) => `/api/v1/requirement-sets/${fixtures.requirementSetId}`,
      body: () => ({ title: '' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'DELETE /api/v1/requirement-sets/:id',
      path: () => `/api/v1/requirement-sets/${ZERO}`,
      expect: statuses({ admin: 404 }),
    },
    {
      route: 'PUT /api/v1/requirement-sets/:id/requirements/:code',
      path: ({ fixtures }) =>
        `/api/v1/requirement-sets/${fixtures.requirementSetId}/requirements/FSM-001`,
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'DELETE /api/v1/requirement-sets/:id/requirements/:code',
      path: () => `/api/v1/requirement-sets/${ZERO}/requirements/FSM-001`,
      expect: statuses({ admin: 404 }),
    },
    {
      route: 'POST /api/v1/requirement-sets/:id/publish',
      path: ({ fixtures }) => `/api/v1/requirement-sets/${fixtures.requirementSetId}/publish`,
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/requirement-sets/:id/new-version',
      path: () => `/api/v1/requirement-sets/${ZERO}/new-version`,
      expect: statuses({ admin: 404 }),
    },
    {
      route: 'GET /api/v1/requirement-sets/:id/diff',
      path: ({ fixtures }) =>
        `/api/v1/requirement-sets/${fixtures.requirementSetId}/diff?against=${fixtures.requirementSetId}`,
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/requirement-sets/:id/requirements.csv',
      path: ({ fixtures }) =>
        `/api/v1/requirement-sets/${fixtures.requirementSetId}/requirements.csv`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/requirement-sets/:id/requirements.csv',
      label: 'a JSON body where CSV is expected',
      path: ({ fixtures }) =>
        `/api/v1/requirement-sets/${fixtures.requirementSetId}/requirements.csv`,
      body: () => ({ code: 'FSM-001' }),
      expect: statuses({ admin: 415 }),
    },
  ],
};
