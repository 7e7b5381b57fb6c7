import { every, type MatrixModule, statuses } from '../support/access-matrix.js';

const READERS = {
  admin: 200,
  viewer: 200,
  agency: 200,
  supplierA: 200,
  supplierB: 200,
  supplierAToken: 200,
};

/**
 * Communications, acknowledgements, contact subscriptions (issue 8) and the queue
 * dashboard. The fixture communication was sent to supplier A only: supplier B gets 404.
 */
export const communicationsMatrix: MatrixModule = {
  async setup({ api, p, fixtures }) {
    const res = await api
      .http()
      .post('/api/v1/communications')
      .set('authorization', `Bearer ${p.admin.bearer}`)
      .send({
        subjectTemplate: 'Matrix',
        bodyTemplate: 'Hello {{contact.name}}',
        topic: 'matrix',
        mandatory: true,
        audience: { supplierIds: [p.supplierA.organisationId] },
        channels: ['email'],
      });
    fixtures.communicationId = res.body.id;
    const [contact] = await api.db.query(
      `SELECT id, email FROM supplier_contacts WHERE supplier_id = $1 ORDER BY email LIMIT 1`,
      [p.supplierA.organisationId],
    );
    fixtures.contactAId = contact.id;
    await api.db.query(`UPDATE communications SET status = 'sent', sent_at = now() WHERE id = $1`, [
      res.body.id,
    ]);
    await api.db.query(
      `INSERT INTO deliveries (communication_id, supplier_id, contact_id, channel, target, status)
       VALUES ($1, $2, $3, 'email', $4, 'delivered')`,
      [res.body.id, p.supplierA.organisationId, contact.id, contact.email],
    );
  },
  cases: [
    {
      route: 'POST /api/v1/communications',
      path: () => '/api/v1/communications',
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/communications',
      path: () => '/api/v1/communications',
      expect: statuses(READERS),
    },
    {
      route: 'GET /api/v1/communications/acknowledgements/overdue',
      path: () => '/api/v1/communications/acknowledgements/overdue',
      expect: statuses(READERS),
    },
    {
      route: 'GET /api/v1/communications/:id',
      label: 'sent to supplier A',
      path: ({ fixtures }) => `/api/v1/communications/${fixtures.communicationId}`,
      expect: statuses({ ...READERS, supplierB: 404 }),
    },
    {
      route: 'PATCH /api/v1/communications/:id',
      path: ({ fixtures }) => `/api/v1/communications/${fixtures.communicationId}`,
      body: () => ({}),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/communications/:id/preview',
      path: ({ fixtures }) => `/api/v1/communications/${fixtures.communicationId}/preview`,
      expect: statuses({ admin: 200, viewer: 200 }),
    },
    {
      route: 'POST /api/v1/communications/:id/send',
      path: ({ fixtures }) => `/api/v1/communications/${fixtures.communicationId}/send`,
      body: () => ({ sendAt: 'tomorrow' }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'POST /api/v1/communications/:id/cancel',
      path: ({ fixtures }) => `/api/v1/communications/${fixtures.communicationId}/cancel`,
      body: () => ({ note: 42 }),
      expect: statuses({ admin: 400 }),
    },
    {
      route: 'GET /api/v1/communications/:id/deliveries',
      path: ({ fixtures }) => `/api/v1/communications/${fixtures.communicationId}/deliveries`,
      expect: statuses({ admin: 200, viewer: 200 }),
    },
    {
      route: 'GET /api/v1/communications/:id/acknowledgements',
      path: ({ fixtures }) => `/api/v1/communications/${fixtures.communicationId}/acknowledgements`,
      expect: statuses({ admin: 200, viewer: 200, agency: 200 }),
    },
    {
      route: 'POST /api/v1/communications/:id/acknowledge',
      label: 'sent to supplier A: acknowledged once, then 409',
      path: ({ fixtures }) => `/api/v1/communications/${fixtures.communicationId}/acknowledge`,
      expect: statuses({ supplierA: 201, supplierB: 404, supplierAToken: 409 }),
    },
    {
      route: 'GET /api/v1/communications/:id/acknowledge-link',
      label: 'public; no signature',
      path: ({ fixtures }) => `/api/v1/communications/${fixtures.communicationId}/acknowledge-link`,
      expect: statuses({ ...every(400), anonymous: 400 }),
    },
    {
      route: 'POST /api/v1/communications/:id/acknowledge-link',
      label: 'public; no signature',
      path: ({ fixtures }) => `/api/v1/communications/${fixtures.communicationId}/acknowledge-link`,
      expect: statuses({ ...every(400), anonymous: 400 }),
    },
    {
      route: 'GET /api/v1/suppliers/:supplierId/contacts/:contactId/subscriptions',
      path: ({ p, fixtures }) =>
        `/api/v1/suppliers/${p.supplierA.organisationId}/contacts/${fixtures.contactAId}/subscriptions`,
      expect: statuses({
        admin: 200,
        viewer: 200,
        supplierA: 200,
        supplierAToken: 200,
        supplierB: 404,
      }),
    },
    {
      route: 'PUT /api/v1/suppliers/:supplierId/contacts/:contactId/subscriptions',
      label: 'invalid body',
      path: ({ p, fixtures }) =>
        `/api/v1/suppliers/${p.supplierA.organisationId}/contacts/${fixtures.contactAId}/subscriptions`,
      body: () => ({}),
      expect: statuses({ admin: 400, supplierA: 400, supplierAToken: 400, supplierB: 400 }),
    },
    {
      route: 'PUT /api/v1/suppliers/:supplierId/contacts/:contactId/subscriptions',
      label: "supplier A's contact, unchanged topics",
      path: ({ p, fixtures }) =>
        `/api/v1/suppliers/${p.supplierA.organisationId}/contacts/${fixtures.contactAId}/subscriptions`,
      body: () => ({ topics: ['admissions', 'releases'] }),
      expect: statuses({ admin: 200, supplierA: 200, supplierAToken: 200, supplierB: 404 }),
    },
    {
      route: 'GET /admin/queues',
      path: () => '/admin/queues',
      expect: statuses({ admin: 200 }),
    },
    {
      route: 'GET /admin/queues/api/queues',
      path: () => '/admin/queues/api/queues',
      expect: statuses({ admin: 200 }),
    },
    {
      route: 'GET /admin/queues/api/queues/:queueName/workers',
      path: () => '/admin/queues/api/queues/webhook-deliveries/workers',
      expect: statuses({ admin: 200 }),
    },
  ],
};
