import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parseCsvRecords } from '../src/common/csv.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { startTestApi, type TestApi } from './support/test-app.js';

const councilsCsv = parseCsvRecords(readFileSync('data/councils-england-wales.csv', 'utf8'));
const countBy = (rows: Record<string, string>[], key: string) =>
  rows.reduce<Record<string, number>>(
    (acc, r) => ({ ...acc, [r[key]]: (acc[r[key]] ?? 0) + 1 }),
    {},
  );

describe('organisations: councils, groups, suppliers, agencies', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
  });
  afterAll(() => api.close());

  it('lists every council of the shared file, with counts per nation and region matching it', async () => {
    const all = await as(api, p.supplierA).get('/api/v1/councils?limit=500');
    expect(all.status).toBe(200);
    expect(all.body.meta.total).toBe(174);
    expect(all.body.data.map((c: { gssCode: string }) => c.gssCode).sort()).toEqual(
      councilsCsv.map((c) => c.gss_code).sort(),
    );
    for (const [nation, n] of Object.entries(countBy(councilsCsv, 'nation'))) {
      expect({
        nation,
        total: (await as(api, p.councilX).get(`/api/v1/councils?nation=${nation}&limit=1`)).body
          .meta.total,
      }).toEqual({ nation, total: n });
    }
    for (const [region, n] of Object.entries(countBy(councilsCsv, 'region'))) {
      const res = await as(api, p.viewer).get(
        `/api/v1/councils?region=${encodeURIComponent(region)}&limit=1`,
      );
      expect({ region, total: res.body.meta.total }).toEqual({ region, total: n });
    }
    expect(countBy(councilsCsv, 'nation')).toEqual({ England: 152, Wales: 22 });
  });

  it('filters by type and q, and looks up by id or GSS code', async () => {
    const london = await as(api, p.agency).get('/api/v1/councils?type=London%20borough&limit=500');
    expect(london.body.meta.total).toBe(32);
    const bristol = await as(api, p.agency).get('/api/v1/councils?q=bristol');
    expect(bristol.body.data.map((c: { name: string }) => c.name)).toEqual(['Bristol, City of']);
    const byCode = await as(api, p.agency).get('/api/v1/councils/E09000001');
    expect(byCode.body).toMatchObject({
      name: 'City of London',
      councilType: 'City corporation',
      region: 'London',
      nation: 'England',
    });
    const byId = await as(api, p.agency).get(`/api/v1/councils/${byCode.body.id}`);
    expect(byId.body).toEqual(byCode.body);
    expect((await as(api, p.agency).get('/api/v1/councils/E99999999')).status).toBe(404);
    const bad = await as(api, p.agency).get('/api/v1/councils/not-a-code');
    expect(bad.status).toBe(400);
    expect(
      (await as(api, p.agency).get('/api/v1/councils?nation=Scotland')).body.errors[0].field,
    ).toBe('nation');
    expect((await as(api, p.agency).get('/api/v1/councils?limit=501')).status).toBe(400);
  });

  it('seeds the London boroughs group with 33 members, filterable as a group', async () => {
    const groups = await as(api, p.councilX).get('/api/v1/council-groups');
    const londonGroup = groups.body.data.find(
      (g: { name: string }) => g.name === 'London boroughs',
    );
    expect(londonGroup.memberCount).toBe(33);
    const members = await as(api, p.councilX).get(
      `/api/v1/council-groups/${londonGroup.id}/members?limit=500`,
    );
    expect(members.body.data.every((c: { region: string }) => c.region === 'London')).toBe(true);
    expect(
      (await as(api, p.councilX).get(`/api/v1/councils?group=${londonGroup.id}&limit=1`)).body.meta
        .total,
    ).toBe(33);
  });

  it('seeding again changes no row', async () => {
    const counts = async () =>
      (
        await api.db.query(
          `SELECT (SELECT count(*) FROM organisations) o, (SELECT count(*) FROM council_group_members) m,
                (SELECT count(*) FROM users) u, (SELECT count(*) FROM supplier_contacts) c,
                (SELECT max(updated_at) FROM organisations) t, (SELECT count(*) FROM audit_events) a`,
        )
      )[0];
    const seed = () =>
      execFileSync('node', ['dist/src/database/cli/seed.js'], { env: process.env }).toString();
    // Services other test files created may still lack their council adoptions, which
    // seeding fills in; once filled, a further run must change nothing at all.
    expect(seed()).toContain('councils +0');
    const before = await counts();
    expect(seed()).toContain('councils +0');
    expect(await counts()).toEqual(before);
  });

  it('council groups: create with GSS codes, add, remove; unknown councils are named', async () => {
    const created = await as(api, p.admin)
      .post('/api/v1/council-groups')
      .send({ name: `Pilot ${Date.now()}`, gssCodes: ['E06000001', 'W06000001'] });
    expect(created.status).toBe(201);
    expect(created.body.memberCount).toBe(2);
    const unknown = await as(api, p.admin)
      .post(`/api/v1/council-groups/${created.body.id}/members`)
      .send({ gssCodes: ['E06000002', 'E06999999'] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.missing).toEqual(['E06999999']);
    const added = await as(api, p.admin)
      .post(`/api/v1/council-groups/${created.body.id}/members`)
      .send({ gssCodes: ['E06000002', 'E06000001'] });
    expect(added.body.memberCount).toBe(3);
    const hartlepool = (await as(api, p.admin).get('/api/v1/councils/E06000001')).body.id;
    expect(
      (
        await as(api, p.admin).delete(
          `/api/v1/council-groups/${created.body.id}/members/${hartlepool}`,
        )
      ).body.memberCount,
    ).toBe(2);
    expect(
      (
        await as(api, p.admin).delete(
          `/api/v1/council-groups/${created.body.id}/members/${hartlepool}`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await as(api, p.admin).post('/api/v1/council-groups').send({ name: created.body.name }))
        .status,
    ).toBe(409);
  });

  it('suppliers: create, onboarding transitions (illegal ones 409 naming the allowed), update', async () => {
    const s = await as(api, p.admin)
      .post('/api/v1/suppliers')
      .send({ name: 'Test Supplier Ltd', companyNumber: 'AB123456' });
    expect(s.status).toBe(201);
    expect(s.body.onboardingStatus).toBe('not_invited');
    const illegal = await as(api, p.admin).post(`/api/v1/suppliers/${s.body.id}/activate`).send({});
    expect(illegal.status).toBe(409);
    expect(illegal.body.allowed).toEqual(['invited']);
    expect(
      (
        await as(api, p.admin)
          .post(`/api/v1/suppliers/${s.body.id}/invite`)
          .send({ note: 'kick-off' })
      ).body.onboardingStatus,
    ).toBe('invited');
    expect(
      (await as(api, p.admin).post(`/api/v1/suppliers/${s.body.id}/activate`).send({})).body
        .onboardingStatus,
    ).toBe('active');
    const statusInBody = await as(api, p.admin)
      .patch(`/api/v1/suppliers/${s.body.id}`)
      .send({ onboardingStatus: 'inactive' });
    expect(statusInBody.status).toBe(400);
    expect(
      (await as(api, p.admin).patch(`/api/v1/suppliers/${s.body.id}`).send({ name: 'Renamed Ltd' }))
        .body.name,
    ).toBe('Renamed Ltd');
  });

  it('suppliers see only themselves; another supplier is 404 with no data', async () => {
    const list = await as(api, p.supplierA).get('/api/v1/suppliers');
    expect(list.body.data.map((s: { id: string }) => s.id)).toEqual([p.supplierA.organisationId]);
    const other = await as(api, p.supplierA).get(`/api/v1/suppliers/${p.supplierB.organisationId}`);
    expect(other.status).toBe(404);
    expect(JSON.stringify(other.body)).not.toContain('Northwind School');
    expect(
      (
        await as(api, p.supplierA)
          .patch(`/api/v1/suppliers/${p.supplierB.organisationId}`)
          .send({ name: 'Hijacked' })
      ).status,
    ).toBe(404);
    expect(
      (await as(api, p.supplierA).get(`/api/v1/suppliers/${p.supplierB.organisationId}/contacts`))
        .status,
    ).toBe(404);
    expect(
      (await as(api, p.viewer).get('/api/v1/suppliers?limit=500')).body.meta.total,
    ).toBeGreaterThanOrEqual(42);
  });

  it('supplier contacts: add with topics, change, remove; bad input names fields', async () => {
    const base = `/api/v1/suppliers/${p.supplierA.organisationId}/contacts`;
    const bad = await as(api, p.supplierA)
      .post(base)
      .send({ name: '', email: 'nope', topics: ['Not A Slug'] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'name',
      'topics',
    ]);
    const c = await as(api, p.supplierA)
      .post(base)
      .send({ name: 'Release Manager', email: 'Releases@Northwind.example', topics: ['releases'] });
    expect(c.status).toBe(201);
    expect(c.body.email).toBe('releases@northwind.example');
    expect(
      (
        await as(api, p.supplierA)
          .patch(`${base}/${c.body.id}`)
          .send({ topics: ['releases', 'incidents'], active: false })
      ).body,
    ).toMatchObject({ topics: ['releases', 'incidents'], active: false });
    expect(
      (await as(api, p.supplierA).get(base)).body.data.map((x: { id: string }) => x.id),
    ).toContain(c.body.id);
    expect((await as(api, p.supplierA).delete(`${base}/${c.body.id}`)).status).toBe(204);
    expect((await as(api, p.supplierA).delete(`${base}/${c.body.id}`)).status).toBe(404);
  });

  it('supplier webhook: secret shown once on creation and rotation; the old one stays valid for the grace period', async () => {
    const base = `/api/v1/suppliers/${p.supplierB.organisationId}/webhook`;
    // secrets.e2e-spec gives supplier B a webhook too; start from none whatever the file order.
    await as(api, p.supplierB).delete(base);
    expect((await as(api, p.supplierB).get(base)).status).toBe(404);
    const created = await as(api, p.supplierB)
      .put(base)
      .send({ url: 'https://hooks.northwind.example/ptrack' });
    expect(created.status).toBe(200);
    expect(created.body.secret).toMatch(/^whsec_/);
    const shown = await as(api, p.supplierB).get(base);
    expect(shown.body).toMatchObject({
      url: 'https://hooks.northwind.example/ptrack',
      active: true,
      previousSecretValidUntil: null,
    });
    expect(shown.body).not.toHaveProperty('secret');
    const changed = await as(api, p.supplierB)
      .put(base)
      .send({ url: 'https://hooks2.northwind.example/ptrack' });
    expect(changed.body).not.toHaveProperty('secret');
    const rotated = await as(api, p.supplierB).post(`${base}/rotate-secret`).send();
    expect(rotated.body.secret).toMatch(/^whsec_/);
    expect(rotated.body.secret).not.toBe(created.body.secret);
    expect(new Date(rotated.body.previousSecretValidUntil).getTime()).toBeGreaterThan(
      Date.now() + 23 * 3600_000,
    );
    expect((await as(api, p.supplierA).get(base)).status).toBe(404);
    expect(
      (await as(api, p.supplierB).put(base).send({ url: 'ftp://nope' })).body.errors[0].field,
    ).toBe('url');
  });

  it('agencies: six seeded; admin adds one', async () => {
    const list = await as(api, p.councilY).get('/api/v1/agencies');
    expect(list.body.data.map((a: { code: string }) => a.code).sort()).toEqual([
      'DFE',
      'DWP',
      'HMRC',
      'HO',
      'MHCLG',
      'WG',
    ]);
    const created = await as(api, p.admin)
      .post('/api/v1/agencies')
      .send({ code: 'ICO', name: "Information Commissioner's Office" });
    expect(created.status).toBe(201);
    expect(
      (await as(api, p.admin).post('/api/v1/agencies').send({ code: 'ICO', name: 'Again' })).status,
    ).toBe(409);
  });
});
