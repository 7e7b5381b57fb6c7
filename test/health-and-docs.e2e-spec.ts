import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApi, type TestApi } from './support/test-app.js';

describe('health and OpenAPI', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('live and ready answer 200 with both dependencies up', async () => {
    expect((await api.http().get('/health/live')).body).toEqual({ status: 'ok' });
    const ready = await api.http().get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.details).toMatchObject({
      postgres: { status: 'up' },
      redis: { status: 'up' },
    });
  });

  it('serves a valid OpenAPI 3 document at /docs-json and the UI at /docs', async () => {
    const doc = await api.http().get('/docs-json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(doc.body.info.title).toBeTruthy();
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready']),
    );
    for (const [path, ops] of Object.entries(
      doc.body.paths as Record<string, Record<string, { summary?: string }>>,
    )) {
      for (const [method, op] of Object.entries(ops)) {
        expect({ route: `${method} ${path}`, summary: op.summary ?? null }).toEqual({
          route: `${method} ${path}`,
          summary: expect.any(String),
        });
      }
    }
    const ui = await api.http().get('/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });
});
