import { Injectable, Module } from '@nestjs/common';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobName } from '../src/queue/job-registry.js';
import { OnDomainEvent } from '../src/queue/on-domain-event.decorator.js';
import { OutboxRelay } from '../src/queue/outbox-relay.service.js';
import { UnitOfWork } from '../src/queue/unit-of-work.service.js';
import { startTestApi, startTestWorker, type TestApi } from './support/test-app.js';
import { waitFor } from './support/wait.js';

const received: { note: string }[] = [];

@Injectable()
class PingSubscriber {
  @OnDomainEvent('system.ping')
  async onPing(data: { note: string }) {
    received.push(data);
  }
}
@Module({ providers: [PingSubscriber] })
class PingModule {}

const rowStatus = async (api: TestApi, id: string) =>
  (await api.db.query(`SELECT status FROM outbox_messages WHERE id = $1`, [id]))[0]
    ?.status as string;

describe('transactional outbox and domain events', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  beforeAll(async () => {
    api = await startTestApi();
    worker = await startTestWorker({}, [PingModule]);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('a job emitted in a committed transaction reaches the worker and is marked done', async () => {
    const id = await api.app
      .get(UnitOfWork)
      .run(async (tx) => tx.emit(JobName.SystemProbe, { delayMs: 0 }));
    await waitFor(async () => (await rowStatus(api, id)) === 'done', { what: 'probe done' });
  });

  it('nothing is emitted when the transaction rolls back', async () => {
    let id = '';
    await expect(
      api.app.get(UnitOfWork).run(async (tx) => {
        id = tx.emit(JobName.SystemProbe, { delayMs: 0 });
        throw new Error('business rule failed');
      }),
    ).rejects.toThrow('business rule failed');
    expect(await rowStatus(api, id)).toBeUndefined();
  });

  it('a domain event reaches its @OnDomainEvent subscriber in the worker', async () => {
    const note = `ping ${Date.now()}`;
    await api.app.get(UnitOfWork).run(async (tx) => tx.publish('system.ping', { note }));
    await waitFor(async () => received.some((r) => r.note === note), { what: 'subscriber call' });
  });

  it('with Redis unreachable the change still commits; the reconciler delivers it later', async () => {
    const offline = await startTestApi({ REDIS_URL: 'redis://127.0.0.1:1' });
    try {
      const id = await offline.app
        .get(UnitOfWork)
        .run(async (tx) => tx.emit(JobName.SystemProbe, { delayMs: 0 }));
      expect(await rowStatus(api, id)).toBe('pending');
      await waitFor(
        async () =>
          (await api.app.get(OutboxRelay).reconcile()) >= 0 &&
          (await rowStatus(api, id)) === 'done',
        {
          what: 'reconciled probe',
          intervalMs: 300,
        },
      );
    } finally {
      await offline.close();
    }
  });
});
