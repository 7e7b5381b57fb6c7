import { Global, Module } from '@nestjs/common';
import { ReconcileOutboxHandler } from './handlers/reconcile-outbox.handler.js';
import { SystemProbeHandler } from './handlers/system-probe.handler.js';
import { OutboxRelay } from './outbox-relay.service.js';
import { QueueProducer } from './queue-producer.service.js';
import { UnitOfWork } from './unit-of-work.service.js';

/** Producer side of the queues, used by api and worker alike: unit of work, outbox, relay. */
@Global()
@Module({
  providers: [QueueProducer, OutboxRelay, UnitOfWork, ReconcileOutboxHandler, SystemProbeHandler],
  exports: [QueueProducer, OutboxRelay, UnitOfWork],
})
export class QueueModule {}
