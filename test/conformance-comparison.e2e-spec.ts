import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { organisationIdByCode } from './support/programme-fixtures.js';
import { countQueries } from './support/query-counter.js';
import { startTestApi, type TestApi } from './support/test-app.js';

const RUN = Date.now().toString(36).toUpperCase().slice(-5);
const LEVELS = ['MAY', 'MUST', 'SHOULD']; // requirement n has level LEVELS[n % 3]
const requirements = (prefix: string) =>
  Array.from({ length: 40 }, (_, i) => ({
    code: `${prefix}-${String(i + 1).padStart(3, '0')}`,
    title: `Comparison requirement ${i + 1}`,
    level: LEVELS[(i + 1) % 3],
  }));

/**
 * Products for the comparison, written straight to the database (the subject here is the
 * comparison query, not how the rows got there). Each product: an approved submission
 * whose items answer `answer(n)` (verdict `verdict(n)`), a valid certificate, and the
 * given samples, evaluations and adoptions.
 */
async function insertProducts(
  api: TestApi,
  spec: {
    serviceId: string;
    setId: string;
    suppliers: string[];
    count: number;
    status?: string;
    answer: (n: number) => string | null;
    verdict?: (n: number) => string | null;
  },
): Promise<string[]> {
  const db = api.db;
  const ids: string[] = [];
  const answers = Array.from({ length: 40 }, (_, i) => spec.answer(i + 1));
  const verdicts = Array.from({ length: 40 }, (_, i) => spec.verdict?.(i + 1) ?? null);
  for (let k = 0; k < spec.count; k++) ids.push(crypto.randomUUID());
  await db.query(
    `INSERT INTO products (id, supplier_id, name, product_version, status, published_at)
     SELECT id, ($2::uuid[])[1 + (ord::int % array_length($2::uuid[], 1))], 'Cmp ' || $3 || ' ' || ord, '1.0', $4, now()
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, ord)`,
    [ids, spec.suppliers, RUN + spec.serviceId.slice(0, 4), spec.status ?? 'published'],
  );
  await db.query(
    `INSERT INTO product_services (product_id, service_id) SELECT id, $2 FROM unnest($1::uuid[]) id`,
    [ids, spec.serviceId],
  );
  await db.query(
    `INSERT INTO conformance_submissions (id, product_id, supplier_id, service_id, requirement_set_id, status, result, round, submitted_at, decided_at)
     SELECT p.id, p.id, p.supplier_id, $2, $3, 'decided', 'approved', 1, now(), now()
       FROM products p WHERE p.id = ANY($1)`,
    [ids, spec.serviceId, spec.setId],
  );
  await db.query(
    `INSERT INTO submission_items (submission_id, requirement_id, code, level, position, content_hash, self_assessment, verdict)
     SELECT s.id, r.id, r.code, r.level, r.position, 'x', ($2::text[])[r.position], ($3::text[])[r.position]
       FROM unnest($1::uuid[]) s(id) CROSS JOIN requirements r WHERE r.requirement_set_id = $4`,
    [ids, answers, verdicts, spec.setId],
  );
  await db.query(
    `INSERT INTO certificates (product_id, supplier_id, service_id, requirement_set_id, submission_id, status, valid_from, expires_at)
     SELECT p.id, p.supplier_id, $2, $3, p.id, 'valid', now(), now() + interval '1 year'
       FROM products p WHERE p.id = ANY($1)`,
    [ids, spec.serviceId, spec.setId],
  );
  return ids;
}

