import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { login } from './support/principals.js';
import { startTestApi, type TestApi } from './support/test-app.js';
import { typedClient } from './support/typed-client.js';

const ADMIN = 'admin@programme.example';

describe('the typed client generated from /docs-json', () => {
  let api: TestApi;
  let client: ReturnType<typeof typedClient>;

  beforeAll(async () => {
    api = await startTestApi();
    client = typedClient(api.http, await login(api, ADMIN));
  });
  afterAll(() => api.close());

  it('reads a paged list and one item with the documented shapes', async () => {
    const list = await client.GET('/api/v1/services', { query: { limit: 5 } });
    expect(list.status).toBe(200);
    expect(list.body.meta).toEqual({ page: 1, limit: 5, total: expect.any(Number) });
    const first = list.body.data[0];
    const one = await client.GET('/api/v1/services/{id}', { path: { id: first.id } });
    expect(one.status).toBe(200);
    expect(one.body.code).toBe(first.code);
  });

  it('raises a risk, moves it along its lifecycle and reads its history', async () => {
    const me = await client.GET('/api/v1/auth/me');
    expect(me.body.role).toBe('programme_admin');
    const created = await client.POST('/api/v1/risks', {
      body: {
        kind: 'risk',
        title: 'Typed client: supplier capacity at peak',
        category: 'delivery',
        likelihood: 3,
        impact: 4,
      },
    });
    expect(created.status).toBe(201);
    expect(created.body.status).toBe('identified');
    expect(created.body.inherent.score).toBe(12);
    const moved = await client.POST('/api/v1/risks/{id}/transitions', {
      path: { id: created.body.id },
      body: {
        to: 'closed',
        reason: 'Capacity confirmed by the supplier',
        version: created.body.version,
      },
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('closed');
    const history = await client.GET('/api/v1/risks/{id}/history', {
      path: { id: created.body.id },
    });
    expect(history.body.data.map((h) => h.toStatus)).toContain('closed');
  });
});
