import { every, type MatrixModule, statuses } from '../support/access-matrix.js';

const READERS_OF_A = {
  admin: 200,
  viewer: 200,
  agency: 200,
  supplierA: 200,
  supplierAToken: 200,
  supplierB: 404,
  councilX: 404,
  councilY: 404,
};
/** Writers get an invalid body (400, nothing changes); other tenants a valid one (404). */
const WRITERS_OF_A = {
  admin: 400,
  supplierA: 400,
  supplierAToken: 400,
  supplierB: 404,
  councilX: 404,
  councilY: 404,
};
const TENANTS = ['supplierB', 'councilX', 'councilY'];
const isOtherTenant = (name: string) => TENANTS.includes(name);

/** The risk register (issue 7): supplier A's entry is invisible to other tenants. */
export const risksMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const raise = async (bearer: string | null) => {
      const res = await api
        .http()
        .post('/api/v1/risks')
        .set('authorization', `Bearer ${bearer}`)
        .send({
          kind: 'risk',
          title: 'Matrix fixture',
          category: 'delivery',
          likelihood: 2,
          impact: 3,
        });
      const action = await api
        .http()
        .post(`/api/v1/risks/${res.body.id}/actions`)
        .set('authorization', `Bearer ${bearer}`)
        .send({ title: 'Matrix fixture action', dueDate: '2030-01-01' });
      return { id: res.body.id as string, actionId: action.body.id as string };
    };
    const a = await raise(p.supplierA.bearer);
    fixtures.riskA = a.id;
    fixtures.riskAActionId = a.actionId;
    fixtures.riskNational = (await raise(p.admin.bearer)).id;
  },
  cases: [
    {
      route: 'GET /api/v1/risks',
      path: () => '/api/v1/risks?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/risks/heatmap',
      path: () => '/api/v1/risks/heatmap',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/risks/top',
      path: () => '/api/v1/risks/top',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/risks/overdue-reviews',
      path: () => '/api/v1/risks/overdue-reviews?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/risks/overdue-actions',
      path: () => '/api/v1/risks/overdue-actions?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/exports/risks.csv',
      path: () => '/api/v1/exports/risks.csv?kind=barrier',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/risks/:id',
      label: "supplier A's entry",
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskA}`,
      expect: statuses(READERS_OF_A),
    },
    {
      route: 'GET /api/v1/risks/:id',
      label: 'a national entry',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskNational}`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/risks',
      path: () => '/api/v1/risks',
      body: () => ({ kind: 'risk', title: 'x', category: 'delivery', likelihood: 0, impact: 3 }),
      expect: statuses({
        admin: 400,
        supplierA: 400,
        supplierB: 400,
        supplierAToken: 400,
        councilX: 400,
        councilY: 400,
      }),
    },
    {
      route: 'PATCH /api/v1/risks/:id',
      label: "supplier A's entry",
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskA}`,
      body: (_, who) =>
        isOtherTenant(who.name) ? { title: 'Hijack', version: 1 } : { likelihood: 6, version: 1 },
      expect: statuses(WRITERS_OF_A),
    },
    {
      route: 'PATCH /api/v1/risks/:id',
      label: 'a national entry: tenants read it but cannot change it',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskNational}`,
      body: (_, who) =>
        who.name === 'admin' ? { likelihood: 6, version: 1 } : { title: 'Hijack', version: 1 },
      expect: statuses({
        admin: 400,
        supplierA: 404,
        supplierAToken: 404,
        supplierB: 404,
        councilX: 404,
        councilY: 404,
      }),
    },
    {
      route: 'POST /api/v1/risks/:id/transitions',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskA}/transitions`,
      body: (_, who) =>
        isOtherTenant(who.name) ? { to: 'assessed', version: 1 } : { to: 'bogus', version: 1 },
      expect: statuses(WRITERS_OF_A),
    },
    {
      route: 'POST /api/v1/risks/:id/realise',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskA}/realise`,
      body: (_, who) => (isOtherTenant(who.name) ? { version: 1 } : { version: 0 }),
      expect: statuses(WRITERS_OF_A),
    },
    {
      route: 'GET /api/v1/risks/:id/history',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskA}/history`,
      expect: statuses(READERS_OF_A),
    },
    {
      route: 'GET /api/v1/risks/:id/scores',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskA}/scores`,
      expect: statuses(READERS_OF_A),
    },
    {
      route: 'GET /api/v1/risks/:id/reviews',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskA}/reviews`,
      expect: statuses(READERS_OF_A),
    },
    {
      route: 'POST /api/v1/risks/:id/reviews',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskA}/reviews`,
      body: (_, who) => (isOtherTenant(who.name) ? { note: 'Reviewed' } : { note: '' }),
      expect: statuses(WRITERS_OF_A),
    },
    {
      route: 'GET /api/v1/risks/:id/actions',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskA}/actions`,
      expect: statuses(READERS_OF_A),
    },
    {
      route: 'POST /api/v1/risks/:id/actions',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskA}/actions`,
      body: (_, who) =>
        isOtherTenant(who.name) ? { title: 'Take over', dueDate: '2030-01-01' } : {},
      expect: statuses(WRITERS_OF_A),
    },
    {
      route: 'PATCH /api/v1/risks/:id/actions/:actionId',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.riskA}/actions/${fixtures.riskAActionId}`,
      body: (_, who) => (isOtherTenant(who.name) ? { status: 'done' } : { status: 'bogus' }),
      expect: statuses(WRITERS_OF_A),
    },
  ],
};