describe('conformance: product comparison', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  const admin = () => as(api, p.admin);

  const newService = async (suffix: string) => {
    const dfe = await organisationIdByCode(api.db, 'DFE');
    const svc = await admin()
      .post('/api/v1/services')
      .send({
        code: `CMP-${RUN}-${suffix}`,
        name: `Comparison ${RUN} ${suffix}`,
        leadAgencyId: dfe,
        deliveryModel: 'council_delivered',
      });
    const set = await admin()
      .post(`/api/v1/services/${svc.body.id}/requirement-sets`)
      .send({ title: 'Comparison', requirements: requirements(`CM${suffix}`) });
    await admin()
      .post(`/api/v1/requirement-sets/${set.body.id}/publish`)
      .send({ effectiveDate: '2026-01-01' })
      .expect(200);
    return { serviceId: svc.body.id as string, setId: set.body.id as string };
  };

  beforeAll(async () => {
    api = await startTestApi();
    p = await signInAll(api);
  });
  afterAll(() => api.close());

  it('matches a hand-computed fixture', async () => {
    const { serviceId, setId } = await newService('A');
    // 40 requirements: MUST = n%3==1 (14), SHOULD = n%3==2 (13), MAY = n%3==0 (13).
    // Self-assessment: meets, except 1 does_not_meet (MUST), 2 partial (SHOULD),
    // 3 not_applicable (MAY), 6 unanswered (MAY); reviewer verdict on 4 (MUST): partial.
    const answer = (n: number) =>
      n === 6
        ? null
        : (({ 1: 'does_not_meet', 2: 'partial', 3: 'not_applicable' } as Record<number, string>)[
            n
          ] ?? 'meets');
    const [x] = await insertProducts(api, {
      serviceId,
      setId,
      suppliers: [p.supplierA.organisationId!],
      count: 1,
      answer,
      verdict: (n) => (n === 4 ? 'partial' : null),
    });
    const [hidden] = await insertProducts(api, {
      serviceId,
      setId,
      suppliers: [p.supplierB.organisationId!],
      count: 1,
      status: 'suspended',
      answer: () => 'meets',
    });
    await api.db.query(
      `INSERT INTO submission_samples (submission_id, standard_id, label, payload, check_status)
       SELECT $1, (SELECT id FROM standards LIMIT 1), l, '{}', st FROM unnest(ARRAY['a','b','c'], ARRAY['passed','failed','passed']) t(l, st)`,
      [x],
    );
    await api.db.query(
      `INSERT INTO usability_evaluations (product_id, supplier_id, sus_score, task_completion_percent, wcag_level, evaluated_on, report_url, status)
       VALUES ($1, $2, 60, 70, 'A', '2026-01-10', 'https://r.example/1', 'published'),
              ($1, $2, 82.5, 91, 'AA', '2026-06-10', 'https://r.example/2', 'published'),
              ($1, $2, 99, 99, 'AAA', '2026-09-10', 'https://r.example/3', 'draft')`,
      [x, p.supplierA.organisationId],
    );
    await api.db.query(
      `INSERT INTO adoptions (council_id, service_id, route_type, product_id, stage)
       SELECT c.id, $1, 'product', $2, CASE WHEN c.rn <= 2 THEN 'live' ELSE 'planning' END
         FROM (SELECT id, row_number() OVER (ORDER BY gss_code) rn FROM organisations WHERE type = 'COUNCIL' LIMIT 3) c`,
      [serviceId, x],
    );
    const res = await admin().get(`/api/v1/services/${serviceId}/product-comparison`);
    expect(res.status).toBe(200);
    expect(res.body.data).toHaveLength(2);
    const row = res.body.data.find((r: { productId: string }) => r.productId === x);
    expect(row).toMatchObject({
      status: 'published',
      supplier: { id: p.supplierA.organisationId },
      certificate: { status: 'valid', requirementSetVersion: 1 },
      met: { MUST: { met: 12, of: 14 }, SHOULD: { met: 12, of: 13 }, MAY: { met: 11, of: 13 } },
      requirementsNotMet: ['CMA-001', 'CMA-002', 'CMA-004', 'CMA-006'],
      standardChecks: { passed: 2, failed: 1, notTestable: 0 },
      usability: {
        susScore: 82.5,
        taskCompletionPercent: 91,
        wcagLevel: 'AA',
        evaluatedOn: '2026-06-10',
      },
      councilsLive: 2,
    });
    // Councils do not see the suspended product; suppliers see only their own.
    const council = await as(api, p.councilX).get(
      `/api/v1/services/${serviceId}/product-comparison`,
    );
    expect(council.body.data.map((r: { productId: string }) => r.productId)).toEqual([x]);
    const supplierB = await as(api, p.supplierB).get(
      `/api/v1/services/${serviceId}/product-comparison`,
    );
    expect(supplierB.body.data.map((r: { productId: string }) => r.productId)).toEqual([hidden]);
  });

  it('runs in the same number of queries for 3 products and for 40 products × 40 requirements', async () => {
    const suppliers = [p.supplierA.organisationId!, p.supplierB.organisationId!];
    const small = await newService('B');
    await insertProducts(api, {
      ...small,
      suppliers,
      count: 3,
      answer: (n) => (n % 5 ? 'meets' : 'partial'),
    });
    const large = await newService('C');
    await insertProducts(api, {
      ...large,
      suppliers,
      count: 40,
      answer: (n) => (n % 5 ? 'meets' : 'partial'),
    });
    const run = (serviceId: string) =>
      countQueries(api.db, () =>
        admin().get(`/api/v1/services/${serviceId}/product-comparison`).expect(200),
      );
    const few = await run(small.serviceId);
    const many = await run(large.serviceId);
    expect(few.result.body.data).toHaveLength(3);
    expect(many.result.body.data).toHaveLength(40);
    expect(many.result.body.data[0].met.MUST).toEqual({ met: 11, of: 14 });
    expect(many.count).toBe(few.count);
    expect(many.count).toBeLessThanOrEqual(4);
  });
});
