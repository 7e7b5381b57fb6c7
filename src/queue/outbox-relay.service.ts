import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { withTimeout } from '../common/with-timeout.js';
import type { JobName, JobPayloads } from './job-registry.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { QueueProducer } from './queue-producer.service.js';

const RECONCILE_BATCH = 1000;
/** A request never waits longer than this for Redis; the reconciler covers the rest. */
const PUBLISH_TIMEOUT_MS = 1500;

/**
 * Moves committed outbox rows into BullMQ. `publish` runs right after a commit; when
 * Redis is away it only logs, because `reconcile` (a scheduled worker job) re-sends every
 * row still pending after OUTBOX_STALE_SECONDS. BullMQ ignores an add whose jobId exists.
 */
@Injectable()
export class OutboxRelay {
  private readonly log = new Logger(OutboxRelay.name);

  constructor(
    private readonly producer: QueueProducer,
    private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async publish(
    messages: (Pick<OutboxMessage, 'id' | 'jobName' | 'payload'> & { availableAt?: Date | null })[],
  ): Promise<void> {
    if (messages.length === 0) return;
    try {
      const now = Date.now();
      const jobs = messages.map((m) => ({
        name: m.jobName as JobName,
        data: m.payload as JobPayloads[JobName],
        opts: {
          jobId: m.id,
          ...(m.availableAt && { delay: Math.max(0, new Date(m.availableAt).getTime() - now) }),
        },
      }));
      await withTimeout(this.producer.addBulk(jobs), PUBLISH_TIMEOUT_MS, 'enqueue');
    } catch (err) {
      this.log.warn(
        `enqueue of ${messages.length} outbox message(s) deferred to the reconciler: ${(err as Error).message}`,
      );
    }
  }

  /** Re-enqueues stale pending rows; returns how many were sent. */
  async reconcile(): Promise<number> {
    const stale: OutboxMessage[] = await this.db.getRepository(OutboxMessage).query(
      `SELECT id, job_name AS "jobName", payload, available_at AS "availableAt" FROM outbox_messages
        WHERE status = 'pending' AND created_at < now() - make_interval(secs => $1)
          AND (available_at IS NULL OR available_at <= now())
        ORDER BY created_at LIMIT $2`,
      [this.config.OUTBOX_STALE_SECONDS, RECONCILE_BATCH],
    );
    await this.publish(stale);
    return stale.length;
  }
}
