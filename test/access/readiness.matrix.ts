import { randomUUID } from 'node:crypto';
import { every, type MatrixModule, statuses } from '../support/access-matrix.js';
import { serviceIdByCode } from '../support/programme-fixtures.js';

const STAFF_READ = { admin: 200, viewer: 200, agency: 200 };

/** Critical dates: everyone reads the calendar; staff and agencies readiness; a council its own. */
export const readinessMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const res = await api
      .http()
      .post('/api/v1/critical-dates')
      .set('authorization', `Bearer ${p.admin.bearer}`)
      .send({
        code: `MATRIX-${randomUUID().slice(0, 8).toUpperCase()}`,
        name: 'Matrix fixture date',
        date: '2027-06-01',
        serviceIds: [await serviceIdByCode(api.db, 'FSM-APPLY')],
        nations: ['England', 'Wales'],
        minStage: 'testing',
        daysBefore: 14,
      });
    fixtures.criticalDateId = res.body.id as string;
  },
  cases: [
    {
      route: 'GET /api/v1/critical-dates',
      path: () => '/api/v1/critical-dates?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/critical-dates/:id',
      path: ({ fixtures }) => `/api/v1/critical-dates/${fixtures.criticalDateId}`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/critical-dates',
      path: () => '/api/v1/critical-dates',
      body: () => ({ code: 'x', minStage: 'bogus' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/critical-dates/:id',
      path: ({ fixtures }) => `/api/v1/critical-dates/${fixtures.criticalDateId}`,
      body: () => ({ daysBefore: -1, version: 1 }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/critical-dates/:id/readiness',
      path: ({ fixtures }) => `/api/v1/critical-dates/${fixtures.criticalDateId}/readiness`,
      expect: statuses(STAFF_READ),
    },
    {
      route: 'GET /api/v1/councils/:councilId/readiness',
      label: "council X's readiness",
      path: ({ p }) => `/api/v1/councils/${p.councilX.organisationId}/readiness`,
      expect: statuses({ ...STAFF_READ, councilX: 200, councilY: 404 }),
    },
    {
      route: 'GET /api/v1/critical-dates/:id/notices',
      path: ({ fixtures }) => `/api/v1/critical-dates/${fixtures.criticalDateId}/notices`,
      expect: statuses({ admin: 200, viewer: 200 }),
    },
    {
      route: 'GET /api/v1/councils/:councilId/readiness-notices',
      label: "council X's notices",
      path: ({ p }) => `/api/v1/councils/${p.councilX.organisationId}/readiness-notices`,
      expect: statuses({ admin: 200, viewer: 200, councilX: 200, councilY: 404 }),
    },
  ],
};
