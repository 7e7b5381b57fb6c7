import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'csv-parse/sync';
import { insertService } from './support/adoption-fixtures.js';
import { signInAll } from './support/principals.js';
import { insertProduct, upsertAdoption } from './support/programme-fixtures.js';
import { countQueries } from './support/query-counter.js';
import { startTestApi, type TestApi } from './support/test-app.js';

const ADOPTION_FIELDS = [
  'councilGssCode',
  'councilName',
  'nation',
  'region',
  'serviceCode',
  'serviceName',
  'stage',
  'stageSince',
  'goLiveDate',
];

/** Public pages and open data: no sign-in, cache headers, 304s, a short cache, a rate limit. */
describe('public pages and open data', () => {
  let api: TestApi;
  let service: { id: string; code: string };
  let certificateNumber: string;

  beforeAll(async () => {
    // No cache in this app: every request re-reads the last-change marker (one statement).
    api = await startTestApi({ PUBLIC_CACHE_SECONDS: '0' });
    const p = await signInAll(api);
    service = await insertService(api.db);
    const product = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      name: '=HYPERLINK("http://evil.example","click")',
      certificate: 'valid',
    });
    const [cert]: { number: string }[] = await api.db.query(
      `SELECT certificate_number AS number FROM certificates WHERE id = $1`,
      [product.certificateId],
    );
    certificateNumber = cert.number;
    await upsertAdoption(api.db, {
      councilId: p.councilX.organisationId!,
      serviceId: service.id,
      productId: product.productId,
      stage: 'live',
    });
  });
  afterAll(() => api.close());

  it('serves the national rollout, councils, one council and the register signed out', async () => {
    const http = api.http();
    const rollout = await http.get('/public');
    expect(rollout.status).toBe(200);
    expect(rollout.headers['content-type']).toMatch(/^text\/html/);
    expect(rollout.text).toContain(`${service.code}: Live 1.`);
    expect(rollout.text.match(/<svg class="app-chart" role="img"/g)).toHaveLength(4);
    expect(rollout.text).toContain('href="/open-data"');
    const councils = await http.get('/public/councils');
    expect(councils.text).toContain('href="/public/councils/E09000001"');
    const [{ gss }] = await api.db.query(
      `SELECT o.gss_code AS gss FROM adoptions a JOIN organisations o ON o.id = a.council_id
        WHERE a.service_id = $1`,
      [service.id],
    );
    const council = await http.get(`/public/councils/${gss}`);
    expect(council.status).toBe(200);
    expect(council.text).toContain(`${service.code} – Test service ${service.code}`);
    expect((await http.get('/public/councils/E99999999')).status).toBe(404);
    expect((await http.get('/public/councils/not-a-code')).status).toBe(404);
    const register = await http.get('/public/certified-products');
    expect(register.text).toContain(`href="/verify-certificate/${certificateNumber}"`);
    // Autoescaped: the formula-like product name is text, not markup.
    expect(register.text).toContain('=HYPERLINK(&quot;http://evil.example&quot;');
    const dictionary = await http.get('/open-data');
    expect(dictionary.status).toBe(200);
    expect(dictionary.text).toContain('Open Government Licence v3.0');
    for (const f of ADOPTION_FIELDS) expect(dictionary.text).toContain(`<code>${f}</code>`);
    expect(dictionary.text).not.toMatch(/public\.openData\.fields/);
  });

  it('renders a page once per change but gives each response its own CSP nonce and CSRF token', async () => {
    const [a, b] = [await api.http().get('/public'), await api.http().get('/public?utm=x')];
    const nonceOf = (res: { headers: Record<string, string> }) =>
      /'nonce-([^']+)'/.exec(res.headers['content-security-policy'])![1];
    for (const res of [a, b]) {
      expect(res.text).toContain(`nonce="${nonceOf(res)}"`);
      expect(res.text).not.toContain('__public-page-');
      expect(res.text).toMatch(/name="_csrf" value="[^"]+"/);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    // The language toggle sends the visitor back to the page, without the query string.
    expect(b.text).toContain('name="returnTo" value="/public"');
  });

  it('publishes every adoption as CSV and JSON with the licence and the time of the last change', async () => {
    const http = api.http();
    const csv = await http.get('/open-data/adoptions.csv');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['cache-control']).toBe('public, max-age=60, stale-while-revalidate=300');
    expect(csv.headers.link).toContain('open-government-licence/version/3');
    const rows = parse<Record<string, string>>(csv.text, { columns: true });
    expect(Object.keys(rows[0])).toEqual(ADOPTION_FIELDS);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM adoptions`);
    expect(rows).toHaveLength(n);
    const mine = rows.find((r) => r.serviceCode === service.code)!;
    expect(mine.stage).toBe('live');
    const json = await http.get('/open-data/adoptions.json');
    expect(json.body.licence.name).toBe('Open Government Licence v3.0');
    expect(json.body.data).toHaveLength(n);
    expect(new Date(json.body.lastChanged).toUTCString()).toBe(json.headers['last-modified']);
    const products = await http.get('/open-data/certified-products.csv');
    const productRows = parse<Record<string, string>>(products.text, { columns: true });
    const fixture = productRows.find((r) => r.certificateNumber === certificateNumber)!;
    // Formula neutralised for spreadsheets.
    expect(fixture.productName).toBe(`'=HYPERLINK("http://evil.example","click")`);
    const productsJson = await http.get('/open-data/certified-products.json');
    expect(
      productsJson.body.data.find(
        (r: Record<string, string>) => r.certificateNumber === certificateNumber,
      ),
    ).toMatchObject({ serviceCode: service.code, certificateStatus: 'valid' });
  });

  it('answers 304 to a current ETag or Last-Modified, and changes both when the data changes', async () => {
    const http = api.http();
    const first = await http.get('/open-data/adoptions.csv');
    const { etag, 'last-modified': lastModified } = first.headers;
    expect(etag).toMatch(/^"[\w-]+"$/);
    const byEtag = await http.get('/open-data/adoptions.csv').set('if-none-match', etag);
    expect(byEtag.status).toBe(304);
    expect(byEtag.text ?? '').toBe('');
    expect(byEtag.headers.etag).toBe(etag);
    const byDate = await http
      .get('/open-data/adoptions.csv')
      .set('if-modified-since', lastModified);
    expect(byDate.status).toBe(304);
    const stale = await http.get('/open-data/adoptions.csv').set('if-none-match', '"old"');
    expect(stale.status).toBe(200);
    await api.db.query(
      `UPDATE adoptions SET stage = 'testing', updated_at = now() + interval '1 second'
        WHERE service_id = $1`,
      [service.id],
    );
    const after = await http.get('/open-data/adoptions.csv').set('if-none-match', etag);
    expect(after.status).toBe(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.text).toContain(`${service.code},Test service ${service.code},testing`);
  });

  it('computes each view once per change: requests in between run only the marker statement', async () => {
    await api.http().get('/open-data/adoptions.csv');
    await api.http().get('/public');
    const { count, queries } = await countQueries(api.db, async () => {
      for (let i = 0; i < 5; i++) {
        await api.http().get('/open-data/adoptions.csv');
        await api.http().get('/public');
      }
    });
    // PUBLIC_CACHE_SECONDS=0 here: one marker read per request, no aggregation.
    expect(queries.every((q) => q.includes('greatest('))).toBe(true);
    expect(count).toBe(10);
  });
});

