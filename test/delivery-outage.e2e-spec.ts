import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDraft, createSupplier, uniq } from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { SmtpSink } from './support/smtp-sink.js';
import { spawnProcess, type SpawnedProcess } from './support/spawned-api.js';
import { startTestApi, type TestApi } from './support/test-app.js';
import {
  freePort,
  startThrowawayPostgres,
  startThrowawayRedis,
  type ThrowawayServer,
} from './support/throwaway.js';
import { waitFor } from './support/wait.js';

const RECIPIENTS = 500;
/** Deliveries one worker has in flight at most: the bound on repeats of an unknown outcome. */
const IN_FLIGHT = 50;
const LEASE_SECONDS = 5;

/**
 * 500-recipient email sends under faults, on a throwaway PostgreSQL and Redis with the
 * real worker process: PostgreSQL stopped for 15 s mid-send, and the worker killed with
 * SIGKILL mid-send. Every recipient must get the message; repeats (same Message-ID) only
 * for sends whose outcome was unknown, at most the in-flight bound, and none later on.
 */
describe('delivery after outages: PostgreSQL stopped and worker killed mid-send', () => {
  let postgres: ThrowawayServer;
  let redis: ThrowawayServer;
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  let worker: SpawnedProcess | undefined;
  const smtp = new SmtpSink(0);
  const env = () => ({
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    SMTP_URL: smtp.url,
    DELIVERY_CONCURRENCY: String(IN_FLIGHT),
    DELIVERY_LEASE_SECONDS: String(LEASE_SECONDS),
    DELIVERY_STALE_SECONDS: '5',
    DELIVERY_RECONCILE_MS: '1000',
    DELIVERY_BACKOFF_MS: '200',
    SCHEDULER_REFRESH_MS: '500',
    EMAIL_RATE_PER_SECOND: '0',
  });

  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startThrowawayPostgres(), startThrowawayRedis()]);
    Object.assign(smtp, { port: await freePort() });
    // A slow mail server keeps the worker's in-flight bound busy, as in production.
    smtp.delayMs = 400;
    await smtp.start();
    const dbEnv = { ...process.env, DATABASE_URL: postgres.url, REDIS_URL: redis.url };
    execFileSync('node', ['dist/src/database/cli/migrate.js'], { env: dbEnv, stdio: 'pipe' });
    execFileSync('node', ['dist/src/database/cli/seed.js'], { env: dbEnv, stdio: 'pipe' });
    api = await startTestApi({ DATABASE_URL: postgres.url, REDIS_URL: redis.url });
    p = await signInAll(api);
    worker = await spawnProcess('worker', env());
  }, 120_000);
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api?.close();
    await smtp.stop();
    await Promise.all([postgres?.destroy(), redis?.destroy()]);
  });

  /** A supplier with 500 subscribed contacts and an email communication sent to them. */
  const send = async (): Promise<string> => {
    const topic = `outage-${uniq()}`;
    const s = await createSupplier(api, p.admin, { name: `Outage Ltd ${uniq()}`, contacts: [] });
    await api.db.query(
      `INSERT INTO supplier_contacts (supplier_id, name, email, topics)
       SELECT $1, 'Contact ' || n, 'c' || n || '.' || $3 || '@outage.test', ARRAY[$2]
         FROM generate_series(1, $4) AS n`,
      [s.id, topic, topic, RECIPIENTS],
    );
    const id = await createDraft(api, p.admin, {
      subjectTemplate: 'Outage drill for {{supplier.name}}',
      bodyTemplate: 'Hello {{contact.name}}',
      topic,
      audience: { supplierIds: [s.id] },
      channels: ['email'],
    });
    const sent = await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({});
    expect(sent.status).toBe(202);
    return id;
  };
  const counts = async (id: string) => {
    const [row] = await api.db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
              count(*) FILTER (WHERE status = 'sending')::int AS sending
         FROM deliveries WHERE communication_id = $1`,
      [id],
    );
    return row as { total: number; delivered: number; sending: number };
  };
  const mails = async (id: string) => {
    const ids = new Set(
      (
        await api.db.query<
          {
            id: string;
          }[]
        >(`SELECT id FROM deliveries WHERE communication_id = $1`, [id])
      ).map((r) => r.id),
    );
    const received = smtp.messages.filter((m) => ids.has(m.deliveryId));
    const distinct = new Set(received.map((m) => m.deliveryId));
    return { ids, received: received.length, distinct: distinct.size };
  };
  const allDelivered = (id: string, timeoutMs: number) =>
    waitFor(
      async () => {
        const c = await counts(id).catch(() => null);
        return c !== null && c.total === RECIPIENTS && c.delivered === RECIPIENTS;
      },
      { what: 'every delivery delivered', timeoutMs, intervalMs: 250 },
    );

  it('PostgreSQL stopped 15 s mid-send: all delivered, repeats within the in-flight bound, none later', async () => {
    const id = await send();
    await waitFor(async () => (await counts(id)).delivered >= RECIPIENTS / 5, {
      what: 'a fifth delivered',
      timeoutMs: 60_000,
      intervalMs: 50,
    });
    await postgres.stop();
    await new Promise((r) => setTimeout(r, 15_000));
    await postgres.start();
    const back = Date.now();
    await allDelivered(id, 120_000);
    const recoveredMs = Date.now() - back;
    // Late repeats are what the old fixed stale window produced: wait several leases.
    await new Promise((r) => setTimeout(r, 4 * LEASE_SECONDS * 1000));
    const m = await mails(id);
    console.log(
      `postgres outage: all ${RECIPIENTS} delivered ${recoveredMs} ms after restart; ` +
        `${m.received} messages, ${m.received - m.distinct} repeated`,
    );
    expect(m.distinct).toBe(RECIPIENTS);
    expect(m.received - m.distinct).toBeLessThanOrEqual(IN_FLIGHT);
    // The worker stayed alive: every send's outcome was known and recorded once the
    // database was back, so nothing is sent twice (before the fix: 50, the in-flight bound).
    expect(m.received - m.distinct).toBe(0);
  }, 240_000);

  it('worker killed with SIGKILL mid-send: all delivered within 60 s of the restart', async () => {
    const id = await send();
    await waitFor(async () => (await counts(id)).delivered >= RECIPIENTS / 5, {
      what: 'a fifth delivered',
      timeoutMs: 60_000,
      intervalMs: 50,
    });
    worker!.child.kill('SIGKILL');
    await worker!.stop('SIGKILL');
    const atKill = await counts(id);
    worker = await spawnProcess('worker', env());
    const restarted = Date.now();
    await allDelivered(id, 60_000);
    const recoveredMs = Date.now() - restarted;
    await new Promise((r) => setTimeout(r, 2 * LEASE_SECONDS * 1000));
    const m = await mails(id);
    console.log(
      `worker SIGKILL: ${atKill.delivered} delivered and ${atKill.sending} sending at the kill; ` +
        `all ${RECIPIENTS} delivered ${recoveredMs} ms after restart; ` +
        `${m.received} messages, ${m.received - m.distinct} repeated`,
    );
    expect(recoveredMs).toBeLessThan(60_000);
    expect(m.distinct).toBe(RECIPIENTS);
    expect(m.received - m.distinct).toBeLessThanOrEqual(Math.max(atKill.sending, 0) + IN_FLIGHT);
  }, 180_000);
});
