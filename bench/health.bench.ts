import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dropDatabase, withDatabase } from '../src/database/database-admin.js';
import type { BenchRow } from './bench-result.js';
import { measure, startServer } from './http-load.js';

const TARGET_RATIO = 0.7;
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * GET /health/live: bare Fastify (the baseline) versus the full api (`node dist/src/main.js`,
 * every global hook, guard, security headers, logging) at LOG_LEVEL=info and warn, with a
 * bare NestJS app between them to show what the framework alone costs. The api runs against a
 * scratch database migrated here and dropped afterwards.
 */
export async function run(): Promise<BenchRow[]> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ptrack';
  const databaseUrl = withDatabase(base, `ptrack_bench_${process.pid}`);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `{ptrack-bench-${process.pid}}`,
    JWT_SECRET: process.env.JWT_SECRET ?? 'benchmark-only-secret-0123456789abcdef',
    DATA_ENCRYPTION_KEY:
      process.env.DATA_ENCRYPTION_KEY ?? 'benchmark-only-encryption-key-0123456789',
    NODE_ENV: 'production',
  };
  execFileSync(process.execPath, [path('../src/database/cli/migrate.js')], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  try {
    const rows: BenchRow[] = [];
    const targets: [string, string, Record<string, string>][] = [
      ['bare Fastify (baseline)', path('./baseline-fastify.js'), {}],
      ['bare NestJS + Fastify (reference)', path('./baseline-nest.js'), {}],
      ['api, LOG_LEVEL=info', path('../src/main.js'), { ...env, LOG_LEVEL: 'info' }],
      ['api, LOG_LEVEL=warn', path('../src/main.js'), { ...env, LOG_LEVEL: 'warn' }],
    ];
    for (const [name, script, serverEnv] of targets) {
      const server = await startServer(script, serverEnv, '/health/live');
      try {
        rows.push(await measure(`GET /health/live: ${name}`, `${server.url}/health/live`));
      } finally {
        await server.stop();
      }
    }
    const baseline = rows[0].reqPerSec;
    for (const row of rows.slice(1)) {
      const ratio = row.reqPerSec / baseline;
      const verdict = ratio >= TARGET_RATIO ? 'meets' : 'BELOW';
      const target = row.name.includes('reference') ? '' : ` (${verdict} target ≥ ${TARGET_RATIO})`;
      row.note = [row.note, `${ratio.toFixed(2)}× baseline${target}`].filter(Boolean).join('; ');
    }
    return rows;
  } finally {
    await dropDatabase(databaseUrl);
  }
}
