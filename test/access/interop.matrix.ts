import { every, type MatrixModule, statuses } from '../support/access-matrix.js';
import { insertProduct, serviceIdByCode } from '../support/programme-fixtures.js';

/** Tested-together records: the programme office records them; every signed-in role reads. */
export const interopMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const serviceId = await serviceIdByCode(api.db, 'FSM-APPLY');
    const { productId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId,
    });
    const [{ standard, checker }] = await api.db.query(
      `SELECT (SELECT id FROM standards WHERE code = 'FSM-ECS-REQUEST' LIMIT 1) AS standard,
              (SELECT id FROM shared_services ORDER BY name LIMIT 1) AS checker`,
    );
    fixtures.interopStandardId = standard as string;
    const res = await api
      .http()
      .post('/api/v1/interop-tests')
      .set('authorization', `Bearer ${p.admin.bearer}`)
      .send({
        standardId: standard,
        partyA: { type: 'product', id: productId, role: 'client' },
        partyB: { type: 'shared_service', id: checker, role: 'server' },
        cases: [{ code: 'TC-1', title: 'Matrix fixture case', result: 'passed' }],
        testedOn: '2026-11-01',
        witness: 'Matrix fixture',
      });
    fixtures.interopTestId = res.body.id as string;
  },
  cases: [
    {
      route: 'GET /api/v1/interop-tests',
      path: () => '/api/v1/interop-tests?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/interop-tests/:id',
      path: ({ fixtures }) => `/api/v1/interop-tests/${fixtures.interopTestId}`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/interop-tests',
      path: () => '/api/v1/interop-tests',
      body: () => ({ standardId: 'x', cases: [] }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/standards/:id/interop-matrix',
      path: ({ fixtures }) => `/api/v1/standards/${fixtures.interopStandardId}/interop-matrix`,
      expect: statuses(every(200)),
    },
  ],
};
