import { Injectable, Module } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DomainEventPayloads } from '../src/queue/domain-event-registry.js';
import { OnDomainEvent } from '../src/queue/on-domain-event.decorator.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { countQueries } from './support/query-counter.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

type Published = DomainEventPayloads['requirement_set.published'];
const published: Published[] = [];

@Injectable()
class PublishedSubscriber {
  @OnDomainEvent('requirement_set.published')
  async onPublished(data: Published) {
    published.push(data);
  }
}
@Module({ providers: [PublishedSubscriber] })
class PublishedModule {}

interface Req {
  code: string;
  title: string;
  description?: string;
  level: string;
  category?: string;
  acceptanceCriteria?: string;
}
const RUN = Date.now().toString(36).toUpperCase();
const requirement = (n: number, extra: Partial<Req> = {}): Req => ({
  code: `TST-${String(n).padStart(3, '0')}`,
  title: `Requirement ${n}`,
  description: `The system MUST do thing ${n}.`,
  level: ['MUST', 'SHOULD', 'MAY'][n % 3],
  category: 'Testing',
  acceptanceCriteria: `Thing ${n} is done.`,
  ...extra,
});
/** `count` requirements with distinct codes BKA-000 … BKJ-099 (100 per prefix). */
const many = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    requirement(i + 1, {
      code: `BK${String.fromCharCode(65 + Math.floor(i / 100))}-${String(i % 100).padStart(3, '0')}`,
    }),
  );

