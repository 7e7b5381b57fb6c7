import Fastify from 'fastify';
import pg from 'pg';
import {
  adoptionDashboardStatement,
  councilStatusStatement,
  shapeAdoptionDashboard,
  shapeCouncilStatus,
  type Statement,
} from '../src/dashboards/dashboard-queries.js';

/**
 * The adoption benchmark's ceiling: bare Fastify and a `pg` pool of the api's default
 * size, running the very statements (and row shaping) the api runs for the national
 * dashboard and a council status view. No auth, validation, logging or ORM.
 */
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const run = async (s: Statement) => (await pool.query(s.sql, s.params)).rows;

const app = Fastify({ logger: false });
app.get('/health/live', async () => ({ status: 'ok' }));
app.get('/api/v1/dashboards/adoption', async () =>
  shapeAdoptionDashboard(await run(adoptionDashboardStatement({}, 12))),
);
app.get<{ Params: { id: string } }>('/api/v1/councils/:id/status', async (req) =>
  shapeCouncilStatus(
    await run(councilStatusStatement(req.params.id, new Date().toISOString().slice(0, 10))),
  ),
);

const close = () => void app.close().then(() => pool.end().then(() => process.exit(0)));
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
