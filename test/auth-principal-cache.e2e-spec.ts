import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { countQueries } from './support/query-counter.js';
import { as, login, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { startTestApi, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

/** The bound this test runs both apis with (production default: 5,000 ms). */
const BOUND_MS = 1500;
const PASSWORD = 'principal-cache-password';

/**
 * The authenticated-principal cache: a repeat request skips the principal lookup; a change
 * made through this api ends access at once; a change made by another replica (a second
 * api on the same database) ends access here within AUTH_PRINCIPAL_CACHE_MS.
 */
describe('authenticated-principal cache', () => {
  let a: TestApi;
  let b: TestApi;
  let p: Record<PrincipalName, Principal>;
  const env = { AUTH_PRINCIPAL_CACHE_MS: String(BOUND_MS) };

  beforeAll(async () => {
    [a, b] = await Promise.all([startTestApi(env), startTestApi(env)]);
    p = await signInAll(a);
  });
  afterAll(() => Promise.all([a?.close(), b?.close()]));

  const me = (api: TestApi, bearer: string) =>
    api.http().get('/api/v1/auth/me').set('authorization', `Bearer ${bearer}`);

  /** A fresh council user of council X (demo accounts are shared with other test files). */
  async function newUser(): Promise<{ id: string; bearer: string }> {
    const email = `cache-${randomUUID()}@councils.example`;
    const created = await as(a, p.admin).post('/api/v1/users').send({
      email,
      displayName: 'Cache test',
      role: 'council',
      organisationId: p.councilX.organisationId,
      password: PASSWORD,
    });
    expect(created.status).toBe(201);
    return { id: created.body.id, bearer: await login(a, email, PASSWORD) };
  }

  /** Polls `api` until `bearer` is refused; returns how long that took. */
  async function msUntilRefused(api: TestApi, bearer: string): Promise<number> {
    const from = Date.now();
    await waitFor(async () => (await me(api, bearer)).status === 401, {
      timeoutMs: BOUND_MS * 4,
      intervalMs: 100,
      what: 'the credential to be refused',
    });
    return Date.now() - from;
  }

  it('a repeat request with the same JWT runs no principal lookup', async () => {
    const { bearer } = await newUser();
    expect((await me(a, bearer)).status).toBe(200);
    const { result, queries } = await countQueries(a.db, () => me(a, bearer));
    expect(result.status).toBe(200);
    expect(queries.filter((q) => q.includes('FROM users u JOIN organisations o'))).toEqual([]);
  });

  it('deactivation through this api ends access at once; on another replica within the bound', async () => {
    const user = await newUser();
    expect((await me(a, user.bearer)).status).toBe(200);
    expect((await me(b, user.bearer)).status).toBe(200); // now cached on b too
    const off = await as(a, p.admin).patch(`/api/v1/users/${user.id}`).send({ active: false });
    expect(off.status).toBe(200);
    expect((await me(a, user.bearer)).status).toBe(401);
    const took = await msUntilRefused(b, user.bearer);
    expect(took).toBeLessThanOrEqual(BOUND_MS + 500);
  });

  it('a deactivation written straight to the database ends access within the bound', async () => {
    const user = await newUser();
    expect((await me(a, user.bearer)).status).toBe(200);
    await a.db.query(`UPDATE users SET active = false WHERE id = $1`, [user.id]);
    const took = await msUntilRefused(a, user.bearer);
    expect(took).toBeLessThanOrEqual(BOUND_MS + 500);
  });

  it('a revoked API token stops at once here and within the bound on another replica', async () => {
    const created = await as(a, p.councilX).post('/api/v1/api-tokens').send({ name: 'cache test' });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect((await me(a, token)).status).toBe(200);
    expect((await me(b, token)).status).toBe(200);
    const { queries } = await countQueries(a.db, () => me(a, token));
    expect(queries.filter((q) => q.includes('FROM api_tokens t'))).toEqual([]);
    // The wrong secret behind a cached token's prefix is still refused.
    expect((await me(a, `${token.slice(0, -4)}AAAA`)).status).toBe(401);
    const revoked = await as(a, p.councilX).delete(`/api/v1/api-tokens/${created.body.id}`);
    expect(revoked.status).toBe(200);
    expect((await me(a, token)).status).toBe(401);
    const took = await msUntilRefused(b, token);
    expect(took).toBeLessThanOrEqual(BOUND_MS + 500);
  });

  it('a password change ends the old sessions at once', async () => {
    const user = await newUser();
    expect((await me(a, user.bearer)).status).toBe(200);
    const changed = await a
      .http()
      .post('/api/v1/auth/password')
      .set('authorization', `Bearer ${user.bearer}`)
      .send({ currentPassword: PASSWORD, newPassword: `${PASSWORD}-2` });
    expect(changed.status).toBe(204);
    expect((await me(a, user.bearer)).status).toBe(401);
  });
});
