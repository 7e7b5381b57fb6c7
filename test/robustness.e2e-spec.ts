import { createHmac, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MAX_INPUT_DEPTH, MAX_PAGE } from '../src/common/input/input-limits.js';
import { createSupplier, uniq } from './support/comms-fixtures.js';
import { as, login, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { startTestApi, type TestApi } from './support/test-app.js';

type Res = { status: number; headers: Record<string, string>; body: Record<string, unknown> };

const expectProblem = (res: Res, status: number, field?: string) => {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(status);
  if (field) {
    expect((res.body.errors as { field: string }[]).map((e) => e.field)).toContain(field);
  }
};

/** A JWT signed with the api's secret, with whatever claims the test wants. */
const signJwt = (secret: string, claims: object) => {
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const head = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${head}.${createHmac('sha256', secret).update(head).digest('base64url')}`;
};

describe('robustness: bad input is a 400 problem+json, never a 500', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
  });
  afterAll(() => api.close());

  it('deep nesting is refused before transformation, signed in or not', async () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    const res = await api
      .http()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send(deep);
    expectProblem(res, 400);
    expect(res.body.detail).toContain(`deeper than ${MAX_INPUT_DEPTH}`);
    const nested = JSON.parse(`${'{"a":'.repeat(200)}1${'}'.repeat(200)}`) as object;
    expectProblem(await as(api, p.admin).post('/api/v1/risks').send(nested), 400);
  });

  it('an unpaired surrogate or a NUL in a body, query or path string is a 400 naming it', async () => {
    const lone = await api
      .http()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/json')
      .send('{"email":"\\ud800","password":"x"}');
    expectProblem(lone, 400, 'email');
    const nulBody = await as(api, p.admin)
      .post('/api/v1/suppliers')
      .send({ name: 'Nul\u0000 Ltd' });
    expectProblem(nulBody, 400, 'name');
    expectProblem(await as(api, p.admin).get('/api/v1/users?role=a%00b'), 400, 'role');
    expectProblem(await as(api, p.admin).get('/api/v1/suppliers/a%00b'), 400, 'id');
  });

  it(`page is bounded (≤ ${MAX_PAGE}); beyond bigint is a 400 on every paginated route`, async () => {
    for (const url of ['/api/v1/users', '/api/v1/variances', '/api/v1/risks']) {
      expectProblem(await as(api, p.admin).get(`${url}?page=99999999999999999999999`), 400, 'page');
      expectProblem(await as(api, p.admin).get(`${url}?page=${MAX_PAGE + 1}`), 400, 'page');
    }
    expect((await as(api, p.admin).get(`/api/v1/users?page=${MAX_PAGE}`)).status).toBe(200);
  });

  it('null is 400 where a field is not nullable (objects and arrays), and clears where it is', async () => {
    const user = (await as(api, p.admin).get('/api/v1/users?limit=1')).body.data[0] as {
      id: string;
    };
    expectProblem(
      await as(api, p.admin).patch(`/api/v1/users/${user.id}`).send({ displayName: null }),
      400,
      'displayName',
    );
    expectProblem(
      await as(api, p.admin).post('/api/v1/council-groups').send({ name: 'G', councilIds: null }),
      400,
      'councilIds',
    );
    const supplier = (await as(api, p.admin).get('/api/v1/suppliers?limit=1')).body.data[0] as {
      id: string;
    };
    expectProblem(
      await as(api, p.admin).patch(`/api/v1/suppliers/${supplier.id}`).send({ name: null }),
      400,
      'name',
    );
  });

  it('templates: sections over prototype names and prototype placeholders are 400', async () => {
    const body = {
      subjectTemplate: 'Hello {{supplier.name}}',
      bodyTemplate: '{{#constructor}}x{{/constructor}}',
      topic: `robust-${uniq()}`,
      audience: { onboardingStatuses: ['active'] },
      channels: ['email'],
    };
    const section = await as(api, p.admin).post('/api/v1/communications').send(body);
    expectProblem(section, 400, 'bodyTemplate');
    expect(section.body.code).toBe('invalid_template');
    for (const name of ['constructor', 'toString', '__proto__']) {
      const res = await as(api, p.admin)
        .post('/api/v1/communications')
        .send({ ...body, bodyTemplate: `{{${name}}}` });
      expectProblem(res, 400, 'bodyTemplate');
    }
  });

  it('impossible dates and year 0000 are 400, in queries and bodies', async () => {
    expectProblem(await as(api, p.admin).get('/api/v1/audit-events?from=2026-02-30'), 400, 'from');
    expectProblem(await as(api, p.admin).get('/api/v1/audit-events?to=0000-01-01'), 400, 'to');
    const body = {
      subjectTemplate: 'Hello {{supplier.name}}',
      bodyTemplate: 'Hi',
      topic: `robust-${uniq()}`,
      audience: { onboardingStatuses: ['active'] },
      channels: ['email'],
    };
    for (const acknowledgeBy of [
      '2026-02-30',
      '2026-02-30T10:00:00Z',
      '0000-06-01',
      '2026-13-01',
    ]) {
      const res = await as(api, p.admin)
        .post('/api/v1/communications')
        .send({ ...body, acknowledgeBy });
      expectProblem(res, 400, 'acknowledgeBy');
    }
    const leap = await as(api, p.admin)
      .post('/api/v1/communications')
      .send({ ...body, acknowledgeBy: '2028-02-29' });
    expect(leap.status).toBe(201);
  });

  it('JWTs: a non-UUID sub and a missing exp are 401', async () => {
    const secret = api.config.JWT_SECRET;
    const exp = Math.floor(Date.now() / 1000) + 600;
    for (const claims of [
      { sub: 'not-a-uuid', exp, iss: 'ptrack' },
      { sub: p.admin.userId, iss: 'ptrack' },
    ]) {
      const res = await api
        .http()
        .get('/api/v1/auth/me')
        .set('authorization', `Bearer ${signJwt(secret, claims)}`);
      expectProblem(res, 401);
    }
    const ok = await api
      .http()
      .get('/api/v1/auth/me')
      .set(
        'authorization',
        `Bearer ${signJwt(secret, { sub: p.admin.userId, exp, iss: 'ptrack' })}`,
      );
    expect(ok.status).toBe(200);
  });

  it('totals stay right past the last page', async () => {
    const adoptionId = (
      (await as(api, p.admin).get('/api/v1/variances?limit=1')).body.data[0] as {
        adoptionId: string;
      }
    ).adoptionId;
    for (const url of [
      '/api/v1/variances',
      '/api/v1/dashboards/attention',
      `/api/v1/adoptions/${adoptionId}/variances`,
    ]) {
      const first = await as(api, p.admin).get(`${url}?limit=1`);
      const past = await as(api, p.admin).get(`${url}?limit=1&page=${MAX_PAGE}`);
      expect(first.body.meta.total).toBeGreaterThan(0);
      expect(past.body.data).toEqual([]);
      expect(past.body.meta.total).toBe(first.body.meta.total);
    }
  });

  it("the router's own errors are problem+json; a bad UUID parameter is named", async () => {
    expectProblem(await api.http().get('/api/v1/%E0%A4%A'), 400);
    expectProblem(await as(api, p.admin).get(`/api/v1/users/${'a'.repeat(500)}`), 414);
    expectProblem(await as(api, p.admin).get('/api/v1/nowhere'), 404);
    const wrongType = await api
      .http()
      .post('/api/v1/auth/login')
      .set('content-type', 'application/xml')
      .send('<a/>');
    expectProblem(wrongType, 415);
    const badId = await as(api, p.admin).get('/api/v1/users/not-a-uuid');
    expectProblem(badId, 400, 'id');
    expect(badId.body.detail).not.toContain('uuid is expected');
  });
});

describe('sessions end when they should', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
  });
  afterAll(() => api.close());

  const me = (bearer: string) =>
    api.http().get('/api/v1/auth/me').set('authorization', `Bearer ${bearer}`);

  const newUser = async (organisationId: string, role = 'supplier') => {
    const email = `session.${uniq()}@robust.test`;
    const password = `pw-${randomUUID()}`;
    const res = await as(api, p.admin)
      .post('/api/v1/users')
      .send({ email, displayName: 'Session Test', role, organisationId, password });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, email, password };
  };

  it('a password change ends the sessions signed in before it', async () => {
    const u = await newUser(p.supplierA.organisationId!);
    const old = await login(api, u.email, u.password);
    expect((await me(old)).status).toBe(200);
    const changed = await api
      .http()
      .post('/api/v1/auth/password')
      .set('authorization', `Bearer ${old}`)
      .send({ currentPassword: u.password, newPassword: `${u.password}-new` });
    expect(changed.status).toBeLessThan(300);
    expectProblem(await me(old), 401);
    const fresh = await login(api, u.email, `${u.password}-new`);
    expect((await me(fresh)).status).toBe(200);
  });

  it('deactivating a user ends their sessions (reactivation does not revive them)', async () => {
    const u = await newUser(p.supplierA.organisationId!);
    const jwt = await login(api, u.email, u.password);
    const off = await as(api, p.admin).patch(`/api/v1/users/${u.id}`).send({ active: false });
    expect(off.status).toBe(200);
    expectProblem(await me(jwt), 401);
    await as(api, p.admin).patch(`/api/v1/users/${u.id}`).send({ active: true });
    expectProblem(await me(jwt), 401);
  });

  it("deactivating a supplier organisation stops its users' JWTs and its API tokens", async () => {
    const s = await createSupplier(api, p.admin, { name: `Session Ltd ${uniq()}`, contacts: [] });
    const u = await newUser(s.id);
    const jwt = await login(api, u.email, u.password);
    const token = await api
      .http()
      .post('/api/v1/api-tokens')
      .set('authorization', `Bearer ${jwt}`)
      .send({ name: 'session test' });
    expect(token.status).toBe(201);
    expect((await me(token.body.token as string)).status).toBe(200);
    const off = await as(api, p.admin).post(`/api/v1/suppliers/${s.id}/deactivate`).send({});
    expect(off.status).toBe(200);
    expectProblem(await me(jwt), 401);
    expectProblem(await me(token.body.token as string), 401);
  });

  it('POST /auth/password is throttled like login', async () => {
    const u = await newUser(p.supplierA.organisationId!);
    const jwt = await login(api, u.email, u.password);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await api
        .http()
        .post('/api/v1/auth/password')
        .set('authorization', `Bearer ${jwt}`)
        .send({ currentPassword: 'wrong-password-0', newPassword: 'another-password-1' });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 400)).toBe(true);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 400).length).toBeLessThanOrEqual(6);
  });
});
