import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import type supertest from 'supertest';
import type { DomainEventEnvelope } from '../src/queue/domain-event-registry.js';
import { DomainEventHandler } from '../src/queue/handlers/domain-event.handler.js';
import { createSupplier, uniq, waitForTerminal } from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { publishedSetId, serviceIdByCode } from './support/programme-fixtures.js';
import { SmtpSink } from './support/smtp-sink.js';
import { freePort } from './support/throwaway.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor, waitForOutboxDrained } from './support/wait.js';

const LIMIT = 4096;
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

/** Collects a response body as bytes whatever its type (supertest parses text otherwise). */
const bytes = (res: supertest.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * Developer toolkits through the API (real Postgres, Redis, SMTP): the upload limit is the
 * toolkit's own (413, nothing stored), types are allow-listed and sniffed, drafts are the
 * programme office's, a supplier's download is recorded with the bytes' SHA-256, and a
 * published release reaches subscribed supplier contacts once.
 */
describe('developer toolkits', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  const smtp = new SmtpSink(0);
  let serviceId: string;
  let toolkitId: string;
  let releaseId: string;
  let standardId: string;
  let setId: string;
  const code = `TK-${uniq().toUpperCase()}`;

  beforeAll(async () => {
    Object.assign(smtp, { port: await freePort() });
    await smtp.start();
    api = await startTestApi({ TOOLKIT_MAX_FILE_BYTES: String(LIMIT) });
    worker = await startTestWorker({ SMTP_URL: smtp.url, EMAIL_RATE_PER_SECOND: '0' });
    p = await signInAll(api);
    serviceId = await serviceIdByCode(api.db, 'PAYMENTS');
    setId = await publishedSetId(api.db, serviceId);
    [{ id: standardId }] = await api.db.query(
      `SELECT id FROM standards WHERE code = 'PAY-NOTIFICATION' ORDER BY created_at LIMIT 1`,
    );
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
    await smtp.stop();
  });

  const base = () => `/api/v1/toolkits/${toolkitId}/releases/${releaseId}`;
  const put = (name: string, type: string, body: Buffer | string, who = p.admin) =>
    as(api, who).put(`${base()}/files/${name}`).set('content-type', type).send(body);
  const filesOf = async (release: string) =>
    await api.db.query<{ name: string; size_bytes: number; sha256: string; stored: boolean }[]>(
      `SELECT f.name, f.size_bytes, f.sha256, b.file_id IS NOT NULL AS stored
         FROM toolkit_files f LEFT JOIN toolkit_file_blobs b ON b.file_id = f.id
        WHERE f.release_id = $1 ORDER BY f.name`,
      [release],
    );

  it('the programme office creates a toolkit and a draft release naming its standards and requirement set', async () => {
    const http = as(api, p.admin);
    const created = await http
      .post('/api/v1/toolkits')
      .send({ code, name: `Payments toolkit ${code}`, serviceId });
    expect(created.status).toBe(201);
    toolkitId = created.body.id as string;
    expect(created.body).toMatchObject({
      code,
      service: { id: serviceId, code: 'PAYMENTS' },
      latestRelease: null,
      releaseCount: 0,
    });
    expect((await http.post('/api/v1/toolkits').send({ code, name: 'x', serviceId })).status).toBe(
      409,
    );
    const release = await http.post(`/api/v1/toolkits/${toolkitId}/releases`).send({
      version: '1.0.0',
      notes: 'First release',
      standardIds: [standardId],
      requirementSetIds: [setId],
    });
    expect(release.status).toBe(201);
    releaseId = release.body.id as string;
    expect(release.body).toMatchObject({
      version: '1.0.0',
      status: 'draft',
      publishedAt: null,
      standards: [{ id: standardId, code: 'PAY-NOTIFICATION' }],
      requirementSets: [{ id: setId, serviceId }],
      files: [],
    });
    const again = await http
      .post(`/api/v1/toolkits/${toolkitId}/releases`)
      .send({ version: '1.0.0' });
    expect(again.status).toBe(409);
    const unknown = await http
      .post(`/api/v1/toolkits/${toolkitId}/releases`)
      .send({ version: '9.9.9', standardIds: [toolkitId] });
    expect(unknown.status).toBe(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'standardIds' })]);
  });

  it('an upload over the size limit is 413 problem+json and stores nothing', async () => {
    const res = await put('too-big.csv', 'text/csv', 'a,b\n'.repeat(LIMIT / 4 + 1));
    expect(res.status).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(await filesOf(releaseId)).toEqual([]);
    // The route's own limit, not the api-wide one: exactly the limit is accepted.
    const atLimit = await put('exactly.txt', 'text/plain', 'x'.repeat(LIMIT));
    expect(atLimit.status).toBe(201);
    expect(await filesOf(releaseId)).toEqual([
      { name: 'exactly.txt', size_bytes: LIMIT, sha256: sha256('x'.repeat(LIMIT)), stored: true },
    ]);
    expect((await as(api, p.admin).delete(`${base()}/files/exactly.txt`)).status).toBe(204);
    expect(await filesOf(releaseId)).toEqual([]);
  });

  it('content types are allow-listed (415) and sniffed (422); the same name replaces the file', async () => {
    expect((await put('a.bin', 'application/octet-stream', Buffer.from([1, 2, 3]))).status).toBe(
      415,
    );
    const notJson = await put('sample.json', 'application/json', '{"amount": ');
    expect(notJson.status).toBe(422);
    expect(notJson.body.code).toBe('content_mismatch');
    expect((await put('spec.pdf', 'application/pdf', 'hello')).status).toBe(422);
    expect((await put('pack.zip', 'application/zip', 'PK nope')).status).toBe(422);
    expect((await put('empty.csv', 'text/csv', '')).status).toBe(422);
    expect((await put('.hidden', 'text/plain', 'x')).status).toBe(400);
    expect(
      (await put('bin.txt', 'text/plain; charset=utf-8', Buffer.from([0x61, 0, 0x62]))).status,
    ).toBe(422);

    const json = '{"paymentReference":"SCH-1","amountPence":2350}';
    const first = await put('sample.json', 'application/json', json);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      name: 'sample.json',
      contentType: 'application/json',
      sizeBytes: Buffer.byteLength(json),
      sha256: sha256(json),
    });
    const csv = 'case_id,title\nPAY-TC-01,Successful card payment\n';
    expect((await put('test-pack.csv', 'text/csv', csv)).status).toBe(201);
    const replaced = await put('test-pack.csv', 'text/csv; charset=utf-8', `${csv}PAY-TC-02,x\n`);
    expect(replaced.status).toBe(200);
    expect((await filesOf(releaseId)).map((f) => f.name)).toEqual(['sample.json', 'test-pack.csv']);
    expect((await put('late.csv', 'text/csv', 'a\n', p.supplierA)).status).toBe(403);
  });

  it('a draft is the programme office’s: suppliers and councils get 404', async () => {
    for (const who of [p.supplierA, p.councilX]) {
      expect((await as(api, who).get(base())).status).toBe(404);
      expect((await as(api, who).get(`${base()}/files/sample.json`)).status).toBe(404);
      const toolkit = await as(api, who).get(`/api/v1/toolkits/${toolkitId}`);
      expect(toolkit.status).toBe(200);
      expect(toolkit.body).toMatchObject({ releaseCount: 0, releases: [] });
    }
    const staff = await as(api, p.viewer).get(`/api/v1/toolkits/${toolkitId}`);
    expect(staff.body.releases.map((r: { status: string }) => r.status)).toEqual(['draft']);
    expect((await as(api, p.agency).get(base())).status).toBe(403);
  });

  it('publishing reaches the subscribed suppliers’ contacts once; unsubscribed contacts get nothing', async () => {
    const subscribed = await createSupplier(api, p.admin, {
      name: `Toolkit reader ${uniq()}`,
      contacts: [
        { name: 'Dev Lead', topics: ['toolkit-releases'] },
        { name: 'Account Manager', topics: ['admissions'] },
      ],
    });
    const published = await as(api, p.admin).post(`${base()}/publish`).send({});
    expect(published.status).toBe(200);
    expect(published.body).toMatchObject({ status: 'published' });
    expect((await as(api, p.admin).post(`${base()}/publish`).send({})).status).toBe(409);
    expect((await put('more.csv', 'text/csv', 'a\n')).status).toBe(409);

    const key = `trigger:toolkit.release_published:${releaseId}`;
    const [c] = await waitFor(
      async () => {
        const rows: { id: string; topic: string; mandatory: boolean }[] = await api.db.query(
          `SELECT id, topic, mandatory FROM communications WHERE dedupe_key = $1`,
          [key],
        );
        return rows.length ? rows : null;
      },
      { what: 'the new-release notice' },
    );
    expect(c).toMatchObject({ topic: 'toolkit-releases', mandatory: false });
    const deliveries = await waitForTerminal(api.db, c.id);
    const [lead, manager] = subscribed.contacts;
    expect(deliveries.filter((d) => d.supplierId === subscribed.id)).toEqual([
      expect.objectContaining({ contactId: lead.id, channel: 'email', status: 'delivered' }),
    ]);
    const mails = smtp.to(lead.email);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toBe(`Payments toolkit ${code} 1.0.0 is published`);
    expect(mails[0].text).toContain(`/supplier/toolkits/${toolkitId}`);
    expect(smtp.to(manager.email)).toHaveLength(0);

    // The event delivered again (at least once) creates and sends nothing more.
    const [outbox]: { payload: DomainEventEnvelope }[] = await api.db.query(
      `SELECT payload FROM outbox_messages
        WHERE payload->>'type' = 'toolkit.release_published'
          AND payload->'data'->>'releaseId' = $1`,
      [releaseId],
    );
    await worker.app.get(DomainEventHandler).handle(outbox.payload);
    await waitForOutboxDrained(api.db);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM communications WHERE dedupe_key = $1`,
      [key],
    );
    expect(n).toBe(1);
    expect(smtp.to(lead.email)).toHaveLength(1);
  });

  it('a supplier’s download is recorded, its bytes match the SHA-256 shown; staff see counts per supplier', async () => {
    const release = await as(api, p.supplierA).get(base());
    expect(release.status).toBe(200);
    const file = (release.body.files as { id: string; name: string; sha256: string }[]).find(
      (f) => f.name === 'test-pack.csv',
    )!;
    const got = await as(api, p.supplierA)
      .get(`${base()}/files/${file.id}`)
      .buffer(true)
      .parse(bytes);
    expect(got.status).toBe(200);
    expect(got.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(got.headers['content-disposition']).toBe('attachment; filename="test-pack.csv"');
    expect(got.headers.etag).toBe(`"${file.sha256}"`);
    expect(sha256(got.body as Buffer)).toBe(file.sha256);

    // By name too; a 304 (If-None-Match) is not a download.
    const byName = await as(api, p.supplierA).get(`${base()}/files/sample.json`);
    expect(byName.status).toBe(200);
    const cached = await as(api, p.supplierA)
      .get(`${base()}/files/${file.id}`)
      .set('if-none-match', `"${file.sha256}"`);
    expect(cached.status).toBe(304);
    await as(api, p.supplierB).get(`${base()}/files/${file.id}`).buffer(true).parse(bytes);

    const recorded: { organisation_id: string; user_id: string; n: number }[] = await api.db.query(
      `SELECT organisation_id, user_id, count(*)::int AS n FROM toolkit_downloads
        WHERE release_id = $1 GROUP BY organisation_id, user_id ORDER BY n DESC`,
      [releaseId],
    );
    expect(recorded).toEqual([
      { organisation_id: p.supplierA.organisationId, user_id: p.supplierA.userId, n: 2 },
      { organisation_id: p.supplierB.organisationId, user_id: p.supplierB.userId, n: 1 },
    ]);
    const counts = await as(api, p.viewer).get(`/api/v1/toolkits/${toolkitId}/downloads`);
    expect(counts.status).toBe(200);
    expect(counts.body.total).toBe(3);
    expect(
      (counts.body.rows as { organisationId: string; downloads: number; files: number }[]).map(
        (r) => [r.organisationId, r.downloads, r.files],
      ),
    ).toEqual([
      [p.supplierA.organisationId, 2, 2],
      [p.supplierB.organisationId, 1, 1],
    ]);
    expect((await as(api, p.supplierA).get(`/api/v1/toolkits/${toolkitId}/downloads`)).status).toBe(
      403,
    );
    const listed = await as(api, p.councilX).get(`/api/v1/toolkits?serviceId=${serviceId}`);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: toolkitId,
          releaseCount: 1,
          latestRelease: expect.objectContaining({ id: releaseId, version: '1.0.0' }),
        }),
      ]),
    );
  });

  it('every change is audited', async () => {
    const rows: { action: string; entity_id: string }[] = await api.db.query(
      `SELECT action, entity_id FROM audit_events
        WHERE entity_id = ANY($1::text[]) OR (entity_type = 'toolkit_file' AND changes::text LIKE $2)
        ORDER BY occurred_at, id`,
      [[toolkitId, releaseId], `%${releaseId}%`],
    );
    const actions = new Set(rows.map((r) => r.action));
    for (const a of [
      'toolkit.created',
      'toolkit_release.created',
      'toolkit_file.uploaded',
      'toolkit_file.replaced',
      'toolkit_file.deleted',
      'toolkit_release.published',
    ])
      expect(actions).toContain(a);
  });

  it('the demo toolkits are seeded: payments and cashless catering, two published releases each', async () => {
    const rows: { code: string; releases: number; files: number; ok: boolean }[] =
      await api.db.query(
        `SELECT t.code, count(DISTINCT r.id)::int AS releases, count(f.id)::int AS files,
                bool_and(f.sha256 = encode(sha256(b.bytes), 'hex')) AS ok
           FROM toolkits t JOIN toolkit_releases r ON r.toolkit_id = t.id AND r.status = 'published'
           JOIN toolkit_files f ON f.release_id = r.id
           JOIN toolkit_file_blobs b ON b.file_id = f.id
          WHERE t.code IN ('PAYMENTS-TK', 'CASHLESS-TK') GROUP BY t.code ORDER BY t.code`,
      );
    expect(rows).toEqual([
      { code: 'CASHLESS-TK', releases: 2, files: 6, ok: true },
      { code: 'PAYMENTS-TK', releases: 2, files: 6, ok: true },
    ]);
  });
});
