import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { insertService } from '../support/adoption-fixtures.js';
import { csrfFrom, pageClient } from '../support/portal.js';
import { ACCOUNTS, signInAll } from '../support/principals.js';
import { insertProduct, upsertAdoption } from '../support/programme-fixtures.js';
import { startTestApi, type TestApi } from '../support/test-app.js';

/** The rollout dashboard page shows the JSON dashboard's figures, filtered, and as CSV. */
describe('programme rollout dashboard page', () => {
  let api: TestApi;
  let service: { id: string; code: string };
  let bearer: string | null;
  let councilXName: string;
  let councilY: string;
  let supplierA: string;
  let supplierB: string;

  beforeAll(async () => {
    api = await startTestApi();
    const p = await signInAll(api);
    bearer = p.admin.bearer;
    councilY = p.councilY.organisationId!;
    supplierA = p.supplierA.organisationId!;
    supplierB = p.supplierB.organisationId!;
    service = await insertService(api.db);
    const { productId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      certificate: 'valid',
    });
    await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'live',
    });
    await upsertAdoption(api.db, {
      councilId: p.councilY.organisationId!,
      serviceId: service.id,
      productId,
      stage: 'planning',
    });
    await api.db.query(
      `UPDATE adoptions SET attention_required = true, attention_reason = 'Checked by test'
        WHERE council_id = $1 AND service_id = $2`,
      [p.councilY.organisationId, service.id],
    );
    [{ name: councilXName }] = await api.db.query(`SELECT name FROM organisations WHERE id = $1`, [
      p.councilX.organisationId,
    ]);
  });
  afterAll(() => api.close());

  it('shows the same figures as the JSON dashboard, as charts and tables', async () => {
    const json = await api
      .http()
      .get(`/api/v1/dashboards/adoption?serviceId=${service.id}`)
      .set('authorization', `Bearer ${bearer}`);
    expect(json.status).toBe(200);
    const { agent } = await pageClient(api, ACCOUNTS.viewer);
    const res = await agent.get(`/programme/dashboard?serviceId=${service.id}`);
    expect(res.status).toBe(200);
    const html = res.text;
    expect(html).toContain(`data-figure="adoptions">${json.body.totals.adoptions}<`);
    expect(html).toContain(`data-figure="live">${json.body.totals.live}<`);
    expect(json.body.totals).toEqual({ adoptions: 2, live: 1, pctLive: 50 });
    expect(html.match(/<svg class="app-chart" role="img"/g)).toHaveLength(5);
    expect(html).toContain(`<title id="stacked-title">`);
    expect(html).toContain(`${service.code}: Planning 1, Live 1.`);
    expect(html).toContain(`href="/programme/dashboard/attention?serviceId=${service.id}"`);
    const attention = (await agent.get(`/programme/dashboard/attention?serviceId=${service.id}`))
      .text;
    expect(attention).toMatch(/Councils needing attention \(1\)/);
    expect(attention).toContain('Flagged: Checked by test');
    // A viewer sees no write controls: the only forms are the filter (GET), language and sign-out.
    const posts = html.match(/<form[^>]*method="post"[^>]*>/g) ?? [];
    expect(posts.every((f) => /action="\/(language|sign-out)"/.test(f))).toBe(true);
    // Only the flagged council is listed, linking to its page.
    expect(attention).not.toContain(`>${councilXName}</a>`);
    expect(attention).toMatch(/href="\/programme\/councils\/[0-9a-f-]{36}"/);
  });

  it('renders the page once per data generation: a change shows at once, each response has its own nonce and token, each user their own name', async () => {
    const url = `/programme/dashboard?serviceId=${service.id}`;
    const viewer = await pageClient(api, ACCOUNTS.viewer);
    const first = await viewer.agent.get(url);
    const second = await viewer.agent.get(url);
    const nonceOf = (html: string) => /nonce="([^"]+)"/.exec(html)?.[1];
    expect(nonceOf(first.text)).toBeDefined();
    expect(nonceOf(first.text)).not.toBe(nonceOf(second.text));
    expect(second.headers['content-security-policy']).toContain(`'nonce-${nonceOf(second.text)}'`);
    expect(csrfFrom(first.text)).not.toBe(csrfFrom(second.text));
    expect(second.text).not.toContain('__cached-page-');
    // The token spliced into a cached page is a working one.
    const toggle = await viewer.agent
      .post('/language')
      .type('form')
      .send({ _csrf: csrfFrom(second.text), lang: 'en', returnTo: url });
    expect(toggle.status).toBe(303);
    expect(second.text).toContain(ACCOUNTS.viewer);
    // A browser that accepts deflate gets the cached pieces compressed (the nonce and token
    // spliced in as stored blocks); one that does not gets the same page as it is.
    const packed = await viewer.agent.get(url).set('accept-encoding', 'gzip, deflate, br, zstd');
    const plain = await viewer.agent.get(url).set('accept-encoding', 'identity');
    expect(packed.headers['content-encoding']).toBe('deflate');
    expect(packed.headers.vary).toContain('Accept-Encoding');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(packed.headers['content-length'])).toBeLessThan(
      Number(plain.headers['content-length']) / 3,
    );
    const sameBut = (html: string) =>
      html.replace(/nonce="[^"]+"/g, 'nonce').replace(/name="_csrf" value="[^"]+"/g, 'csrf');
    expect(sameBut(packed.text)).toBe(sameBut(plain.text));
    expect(packed.headers['content-security-policy']).toContain(`'nonce-${nonceOf(packed.text)}'`);
    const admin = await pageClient(api, ACCOUNTS.admin);
    const asAdmin = (await admin.agent.get(url)).text;
    expect(asAdmin).toContain(ACCOUNTS.admin);
    expect(asAdmin).not.toContain(ACCOUNTS.viewer);
    // A stage change commits a new generation: the next request shows it.
    expect(second.text).toContain(`data-figure="live">1<`);
    await api.db.query(
      `UPDATE adoptions SET stage = 'live' WHERE council_id = $1 AND service_id = $2`,
      [councilY, service.id],
    );
    const after = (await viewer.agent.get(url)).text;
    expect(after).toContain(`data-figure="live">2<`);
    await api.db.query(
      `UPDATE adoptions SET stage = 'planning' WHERE council_id = $1 AND service_id = $2`,
      [councilY, service.id],
    );
    expect((await viewer.agent.get(url)).text).toContain(`data-figure="live">1<`);
  });

  it('filters by nation and region with a GET form and refuses a bad filter with the error summary', async () => {
    const { agent } = await pageClient(api, ACCOUNTS.admin);
    const none = await agent.get(`/programme/dashboard?nation=Wales&serviceId=${service.id}`);
    expect(none.status).toBe(200);
    expect(none.text).toContain('No adoptions match these filters.');
    const bad = await agent.get('/programme/dashboard?serviceId=not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('govuk-error-summary');
    expect(bad.text).toContain('href="#serviceId"');
  });

  it('filters by supplier and council group, as the JSON dashboard does', async () => {
    const { agent } = await pageClient(api, ACCOUNTS.admin);
    const [{ id: groupId }] = await api.db.query(
      `INSERT INTO council_groups (name) VALUES ($1) RETURNING id`,
      [`Page filter group ${service.code}`],
    );
    await api.db.query(`INSERT INTO council_group_members (group_id, council_id) VALUES ($1, $2)`, [
      groupId,
      councilY,
    ]);
    const form = await agent.get('/programme/dashboard');
    expect(form.text).toContain(`<option value="${supplierA}">`);
    expect(form.text).toContain(`>Page filter group ${service.code}</option>`);
    const bySupplier = await agent.get(
      `/programme/dashboard?serviceId=${service.id}&supplierId=${supplierA}`,
    );
    expect(bySupplier.status).toBe(200);
    expect(bySupplier.text).toContain('data-figure="adoptions">2<');
    expect(bySupplier.text).toContain(`<option value="${supplierA}" selected>`);
    expect(bySupplier.text).toContain(
      `href="/programme/dashboard/download?serviceId=${service.id}&amp;supplierId=${supplierA}"`,
    );
    const otherSupplier = await agent.get(
      `/programme/dashboard?serviceId=${service.id}&supplierId=${supplierB}`,
    );
    expect(otherSupplier.text).toContain('No adoptions match these filters.');
    const byGroup = await agent.get(
      `/programme/dashboard?serviceId=${service.id}&councilGroupId=${groupId}`,
    );
    // Council Y only: its planning adoption.
    expect(byGroup.text).toContain('data-figure="adoptions">1<');
    expect(byGroup.text).toContain('data-figure="live">0<');
    const bad = await agent.get('/programme/dashboard?supplierId=nope');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#supplierId"');
  });

  it('downloads what is shown as CSV', async () => {
    const { agent } = await pageClient(api, ACCOUNTS.agency);
    const res = await agent.get(`/programme/dashboard/download?serviceId=${service.id}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('rollout-dashboard.csv');
    const rows = parse<Record<string, string>>(res.text, { columns: true });
    const of = (measure: string) =>
      rows.find((r) => r.section === 'service' && r.name === service.code && r.measure === measure)
        ?.value;
    expect([of('live'), of('planning'), of('pct_live')]).toEqual(['1', '1', '50']);
    expect(rows.filter((r) => r.section === 'service').map((r) => r.name)).toEqual(
      expect.arrayContaining([service.code]),
    );
  });

  it('lists councils by name or GSS code and shows one council with its adoptions and flags', async () => {
    const { agent } = await pageClient(api, ACCOUNTS.viewer);
    const list = await agent.get('/programme/councils?q=E06000001');
    expect(list.status).toBe(200);
    expect(list.text).toContain(`href="/programme/councils/${councilY}"`);
    expect(list.text.match(/href="\/programme\/councils\/[0-9a-f-]{36}"/g)).toHaveLength(1);
    const page = await agent.get(`/programme/councils/${councilY}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(service.code);
    expect(page.text).toContain('Checked by test');
    const bad = await agent.get('/programme/councils?nation=Atlantis');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#nation"');
    const missing = await agent.get('/programme/councils/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });
});
