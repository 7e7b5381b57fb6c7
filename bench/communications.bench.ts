import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import 'reflect-metadata';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pg from 'pg';
import { createApi } from '../src/app/bootstrap.js';
import { SYSTEM_ACTOR } from '../src/auth/actor.js';
import { SecretBox } from '../src/common/crypto/secret-box.js';
import { CommunicationsService } from '../src/communications/communications.service.js';
import { loadConfig } from '../src/config/app-config.js';
import { dropDatabase, withDatabase } from '../src/database/database-admin.js';
import { redisOptions } from '../src/queue/redis-connection.js';
import type { BenchRow } from './bench-result.js';
import { CountingSmtpSink, VerifyingReceiver } from './fan-out-sinks.js';

// A webhook goes to each organisation's endpoint once per notice (however many contacts it
// has), so n webhooks need n suppliers: one contact each keeps emails and webhooks equal.
const SUPPLIERS = 20_000;
const CONTACTS_EACH = 1;
const SIZES = [5_000, 20_000];
const EMAIL_SIZE = 5_000;
const CONCURRENCY = 200;
const TARGET_RATIO = 0.33;
const TARGET_EMAIL_RATIO = 0.25;
const TARGET_5K_SECONDS = 10;
const TOPIC = 'bench';
const GIVE_UP_MS = 180_000;
const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

interface Measured {
  count: number;
  perSecond: number;
  lastMs: number;
  p50Ms: number;
  p99Ms: number;
}

const percentile = (sorted: number[], q: number) =>
  sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

/** Raw BullMQ: addBulk of `n` jobs and a no-op worker at the same concurrency. */
async function rawBullmq(redisUrl: string, prefix: string, n: number): Promise<Measured> {
  const name = `raw-${n}`;
  const queue = new Queue(name, { connection: redisOptions(redisUrl, 'producer'), prefix });
  const latencies: number[] = [];
  let done = 0;
  const t0 = Date.now();
  let finished: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (finished = resolve));
  const worker = new Worker(name, () => Promise.resolve(undefined), {
    connection: redisOptions(redisUrl, 'worker'),
    prefix,
    concurrency: CONCURRENCY,
  });
  worker.on('completed', (job) => {
    latencies.push((job.finishedOn ?? Date.now()) - job.timestamp);
    if (++done === n) finished();
  });
  for (let i = 0; i < n; i += 1000) {
    await queue.addBulk(
      Array.from({ length: Math.min(1000, n - i) }, (_, k) => ({
        name: 'noop',
        data: { i: i + k },
        opts: { jobId: `j-${i + k}`, removeOnComplete: true },
      })),
    );
  }
  await allDone;
  const lastMs = Date.now() - t0;
  await worker.close();
  await queue.obliterate({ force: true });
  await queue.close();
  latencies.sort((a, b) => a - b);
  return {
    count: n,
    perSecond: Math.round((n / lastMs) * 1000),
    lastMs,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
  };
}

/** Synthetic suppliers, each with a webhook endpoint at the receiver and CONTACTS_EACH contacts. */
async function seed(db: pg.Client, receiver: VerifyingReceiver, key: string): Promise<string[]> {
  const box = new SecretBox(key);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO organisations (type, name, onboarding_status)
     SELECT 'SUPPLIER', 'Bench Supplier ' || n, 'active' FROM generate_series(1, $1) AS n
     RETURNING id`,
    [SUPPLIERS],
  );
  const ids = rows.map((r) => r.id);
  const secrets = ids.map(() => `whsec_${randomBytes(32).toString('base64')}`);
  ids.forEach((id, i) => receiver.register(id, secrets[i]));
  await db.query(
    `INSERT INTO supplier_webhooks (supplier_id, url, secret_encrypted)
     SELECT id, $2 || id, secret FROM unnest($1::uuid[], $3::text[]) AS t(id, secret)`,
    [ids, `http://127.0.0.1:${receiver.port}/hooks/`, secrets.map((s) => box.seal(s))],
  );
  await db.query(
    `INSERT INTO supplier_contacts (supplier_id, name, email, topics)
     SELECT s, 'Contact ' || n, 'c' || n || '.' || s || '@bench.test', ARRAY[$2]
       FROM unnest($1::uuid[]) AS s, generate_series(1, $3) AS n`,
    [ids, TOPIC, CONTACTS_EACH],
  );
  return ids;
}

