import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import fastJson from 'fast-json-stringify';
import { createDatabase, dropDatabase, withDatabase } from '../src/database/database-admin.js';
import type { BenchRow } from './bench-result.js';
import { startServer } from './http-load.js';

const DEMO_PASSWORD = 'benchmark-demo-password';
const ADMIN = 'admin@programme.example';
const ROUNDS = 4000;
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** The hot JSON responses: the benchmarks' paged lists and the national dashboard. */
const RESPONSES = [
  ['/api/v1/risks', '/api/v1/risks?limit=50'],
  ['/api/v1/adoptions', '/api/v1/adoptions?limit=50'],
  ['/api/v1/dashboards/adoption', '/api/v1/dashboards/adoption'],
] as const;

interface Schema {
  [key: string]: unknown;
}

/**
 * Would Fastify's schema serializer (fast-json-stringify, compiled from the OpenAPI
 * document's response schema) pay? For each hot response, the real body from the api over
 * the seeded demo programme, serialised `ROUNDS` times by `JSON.stringify` (what the api
 * does) and by fast-json-stringify compiled from the operation's 200 schema (the baseline
 * in this comparison is JSON.stringify); CPU µs per serialisation, and a check that both
 * write the same JSON up to key order.
 */
export async function run(): Promise<BenchRow[]> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ptrack';
  const databaseUrl = withDatabase(base, `ptrack_bench_serializer_${process.pid}`);
  const env = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `{ptrack-bench-serializer-${process.pid}}`,
    JWT_SECRET: process.env.JWT_SECRET ?? 'benchmark-only-secret-0123456789abcdef',
    DATA_ENCRYPTION_KEY:
      process.env.DATA_ENCRYPTION_KEY ?? 'benchmark-only-encryption-key-0123456789',
    DEMO_PASSWORD,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  };
  await createDatabase(databaseUrl);
  try {
    for (const cli of ['migrate', 'seed']) {
      execFileSync(process.execPath, [path(`../src/database/cli/${cli}.js`)], {
        env: { ...process.env, ...env },
        stdio: 'ignore',
      });
    }
    const api = await startServer(path('../src/main.js'), env, '/health/live');
    try {
      const login = await fetch(`${api.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: ADMIN, password: DEMO_PASSWORD }),
      });
      const { accessToken } = (await login.json()) as { accessToken: string };
      const doc = (await (await fetch(`${api.url}/docs-json`)).json()) as Schema;
      const rows: BenchRow[] = [];
      for (const [operation, url] of RESPONSES) {
        const res = await fetch(api.url + url, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        const body: unknown = await res.json();
        const serialize: (value: unknown) => string = fastJson(
          responseSchema(doc, operation) as never,
        );
        const same = sameJson(serialize(body), JSON.stringify(body));
        const bytes = JSON.stringify(body).length;
        const plain = cpuPerCall(() => JSON.stringify(body));
        const compiled = cpuPerCall(() => serialize(body));
        rows.push(
          row(`serialise ${url} (${bytes} bytes): JSON.stringify`, plain, 'baseline'),
          row(
            `serialise ${url} (${bytes} bytes): fast-json-stringify`,
            compiled,
            `${(compiled / plain).toFixed(2)}× JSON.stringify's CPU; same JSON: ${same ? 'yes' : 'NO'}`,
          ),
        );
      }
      return rows;
    } finally {
      await api.stop();
    }
  } finally {
    await dropDatabase(databaseUrl);
  }
}

const row = (name: string, us: number, note: string): BenchRow => ({
  name,
  reqPerSec: Math.round(1e6 / us),
  p50Ms: 0,
  p99Ms: 0,
  cpuUsPerReq: Math.round(us * 10) / 10,
  note,
});

/** CPU µs per call, after a warm-up of the same length. */
function cpuPerCall(fn: () => unknown): number {
  for (let i = 0; i < ROUNDS; i++) fn();
  const before = process.cpuUsage();
  for (let i = 0; i < ROUNDS; i++) fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / ROUNDS;
}

/** The operation's 200 schema with every `$ref` to a component written out in place. */
function responseSchema(doc: Schema, operation: string): unknown {
  const components = (doc.components as { schemas: Record<string, unknown> }).schemas;
  const inline = (s: unknown): unknown => {
    if (Array.isArray(s)) return s.map(inline);
    if (s && typeof s === 'object') {
      const ref = (s as { $ref?: string }).$ref;
      if (ref) return inline(components[ref.split('/').pop() as string]);
      return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, inline(v)]));
    }
    return s;
  };
  const paths = doc.paths as Record<string, Record<string, Schema>>;
  const responses = paths[operation].get.responses as Record<string, Schema>;
  const content = responses['200'].content as Record<string, { schema: unknown }>;
  return inline(content['application/json'].schema);
}

/** The same JSON value up to the order of object keys. */
function sameJson(a: string, b: string): boolean {
  const sorted = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(sorted)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.keys(v)
              .sort()
              .map((k) => [k, sorted((v as Record<string, unknown>)[k])]),
          )
        : v;
  return JSON.stringify(sorted(JSON.parse(a))) === JSON.stringify(sorted(JSON.parse(b)));
}
