import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createDatabase, dropDatabase, withDatabase } from '../src/database/database-admin.js';
import { growTenfold } from './adoption.bench.js';
import type { BenchRow } from './bench-result.js';
import { measure, startServer } from './http-load.js';

const DEMO_PASSWORD = 'benchmark-demo-password';
const DATE_CODE = 'FSM-SPRING-2027';
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * A critical date's readiness view (FSM term-time checks: every council of England and
 * Wales, rule "testing with mandatory steps done"), over the seeded programme (174
 * councils) and a synthetic ×10 one (1,740): the api against bare Fastify + pg running the
 * same statements (`readinessStatements`), in the same run, on a scratch database.
 */
export async function run(): Promise<BenchRow[]> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ptrack';
  const databaseUrl = withDatabase(base, `ptrack_bench_readiness_${process.pid}`);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `{ptrack-bench-readiness-${process.pid}}`,
    JWT_SECRET: process.env.JWT_SECRET ?? 'benchmark-only-secret-0123456789abcdef',
    DATA_ENCRYPTION_KEY:
      process.env.DATA_ENCRYPTION_KEY ?? 'benchmark-only-encryption-key-0123456789',
    DEMO_PASSWORD,
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
  };
  await createDatabase(databaseUrl);
  try {
    for (const cli of ['migrate', 'seed']) {
      execFileSync(process.execPath, [path(`../src/database/cli/${cli}.js`)], {
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
    }
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const api = await startServer(path('../src/main.js'), env, '/health/live');
    const bare = await startServer(
      path('./readiness-baseline.js'),
      { DATABASE_URL: databaseUrl },
      '/health/live',
    );
    try {
      const [{ id }] = (
        await db.query(`SELECT id FROM critical_dates WHERE code = $1`, [DATE_CODE])
      ).rows as { id: string }[];
      const login = await fetch(`${api.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'viewer@programme.example', password: DEMO_PASSWORD }),
      });
      if (!login.ok) throw new Error(`login: ${login.status}`);
      const { accessToken } = (await login.json()) as { accessToken: string };
      const route = `/api/v1/critical-dates/${id}/readiness`;
      const rows: BenchRow[] = [];
      for (const scale of ['1×', '10×']) {
        if (scale === '10×') await growTenfold(db);
        const [{ n }] = (
          await db.query(`SELECT count(*)::int AS n FROM organisations WHERE type = 'COUNCIL'`)
        ).rows as { n: number }[];
        const label = `readiness ${DATE_CODE} ${scale} (${n} councils)`;
        const viaApi = await measure(`${label}: api`, api.url + route, {
          headers: { authorization: `Bearer ${accessToken}` },
          server: api,
        });
        const viaBare = await measure(`${label}: bare Fastify + pg`, bare.url + route, {
          server: bare,
        });
        viaApi.note = `${(viaApi.reqPerSec / viaBare.reqPerSec).toFixed(2)}× bare`;
        rows.push(viaApi, viaBare);
      }
      return rows;
    } finally {
      await Promise.all([api.stop(), bare.stop()]);
      await db.end();
    }
  } finally {
    await dropDatabase(databaseUrl);
  }
}
