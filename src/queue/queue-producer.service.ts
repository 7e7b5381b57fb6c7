import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Queue, type JobsOptions } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { withTimeout } from '../common/with-timeout.js';
import { JOBS, type JobName, type JobPayloads, QueueName } from './job-registry.js';
import { redisOptions } from './redis-connection.js';

export interface JobToAdd<J extends JobName = JobName> {
  name: J;
  data: JobPayloads[J];
  opts?: JobsOptions;
}

/** Adds jobs to BullMQ. Used by the outbox relay and by the worker's own schedulers. */
@Injectable()
export class QueueProducer implements OnModuleDestroy {
  private readonly log = new Logger(QueueProducer.name);
  private readonly queues = new Map<QueueName, Queue>();
  private closed = false;

  constructor(private readonly config: AppConfig) {}

  /**
   * The queue, connected on first use. Once the app is shutting down no new connection is
   * opened: an enqueue still in flight then (an outbox relay finishing after a request)
   * fails, and its outbox rows stay pending for the reconciler, instead of leaving a Redis
   * connection that nothing will close.
   */
  queue(name: QueueName): Queue {
    if (this.closed) throw new Error(`queue producer closed; ${name} not opened`);
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: redisOptions(this.config.REDIS_URL, 'producer'),
        prefix: this.config.QUEUE_PREFIX,
      });
      queue.on('error', (err) => this.log.warn(`queue ${name}: ${err.message}`));
      this.queues.set(name, queue);
    }
    return queue;
  }

  /** Adds jobs grouped by queue, one round trip per queue. */
  async addBulk(jobs: JobToAdd[]): Promise<void> {
    const byQueue = new Map<QueueName, JobToAdd[]>();
    for (const job of jobs) {
      const q = JOBS[job.name].queue;
      const list = byQueue.get(q);
      if (list) list.push(job);
      else byQueue.set(q, [job]);
    }
    await Promise.all(
      [...byQueue].map(([q, list]) =>
        this.queue(q).addBulk(
          list.map((j) => ({ name: j.name, data: j.data, opts: this.options(j) })),
        ),
      ),
    );
  }

  private options(job: JobToAdd): JobsOptions {
    return {
      attempts: JOBS[job.name].attempts,
      backoff: { type: 'exponential', delay: 2000 },
      removeOnComplete: true,
      removeOnFail: { age: 7 * 24 * 3600 },
      ...job.opts,
    };
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [...this.queues.values()].map((q) =>
        withTimeout(q.close(), 500, `closing queue ${q.name}`).catch(() => q.disconnect()),
      ),
    );
    this.queues.clear();
  }
}