describe('requirements: versioned requirement sets', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let p: Record<PrincipalName, Principal>;
  let dfe: string;
  let serial = 0;
  const admin = () => as(api, p.admin);
  const newService = async () => {
    const res = await admin()
      .post('/api/v1/services')
      .send({
        code: `R${RUN}-${++serial}`,
        name: `Requirements test ${serial}`,
        leadAgencyId: dfe,
        deliveryModel: 'council_delivered',
      });
    return res.body.id as string;
  };
  const createDraft = (serviceId: string, requirements: Req[], title = 'Test requirements') =>
    admin().post(`/api/v1/services/${serviceId}/requirement-sets`).send({ title, requirements });
  const publish = (id: string, effectiveDate = '2027-04-01') =>
    admin().post(`/api/v1/requirement-sets/${id}/publish`).send({ effectiveDate });

  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker({}, [PublishedModule]);
    p = await signInAll(api);
    [{ id: dfe }] = await api.db.query(`SELECT id FROM organisations WHERE code = 'DFE'`);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('seeds a published version 1 for each Connect Digitally service, 20–40 requirements mixing levels', async () => {
    const services = await as(api, p.supplierA).get('/api/v1/services?limit=500');
    for (const code of ['ADMISSIONS', 'FSM-APPLY', 'FSM-ECS', 'PAYMENTS', 'CASHLESS']) {
      const service = services.body.data.find((s: { code: string }) => s.code === code);
      const sets = await as(api, p.supplierA).get(
        `/api/v1/services/${service.id}/requirement-sets?status=published`,
      );
      expect(sets.status).toBe(200);
      const [set] = sets.body.data;
      const { total, MUST, SHOULD, MAY } = set.requirementCounts;
      expect({ code, version: set.version, ok: total >= 20 && total <= 40 }).toEqual({
        code,
        version: 1,
        ok: true,
      });
      expect(MUST > 0 && SHOULD > 0 && MAY > 0 && MUST + SHOULD + MAY === total).toBe(true);
      expect(set.effectiveDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const admissions = services.body.data.find((s: { code: string }) => s.code === 'ADMISSIONS');
    const [set] = (
      await as(api, p.councilX).get(`/api/v1/services/${admissions.id}/requirement-sets`)
    ).body.data;
    const full = await as(api, p.councilX).get(`/api/v1/requirement-sets/${set.id}`);
    expect(full.body.requirements[0]).toMatchObject({ code: 'ADM-001', level: 'MUST' });
    expect(full.body.requirements[0].description).toMatch(
      /^The system MUST let a parent or carer apply online for a reception place/,
    );
  });

  it('draft → edit → publish; a published set is immutable (409); v2 copies v1 forward and publishing it returns and emits the diff', async () => {
    const serviceId = await newService();
    const v1 = await createDraft(serviceId, [requirement(1), requirement(2), requirement(3)]);
    expect(v1.status).toBe(201);
    expect(v1.body).toMatchObject({
      version: 1,
      status: 'draft',
      requirementCounts: { total: 3 },
      effectiveDate: null,
    });
    const v1Id = v1.body.id as string;
    const edited = await admin()
      .patch(`/api/v1/requirement-sets/${v1Id}`)
      .send({
        title: 'Edited title',
        requirements: [requirement(1), requirement(2, { level: 'MAY' })],
      });
    expect(edited.status).toBe(200);
    expect(edited.body.requirements.map((r: Req) => `${r.code} ${r.level}`)).toEqual([
      'TST-001 SHOULD',
      'TST-002 MAY',
    ]);
    const first = await publish(v1Id, '2027-01-04');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      status: 'published',
      effectiveDate: '2027-01-04',
      diff: { againstSetId: null, added: ['TST-001', 'TST-002'], changed: [], removed: [] },
    });

    const frozen = await admin().patch(`/api/v1/requirement-sets/${v1Id}`).send({ title: 'No' });
    expect(frozen.status).toBe(409);
    expect(frozen.body).toMatchObject({
      code: 'requirement_set_immutable',
      currentStatus: 'published',
    });
    expect(
      (
        await admin()
          .put(`/api/v1/requirement-sets/${v1Id}/requirements/TST-001`)
          .send({ title: 'No', level: 'MUST' })
      ).status,
    ).toBe(409);
    expect(
      (await admin().delete(`/api/v1/requirement-sets/${v1Id}/requirements/TST-001`)).status,
    ).toBe(409);
    expect((await admin().delete(`/api/v1/requirement-sets/${v1Id}`)).status).toBe(409);
    const again = await publish(v1Id);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'illegal_transition',
      from: 'published',
      allowed: ['superseded'],
    });

    const v2 = await admin().post(`/api/v1/requirement-sets/${v1Id}/new-version`);
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, status: 'draft', basedOnId: v1Id });
    expect(v2.body.requirements.map((r: Req) => r.code)).toEqual(['TST-001', 'TST-002']);
    const v2Id = v2.body.id as string;
    const secondDraft = await admin().post(`/api/v1/requirement-sets/${v1Id}/new-version`);
    expect(secondDraft.status).toBe(409);
    expect(secondDraft.body).toMatchObject({ code: 'draft_exists', draftId: v2Id });
    expect((await admin().post(`/api/v1/requirement-sets/${v2Id}/new-version`)).status).toBe(409);

    const changed = await admin()
      .put(`/api/v1/requirement-sets/${v2Id}/requirements/TST-002`)
      .send({ title: 'Requirement 2, stricter', level: 'MUST' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ code: 'TST-002', level: 'MUST', position: 2 });
    const added = await admin()
      .put(`/api/v1/requirement-sets/${v2Id}/requirements/TST-009`)
      .send({ title: 'Brand new', level: 'SHOULD', category: 'New' });
    expect(added.body).toMatchObject({ code: 'TST-009', position: 3, description: '' });
    expect(
      (await admin().delete(`/api/v1/requirement-sets/${v2Id}/requirements/TST-001`)).status,
    ).toBe(204);
    expect(
      (await admin().delete(`/api/v1/requirement-sets/${v2Id}/requirements/TST-001`)).status,
    ).toBe(404);

    const early = await publish(v2Id, '2026-12-31');
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('effective_date_too_early');
    const second = await publish(v2Id, '2027-09-01');
    expect(second.status).toBe(200);
    const diff = { added: ['TST-009'], changed: ['TST-002'], removed: ['TST-001'] };
    expect(second.body).toMatchObject({
      version: 2,
      status: 'published',
      diff: { againstSetId: v1Id, ...diff },
    });
    const old = await as(api, p.viewer).get(`/api/v1/requirement-sets/${v1Id}`);
    expect(old.body.status).toBe('superseded');
    expect(old.body.supersededAt).not.toBeNull();
    expect(
      (
        await admin()
          .post(`/api/v1/requirement-sets/${v2Id}/publish`)
          .send({ effectiveDate: '2028-01-01' })
      ).status,
    ).toBe(409);

    const event = await waitFor(async () => published.find((e) => e.requirementSetId === v2Id), {
      what: 'requirement_set.published for v2',
    });
    expect(event).toEqual({
      requirementSetId: v2Id,
      serviceId,
      version: 2,
      previousSetId: v1Id,
      effectiveDate: '2027-09-01',
      diff,
    });
    const versions = await as(api, p.agency).get(`/api/v1/services/${serviceId}/requirement-sets`);
    expect(
      versions.body.data.map(
        (s: { version: number; status: string }) => `${s.version} ${s.status}`,
      ),
    ).toEqual(['2 published', '1 superseded']);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM audit_events WHERE entity_id = ANY($1)`,
      [[v1Id, v2Id]],
    );
    // v1: created, updated, published; v2: created, published (requirement edits are audited per requirement).
    expect(n).toBe(5);
  });

  it('diffs any two versions of a service, both ways, with the fields that changed', async () => {
    const serviceId = await newService();
    const v1 = (await createDraft(serviceId, [requirement(1), requirement(2), requirement(3)]))
      .body;
    await publish(v1.id);
    const v2 = (await admin().post(`/api/v1/requirement-sets/${v1.id}/new-version`)).body;
    await admin()
      .patch(`/api/v1/requirement-sets/${v2.id}`)
      .send({
        requirements: [
          requirement(1),
          requirement(3, { acceptanceCriteria: 'Stricter test' }),
          requirement(4),
        ],
      });
    const forward = await as(api, p.councilY).get(
      `/api/v1/requirement-sets/${v2.id}/diff?against=${v1.id}`,
    );
    expect(forward.status).toBe(200);
    expect(forward.body).toEqual({
      base: { id: v1.id, version: 1, status: 'published' },
      target: { id: v2.id, version: 2, status: 'draft' },
      added: ['TST-004'],
      changed: ['TST-003'],
      removed: ['TST-002'],
      changes: [
        {
          code: 'TST-003',
          fields: { acceptanceCriteria: { before: 'Thing 3 is done.', after: 'Stricter test' } },
        },
      ],
    });
    const backward = await as(api, p.councilY).get(
      `/api/v1/requirement-sets/${v1.id}/diff?against=${v2.id}`,
    );
    expect(backward.body).toMatchObject({
      added: ['TST-002'],
      changed: ['TST-003'],
      removed: ['TST-004'],
    });
    const otherService = await newService();
    const other = (await createDraft(otherService, [requirement(1)])).body;
    const mixed = await as(api, p.councilY).get(
      `/api/v1/requirement-sets/${other.id}/diff?against=${v1.id}`,
    );
    expect(mixed.status).toBe(422);
    expect(mixed.body.code).toBe('different_services');
    expect((await as(api, p.councilY).get(`/api/v1/requirement-sets/${v1.id}/diff`)).status).toBe(
      400,
    );
  });

  it('refuses bad drafts: repeated codes, bad codes, more than 1,000, a second draft, publishing an empty set', async () => {
    const serviceId = await newService();
    const dup = await createDraft(serviceId, [requirement(1), requirement(2), requirement(1)]);
    expect(dup.status).toBe(400);
    expect(dup.body).toMatchObject({ code: 'duplicate_requirement_codes' });
    expect(dup.body.errors).toEqual([
      { field: 'requirements[2].code', message: 'code TST-001 is repeated' },
    ]);
    const bad = await createDraft(serviceId, [
      requirement(1, { code: 'adm-1' }),
      requirement(2, { level: 'OFTEN' }),
    ]);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'requirements[0].code',
      'requirements[1].level',
    ]);
    expect((await createDraft(serviceId, many(1001))).status).toBe(400);
    const empty = await createDraft(serviceId, []);
    expect(empty.status).toBe(201);
    const second = await createDraft(serviceId, [requirement(1)]);
    expect(second.status).toBe(409);
    expect(second.body).toMatchObject({ code: 'draft_exists', draftId: empty.body.id });
    const nothing = await publish(empty.body.id);
    expect(nothing.status).toBe(422);
    expect(nothing.body.code).toBe('empty_requirement_set');
    expect((await publish(empty.body.id, '2027-02-30')).status).toBe(400);
    expect((await admin().delete(`/api/v1/requirement-sets/${empty.body.id}`)).status).toBe(204);
    expect((await as(api, p.viewer).get(`/api/v1/requirement-sets/${empty.body.id}`)).status).toBe(
      404,
    );
    expect((await createDraft(serviceId, [requirement(1)])).body.version).toBe(1);
  });

  it('exports and imports requirements as CSV; bad rows are named; a published set is 409', async () => {
    const serviceId = await newService();
    const draft = (await createDraft(serviceId, [requirement(1), requirement(2)])).body;
    const exported = await as(api, p.supplierB).get(
      `/api/v1/requirement-sets/${draft.id}/requirements.csv`,
    );
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toMatch(/^text\/csv/);
    expect(exported.headers['content-disposition']).toMatch(/-v1-requirements\.csv"$/);
    expect(exported.text.split('\n')[0]).toBe(
      'code,title,description,level,category,acceptance_criteria',
    );
    expect(exported.text).toContain('TST-002,Requirement 2,The system MUST do thing 2.,MAY');

    const csv =
      'code,title,level,description\n' +
      'CSV-001,"Pay online, by card",MUST,"Quoted ""words"" and\na newline"\n' +
      'CSV-002,Second,should,\n' +
      'CSV-003,Third,MAY,Last\n';
    const imported = await admin()
      .post(`/api/v1/requirement-sets/${draft.id}/requirements.csv`)
      .set('content-type', 'text/csv')
      .send(csv);
    expect(imported.status).toBe(200);
    expect(imported.body.requirements.map((r: Req) => `${r.code}|${r.title}|${r.level}`)).toEqual([
      'CSV-001|Pay online, by card|MUST',
      'CSV-002|Second|SHOULD',
      'CSV-003|Third|MAY',
    ]);
    expect(imported.body.requirements[0].description).toBe('Quoted "words" and\na newline');
    const roundTrip = await as(api, p.admin).get(
      `/api/v1/requirement-sets/${draft.id}/requirements.csv`,
    );
    const reimported = await admin()
      .post(`/api/v1/requirement-sets/${draft.id}/requirements.csv`)
      .set('content-type', 'text/csv; charset=utf-8')
      .send(roundTrip.text);
    expect(reimported.body.requirements).toEqual(
      imported.body.requirements.map((r: Req & { id: string }) => ({
        ...r,
        id: expect.any(String),
      })),
    );

    const bad = await admin()
      .post(`/api/v1/requirement-sets/${draft.id}/requirements.csv`)
      .set('content-type', 'text/csv')
      .send(
        'code,title,level\nCSV-001,Fine,MUST\nCSV-01,Bad code,MUST\nCSV-003,Fine,MUST\nCSV-004,,SOMETIMES\n',
      );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('invalid_csv_rows');
    expect(bad.body.detail).toBe('2 row(s) are invalid: 3, 5');
    expect(bad.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [3, 'row 3: code'],
      [5, 'row 5: title'],
      [5, 'row 5: level'],
    ]);
    const unchanged = await as(api, p.viewer).get(`/api/v1/requirement-sets/${draft.id}`);
    expect(unchanged.body.requirementCounts.total).toBe(3);
    const json = await admin()
      .post(`/api/v1/requirement-sets/${draft.id}/requirements.csv`)
      .send({ code: 'CSV-001' });
    expect(json.status).toBe(415);

    expect((await publish(draft.id)).status).toBe(200);
    const frozen = await admin()
      .post(`/api/v1/requirement-sets/${draft.id}/requirements.csv`)
      .set('content-type', 'text/csv')
      .send(csv);
    expect(frozen.status).toBe(409);
    expect(frozen.body.code).toBe('requirement_set_immutable');
  });

  it('creates a 1,000-requirement draft in one request with a bounded number of SQL statements', async () => {
    const [smallService, bigService] = [await newService(), await newService()];
    const small = await countQueries(api.db, () => createDraft(smallService, many(10)));
    const big = await countQueries(api.db, () => createDraft(bigService, many(1000)));
    expect(small.result.status).toBe(201);
    expect(big.result.status).toBe(201);
    expect(big.result.body.requirementCounts.total).toBe(1000);
    expect(big.result.body.requirements).toHaveLength(1000);
    expect(big.result.body.requirements[999]).toMatchObject({ code: 'BKJ-099', position: 1000 });
    expect(big.count).toBe(small.count);
    expect(big.count).toBeLessThanOrEqual(10);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM requirements WHERE requirement_set_id = $1`,
      [big.result.body.id],
    );
    expect(n).toBe(1000);
  });
});
