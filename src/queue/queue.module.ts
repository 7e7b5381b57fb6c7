import { Global, Inject, Module, type OnModuleDestroy } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import type { Redis } from 'ioredis';
import { APP_REDIS, appRedisProvider } from './app-redis.js';
import { DomainEventHandler } from './handlers/domain-event.handler.js';
import { ReconcileOutboxHandler } from './handlers/reconcile-outbox.handler.js';
import { SystemProbeHandler } from './handlers/system-probe.handler.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { QueueProducer } from './queue-producer.service.js';
import { UnitOfWork } from './unit-of-work.service.js';

/** Producer side of the queues, used by api and worker alike: unit of work, outbox, relay. */
@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [
    appRedisProvider,
    QueueProducer,
    OutboxRelay,
    UnitOfWork,
    ReconcileOutboxHandler,
    SystemProbeHandler,
    DomainEventHandler,
  ],
  exports: [APP_REDIS, QueueProducer, OutboxRelay, UnitOfWork],
})
export class QueueModule implements OnModuleDestroy {
  constructor(@Inject(APP_REDIS) private readonly redis: Redis) {}

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
