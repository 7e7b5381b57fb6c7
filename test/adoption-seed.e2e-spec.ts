import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AdoptionSeeder } from '../src/adoption/adoption.seeder.js';
import { DEMO_SERVICES } from '../src/catalogue/demo/demo-catalogue.js';
import { insertService } from './support/adoption-fixtures.js';
import { signInAll } from './support/principals.js';
import { insertProduct } from './support/programme-fixtures.js';
import { startTestApi, type TestApi } from './support/test-app.js';

/** The demo catalogue's services councils adopt (those with a scope). */
const DEMO_COUNCIL_SERVICES = DEMO_SERVICES.filter((s) => s.scopeNations.length > 0).map(
  (s) => s.code,
);

describe('adoption seeding', () => {
  let api: TestApi;
  const seed = () => api.db.transaction((m) => api.app.get(AdoptionSeeder).seedDemo(m));

  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('gives every council in a service’s scope an adoption of it, and seeds a demo spread', async () => {
    const [row] = await api.db.query(
      `SELECT (SELECT count(*) FROM organisations WHERE type = 'COUNCIL')::int AS councils,
              (SELECT count(*) FROM services WHERE code = ANY($1))::int AS services,
              (SELECT count(*) FROM adoptions a JOIN services s ON s.id = a.service_id
                WHERE s.code = ANY($1))::int AS adoptions,
              (SELECT count(*) FROM adoptions a JOIN services s ON s.id = a.service_id
                WHERE s.code = 'ADMISSIONS')::int AS admissions,
              (SELECT count(*) FROM adoptions a JOIN services s ON s.id = a.service_id
                JOIN organisations o ON o.id = a.council_id
                WHERE s.code = 'ADMISSIONS' AND o.nation = 'Wales')::int AS welsh_admissions,
              (SELECT count(*) FROM adoptions a JOIN services s ON s.id = a.service_id
                WHERE s.code = ANY($1) AND a.stage = 'live')::int AS live,
              (SELECT count(*) FROM adoptions a JOIN services s ON s.id = a.service_id
                WHERE s.code = 'ADMISSIONS' AND a.route_type = 'shared_service')::int AS london_shared,
              (SELECT count(DISTINCT date_trunc('month', occurred_at)) FROM adoption_history
                WHERE to_stage = 'live')::int AS live_months,
              (SELECT count(*) FROM adoptions a JOIN services s ON s.id = a.service_id
                WHERE s.code = ANY($1) AND a.stage IN ('testing', 'live')
                  AND a.route_type IS NULL)::int AS unrouted_late,
              (SELECT count(*) FROM local_variances)::int AS variances`,
      [DEMO_COUNCIL_SERVICES],
    );
    expect(row.councils).toBe(174);
    expect(row.services).toBe(DEMO_COUNCIL_SERVICES.length);
    // Admissions ran in England's 152 councils; the other council services in all 174.
    expect(row.admissions).toBe(152);
    expect(row.welsh_admissions).toBe(0);
    expect(row.adoptions).toBe(152 + 174 * (row.services - 1));
    expect(row.live).toBeGreaterThan(0);
    expect(row.london_shared).toBeGreaterThan(0);
    expect(row.live_months).toBeGreaterThan(3);
    expect(row.unrouted_late).toBe(0);
    expect(row.variances).toBeGreaterThan(0);
    // Every seeded live adoption has a live move in its history (the trend adds up).
    const [trend] = await api.db.query(
      `WITH demo AS (SELECT a.id, a.stage FROM adoptions a JOIN services s ON s.id = a.service_id
                      WHERE s.code = ANY($1))
       SELECT (SELECT count(*) FROM demo WHERE stage = 'live')::int AS live,
              (SELECT count(*) FILTER (WHERE h.to_stage = 'live')
                    - count(*) FILTER (WHERE h.from_stage = 'live')
                 FROM adoption_history h JOIN demo ON demo.id = h.adoption_id)::int AS net`,
      [DEMO_COUNCIL_SERVICES],
    );
    expect(trend.net).toBe(trend.live);
  });

  it('inserts nothing when run twice', async () => {
    await seed(); // picks up services other test files inserted directly, if any
    const counts = await seed();
    expect(counts).toEqual({ adoptions: 0, successSteps: 0 });
  });

  it('routes new adoptions through a certified product when one exists, and respects dependencies', async () => {
    const p = await signInAll(api);
    const service = await insertService(api.db, { scopeNations: ['England', 'Wales'] });
    const { productId } = await insertProduct(api.db, {
      supplierId: p.supplierA.organisationId!,
      serviceId: service.id,
      certificate: 'valid',
    });
    const counts = await seed();
    expect(counts.adoptions).toBe(174);
    const rows: { stage: string; route_type: string | null; product_id: string | null }[] =
      await api.db.query(
        `SELECT stage, route_type, product_id FROM adoptions WHERE service_id = $1`,
        [service.id],
      );
    const late = rows.filter((r) => ['implementation', 'testing', 'live'].includes(r.stage));
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((r) => r.route_type === 'product' && r.product_id === productId)).toBe(true);
    // No seeded live adoption (demo catalogue) is blocked by a dependency.
    const [{ blocked }] = await api.db.query(
      `SELECT count(*)::int AS blocked FROM adoptions a
         JOIN services s0 ON s0.id = a.service_id AND s0.code = ANY($1)
        WHERE a.stage = 'live' AND EXISTS (
          SELECT 1 FROM service_relationships r JOIN services d ON d.id = r.to_service_id
           WHERE r.from_service_id = a.service_id AND r.type = 'depends_on'
             AND d.delivery_model = 'council_delivered'
             AND NOT EXISTS (SELECT 1 FROM adoptions da WHERE da.council_id = a.council_id
                              AND da.service_id = d.id AND da.stage = 'live'))`,
      [DEMO_COUNCIL_SERVICES],
    );
    expect(blocked).toBe(0);
    expect(await seed()).toEqual({ adoptions: 0, successSteps: 0 });
  });
});
