import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Queue, QueueEvents } from 'bullmq';
import { Redis } from 'ioredis';
import { JobName, QueueName } from '../src/queue/job-registry.js';
import { createDraft, createSupplier, deliveriesOf, uniq } from './support/comms-fixtures.js';
import {
  ACCOUNTS,
  DEMO_PASSWORD,
  type Principal,
  type PrincipalName,
  signInAll,
} from './support/principals.js';
import { SmtpSink } from './support/smtp-sink.js';
import { spawnProcess, type SpawnedProcess } from './support/spawned-api.js';
import { freePort, startThrowawayRedis, type ThrowawayServer } from './support/throwaway.js';
import { startTestApi, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

const SUPPLIERS = 4;
const CONTACTS_EACH = 150;
const EMAILS = SUPPLIERS * CONTACTS_EACH;
const LOGINS_PER_IP = 6;
const RECONCILE_MS = 500;

/**
 * Scale-out with the compiled entry points: 2 api and 2 worker processes on one PostgreSQL
 * and one (throwaway) Redis. Login throttling is shared by the apis; both see the same
 * data; a scheduled job runs once per period, not once per worker; a fan-out survives one
 * worker's SIGKILL with every email sent and repeats only within the in-flight bound.
 */
describe('scale-out: 2 apis and 2 workers on one PostgreSQL and Redis', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  let redis: ThrowawayServer;
  const apis: SpawnedProcess[] = [];
  const workers: SpawnedProcess[] = [];
  const smtp = new SmtpSink(0);
  const topic = `scale-${uniq()}`;
  const supplierIds: string[] = [];

  beforeAll(async () => {
    redis = await startThrowawayRedis();
    Object.assign(smtp, { port: await freePort() });
    await smtp.start();
    api = await startTestApi({ REDIS_URL: redis.url });
    p = await signInAll(api);
    for (let i = 0; i < SUPPLIERS; i++) {
      const s = await createSupplier(api, p.admin, {
        name: `Scale Supplier ${i} ${uniq()}`,
        contacts: [],
      });
      supplierIds.push(s.id);
    }
    await api.db.query(
      `INSERT INTO supplier_contacts (supplier_id, name, email, topics)
       SELECT s, 'Contact ' || n, 'c' || n || '.' || left(s::text, 8) || '@scale.test', ARRAY[$2]
         FROM unnest($1::uuid[]) AS s, generate_series(1, $3) AS n`,
      [supplierIds, topic, CONTACTS_EACH],
    );
    const shared = { REDIS_URL: redis.url };
    const workerEnv = {
      ...shared,
      DELIVERY_STALE_SECONDS: '2',
      DELIVERY_RECONCILE_MS: String(RECONCILE_MS),
      SCHEDULER_REFRESH_MS: '500',
      EMAIL_RATE_PER_SECOND: '0',
      WEBHOOK_RATE_PER_SECOND: '0',
      SMTP_URL: smtp.url,
      DELIVERY_CONCURRENCY: '10',
      DELIVERY_BACKOFF_MS: '200',
    };
    // One after the other: four Nest boots at once on a 2-CPU runner outlast the wait.
    const apiEnv = { ...shared, LOGIN_RATE_PER_IP_PER_MINUTE: String(LOGINS_PER_IP) };
    for (let n = 0; n < 2; n++) apis.push(await spawnProcess('main', apiEnv));
    for (let n = 0; n < 2; n++) workers.push(await spawnProcess('worker', workerEnv));
    // Both workers consuming (each opens one BullMQ worker per queue) before any test.
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const maintenance = new Queue(QueueName.Maintenance, {
      connection,
      prefix: api.config.QUEUE_PREFIX,
    });
    try {
      await waitFor(async () => (await maintenance.getWorkersCount()) >= 2, {
        what: 'both workers to consume',
        timeoutMs: 60_000,
        intervalMs: 200,
      });
    } finally {
      await maintenance.close();
      connection.disconnect();
    }
  }, 90_000);
  afterAll(async () => {
    if (process.env.SCALE_OUT_DEBUG) {
      for (const proc of [...apis, ...workers]) console.log(proc.output().slice(-3000));
    }
    await Promise.all([...apis, ...workers].map((proc) => proc.stop('SIGKILL')));
    await api?.close();
    await smtp.stop();
    await redis?.destroy();
  });

  const call = (i: number, path: string, init: RequestInit = {}) =>
    fetch(`${apis[i].baseUrl}${path}`, init);
  const login = (i: number, ip: string, email: string, password: string) =>
    call(i, '/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: JSON.stringify({ email, password }),
    });

  it('both apis see the same data and share one login throttle per address', async () => {
    const ok = await login(0, '198.51.100.7', ACCOUNTS.councilX, DEMO_PASSWORD);
    expect(ok.status).toBe(200);
    const { accessToken } = (await ok.json()) as { accessToken: string };
    const auth = { authorization: `Bearer ${accessToken}` };
    const made = await call(0, '/api/v1/api-tokens', {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ name: `scale ${uniq()}` }),
    });
    expect(made.status).toBe(201);
    const { id } = (await made.json()) as { id: string };
    const listed = (await (await call(1, '/api/v1/api-tokens', { headers: auth })).json()) as {
      data: { id: string }[];
    };
    expect(listed.data.map((t) => t.id)).toContain(id);

    // One address, alternating apis, a different (unknown) email each time so only the
    // per-address limit applies: it counts every attempt, whichever api it landed on.
    const ip = `203.0.113.${1 + Math.floor(Math.random() * 250)}`;
    const statuses: number[] = [];
    for (let n = 0; n < LOGINS_PER_IP + 2; n++) {
      const email = `nobody-${n}-${uniq()}@scale.test`;
      statuses.push((await login(n % 2, ip, email, 'not-the-password')).status);
    }
    expect(statuses).toEqual([...Array<number>(LOGINS_PER_IP).fill(401), 429, 429]);
  });

  it('runs a scheduled job once per period, not once per worker', async () => {
    const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
    const events = new QueueEvents(QueueName.Maintenance, {
      connection,
      prefix: api.config.QUEUE_PREFIX,
    });
    const runs = new Set<string>();
    events.on('completed', ({ jobId }) => {
      if (jobId.includes(JobName.ReconcileDeliveries)) runs.add(jobId);
    });
    await events.waitUntilReady();
    try {
      const windowMs = 4000;
      await new Promise((resolve) => setTimeout(resolve, windowMs));
      // Once per period: about windowMs / period runs (a worker each would double it).
      expect(runs.size).toBeGreaterThanOrEqual(windowMs / RECONCILE_MS / 2);
      expect(runs.size).toBeLessThanOrEqual(windowMs / RECONCILE_MS + 2);
    } finally {
      await events.close();
      connection.disconnect();
    }
  });

  it('delivers a fan-out completely when one worker is SIGKILLed mid-way', async () => {
    const id = await createDraft(api, p.admin, {
      subjectTemplate: 'Scale drill for {{supplier.name}}',
      bodyTemplate: 'Hello {{contact.name}}',
      topic,
      audience: { supplierIds },
      channels: ['email'],
    });
    const sent = await call(1, `/api/v1/communications/${id}/send`, {
      method: 'POST',
      headers: { authorization: `Bearer ${p.admin.bearer}`, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(sent.status).toBe(202);
    const counts = async () => {
      const [row] = await api.db.query(
        `SELECT count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
                count(*) FILTER (WHERE status = 'sending')::int AS sending,
                count(*) FILTER (WHERE status IN ('delivered', 'permanent_failure', 'technical_failure'))::int AS terminal
           FROM deliveries WHERE communication_id = $1`,
        [id],
      );
      return row as { delivered: number; sending: number; terminal: number };
    };
    await waitFor(async () => (await counts()).delivered >= EMAILS / 5, {
      what: 'a fifth delivered',
      intervalMs: 20,
    });
    await workers[0].stop('SIGKILL');
    const atKill = await counts();
    expect(atKill.delivered).toBeLessThan(EMAILS);
    await waitFor(async () => (await counts()).terminal === EMAILS, {
      what: 'every delivery terminal with one worker left',
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const rows = await deliveriesOf(api.db, id);
    expect(rows).toHaveLength(EMAILS);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    const ids = new Set(rows.map((r) => r.id));
    const mails = smtp.messages.filter((m) => ids.has(m.deliveryId));
    expect(new Set(mails.map((m) => m.deliveryId)).size).toBe(EMAILS);
    // Repeats only for deliveries in flight (`sending`) when the worker died.
    expect(mails.length - EMAILS).toBeLessThanOrEqual(atKill.sending);
  }, 90_000);
});
