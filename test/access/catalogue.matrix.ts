import { every, type MatrixModule, statuses } from '../support/access-matrix.js';

const ZERO = '00000000-0000-4000-8000-000000000000';

/**
 * Services, relationships and shared services (issue 4). The catalogue is programme-wide
 * reference data: every signed-in role reads it, only programme admins change it.
 */
export const catalogueMatrix: MatrixModule = {
  async setup({ api, fixtures }) {
    const [service] = await api.db.query(`SELECT id FROM services WHERE code = 'ADMISSIONS'`);
    fixtures.serviceId = service.id;
    const [shared] = await api.db.query(
      `SELECT id FROM shared_services WHERE name = 'London shared admissions service'`,
    );
    fixtures.sharedServiceId = shared.id;
  },
  cases: [
    { route: 'GET /api/v1/services', path: () => '/api/v1/services', expect: statuses(every(200)) },
    {
      route: 'GET /api/v1/services/graph',
      path: () => '/api/v1/services/graph',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/services/:id',
      path: ({ fixtures }) => `/api/v1/services/${fixtures.serviceId}`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/services',
      path: () => '/api/v1/services',
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/services/:id',
      path: ({ fixtures }) => `/api/v1/services/${fixtures.serviceId}`,
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PUT /api/v1/services/:id/scope',
      path: ({ fixtures }) => `/api/v1/services/${fixtures.serviceId}/scope`,
      body: () => ({ nations: ['Scotland'] }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/services/:id/transitions',
      path: ({ fixtures }) => `/api/v1/services/${fixtures.serviceId}/transitions`,
      body: () => ({ to: 'sideways' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/services/:serviceId/relationships',
      path: ({ fixtures }) => `/api/v1/services/${fixtures.serviceId}/relationships`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/services/:serviceId/relationships',
      path: ({ fixtures }) => `/api/v1/services/${fixtures.serviceId}/relationships`,
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'DELETE /api/v1/services/:serviceId/relationships/:id',
      path: ({ fixtures }) => `/api/v1/services/${fixtures.serviceId}/relationships/${ZERO}`,
      expect: statuses({ admin: 404 }),
    },
    {
      route: 'GET /api/v1/shared-services',
      path: () => '/api/v1/shared-services',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/shared-services/:id',
      path: ({ fixtures }) => `/api/v1/shared-services/${fixtures.sharedServiceId}`,
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/shared-services/:id/members',
      path: ({ fixtures }) => `/api/v1/shared-services/${fixtures.sharedServiceId}/members?limit=1`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/shared-services',
      path: () => '/api/v1/shared-services',
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/shared-services/:id',
      path: ({ fixtures }) => `/api/v1/shared-services/${fixtures.sharedServiceId}`,
      body: () => ({ name: '' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/shared-services/:id/members',
      path: ({ fixtures }) => `/api/v1/shared-services/${fixtures.sharedServiceId}/members`,
      body: () => ({ gssCodes: ['bad'] }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'DELETE /api/v1/shared-services/:id/members/:councilId',
      path: ({ fixtures }) => `/api/v1/shared-services/${fixtures.sharedServiceId}/members/${ZERO}`,
      expect: statuses({ admin: 404 }),
    },
  ],
};
