import { every, type MatrixModule, statuses } from '../support/access-matrix.js';
import { insertService } from '../support/adoption-fixtures.js';
import { insertProduct, upsertAdoption } from '../support/programme-fixtures.js';

/** Council X's adoption, routed through supplier A's product. */
const READERS = {
  admin: 200,
  viewer: 200,
  agency: 200,
  supplierA: 200,
  supplierAToken: 200,
  supplierB: 404,
  councilX: 200,
  councilY: 404,
};
/** Writers get an invalid body (400, nothing changes); council Y a valid one (404). */
const WRITERS = { admin: 400, councilX: 400, councilY: 404 };
const isCouncilY = (name: string) => name === 'councilY';

/** Council adoption (issue 6): council X's adoption is invisible to council Y and supplier B. */
export const adoptionMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const service = await insertService(api.db);
    const { productId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      certificate: 'valid',
    });
    fixtures.adoptionServiceId = service.id;
    fixtures.adoptionRequirementCode = service.requirementCode;
    fixtures.adoptionX = await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'planning',
    });
    const auth = (bearer: string | null) => ({ authorization: `Bearer ${bearer}` });
    const variance = await api
      .http()
      .post(`/api/v1/adoptions/${fixtures.adoptionX}/variances`)
      .set(auth(p.councilX.bearer))
      .send({
        requirementCode: service.requirementCode,
        description: 'Matrix fixture',
        justification: 'Matrix fixture',
        expiresOn: '2031-01-01',
      });
    fixtures.varianceX = variance.body.id;
    const step = await api
      .http()
      .post('/api/v1/success-steps')
      .set(auth(p.admin.bearer))
      .send({ serviceId: service.id, stage: 'planning', title: 'Matrix fixture step' });
    fixtures.stepId = step.body.id;
  },
  cases: [
    {
      route: 'GET /api/v1/adoptions',
      path: () => '/api/v1/adoptions?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/exports/adoptions.csv',
      path: ({ fixtures }) =>
        `/api/v1/exports/adoptions.csv?serviceId=${fixtures.adoptionServiceId}`,
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/adoptions/:id',
      path: ({ fixtures }) => `/api/v1/adoptions/${fixtures.adoptionX}`,
      expect: statuses(READERS),
    },
    {
      route: 'PATCH /api/v1/adoptions/:id',
      path: ({ fixtures }) => `/api/v1/adoptions/${fixtures.adoptionX}`,
      body: (_, who) => (isCouncilY(who.name) ? { version: 1, notes: 'Hijack' } : { version: 0 }),
      expect: statuses(WRITERS),
    },
    {
      route: 'POST /api/v1/adoptions/:id/transitions',
      path: ({ fixtures }) => `/api/v1/adoptions/${fixtures.adoptionX}/transitions`,
      body: (_, who) =>
        isCouncilY(who.name) ? { to: 'procurement', version: 1 } : { to: 'bogus', version: 1 },
      expect: statuses(WRITERS),
    },
    {
      route: 'GET /api/v1/adoptions/:id/history',
      path: ({ fixtures }) => `/api/v1/adoptions/${fixtures.adoptionX}/history`,
      expect: statuses(READERS),
    },
    {
      route: 'GET /api/v1/variances',
      path: ({ fixtures }) =>
        `/api/v1/variances?requirementCode=${fixtures.adoptionRequirementCode}`,
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/adoptions/:id/variances',
      path: ({ fixtures }) => `/api/v1/adoptions/${fixtures.adoptionX}/variances`,
      expect: statuses(READERS),
    },
    {
      route: 'POST /api/v1/adoptions/:id/variances',
      path: ({ fixtures }) => `/api/v1/adoptions/${fixtures.adoptionX}/variances`,
      body: ({ fixtures }, who) =>
        isCouncilY(who.name)
          ? {
              requirementCode: fixtures.adoptionRequirementCode,
              description: 'Hijack',
              justification: 'Hijack',
              expiresOn: '2031-01-01',
            }
          : { requirementCode: 'x' },
      expect: statuses(WRITERS),
    },
    {
      route: 'POST /api/v1/adoptions/:id/variances/:varianceId/transitions',
      path: ({ fixtures }) =>
        `/api/v1/adoptions/${fixtures.adoptionX}/variances/${fixtures.varianceX}/transitions`,
      body: (_, who) =>
        isCouncilY(who.name) ? { to: 'withdrawn', version: 1 } : { to: 'bogus', version: 1 },
      expect: statuses(WRITERS),
    },
    {
      route: 'GET /api/v1/success-steps',
      path: ({ fixtures }) => `/api/v1/success-steps?serviceId=${fixtures.adoptionServiceId}`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/success-steps',
      path: () => '/api/v1/success-steps',
      body: () => ({ stage: 'planning' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/success-steps/:id',
      path: ({ fixtures }) => `/api/v1/success-steps/${fixtures.stepId}`,
      body: () => ({ version: 0 }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/adoptions/:id/steps',
      path: ({ fixtures }) => `/api/v1/adoptions/${fixtures.adoptionX}/steps`,
      expect: statuses(READERS),
    },
    {
      route: 'PUT /api/v1/adoptions/:id/steps/:stepId',
      path: ({ fixtures }) => `/api/v1/adoptions/${fixtures.adoptionX}/steps/${fixtures.stepId}`,
      body: (_, who) => (isCouncilY(who.name) ? { done: true } : { done: 'yes' }),
      expect: statuses(WRITERS),
    },
  ],
};
