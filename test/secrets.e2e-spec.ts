import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { ACCOUNTS, DEMO_PASSWORD } from './support/principals.js';
import { spawnProcess, type SpawnedProcess } from './support/spawned-api.js';

/**
 * Secrets (passwords, API-token secrets, webhook signing secrets) are never readable in
 * clear from the database, the logs (trace level, real process) or a later response.
 */
describe('secrets never at rest in clear, never logged, never shown twice', () => {
  let api: SpawnedProcess;
  let db: DataSource;
  const secrets: string[] = [DEMO_PASSWORD];
  const call = async (method: string, path: string, bearer?: string, body?: object) => {
    const res = await fetch(`${api.baseUrl}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...(bearer && { authorization: `Bearer ${bearer}` }),
      },
      body: body && JSON.stringify(body),
    });
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    api = await spawnProcess('main', { LOG_LEVEL: 'trace' });
    db = await new DataSource({ type: 'postgres', url: process.env.DATABASE_URL }).initialize();
  });
  afterAll(async () => {
    await api.stop();
    await db.destroy();
  });

  it('exercises every secret-bearing flow, then finds none of them anywhere', async () => {
    const login = JSON.parse(
      (
        await call('POST', '/api/v1/auth/login', undefined, {
          email: ACCOUNTS.supplierB,
          password: DEMO_PASSWORD,
        })
      ).text,
    );
    const bearer = login.accessToken as string;
    const [me] = await db.query(`SELECT organisation_id FROM users WHERE email = $1`, [
      ACCOUNTS.supplierB,
    ]);
    const token = JSON.parse(
      (await call('POST', '/api/v1/api-tokens', bearer, { name: 'secret scan' })).text,
    ).token as string;
    await call('GET', '/api/v1/auth/me', token);
    const hookPath = `/api/v1/suppliers/${me.organisation_id}/webhook`;
    await call('DELETE', hookPath, bearer);
    const created = JSON.parse(
      (await call('PUT', hookPath, bearer, { url: 'https://secrets.example/hook' })).text,
    );
    const rotated = JSON.parse((await call('POST', `${hookPath}/rotate-secret`, bearer)).text);
    const adminBearer = JSON.parse(
      (
        await call('POST', '/api/v1/auth/login', undefined, {
          email: ACCOUNTS.admin,
          password: DEMO_PASSWORD,
        })
      ).text,
    ).accessToken;
    const newUserPassword = `fresh-password-${Date.now()}`;
    await call('POST', '/api/v1/users', adminBearer, {
      email: `secret.scan.${Date.now()}@agency.example`,
      displayName: 'S',
      role: 'agency',
      organisationId: (await db.query(`SELECT id FROM organisations WHERE code = 'HMRC'`))[0].id,
      password: newUserPassword,
    });
    secrets.push(
      token,
      token.slice('ptk_0123456789_'.length),
      created.secret,
      rotated.secret,
      newUserPassword,
    );
    expect(secrets.filter((s) => typeof s !== 'string' || s.length < 12)).toEqual([]);

    // later responses
    for (const path of [hookPath, '/api/v1/api-tokens', '/api/v1/auth/me']) {
      const res = await call('GET', path, bearer);
      for (const s of secrets)
        expect({ path, leaked: res.text.includes(s) }).toEqual({ path, leaked: false });
    }
    // every table, every column (row cast to text)
    const tables: { table_name: string }[] = await db.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables) {
      for (const s of secrets) {
        const [{ n }] = await db.query(
          `SELECT count(*)::int AS n FROM "${table_name}" t WHERE t::text LIKE $1`,
          [`%${s}%`],
        );
        expect({ table_name, n }).toEqual({ table_name, n: 0 });
      }
    }
    // logs at trace level
    await api.stop();
    const logs = api.output();
    expect(logs).toContain('request completed');
    for (const s of [...secrets, bearer]) expect(logs.includes(s)).toBe(false);
  });
});
