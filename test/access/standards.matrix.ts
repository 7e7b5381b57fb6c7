import { every, type MatrixModule, statuses } from '../support/access-matrix.js';

/**
 * Standards (issue 4): every signed-in role reads and validates sample payloads (suppliers
 * test their own), only programme admins change standards.
 */
export const standardsMatrix: MatrixModule = {
  async setup({ api, fixtures }) {
    const [standard] = await api.db.query(
      `SELECT id FROM standards WHERE code = 'FSM-ECS-REQUEST' AND version = '1.0.0'`,
    );
    fixtures.standardId = standard.id;
  },
  cases: [
    {
      route: 'GET /api/v1/standards',
      path: () => '/api/v1/standards',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/standards/:id',
      path: ({ fixtures }) => `/api/v1/standards/${fixtures.standardId}`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/standards',
      path: () => '/api/v1/standards',
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/standards/:id',
      path: ({ fixtures }) => `/api/v1/standards/${fixtures.standardId}`,
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/standards/:id/transitions',
      path: ({ fixtures }) => `/api/v1/standards/${fixtures.standardId}/transitions`,
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/standards/:id/validate',
      path: ({ fixtures }) => `/api/v1/standards/${fixtures.standardId}/validate`,
      body: () => ({}),
      expect: statuses(every(200)),
    },
  ],
};
