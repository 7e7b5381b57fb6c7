import { every, type MatrixModule, statuses } from '../support/access-matrix.js';

const ZERO = '00000000-0000-4000-8000-000000000000';

/** Identity, access, organisations and audit routes (issue 3). */
export const organisationsMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const g = await api.db.query(`SELECT id FROM council_groups WHERE name = 'London boroughs'`);
    fixtures.groupId = g[0].id;
    const [agency] = await api.db.query(`SELECT id FROM organisations WHERE code = 'HMRC'`);
    fixtures.agencyId = agency.id;
    const token = await api
      .http()
      .post('/api/v1/api-tokens')
      .set('authorization', `Bearer ${p.supplierA.bearer}`)
      .send({ name: 'matrix fixture' });
    fixtures.supplierATokenId = token.body.id;
    // Supplier A has a webhook, whatever other test files did before.
    const hook = `/api/v1/suppliers/${p.supplierA.organisationId}/webhook`;
    const auth = `Bearer ${p.supplierA.bearer}`;
    await api.http().delete(hook).set('authorization', auth);
    await api
      .http()
      .put(hook)
      .set('authorization', auth)
      .send({ url: 'https://matrix.example/hook' });
  },
  cases: [
    {
      route: 'POST /api/v1/auth/login',
      path: () => '/api/v1/auth/login',
      body: () => ({}),
      expect: statuses({ ...every(400), anonymous: 400 }),
    },
    { route: 'GET /api/v1/auth/me', path: () => '/api/v1/auth/me', expect: statuses(every(200)) },
    {
      route: 'POST /api/v1/auth/password',
      path: () => '/api/v1/auth/password',
      body: () => ({}),
      expect: statuses(every(400)),
    },
    { route: 'GET /api/v1/users', path: () => '/api/v1/users', expect: statuses(every(200)) },
    {
      route: 'GET /api/v1/users/:id',
      label: 'a supplier A user',
      path: ({ p }) => `/api/v1/users/${p.supplierA.userId}`,
      expect: statuses({
        ...every(404),
        admin: 200,
        viewer: 200,
        supplierA: 200,
        supplierAToken: 200,
      }),
    },
    {
      route: 'POST /api/v1/users',
      path: () => '/api/v1/users',
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/users/:id',
      path: () => `/api/v1/users/${ZERO}`,
      body: () => ({}),
      expect: statuses({ admin: 404 }),
    },
    {
      route: 'POST /api/v1/api-tokens',
      path: () => '/api/v1/api-tokens',
      body: () => ({}),
      expect: statuses({
        supplierA: 400,
        supplierB: 400,
        supplierAToken: 400,
        councilX: 400,
        councilY: 400,
      }),
    },
    {
      route: 'GET /api/v1/api-tokens',
      path: () => '/api/v1/api-tokens',
      expect: statuses({
        admin: 200,
        viewer: 200,
        supplierA: 200,
        supplierB: 200,
        supplierAToken: 200,
        councilX: 200,
        councilY: 200,
      }),
    },
    {
      route: 'DELETE /api/v1/api-tokens/:id',
      label: "supplier A's spare token (revoked by admin first, then 409)",
      path: ({ fixtures }) => `/api/v1/api-tokens/${fixtures.supplierATokenId}`,
      expect: statuses({
        admin: 200,
        supplierA: 409,
        supplierAToken: 409,
        supplierB: 404,
        councilX: 404,
        councilY: 404,
      }),
    },
    {
      route: 'GET /api/v1/audit-events',
      path: () => '/api/v1/audit-events?limit=1',
      expect: statuses({ admin: 200, viewer: 200 }),
    },
    {
      route: 'POST /api/v1/councils',
      path: () => '/api/v1/councils',
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/councils/:councilId/contacts',
      path: ({ p }) => `/api/v1/councils/${p.councilX.organisationId}/contacts`,
      expect: statuses({ admin: 200, viewer: 200, agency: 200, councilX: 200, councilY: 404 }),
    },
    {
      route: 'POST /api/v1/councils/:councilId/contacts',
      path: ({ p }) => `/api/v1/councils/${p.councilX.organisationId}/contacts`,
      body: () => ({}),
      expect: statuses({ admin: 400, councilX: 400, councilY: 400 }),
    },
    {
      route: 'PATCH /api/v1/councils/:councilId/contacts/:id',
      path: ({ p }) => `/api/v1/councils/${p.councilX.organisationId}/contacts/${ZERO}`,
      body: () => ({}),
      expect: statuses({ admin: 404, councilX: 404, councilY: 404 }),
    },
    {
      route: 'DELETE /api/v1/councils/:councilId/contacts/:id',
      path: ({ p }) => `/api/v1/councils/${p.councilX.organisationId}/contacts/${ZERO}`,
      expect: statuses({ admin: 404, councilX: 404, councilY: 404 }),
    },
    {
      route: 'GET /api/v1/councils',
      path: () => '/api/v1/councils?limit=1',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/councils/:id',
      path: () => '/api/v1/councils/E09000001',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/council-groups',
      path: () => '/api/v1/council-groups',
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/council-groups/:id',
      path: ({ fixtures }) => `/api/v1/council-groups/${fixtures.groupId}`,
      expect: statuses(every(200)),
    },
    {
      route: 'GET /api/v1/council-groups/:id/members',
      path: ({ fixtures }) => `/api/v1/council-groups/${fixtures.groupId}/members?limit=1`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/council-groups',
      path: () => '/api/v1/council-groups',
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/council-groups/:id/members',
      path: ({ fixtures }) => `/api/v1/council-groups/${fixtures.groupId}/members`,
      body: () => ({ gssCodes: ['bad'] }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'DELETE /api/v1/council-groups/:id/members/:councilId',
      path: ({ fixtures }) => `/api/v1/council-groups/${fixtures.groupId}/members/${ZERO}`,
      expect: statuses({ admin: 404 }),
    },
    {
      route: 'GET /api/v1/suppliers',
      path: () => '/api/v1/suppliers',
      expect: statuses({
        admin: 200,
        viewer: 200,
        agency: 200,
        supplierA: 200,
        supplierB: 200,
        supplierAToken: 200,
      }),
    },
    {
      route: 'GET /api/v1/suppliers/:id',
      label: 'supplier A',
      path: ({ p }) => `/api/v1/suppliers/${p.supplierA.organisationId}`,
      expect: statuses({
        admin: 200,
        viewer: 200,
        agency: 200,
        supplierA: 200,
        supplierAToken: 200,
        supplierB: 404,
      }),
    },
    {
      route: 'POST /api/v1/suppliers',
      path: () => '/api/v1/suppliers',
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'PATCH /api/v1/suppliers/:id',
      label: 'supplier A (invalid body for the allowed)',
      path: ({ p }) => `/api/v1/suppliers/${p.supplierA.organisationId}`,
      body: (_, who) => (who.name === 'supplierB' ? { name: 'Hijack' } : { name: '' }),
      expect: statuses({ admin: 400, supplierA: 400, supplierAToken: 400, supplierB: 404 }),
    },
    ...(['invite', 'activate', 'deactivate'] as const).map((action) => ({
      route: `POST /api/v1/suppliers/:id/${action}`,
      path: () => `/api/v1/suppliers/${ZERO}/${action}`,
      body: () => ({}),
      expect: statuses({ admin: 404 }),
    })),
    {
      route: 'GET /api/v1/suppliers/:supplierId/contacts',
      path: ({ p }) => `/api/v1/suppliers/${p.supplierA.organisationId}/contacts`,
      expect: statuses({
        admin: 200,
        viewer: 200,
        agency: 200,
        supplierA: 200,
        supplierAToken: 200,
        supplierB: 404,
      }),
    },
    {
      route: 'POST /api/v1/suppliers/:supplierId/contacts',
      path: ({ p }) => `/api/v1/suppliers/${p.supplierA.organisationId}/contacts`,
      body: (_, who) => (who.name === 'supplierB' ? { name: 'X', email: 'x@x.example' } : {}),
      expect: statuses({ admin: 400, supplierA: 400, supplierAToken: 400, supplierB: 404 }),
    },
    {
      route: 'PATCH /api/v1/suppliers/:supplierId/contacts/:id',
      path: ({ p }) => `/api/v1/suppliers/${p.supplierA.organisationId}/contacts/${ZERO}`,
      body: () => ({ name: 'Renamed' }),
      expect: statuses({ admin: 404, supplierA: 404, supplierAToken: 404, supplierB: 404 }),
    },
    {
      route: 'DELETE /api/v1/suppliers/:supplierId/contacts/:id',
      path: ({ p }) => `/api/v1/suppliers/${p.supplierA.organisationId}/contacts/${ZERO}`,
      expect: statuses({ admin: 404, supplierA: 404, supplierAToken: 404, supplierB: 404 }),
    },
    {
      route: 'GET /api/v1/suppliers/:supplierId/webhook',
      label: "supplier A's webhook",
      path: ({ p }) => `/api/v1/suppliers/${p.supplierA.organisationId}/webhook`,
      expect: statuses({
        admin: 200,
        viewer: 200,
        supplierA: 200,
        supplierAToken: 200,
        supplierB: 404,
      }),
    },
    {
      route: 'PUT /api/v1/suppliers/:supplierId/webhook',
      path: ({ p }) => `/api/v1/suppliers/${p.supplierA.organisationId}/webhook`,
      body: (_, who) =>
        who.name === 'supplierB' ? { url: 'https://x.example' } : { url: 'not a url' },
      expect: statuses({ admin: 400, supplierA: 400, supplierAToken: 400, supplierB: 404 }),
    },
    {
      route: 'POST /api/v1/suppliers/:supplierId/webhook/rotate-secret',
      path: ({ p }) => `/api/v1/suppliers/${p.supplierA.organisationId}/webhook/rotate-secret`,
      expect: statuses({ admin: 200, supplierA: 200, supplierAToken: 200, supplierB: 404 }),
    },
    {
      route: 'DELETE /api/v1/suppliers/:supplierId/webhook',
      label: 'admin deletes it first; then it is gone',
      path: ({ p }) => `/api/v1/suppliers/${p.supplierA.organisationId}/webhook`,
      expect: statuses({ admin: 204, supplierA: 404, supplierAToken: 404, supplierB: 404 }),
    },
    { route: 'GET /api/v1/agencies', path: () => '/api/v1/agencies', expect: statuses(every(200)) },
    {
      route: 'GET /api/v1/agencies/:id',
      path: ({ fixtures }) => `/api/v1/agencies/${fixtures.agencyId}`,
      expect: statuses(every(200)),
    },
    {
      route: 'POST /api/v1/agencies',
      path: () => '/api/v1/agencies',
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
  ],
};
