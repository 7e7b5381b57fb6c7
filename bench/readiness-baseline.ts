import Fastify from 'fastify';
import pg from 'pg';
import type { CriticalDate } from '../src/readiness/critical-date.entity.js';
import {
  type ReadinessResult,
  readinessStatements,
  shapeReadiness,
  type SnapshotRow,
  type Statement,
} from '../src/readiness/readiness-queries.js';

/**
 * The readiness benchmark's ceiling: bare Fastify and a `pg` pool of the api's default
 * size, running the very statements (and row shaping) the api runs for a critical date's
 * readiness view. No auth, validation, logging or ORM.
 */
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});
const run = async <T>(s: Statement) => (await pool.query(s.sql, s.params)).rows as T;

const app = Fastify({ logger: false });
app.get('/health/live', () => Promise.resolve({ status: 'ok' }));
app.get<{ Params: { id: string } }>('/api/v1/critical-dates/:id/readiness', async (req, reply) => {
  const st = readinessStatements(req.params.id, null);
  const [date] = await run<CriticalDate[]>(st.date);
  if (!date) return reply.code(404).send({ status: 404 });
  const [{ councils, counts }] = await run<ReadinessResult[]>(st.readiness);
  return shapeReadiness(date, councils, counts, await run<SnapshotRow[]>(st.trend));
});

const close = () => void app.close().then(() => pool.end().then(() => process.exit(0)));
process.once('SIGTERM', close);
process.once('SIGINT', close);

await app.listen({ port: Number(process.env.PORT ?? 3000), host: '127.0.0.1' });
