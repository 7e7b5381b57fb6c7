import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import type { DomainEventPayloads, DomainEventType } from './domain-event-registry.js';
import { JobName, type JobPayloads, type OutboxJobName } from './job-registry.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { OutboxRelay } from './outbox-relay.service.js';

const INSERT_CHUNK = 5000;

/** What a unit of work sees: its transaction, and a way to queue work for after commit. */
export class Tx {
  readonly pending: OutboxMessage[] = [];

  constructor(readonly manager: EntityManager) {}

  /**
   * Records a job in the outbox, inside this transaction; it is enqueued after commit,
   * delayed until `availableAt` when given.
   */
  emit<J extends OutboxJobName>(
    jobName: J,
    payload: JobPayloads[J],
    opts: { availableAt?: Date } = {},
  ): string {
    const row = Object.assign(new OutboxMessage(), {
      id: randomUUID(),
      jobName,
      payload: payload as Record<string, unknown>,
      status: 'pending' as const,
      attempts: 0,
      availableAt: opts.availableAt ?? null,
    });
    this.pending.push(row);
    return row.id;
  }

  /** Publishes a domain event after commit, through the outbox. */
  publish<T extends DomainEventType>(type: T, data: DomainEventPayloads[T]): string {
    return this.emit(JobName.DomainEvent, { type, data, occurredAt: new Date().toISOString() });
  }
}

/**
 * Runs a business change in one Postgres transaction together with the outbox rows it
 * emitted, then hands those rows to the relay. The only way services open transactions.
 */
@Injectable()
export class UnitOfWork {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly relay: OutboxRelay,
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let emitted: OutboxMessage[] = [];
    const result = await this.db.transaction(async (manager) => {
      const tx = new Tx(manager);
      const value = await work(tx);
      for (let i = 0; i < tx.pending.length; i += INSERT_CHUNK) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(OutboxMessage)
          .values(tx.pending.slice(i, i + INSERT_CHUNK) as QueryDeepPartialEntity<OutboxMessage>[])
          .execute();
      }
      emitted = tx.pending;
      return value;
    });
    await this.relay.publish(emitted);
    return result;
  }
}