/** Sends one communication and waits until every delivery is terminal. */
async function fanOut(
  db: pg.Client,
  comms: CommunicationsService,
  supplierIds: string[],
  channel: 'email' | 'webhook',
): Promise<Measured & { failed: number }> {
  const draft = await comms.create(SYSTEM_ACTOR, {
    subjectTemplate: 'Benchmark notice for {{supplier.name}}',
    bodyTemplate: 'Dear {{contact.name}},\n\n{{supplier.name}}: please acknowledge {{ackLink}}',
    topic: TOPIC,
    audience: { supplierIds },
    channels: [channel],
  });
  const expected = supplierIds.length * CONTACTS_EACH;
  const t0 = Date.now();
  await comms.send(SYSTEM_ACTOR, draft.id, {});
  for (;;) {
    if (Date.now() - t0 > GIVE_UP_MS) {
      throw new Error(`${channel} fan-out: not every delivery terminal after ${GIVE_UP_MS} ms`);
    }
    const { rows } = await db.query<{ terminal: number; undelivered: number }>(
      `SELECT count(*) FILTER (WHERE status IN ('delivered', 'permanent_failure', 'technical_failure'))::int AS terminal,
              count(*) FILTER (WHERE status <> 'delivered')::int AS undelivered
         FROM deliveries WHERE communication_id = $1`,
      [draft.id],
    );
    if (rows[0].terminal === expected) break;
    await sleep(50);
  }
  const { rows } = await db.query<{ last: string; p50: number; p99: number; failed: number }>(
    `SELECT extract(epoch FROM max(delivered_at))*1000 AS last,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at)*1000) AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM delivered_at)*1000) AS p99,
            count(*) FILTER (WHERE status <> 'delivered')::int AS failed
       FROM deliveries WHERE communication_id = $1`,
    [draft.id],
  );
  const lastMs = Math.round(Number(rows[0].last) - t0);
  return {
    count: expected,
    perSecond: Math.round((expected / lastMs) * 1000),
    lastMs,
    p50Ms: Math.round(Number(rows[0].p50) - t0),
    p99Ms: Math.round(Number(rows[0].p99) - t0),
    failed: rows[0].failed,
  };
}

const pick = (env: NodeJS.ProcessEnv, keys: string[]): Record<string, string> =>
  Object.fromEntries(keys.flatMap((k) => (env[k] ? [[k, env[k]]] : [])));

/** Peak resident memory of a Linux process so far (VmHWM), MB; undefined elsewhere. */
function peakRssMb(pid: number | undefined): number | undefined {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function startWorker(env: Record<string, string>): Promise<ChildProcess> {
  // Node flags for the worker only, e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=…"
  // (NODE_OPTIONS refuses --cpu-prof).
  const nodeArgs = process.env.BENCH_WORKER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...nodeArgs, path('../src/worker.js')], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('worker started')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`worker exited ${code}: ${out}`)));
  });
  return child;
}

async function deleteKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

/**
 * Fan-out of one communication to 5,000 and 20,000 supplier endpoints over signed webhooks (a local
 * receiver verifies every signature with the reference implementation) and to 5,000 over
 * email (a local SMTP sink), through the real api use case, outbox, fan-out job and worker
 * process; against raw BullMQ (addBulk + a no-op worker, same concurrency) in the same run.
 * The worker's peak RSS (VmHWM) is noted after each fan-out. The worker runs as a deployment
 * tuned for throughput would: no rate limits, 200 deliveries in flight, 40 SMTP connections;
 * SMTP_MAX_CONNECTIONS and SMTP_MAX_MESSAGES from the environment override the pool.
 */
