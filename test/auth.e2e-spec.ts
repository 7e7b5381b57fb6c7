import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ACCOUNTS,
  as,
  DEMO_PASSWORD,
  login,
  type Principal,
  type PrincipalName,
  signInAll,
} from './support/principals.js';
import { startTestApi, type TestApi } from './support/test-app.js';

/** Locked on purpose by the throttle test; no other test signs in as it. */
const LOCKED_ACCOUNT = 'council.e06000002@councils.example';

describe('identity and access', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
  });
  afterAll(() => api.close());

  it('login returns a short-lived JWT and /auth/me describes the caller', async () => {
    const res = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'ADMIN@programme.example', password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
    const me = await as(api, { ...p.admin, bearer: res.body.accessToken }).get('/api/v1/auth/me');
    expect(me.body).toMatchObject({
      kind: 'user',
      role: 'programme_admin',
      user: { email: ACCOUNTS.admin },
      organisation: { type: 'PROGRAMME_OFFICE' },
    });
  });

  it('answers the same 401 for an unknown email and a wrong password', async () => {
    const unknown = await api
      .http()
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '10.9.0.1')
      .send({ email: 'nobody@nowhere.example', password: 'whatever-password' });
    const wrong = await api
      .http()
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '10.9.0.1')
      .send({ email: ACCOUNTS.viewer, password: 'wrong-password' });
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect({ ...unknown.body, requestId: 0, instance: 0 }).toEqual({
      ...wrong.body,
      requestId: 0,
      instance: 0,
    });
  });

  it('slows an account down after repeated failures (429 with Retry-After), for unknown emails too', async () => {
    for (const email of ['victim@programme.example', LOCKED_ACCOUNT]) {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) {
        const r = await api
          .http()
          .post('/api/v1/auth/login')
          .set('x-forwarded-for', `10.8.0.${i}`)
          .send({ email, password: 'bad-password' });
        statuses.push(r.status);
        if (r.status === 429) expect(Number(r.headers['retry-after'])).toBeGreaterThan(0);
      }
      expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
      expect(statuses.slice(5)).toEqual([429, 429]);
    }
    // even the right password waits while the account is slowed down
    const right = await api
      .http()
      .post('/api/v1/auth/login')
      .set('x-forwarded-for', '10.8.1.1')
      .send({ email: LOCKED_ACCOUNT, password: DEMO_PASSWORD });
    expect(right.status).toBe(429);
  });

  it('throttles login attempts per IP', async () => {
    const limited = await startTestApi({ LOGIN_RATE_PER_IP_PER_MINUTE: '3' });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const r = await limited
          .http()
          .post('/api/v1/auth/login')
          .set('x-forwarded-for', '10.7.7.7')
          .send({ email: `ip${i}@x.example`, password: 'bad-password' });
        statuses.push(r.status);
      }
      expect(statuses).toEqual([401, 401, 401, 429]);
    } finally {
      await limited.close();
    }
  });

  it('rejects missing, malformed and tampered bearers with 401 problem+json', async () => {
    expect((await api.http().get('/api/v1/auth/me')).status).toBe(401);
    expect(
      (await api.http().get('/api/v1/auth/me').set('authorization', 'Bearer nonsense')).status,
    ).toBe(401);
    const tampered = p.admin.bearer!.slice(0, -2) + (p.admin.bearer!.endsWith('A') ? 'BB' : 'AA');
    const res = await api.http().get('/api/v1/auth/me').set('authorization', `Bearer ${tampered}`);
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('API tokens: shown once, work as Bearer, list shows prefix and last use, revoke stops them', async () => {
    const created = await as(api, p.councilX).post('/api/v1/api-tokens').send({ name: 'MIS sync' });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^ptk_[a-z0-9]{10}_/);
    expect(token.startsWith(`ptk_${created.body.prefix}_`)).toBe(true);

    const me = await api.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`);
    expect(me.body).toMatchObject({
      kind: 'token',
      role: 'council',
      organisation: { id: p.councilX.organisationId },
    });

    const list = await as(api, p.councilX).get('/api/v1/api-tokens');
    const listed = list.body.data.find((t: { id: string }) => t.id === created.body.id);
    expect(listed.lastUsedAt).not.toBeNull();
    const secret = token.slice(`ptk_${created.body.prefix}_`.length);
    expect(secret).toHaveLength(43);
    expect(JSON.stringify(list.body)).not.toContain(secret);
    // another council cannot see or revoke it
    expect(
      (await as(api, p.councilY).get('/api/v1/api-tokens')).body.data.map(
        (t: { id: string }) => t.id,
      ),
    ).not.toContain(created.body.id);
    expect((await as(api, p.councilY).delete(`/api/v1/api-tokens/${created.body.id}`)).status).toBe(
      404,
    );

    expect((await as(api, p.councilX).delete(`/api/v1/api-tokens/${created.body.id}`)).status).toBe(
      200,
    );
    expect(
      (await api.http().get('/api/v1/auth/me').set('authorization', `Bearer ${token}`)).status,
    ).toBe(401);
  });

  it('API tokens expire, and a token cannot mint tokens', async () => {
    expect(
      (await as(api, p.supplierAToken).post('/api/v1/api-tokens').send({ name: 'x' })).status,
    ).toBe(403);
    const past = await as(api, p.supplierA)
      .post('/api/v1/api-tokens')
      .send({ name: 'old', expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('expiresAt');
    const soon = await as(api, p.supplierA)
      .post('/api/v1/api-tokens')
      .send({ name: 'short', expiresAt: new Date(Date.now() + 1500).toISOString() });
    expect(soon.status).toBe(201);
    await new Promise((r) => setTimeout(r, 1600));
    expect(
      (await api.http().get('/api/v1/auth/me').set('authorization', `Bearer ${soon.body.token}`))
        .status,
    ).toBe(401);
  });

  it('users: admin creates with a role that fits the organisation; duplicates 409; deactivation locks out', async () => {
    const email = `new.user.${Date.now()}@councils.example`;
    const bad = await as(api, p.admin).post('/api/v1/users').send({
      email,
      displayName: 'N',
      role: 'programme_admin',
      organisationId: p.councilX.organisationId,
      password: 'a-long-password-1',
    });
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('role_not_allowed');
    const ok = await as(api, p.admin).post('/api/v1/users').send({
      email: email.toUpperCase(),
      displayName: 'New User',
      role: 'council',
      organisationId: p.councilX.organisationId,
      password: 'a-long-password-1',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.email).toBe(email);
    expect(ok.body).not.toHaveProperty('passwordHash');
    const dup = await as(api, p.admin).post('/api/v1/users').send({
      email,
      displayName: 'Again',
      role: 'council',
      organisationId: p.councilX.organisationId,
      password: 'a-long-password-1',
    });
    expect(dup.status).toBe(409);

    const bearer = await login(api, email, 'a-long-password-1');
    expect(
      (await api.http().get('/api/v1/auth/me').set('authorization', `Bearer ${bearer}`)).status,
    ).toBe(200);
    expect(
      (await as(api, p.admin).patch(`/api/v1/users/${ok.body.id}`).send({ active: false })).body
        .active,
    ).toBe(false);
    expect(
      (await api.http().get('/api/v1/auth/me').set('authorization', `Bearer ${bearer}`)).status,
    ).toBe(401);
    expect(
      (await api.http().post('/api/v1/auth/login').send({ email, password: 'a-long-password-1' }))
        .status,
    ).toBe(401);
  });

  it('users: tenants see only their own organisation; mass assignment is refused', async () => {
    const mine = await as(api, p.councilX).get('/api/v1/users');
    expect(
      mine.body.data.every(
        (u: { organisationId: string }) => u.organisationId === p.councilX.organisationId,
      ),
    ).toBe(true);
    expect((await as(api, p.councilX).get(`/api/v1/users/${p.councilY.userId}`)).status).toBe(404);
    const sneaky = await as(api, p.admin)
      .patch(`/api/v1/users/${p.viewer.userId}`)
      .send({ role: 'programme_admin', organisationId: p.supplierA.organisationId });
    expect(sneaky.status).toBe(400);
    expect(sneaky.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'organisationId',
      'role',
    ]);
  });

  it('changes a password with the current one', async () => {
    const email = `pw.${Date.now()}@agency.example`;
    const created = await as(api, p.admin).post('/api/v1/users').send({
      email,
      displayName: 'PW',
      role: 'agency',
      organisationId: p.agency.organisationId,
      password: 'first-password-123',
    });
    const bearer = await login(api, created.body.email, 'first-password-123');
    const user = { ...p.agency, bearer };
    expect(
      (
        await as(api, user)
          .post('/api/v1/auth/password')
          .send({ currentPassword: 'nope-nope-nope', newPassword: 'second-password-123' })
      ).status,
    ).toBe(400);
    expect(
      (
        await as(api, user)
          .post('/api/v1/auth/password')
          .send({ currentPassword: 'first-password-123', newPassword: 'second-password-123' })
      ).status,
    ).toBe(204);
    await login(api, email, 'second-password-123');
  });
});
