import { every, type MatrixModule, statuses } from '../support/access-matrix.js';

/** Readers of supplier A's check-in: programme staff and supplier A; other partners 404. */
const OWN = {
  admin: 200,
  viewer: 200,
  supplierA: 200,
  supplierAToken: 200,
  supplierB: 404,
  councilX: 404,
  councilY: 404,
  agency: 404,
};
const STAFF = { admin: 200, viewer: 200 };

/** Check-ins: the programme office schedules; a partner reads and answers only its own. */
export const checkInsMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const auth = `Bearer ${p.admin.bearer}`;
    const ci = await api
      .http()
      .post('/api/v1/check-ins')
      .set('authorization', auth)
      .send({ organisationId: p.supplierA.organisationId, dueOn: '2030-01-07' });
    const sets = await api
      .http()
      .get('/api/v1/check-in-question-sets?limit=1')
      .set('authorization', auth);
    const schedules = await api
      .http()
      .get('/api/v1/check-in-schedules?limit=1')
      .set('authorization', auth);
    Object.assign(fixtures, {
      checkInId: ci.body.id as string,
      checkInQuestionSetId: sets.body.data[0].id as string,
      checkInScheduleId: schedules.body.data[0].id as string,
    });
  },
  cases: [
    {
      route: 'GET /api/v1/check-ins',
      path: () => '/api/v1/check-ins?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/check-ins/overview',
      path: () => '/api/v1/check-ins/overview',
      expect: statuses(STAFF),
    },
    {
      route: 'GET /api/v1/check-ins/partners/:organisationId/trend',
      path: ({ p }) => `/api/v1/check-ins/partners/${p.supplierA.organisationId}/trend`,
      expect: statuses(OWN),
    },
    {
      route: 'GET /api/v1/check-ins/:id',
      path: ({ fixtures }) => `/api/v1/check-ins/${fixtures.checkInId}`,
      expect: statuses(OWN),
    },
    {
      route: 'POST /api/v1/check-ins',
      path: () => '/api/v1/check-ins',
      body: () => ({ organisationId: 'someone', dueOn: 'soon' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/check-ins/:id/answers',
      path: ({ fixtures }) => `/api/v1/check-ins/${fixtures.checkInId}/answers`,
      body: () => ({ answers: [{ code: 'no-such-question', score: 1 }] }),
      expect: statuses({ ...OWN, admin: 400, supplierA: 400, supplierAToken: 400, viewer: 403 }),
    },
    {
      route: 'GET /api/v1/check-in-question-sets',
      path: () => '/api/v1/check-in-question-sets?limit=1',
      expect: statuses(STAFF),
    },
    {
      route: 'GET /api/v1/check-in-question-sets/:id',
      path: ({ fixtures }) => `/api/v1/check-in-question-sets/${fixtures.checkInQuestionSetId}`,
      expect: statuses(STAFF),
    },
    {
      route: 'POST /api/v1/check-in-question-sets',
      path: () => '/api/v1/check-in-question-sets',
      body: () => ({ questions: 'how are we doing?' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/check-in-question-sets/:id',
      path: ({ fixtures }) => `/api/v1/check-in-question-sets/${fixtures.checkInQuestionSetId}`,
      body: () => ({ questions: [], version: 1 }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/check-in-question-sets/:id/publish',
      path: ({ fixtures }) =>
        `/api/v1/check-in-question-sets/${fixtures.checkInQuestionSetId}/publish`,
      body: () => ({ version: 'latest' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/check-in-schedules',
      path: () => '/api/v1/check-in-schedules?limit=1',
      expect: statuses(STAFF),
    },
    {
      route: 'GET /api/v1/check-in-schedules/:id',
      path: ({ fixtures }) => `/api/v1/check-in-schedules/${fixtures.checkInScheduleId}`,
      expect: statuses(STAFF),
    },
    {
      route: 'POST /api/v1/check-in-schedules',
      path: () => '/api/v1/check-in-schedules',
      body: () => ({ cadenceWeeks: 0 }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/check-in-schedules/:id',
      path: ({ fixtures }) => `/api/v1/check-in-schedules/${fixtures.checkInScheduleId}`,
      body: () => ({ cadenceWeeks: 99, version: 1 }),
      expect: statuses({ admin: 400 }),
    },
  ],
};
