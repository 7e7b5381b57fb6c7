import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dropDatabase, withDatabase } from '../src/database/database-admin.js';
import type { BenchRow } from './bench-result.js';
import { CAN_PIN, measure, pinSelf, startServer } from './http-load.js';

const TARGET_RATIO = 0.7;
const ROUNDS = 3;
const ROUND_SECONDS = 6;

/** The middle element by `key` (the upper middle for an even count). */
function median<T>(items: T[], key: (item: T) => number): T {
  return [...items].sort((a, b) => key(a) - key(b))[Math.floor(items.length / 2)];
}
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * GET /health/live: bare Fastify (the baseline) versus the full api (`node dist/src/main.js`,
 * every global hook, guard, security headers, logging) at LOG_LEVEL=info and warn. Two
 * references sit between them, to show where the difference goes: bare Fastify sending the
 * api's response headers, and a bare NestJS app (the framework alone). The api runs against
 * a scratch database migrated here and dropped afterwards.
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
      [
        'bare Fastify + api headers (reference)',
        path('./baseline-fastify.js'),
        { API_HEADERS: '1' },
      ],
      ['bare NestJS + Fastify (reference)', path('./baseline-nest.js'), {}],
      ['api, LOG_LEVEL=info', path('../src/main.js'), { ...env, LOG_LEVEL: 'info' }],
      ['api, LOG_LEVEL=warn', path('../src/main.js'), { ...env, LOG_LEVEL: 'warn' }],
    ];
    // The servers all run at once (idle ones cost nothing) and are measured in interleaved
    // rounds, so a noisy neighbour on a shared machine hits every target alike. Each row
    // is the target's median round; its ratio is the median of its per-round ratios.
    // Where it can, the load generator (this process) runs on CPU 0 and the servers on CPU 1.
    const servers = [];
    pinSelf('0');
    try {
      for (const [, script, serverEnv] of targets) {
        servers.push(await startServer(script, serverEnv, '/health/live', 1));
      }
      const rounds: BenchRow[][] = targets.map(() => []);
      for (let r = 0; r < ROUNDS; r++) {
        for (const [i, [name]] of targets.entries()) {
          const url = `${servers[i].url}/health/live`;
          rounds[i].push(
            await measure(`GET /health/live: ${name}`, url, {
              seconds: ROUND_SECONDS,
              server: servers[i],
            }),
          );
        }
      }
      for (const [i, [name]] of targets.entries()) {
        const row = median(rounds[i], (x) => x.reqPerSec);
        const perSec = rounds[i].map((x) => x.reqPerSec);
        const spread = `median of ${ROUNDS} rounds (${Math.min(...perSec)}–${Math.max(...perSec)})`;
        if (i === 0) {
          const pinned = CAN_PIN ? 'load on CPU 0, servers on CPU 1' : 'not pinned to CPUs';
          rows.push({ ...row, note: [row.note, spread, pinned].filter(Boolean).join('; ') });
          continue;
        }
        const ratio = median(
          rounds[i].map((x, r) => x.reqPerSec / rounds[0][r].reqPerSec),
          (x) => x,
        );
        const verdict = ratio >= TARGET_RATIO ? 'meets' : 'BELOW';
        const target = name.includes('reference') ? '' : ` (${verdict} target ≥ ${TARGET_RATIO})`;
        rows.push({
          ...row,
          note: [row.note, `${ratio.toFixed(2)}× baseline${target}`, spread]
            .filter(Boolean)
            .join('; '),
        });
      }
    } finally {
      await Promise.all(servers.map((server) => server.stop()));
      pinSelf();
    }
    return rows;
  } finally {
    await dropDatabase(databaseUrl);
  }
}
