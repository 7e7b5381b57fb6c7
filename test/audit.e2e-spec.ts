import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { startTestApi, type TestApi } from './support/test-app.js';

describe('audit log', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
  });
  afterAll(() => api.close());

  const eventsFor = async (entityId: string) =>
    (await as(api, p.admin).get(`/api/v1/audit-events?entityId=${entityId}`)).body.data as {
      action: string;
      actorLabel: string;
      actorUserId: string | null;
      actorTokenId: string | null;
      organisationId: string;
      changes: Record<string, { before: unknown; after: unknown }>;
      requestId: string;
      ip: string;
    }[];

  it('records actor, organisation, request id, IP and a field diff for an update', async () => {
    const created = await as(api, p.admin).post('/api/v1/suppliers').send({ name: 'Audit Me Ltd' });
    const update = await as(api, p.admin)
      .patch(`/api/v1/suppliers/${created.body.id}`)
      .set('x-request-id', `audit-test-${Date.now()}`)
      .set('x-forwarded-for', '203.0.113.9')
      .send({ name: 'Audited Ltd', companyNumber: 'ZX987654' });
    const [latest, first] = await eventsFor(created.body.id);
    expect(first).toMatchObject({
      action: 'supplier.created',
      changes: { name: { before: null, after: 'Audit Me Ltd' } },
    });
    expect(latest).toMatchObject({
      action: 'supplier.updated',
      actorLabel: 'admin@programme.example',
      actorUserId: p.admin.userId,
      organisationId: p.admin.organisationId,
      requestId: update.headers['x-request-id'],
      ip: '203.0.113.9',
      changes: {
        name: { before: 'Audit Me Ltd', after: 'Audited Ltd' },
        companyNumber: { before: null, after: 'ZX987654' },
      },
    });
    expect(Object.keys(latest.changes).sort()).toEqual(['companyNumber', 'name']);
  });

  it('records API-token actors, and never secrets in a diff', async () => {
    const contact = await as(api, p.supplierAToken)
      .post(`/api/v1/suppliers/${p.supplierA.organisationId}/contacts`)
      .send({ name: 'Token Made', email: 'token.made@northwind.example' });
    const [event] = await eventsFor(contact.body.id);
    expect(event.actorTokenId).not.toBeNull();
    expect(event.actorLabel).toMatch(/^api-token:/);
    const hook = await as(api, p.supplierA)
      .put(`/api/v1/suppliers/${p.supplierA.organisationId}/webhook`)
      .send({ url: 'https://audit.example/hook' });
    const [hookEvent] = await eventsFor(p.supplierA.organisationId!);
    expect(JSON.stringify(hookEvent)).not.toContain(hook.body.secret);
    expect(hookEvent.changes.secret).toEqual({ before: null, after: '[changed]' });
    await as(api, p.supplierA).delete(`/api/v1/suppliers/${p.supplierA.organisationId}/webhook`);
  });

  it('filters by entity type, actor, organisation and time', async () => {
    const since = new Date(Date.now() - 60_000).toISOString();
    const res = await as(api, p.viewer).get(
      `/api/v1/audit-events?entityType=supplier&actorUserId=${p.admin.userId}&organisationId=${p.admin.organisationId}&from=${since}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.data.length).toBeGreaterThan(0);
    expect(
      res.body.data.every(
        (e: { entityType: string; actorUserId: string }) =>
          e.entityType === 'supplier' && e.actorUserId === p.admin.userId,
      ),
    ).toBe(true);
    expect((await as(api, p.viewer).get('/api/v1/audit-events?from=yesterday')).status).toBe(400);
  });

  it('is append-only: UPDATE and DELETE on audit_events fail in the database', async () => {
    await expect(api.db.query(`UPDATE audit_events SET action = 'tampered'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(api.db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);
    await expect(api.db.query(`TRUNCATE audit_events`)).rejects.toThrow(/append-only/);
  });
});
