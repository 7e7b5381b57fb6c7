import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobName, QueueName } from '../src/queue/job-registry.js';
import { OutboxRelay } from '../src/queue/outbox-relay.service.js';
import { QueueProducer } from '../src/queue/queue-producer.service.js';
import { UnitOfWork } from '../src/queue/unit-of-work.service.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import {
  startThrowawayPostgres,
  startThrowawayRedis,
  type ThrowawayServer,
} from './support/throwaway.js';
import { waitFor } from './support/wait.js';

/** Polls /health/ready until it answers `status`; returns that response. */
const readyBecomes = (api: TestApi, status: number) =>
  waitFor(
    async () => {
      const res = await api.http().get('/health/ready');
      return res.status === status && res;
    },
    { timeoutMs: 10000, intervalMs: 100, what: `/health/ready to answer ${status}` },
  );

async function expectNotReadyNaming(api: TestApi, dependency: string): Promise<void> {
  const res = await readyBecomes(api, 503);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.body).toMatchObject({
    status: 503,
    code: 'dependency_unavailable',
    down: [dependency],
  });
  expect(res.body.detail).toContain(dependency);
  expect((await api.http().get('/health/live')).status).toBe(200);
}

describe('faults: readiness follows Redis going away and coming back', () => {
  let redis: ThrowawayServer;
  let api: TestApi;
  beforeAll(async () => {
    redis = await startThrowawayRedis();
    api = await startTestApi({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await api?.close();
    await redis?.destroy();
  });

  it('ready 200 → 503 naming redis while it is down (live stays 200) → 200 after restart', async () => {
    expect((await api.http().get('/health/ready')).status).toBe(200);
    await redis.stop();
    await expectNotReadyNaming(api, 'redis');
    await redis.start();
    const res = await readyBecomes(api, 200);
    expect(res.body.details).toMatchObject({ redis: { status: 'up' }, postgres: { status: 'up' } });
  });
});

describe('faults: readiness follows PostgreSQL going away and coming back', () => {
  let postgres: ThrowawayServer;
  let api: TestApi;
  beforeAll(async () => {
    postgres = await startThrowawayPostgres();
    api = await startTestApi({ DATABASE_URL: postgres.url });
  });
  afterAll(async () => {
    await api?.close();
    await postgres?.destroy();
  });

  it('ready 200 → 503 naming postgres while it is down (live stays 200) → 200 after restart', async () => {
    expect((await api.http().get('/health/ready')).status).toBe(200);
    await postgres.stop();
    await expectNotReadyNaming(api, 'postgres');
    // Any request that needs the database, signing in included: 503 with Retry-After.
    const login = await api
      .http()
      .post('/api/v1/auth/login')
      .send({ email: 'someone@example.test', password: 'a-password' });
    expect(login.status).toBe(503);
    expect(login.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(login.body.code).toBe('service_unavailable');
    expect(Number(login.headers['retry-after'])).toBeGreaterThan(0);
    await postgres.start();
    const res = await readyBecomes(api, 200);
    expect(res.body.details).toMatchObject({ redis: { status: 'up' }, postgres: { status: 'up' } });
  });
});

describe('faults: the worker recovers after Redis restarts', () => {
  let redis: ThrowawayServer;
  let api: TestApi;
  let worker: { close: () => Promise<void> };
  beforeAll(async () => {
    redis = await startThrowawayRedis();
    api = await startTestApi({ REDIS_URL: redis.url });
    worker = await startTestWorker({ REDIS_URL: redis.url });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.destroy();
  });

  it('restores the job schedulers and processes a probe emitted after the restart', async () => {
    await redis.stop();
    await readyBecomes(api, 503);
    await redis.start();
    await readyBecomes(api, 200);
    // The restarted Redis is empty: the worker puts the reconciler's scheduler back.
    const maintenance = api.app.get(QueueProducer).queue(QueueName.Maintenance);
    await waitFor(() => maintenance.getJobScheduler(JobName.ReconcileOutbox).catch(() => null), {
      timeoutMs: 10000,
      what: 'the outbox reconciler scheduler to be restored',
    });

    const uow = api.app.get(UnitOfWork);
    const id = await uow.run(async (tx) => tx.emit(JobName.SystemProbe, { delayMs: 0 }));
    const status = async () => {
      const [row] = await api.db.query(
        `SELECT id, job_name AS "jobName", payload, status FROM outbox_messages WHERE id = $1`,
        [id],
      );
      return row as {
        id: string;
        jobName: string;
        payload: Record<string, unknown>;
        status: string;
      };
    };
    let lastPublish = Date.now();
    await waitFor(
      async () => {
        const row = await status();
        // The producer's own connection may still be reconnecting when the emit ran: the
        // enqueue is then deferred; publish the same row again (idempotent by jobId).
        if (row.status === 'pending' && Date.now() - lastPublish > 1000) {
          lastPublish = Date.now();
          await api.app.get(OutboxRelay).publish([row]);
        }
        return row.status === 'done';
      },
      { timeoutMs: 15000, intervalMs: 100, what: `outbox row ${id} to be done` },
    );
    expect((await status()).status).toBe('done');
  });
});
