import { insertService } from '../support/adoption-fixtures.js';
import { every, type MatrixModule, statuses } from '../support/access-matrix.js';

/** Readers of a decision council X was consulted on and supplier A informed of. */
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

/** The decision log: the programme office records and accepts; consulted/informed read. */
export const decisionsMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const service = await insertService(api.db, {});
    const [{ id: setId }] = await api.db.query<{ id: string }[]>(
      `INSERT INTO requirements (requirement_set_id, code, title, level, category, position)
       SELECT id, 'DEC-001', 'Matrix requirement', 'MUST', 'functional', 1
         FROM requirement_sets WHERE service_id = $1 RETURNING requirement_set_id AS id`,
      [service.id],
    );
    const auth = `Bearer ${p.admin.bearer}`;
    const risk = await api.http().post('/api/v1/risks').set('authorization', auth).send({
      kind: 'risk',
      title: 'Matrix decision risk',
      category: 'delivery',
      likelihood: 2,
      impact: 2,
    });
    const res = await api
      .http()
      .post('/api/v1/decisions')
      .set('authorization', auth)
      .send({
        title: 'Matrix fixture decision',
        consultedOrganisationIds: [p.councilX.organisationId],
        informedOrganisationIds: [p.supplierA.organisationId],
        serviceIds: [service.id],
        riskIds: [risk.body.id],
        requirements: [{ requirementSetId: setId, code: 'DEC-001' }],
      });
    Object.assign(fixtures, {
      decisionId: res.body.id as string,
      decisionServiceId: service.id,
      decisionRiskId: risk.body.id as string,
      decisionSetId: setId,
    });
  },
  cases: [
    {
      route: 'GET /api/v1/decisions',
      path: () => '/api/v1/decisions?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/decisions/:id',
      path: ({ fixtures }) => `/api/v1/decisions/${fixtures.decisionId}`,
      expect: statuses(READERS),
    },
    {
      route: 'POST /api/v1/decisions',
      path: () => '/api/v1/decisions',
      body: () => ({ title: '', status: 'accepted' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/decisions/:id',
      path: ({ fixtures }) => `/api/v1/decisions/${fixtures.decisionId}`,
      body: () => ({ decidedOn: '2026-02-30', version: 1 }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/decisions/:id/accept',
      path: ({ fixtures }) => `/api/v1/decisions/${fixtures.decisionId}/accept`,
      body: () => ({ version: 'one' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/decisions/:id/revoke',
      path: ({ fixtures }) => `/api/v1/decisions/${fixtures.decisionId}/revoke`,
      body: () => ({ reason: '' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/risks/:id/decisions',
      path: ({ fixtures }) => `/api/v1/risks/${fixtures.decisionRiskId}/decisions`,
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/services/:id/decisions',
      path: ({ fixtures }) => `/api/v1/services/${fixtures.decisionServiceId}/decisions`,
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/requirement-sets/:id/requirements/:code/decisions',
      path: ({ fixtures }) =>
        `/api/v1/requirement-sets/${fixtures.decisionSetId}/requirements/DEC-001/decisions`,
      expect: statuses(every(200)),
    },
  ],
};
