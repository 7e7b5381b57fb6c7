import { every, type MatrixModule, statuses } from '../support/access-matrix.js';
import { serviceIdByCode } from '../support/programme-fixtures.js';

/** Supplier A's draft product: its owner and programme staff only. */
export const READERS_OF_A_DRAFT = {
  admin: 200,
  viewer: 200,
  supplierA: 200,
  supplierAToken: 200,
  supplierB: 404,
  councilX: 404,
  councilY: 404,
  agency: 404,
};
/** Writers get an invalid body (400, nothing changes); supplier B a valid one (404). */
export const WRITERS_OF_A = { admin: 400, supplierA: 400, supplierAToken: 400, supplierB: 404 };
export const isSupplierB = (name: string) => name === 'supplierB';

/** Products (issue 5): suppliers see and change only their own; councils see published ones. */
export const productsMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    fixtures.admissionsId = await serviceIdByCode(api.db, 'ADMISSIONS');
    const res = await api
      .http()
      .post('/api/v1/products')
      .set('authorization', `Bearer ${p.supplierA.bearer}`)
      .send({ name: 'Matrix product', productVersion: '0.1', serviceIds: [fixtures.admissionsId] });
    fixtures.productA = res.body.id;
  },
  cases: [
    {
      route: 'GET /api/v1/products',
      path: () => '/api/v1/products?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/products/:id',
      label: "supplier A's draft product",
      path: ({ fixtures }) => `/api/v1/products/${fixtures.productA}`,
      expect: statuses(READERS_OF_A_DRAFT),
    },
    {
      route: 'GET /api/v1/products/:id/history',
      path: ({ fixtures }) => `/api/v1/products/${fixtures.productA}/history`,
      expect: statuses(READERS_OF_A_DRAFT),
    },
    {
      route: 'POST /api/v1/products',
      path: () => '/api/v1/products',
      body: () => ({ name: '' }),
      expect: statuses({ admin: 400, supplierA: 400, supplierAToken: 400, supplierB: 400 }),
    },
    {
      route: 'PATCH /api/v1/products/:id',
      path: ({ fixtures }) => `/api/v1/products/${fixtures.productA}`,
      body: (_, who) => (isSupplierB(who.name) ? { name: 'Hijack', version: 1 } : { version: 0 }),
      expect: statuses(WRITERS_OF_A),
    },
    {
      route: 'POST /api/v1/products/:id/transitions',
      path: ({ fixtures }) => `/api/v1/products/${fixtures.productA}/transitions`,
      body: (_, who) =>
        isSupplierB(who.name) ? { to: 'published', version: 1 } : { to: 'bogus', version: 1 },
      expect: statuses(WRITERS_OF_A),
    },
  ],
};