export async function run(): Promise<BenchRow[]> {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ptrack';
  const databaseUrl = withDatabase(base, `ptrack_bench_comms_${process.pid}`);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `{ptrack-bench-comms-${process.pid}}`;
  const receiver = new VerifyingReceiver();
  const smtp = new CountingSmtpSink();
  await receiver.start();
  await smtp.start();
  const env = {
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '20',
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    JWT_SECRET: 'benchmark-only-secret-0123456789abcdef',
    DATA_ENCRYPTION_KEY: 'benchmark-only-encryption-key-0123456789',
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    LOG_LEVEL: 'info',
    DELIVERY_CONCURRENCY: String(CONCURRENCY),
    EMAIL_RATE_PER_SECOND: '0',
    WEBHOOK_RATE_PER_SECOND: '0',
    // The receiver is plain http on 127.0.0.1 (production allows only public https).
    WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    // Email is bound by SMTP round trips (MAIL, RCPT, DATA, the message, RSET: one message
    // at a time per connection), so throughput follows the pool: a deployment sets it to
    // what its relay accepts; the default (5) suits an unknown relay.
    SMTP_MAX_CONNECTIONS: '40',
    ...pick(process.env, ['SMTP_MAX_CONNECTIONS', 'SMTP_MAX_MESSAGES']),
  };
  execFileSync(process.execPath, [path('../src/database/cli/migrate.js')], {
    env: { ...process.env, ...env },
    stdio: 'ignore',
  });
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  let worker: ChildProcess | undefined;
  // The worker gets the same environment, so the same settings.
  const config = loadConfig({ ...process.env, ...env, LOG_LEVEL: 'warn' });
  const api = await createApi(config);
  try {
    await api.app.init();
    const comms = api.app.get(CommunicationsService);
    const suppliers = await seed(db, receiver, env.DATA_ENCRYPTION_KEY);
    const raw = new Map<number, Measured>();
    for (const n of SIZES) raw.set(n, await rawBullmq(redisUrl, prefix, n));
    worker = await startWorker(env);

    const rows: BenchRow[] = [];
    const row = (name: string, m: Measured, note: string): BenchRow => ({
      name,
      reqPerSec: m.perSecond,
      p50Ms: m.p50Ms,
      p99Ms: m.p99Ms,
      note: `last after ${(m.lastMs / 1000).toFixed(2)} s; ${note}`,
    });
    for (const n of SIZES) {
      const r = raw.get(n)!;
      rows.push(
        row(`raw BullMQ addBulk + no-op worker, ${n} jobs (c=${CONCURRENCY})`, r, 'baseline'),
      );
      const before = receiver.ids.size;
      const hooks = await fanOut(db, comms, suppliers.slice(0, n / CONTACTS_EACH), 'webhook');
      const ratio = hooks.perSecond / r.perSecond;
      const notes = [
        `${ratio.toFixed(2)}× raw (${ratio >= TARGET_RATIO ? 'meets' : 'BELOW'} target ≥ ${TARGET_RATIO})`,
        `${receiver.ids.size - before} distinct webhook-ids verified, ${hooks.failed} failed`,
        `worker peak RSS ${peakRssMb(worker.pid) ?? '?'} MB`,
      ];
      if (n === 5_000) {
        const ok = hooks.lastMs <= TARGET_5K_SECONDS * 1000;
        notes.push(`${ok ? 'meets' : 'MISSES'} ≤ ${TARGET_5K_SECONDS} s`);
      }
      rows.push(row(`webhook fan-out, ${n} endpoints`, hooks, notes.join('; ')));
    }
    const mails = await fanOut(db, comms, suppliers.slice(0, EMAIL_SIZE / CONTACTS_EACH), 'email');
    const emailRatio = mails.perSecond / raw.get(5_000)!.perSecond;
    rows.push(
      row(
        `email fan-out, ${EMAIL_SIZE} contacts (SMTP sink)`,
        mails,
        [
          `${emailRatio.toFixed(2)}× raw (${emailRatio >= TARGET_EMAIL_RATIO ? 'meets' : 'BELOW'} target ≥ ${TARGET_EMAIL_RATIO})`,
          `${smtp.messages} messages received, ${mails.failed} failed`,
          `worker peak RSS ${peakRssMb(worker.pid) ?? '?'} MB`,
          `SMTP pool ${config.SMTP_MAX_CONNECTIONS} connections × ${config.SMTP_MAX_MESSAGES} messages`,
        ].join('; '),
      ),
    );
    if (receiver.rejected > 0)
      throw new Error(`${receiver.rejected} webhook(s) failed verification`);
    return rows;
  } finally {
    worker?.kill('SIGTERM');
    await api.app.close();
    await db.end();
    await receiver.stop();
    await smtp.stop();
    await dropDatabase(databaseUrl);
    await deleteKeys(redisUrl, prefix);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await run();
  for (const r of rows) {
    console.log(`${r.name}: ${r.reqPerSec}/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms — ${r.note}`);
  }
  process.exit(0);
}