describe('public data with the short cache on', () => {
  it('serves a burst from memory without a single statement', async () => {
    const api = await startTestApi({ PUBLIC_CACHE_SECONDS: '60' });
    try {
      await api.http().get('/public');
      await api.http().get('/open-data/certified-products.json');
      const { count } = await countQueries(api.db, async () => {
        for (let i = 0; i < 10; i++) {
          expect((await api.http().get('/public')).status).toBe(200);
          expect((await api.http().get('/open-data/certified-products.json')).status).toBe(200);
        }
      });
      expect(count).toBe(0);
    } finally {
      await api.close();
    }
  });
});

describe('public rate limit', () => {
  it('is shared by api replicas (Redis) and answers 429 with Retry-After', async () => {
    // Two api instances on the same Redis and prefix, as two replicas would be; a prefix of
    // their own so the requests of the tests above do not count.
    const env = {
      PUBLIC_RATE_PER_IP_PER_MINUTE: '6',
      PUBLIC_CACHE_SECONDS: '60',
      QUEUE_PREFIX: `{ptrack-test-rate-${process.pid}-${Date.now()}}`,
    };
    const a = await startTestApi(env);
    const b = await startTestApi(env);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        statuses.push((await a.http().get('/open-data/adoptions.csv')).status);
        statuses.push((await b.http().get('/public')).status);
      }
      // The window is per minute: if it rolled over mid-test the count restarts.
      const first429 = statuses.indexOf(429);
      expect(first429).toBeGreaterThanOrEqual(6);
      const refused = await b.http().get('/public/councils');
      if (refused.status === 429) {
        expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
        expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
        expect(refused.headers['content-type']).toMatch(/^text\/html/);
        expect(refused.text).toContain('Too many requests');
      }
      expect([refused.status, ...statuses]).toContain(429);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
