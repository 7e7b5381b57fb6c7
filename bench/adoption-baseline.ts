import Fastify from 'fastify';
import pg from 'pg';
import {
  adoptionDashboardStatement,
  councilStatusStatement,
  shapeAdoptionDashboard,
  shapeCouncilStatus,
  type Statement,
} from '../src/dashboards/dashboard-queries.js';
import { ADOPTION_SELECT, adoptionWhere } from '../src/adoption/adoption-queries.js';
import { toAdoptionView } from '../src/adoption/adoption-views.js';
import type { Actor } from '../src/auth/actor.js';
import { SqlParams } from '../src/common/sql/sql-params.js';
import { AppConfig } from '../src/config/app-config.js';
import {
  type ComparisonRow,
  type ComparisonService,
  comparisonServiceStatement,
  productComparisonStatement,
  shapeProductComparison,
} from '../src/conformance/product-comparison-queries.js';
import { type RiskRow, riskListStatements } from '../src/risks/risk-queries.js';
import { RiskScoring } from '../src/risks/risk-scoring.service.js';
import { toRiskView } from '../src/risks/risk-views.js';

/**
 * The adoption benchmark's ceiling: bare Fastify and a `pg` pool of the api's default
 * size, running the very statements (and row shaping) the api runs for the national
 * dashboard, a council status view, the adoptions and risks paged lists and a service's
 * product comparison. No auth, validation, logging or ORM.
 */
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const run = async (s: Statement) =>
  (await pool.query<Record<string, unknown>>(s.sql, s.params)).rows;

const app = Fastify({ logger: false });
app.get('/health/live', () => Promise.resolve({ status: 'ok' }));
app.get('/api/v1/dashboards/adoption', async () =>
  shapeAdoptionDashboard(await run(adoptionDashboardStatement({}, 12))),
);
app.get<{ Params: { id: string } }>('/api/v1/councils/:id/status', async (req) =>
  shapeCouncilStatus(
    await run(councilStatusStatement(req.params.id, new Date().toISOString().slice(0, 10))),
  ),
);

// GET /adoptions?limit=50 as the programme admin sees it: the api's page and count
// statements (adoptions.service.ts), run side by side, and the same row view.
const ADMIN = {
  kind: 'user',
  role: 'programme_admin',
  organisationType: 'PROGRAMME_OFFICE',
} as Actor;
const COUNT_FROM = `FROM adoptions a
    JOIN organisations o ON o.id = a.council_id
    LEFT JOIN products p ON p.id = a.product_id
    LEFT JOIN shared_services ss ON ss.id = a.shared_service_id`;
app.get<{ Querystring: { limit?: string } }>('/api/v1/adoptions', async (req) => {
  const limit = Number(req.query.limit ?? 20);
  const p = new SqlParams();
  const where = adoptionWhere(ADMIN, {}, p);
  const c = new SqlParams();
  const [rows, counted] = await Promise.all([
    pool.query(
      `${ADOPTION_SELECT} ${where} ORDER BY o.name, s.code LIMIT ${p.add(limit)} OFFSET ${p.add(0)}`,
      p.values,
    ),
    pool.query(`SELECT count(*)::int AS n ${COUNT_FROM} ${adoptionWhere(ADMIN, {}, c)}`, c.values),
  ]);
  return {
    data: rows.rows.map(toAdoptionView),
    meta: { page: 1, limit, total: (counted.rows[0] as { n: number }).n },
  };
});

// GET /services/{id}/product-comparison as the programme admin: the api's two statements
// (product-comparison-queries.ts) and its shaping (no "works with": that is a council's).
app.get<{ Params: { id: string } }>(
  '/api/v1/services/:id/product-comparison',
  async (req, reply) => {
    const s = comparisonServiceStatement(req.params.id);
    const [service] = (await pool.query<ComparisonService>(s.sql, s.params)).rows;
    if (!service) return reply.code(404).send({ status: 404 });
    const c = productComparisonStatement(ADMIN, req.params.id);
    return shapeProductComparison(
      service,
      (await pool.query<ComparisonRow>(c.sql, c.params)).rows,
      null,
    );
  },
);

// GET /risks?limit=50 as the programme admin: the api's page and count statements
// (risk-queries.ts), side by side, and the same view mapper and RAG thresholds (defaults).
const scoring = new RiskScoring(new AppConfig());
app.get<{ Querystring: { limit?: string } }>('/api/v1/risks', async (req) => {
  const limit = Number(req.query.limit ?? 50);
  const { page, count } = riskListStatements(ADMIN, { limit, offset: 0 }, scoring);
  const [rows, counted] = await Promise.all([
    pool.query<RiskRow>(page.sql, page.params),
    pool.query<{ n: number }>(count.sql, count.params),
  ]);
  return {
    data: rows.rows.map((r) => toRiskView(r, scoring)),
    meta: { page: 1, limit, total: counted.rows[0].n },
  };
});

const close = () => void app.close().then(() => pool.end().then(() => process.exit(0)));
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
