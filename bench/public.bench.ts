import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDatabase, dropDatabase, withDatabase } from '../src/database/database-admin.js';
import type { BenchRow } from './bench-result.js';
import { measure, pinSelf, startServer } from './http-load.js';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * `npm run bench -- public`: the public rollout page (`GET /public`, signed out) and the
 * open-data CSV (`GET /open-data/adoptions.csv`) on the api (production mode, demo
 * programme, per-IP rate limit counted in Redis on every request, figures from the
 * in-process cache), beside bare Fastify serving the same bytes from memory — same run.
 */
export async function run(): Promise<BenchRow[]> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ptrack';
  const databaseUrl = withDatabase(base, `ptrack_bench_public_${process.pid}`);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `{ptrack-bench-public-${process.pid}}`,
    JWT_SECRET: process.env.JWT_SECRET ?? 'benchmark-only-secret-0123456789abcdef',
    SESSION_SECRET: 'benchmark-only-session-secret-0123456789',
    DATA_ENCRYPTION_KEY:
      process.env.DATA_ENCRYPTION_KEY ?? 'benchmark-only-encryption-key-0123456789',
    DEMO_PASSWORD: 'benchmark-demo-password',
    NODE_ENV: 'production',
    LOG_LEVEL: 'info',
    // The load comes from one address: the limit stays on (one Redis INCR per request) but high.
    PUBLIC_RATE_PER_IP_PER_MINUTE: '100000000',
  };
  const dir = mkdtempSync(join(tmpdir(), 'ptrack-bench-public-'));
  await createDatabase(databaseUrl);
  pinSelf('0');
  try {
    for (const cli of ['migrate', 'seed']) {
      execFileSync(process.execPath, [path(`../src/database/cli/${cli}.js`)], {
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
    }
    const api = await startServer(path('../src/main.js'), env, '/health/live', 1);
    try {
      const pageBytes = Buffer.from(await (await fetch(`${api.url}/public`)).arrayBuffer());
      const csvBytes = Buffer.from(
        await (await fetch(`${api.url}/open-data/adoptions.csv`)).arrayBuffer(),
      );
      writeFileSync(join(dir, 'page.html'), pageBytes);
      writeFileSync(join(dir, 'adoptions.csv'), csvBytes);
      const bare = await startServer(
        path('./public-baseline.js'),
        { PUBLIC_PAGE_FILE: join(dir, 'page.html'), PUBLIC_CSV_FILE: join(dir, 'adoptions.csv') },
        '/health/live',
        1,
      );
      try {
        const kb = (b: Buffer) => `${Math.round(b.length / 1024)} KiB`;
        const page = await measure(
          `public: rollout page (api), ${kb(pageBytes)}`,
          `${api.url}/public`,
          {
            server: api,
          },
        );
        const barePage = await measure(
          'public: same page bytes (bare Fastify)',
          `${bare.url}/public`,
          {
            server: bare,
          },
        );
        const csv = await measure(
          `public: adoptions.csv (api), ${kb(csvBytes)}`,
          `${api.url}/open-data/adoptions.csv`,
          { server: api },
        );
        const bareCsv = await measure(
          'public: same CSV bytes (bare Fastify)',
          `${bare.url}/open-data/adoptions.csv`,
          { server: bare },
        );
        const ratio = (a: BenchRow, b: BenchRow) =>
          `${(a.reqPerSec / b.reqPerSec).toFixed(2)}× bare Fastify`;
        page.note = [page.note, ratio(page, barePage)].filter(Boolean).join('; ');
        csv.note = [csv.note, ratio(csv, bareCsv)].filter(Boolean).join('; ');
        return [page, barePage, csv, bareCsv];
      } finally {
        await bare.stop();
      }
    } finally {
      await api.stop();
    }
  } finally {
    pinSelf();
    rmSync(dir, { recursive: true, force: true });
    await dropDatabase(databaseUrl);
  }
}
