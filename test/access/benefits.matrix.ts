import { insertService } from '../support/adoption-fixtures.js';
import { every, type MatrixModule, statuses } from '../support/access-matrix.js';
import { insertProduct, upsertAdoption } from '../support/programme-fixtures.js';

/** Readers of a benefit of a service supplier A delivers and council X adopts. */
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

/** The benefits register: the programme office writes; deliverers and adopters read. */
export const benefitsMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const service = await insertService(api.db, {});
    await insertProduct(api.db, { supplierId: p.supplierA.organisationId!, serviceId: service.id });
    await upsertAdoption(api.db, { councilId: p.councilX.organisationId!, serviceId: service.id });
    const res = await api
      .http()
      .post('/api/v1/benefits')
      .set('authorization', `Bearer ${p.admin.bearer}`)
      .send({
        title: 'Matrix fixture benefit',
        type: 'benefit',
        serviceIds: [service.id],
        measureName: 'Share online',
        unit: '%',
        direction: 'higher',
        baselineValue: 10,
        baselineDate: '2026-01-01',
        targetValue: 50,
        targetDate: '2027-01-01',
      });
    fixtures.benefitId = res.body.id as string;
  },
  cases: [
    {
      route: 'GET /api/v1/benefits',
      path: () => '/api/v1/benefits?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/benefits/summary',
      path: () => '/api/v1/benefits/summary',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/benefits/:id',
      path: ({ fixtures }) => `/api/v1/benefits/${fixtures.benefitId}`,
      expect: statuses(READERS),
    },
    {
      route: 'GET /api/v1/benefits/:id/measurements',
      path: ({ fixtures }) => `/api/v1/benefits/${fixtures.benefitId}/measurements`,
      expect: statuses(READERS),
    },
    {
      route: 'GET /api/v1/benefits/:id/measurements.csv',
      path: ({ fixtures }) => `/api/v1/benefits/${fixtures.benefitId}/measurements.csv`,
      expect: statuses(READERS),
    },
    {
      route: 'POST /api/v1/benefits',
      path: () => '/api/v1/benefits',
      body: () => ({ title: 'x', type: 'bogus' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/benefits/:id',
      path: ({ fixtures }) => `/api/v1/benefits/${fixtures.benefitId}`,
      body: () => ({ tolerancePct: 101, version: 1 }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/benefits/:id/measurements',
      path: ({ fixtures }) => `/api/v1/benefits/${fixtures.benefitId}/measurements`,
      body: () => ({ value: 'x', measuredOn: '2026-02-30' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/benefits/:id/measurements/import',
      label: 'a JSON body, not CSV',
      path: ({ fixtures }) => `/api/v1/benefits/${fixtures.benefitId}/measurements/import`,
      body: () => ({ csv: 'measured_on,value' }),
      expect: statuses({ admin: 415 }),
    },
  ],
};
