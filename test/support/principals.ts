import type supertest from 'supertest';
import type { TestApi } from './test-app.js';

export const DEMO_PASSWORD = 'test-demo-password';

/** Demo accounts the global setup seeded (see src/database/seed/demo-accounts.ts). */
export const ACCOUNTS = {
  admin: 'admin@programme.example',
  viewer: 'viewer@programme.example',
  supplierA: 'supplier@northwind-education-systems.example',
  supplierB: 'supplier@northwind-school-software.example',
  councilX: 'council.e09000001@councils.example',
  councilY: 'council.e06000001@councils.example',
  agency: 'hmrc@agency.example',
} as const;

export type PrincipalName = keyof typeof ACCOUNTS | 'anonymous' | 'supplierAToken';
export const PRINCIPALS: PrincipalName[] = [
  'anonymous',
  'admin',
  'viewer',
  'supplierA',
  'supplierB',
  'supplierAToken',
  'councilX',
  'councilY',
  'agency',
];

export interface Principal {
  name: PrincipalName;
  bearer: string | null;
  organisationId: string | null;
  userId: string | null;
}

export async function login(
  api: TestApi,
  email: string,
  password = DEMO_PASSWORD,
): Promise<string> {
  const res = await api.http().post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200)
    throw new Error(`login ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

/** Signs in every demo principal and creates an API token for supplier A. */
export async function signInAll(api: TestApi): Promise<Record<PrincipalName, Principal>> {
  const entries = await Promise.all(
    (Object.keys(ACCOUNTS) as (keyof typeof ACCOUNTS)[]).map(async (name) => {
      const bearer = await login(api, ACCOUNTS[name]);
      const me = await api.http().get('/api/v1/auth/me').set('authorization', `Bearer ${bearer}`);
      return [
        name,
        {
          name,
          bearer,
          organisationId: me.body.organisation?.id ?? null,
          userId: me.body.user?.id ?? null,
        },
      ] as const;
    }),
  );
  const all = Object.fromEntries(entries) as Record<PrincipalName, Principal>;
  const token = await api
    .http()
    .post('/api/v1/api-tokens')
    .set('authorization', `Bearer ${all.supplierA.bearer}`)
    .send({ name: 'matrix test client' });
  all.supplierAToken = {
    name: 'supplierAToken',
    bearer: token.body.token as string,
    organisationId: all.supplierA.organisationId,
    userId: null,
  };
  all.anonymous = { name: 'anonymous', bearer: null, organisationId: null, userId: null };
  return all;
}

/** A request as a principal: `as(p).get(url)`. */
export function as(api: TestApi, p: Principal | null) {
  const agent = api.http();
  const auth = (req: supertest.Test) =>
    p?.bearer ? req.set('authorization', `Bearer ${p.bearer}`) : req;
  return {
    get: (url: string) => auth(agent.get(url)),
    post: (url: string) => auth(agent.post(url)),
    put: (url: string) => auth(agent.put(url)),
    patch: (url: string) => auth(agent.patch(url)),
    delete: (url: string) => auth(agent.delete(url)),
  };
}
