import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { createDraft, createSupplier, deliveriesOf, uniq } from './support/comms-fixtures.js';
import { as, type Principal, type PrincipalName, signInAll } from './support/principals.js';
import { SmtpSink } from './support/smtp-sink.js';
import { spawnProcess, type SpawnedProcess } from './support/spawned-api.js';
import { freePort, startThrowawayRedis, type ThrowawayServer } from './support/throwaway.js';
import { startTestApi, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';
import { WebhookReceiver } from './support/webhook-receiver.js';

const SUPPLIERS = 12;
const CONTACTS_EACH = 100;
/** One email per contact, one webhook per supplier endpoint. */
const TOTAL = SUPPLIERS * CONTACTS_EACH + SUPPLIERS;

/**
 * Fault tests with real processes and a throwaway Redis: a worker killed mid-fan-out and
 * restarted, and a Redis FLUSHALL mid-fan-out. Each must end with every delivery in a
 * terminal state, every contact's email and every endpoint's webhook received (distinct
 * delivery ids at the SMTP sink, distinct webhook-ids at a receiver that verifies
 * signatures) and no delivery sent twice beyond the documented window.
 */
describe('communications under faults: worker crash and Redis flush', () => {
  let api: TestApi;
  let p: Record<PrincipalName, Principal>;
  let redis: ThrowawayServer;
  let worker: SpawnedProcess | undefined;
  const receiver = new WebhookReceiver();
  const smtp = new SmtpSink(0);
  const topic = `fault-${uniq()}`;
  const supplierIds: string[] = [];
  const workerEnv = () => ({
    REDIS_URL: redis.url,
    DELIVERY_STALE_SECONDS: '2',
    DELIVERY_RECONCILE_MS: '500',
    SCHEDULER_REFRESH_MS: '500',
    WEBHOOK_RATE_PER_SECOND: '0',
    EMAIL_RATE_PER_SECOND: '0',
    SMTP_URL: smtp.url,
    DELIVERY_CONCURRENCY: '20',
    DELIVERY_BACKOFF_MS: '200',
  });

  beforeAll(async () => {
    redis = await startThrowawayRedis();
    await receiver.start();
    receiver.delayMs = 25;
    Object.assign(smtp, { port: await freePort() });
    await smtp.start();
    api = await startTestApi({ REDIS_URL: redis.url });
    p = await signInAll(api);
    for (let i = 0; i < SUPPLIERS; i++) {
      const s = await createSupplier(api, p.admin, {
        name: `Fault Supplier ${i} ${uniq()}`,
        contacts: [],
        webhook: { receiver },
      });
      supplierIds.push(s.id);
    }
    await api.db.query(
      `INSERT INTO supplier_contacts (supplier_id, name, email, topics)
       SELECT s, 'Contact ' || n, 'c' || n || '.' || left(s::text, 8) || '@fault.test', ARRAY[$2]
         FROM unnest($1::uuid[]) AS s, generate_series(1, $3) AS n`,
      [supplierIds, topic, CONTACTS_EACH],
    );
    worker = await spawnProcess('worker', workerEnv());
  }, 60000);
  afterAll(async () => {
    await worker?.stop('SIGKILL');
    await api.close();
    await receiver.stop();
    await smtp.stop();
    await redis.destroy();
  });

  const startFanOut = async () => {
    const id = await createDraft(api, p.admin, {
      subjectTemplate: 'Fault drill for {{supplier.name}}',
      bodyTemplate: 'Hello {{contact.name}}',
      topic,
      audience: { supplierIds },
      channels: ['email', 'webhook'],
    });
    expect((await as(api, p.admin).post(`/api/v1/communications/${id}/send`).send({})).status).toBe(
      202,
    );
    return id;
  };
  const counts = async (id: string) => {
    const [row] = await api.db.query(
      `SELECT count(*)::int AS total,
              count(*) FILTER (WHERE status = 'delivered')::int AS delivered,
              count(*) FILTER (WHERE status = 'sending')::int AS sending,
              count(*) FILTER (WHERE status IN ('delivered', 'permanent_failure', 'technical_failure'))::int AS terminal
         FROM deliveries WHERE communication_id = $1`,
      [id],
    );
    return row as { total: number; delivered: number; sending: number; terminal: number };
  };
  const received = (id: string) =>
    receiver.requests.filter((r) => r.payload?.data.communicationId === id);
  const mailed = (rows: { id: string }[]) => {
    const ids = new Set(rows.map((r) => r.id));
    return smtp.messages.filter((m) => ids.has(m.deliveryId));
  };

  it('a worker killed mid-fan-out and restarted: every delivery ends delivered, each webhook-id received', async () => {
    const id = await startFanOut();
    const total = TOTAL;
    await waitFor(async () => (await counts(id)).delivered >= total / 4, {
      what: 'a quarter delivered',
      intervalMs: 20,
    });
    worker!.child.kill('SIGKILL');
    await worker!.stop('SIGKILL');
    const atKill = await counts(id);
    expect(atKill.delivered).toBeLessThan(total);
    worker = await spawnProcess('worker', workerEnv());

    await waitFor(async () => (await counts(id)).terminal === total, {
      what: 'every delivery terminal after the restart',
      timeoutMs: 100_000,
      intervalMs: 250,
    });
    const rows = await deliveriesOf(api.db, id);
    expect(rows).toHaveLength(total);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    const hookRows = rows.filter((r) => r.channel === 'webhook');
    expect(hookRows).toHaveLength(SUPPLIERS);
    const hooks = received(id);
    const ids = new Set(hooks.map((h) => h.webhookId));
    expect(ids).toEqual(new Set(hookRows.map((r) => r.id)));
    expect(hooks.every((h) => h.verified)).toBe(true);
    const emailRows = rows.filter((r) => r.channel === 'email');
    const mails = mailed(emailRows);
    const mailIds = new Set(mails.map((m) => m.deliveryId));
    expect(mailIds.size).toBe(emailRows.length);
    // Repeats only inside the at-least-once window: deliveries `sending` (the request
    // possibly received, not yet recorded) when the worker died; same webhook-id (and
    // delivery id header), so the receiver de-duplicates them.
    expect(hooks.length - ids.size + mails.length - mailIds.size).toBeLessThanOrEqual(
      atKill.sending,
    );
  }, 150_000);

  it('a Redis FLUSHALL mid-fan-out: every delivery ends delivered, each exactly once', async () => {
    const id = await startFanOut();
    const total = TOTAL;
    await waitFor(async () => (await counts(id)).delivered >= total / 4, {
      what: 'a quarter delivered',
      intervalMs: 20,
    });
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    expect((await counts(id)).delivered).toBeLessThan(total);

    await waitFor(async () => (await counts(id)).terminal === total, {
      what: 'every delivery terminal after the flush',
      timeoutMs: 60_000,
      intervalMs: 250,
    });
    const rows = await deliveriesOf(api.db, id);
    expect(rows.every((r) => r.status === 'delivered')).toBe(true);
    const hookRows = rows.filter((r) => r.channel === 'webhook');
    const hooks = received(id);
    expect(new Set(hooks.map((h) => h.webhookId))).toEqual(new Set(hookRows.map((r) => r.id)));
    expect(hooks).toHaveLength(SUPPLIERS);
    expect(hooks.every((h) => h.verified)).toBe(true);
    const emailRows = rows.filter((r) => r.channel === 'email');
    expect(mailed(emailRows)).toHaveLength(SUPPLIERS * CONTACTS_EACH);
  }, 120_000);
});
