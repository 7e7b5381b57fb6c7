import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { type Job, type MinimalJob, Worker, type WorkerOptions } from 'bullmq';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { deliveryChunkSize, deliveryRate } from './delivery-chunks.js';
import { JOB_HANDLER, type JobHandler } from './job-handler.js';
import {
  JITTER_BACKOFF,
  type JobDefinition,
  JOBS,
  JobName,
  type JobPayloads,
  QueueName,
} from './job-registry.js';
import { OutboxMessage } from './outbox-message.entity.js';
import { QueueProducer } from './queue-producer.service.js';
import { redisOptions } from './redis-connection.js';

export class MissingJobHandlerError extends Error {}

const MAX_BACKOFF_MS = 3600_000;
/**
 * Delivery jobs are short and their lock is renewed while they run, so a crashed worker's
 * chunks are found stalled (and retried) within seconds rather than a minute.
 */
const DELIVERY_LOCK_MS = 10_000;

/** Exponential backoff with jitter: a random delay between half and all of base × 2^(n-1). */
export function jitterDelay(base: number, attemptsMade: number): number {
  const cap = Math.min(MAX_BACKOFF_MS, base * 2 ** Math.max(0, attemptsMade - 1));
  return Math.round(cap / 2 + (Math.random() * cap) / 2);
}

/** BullMQ's backoff strategy for JITTER_BACKOFF jobs (the job's backoff delay as base). */
export function jitterBackoff(attemptsMade: number, type?: string, _e?: Error, job?: MinimalJob) {
  if (type !== JITTER_BACKOFF) return 0;
  const base = typeof job?.opts.backoff === 'object' ? (job.opts.backoff.delay ?? 1000) : 1000;
  return jitterDelay(base, attemptsMade);
}

/**
 * The worker process's engine: one BullMQ Worker per queue, dispatching each job to the
 * provider marked `@HandlesJob(name)`, keeping outbox rows in step, and registering the
 * job schedulers. Boot fails when a registered job has no handler.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger(WorkerHost.name);
  private readonly handlers = new Map<string, JobHandler>();
  private readonly workers: Worker[] = [];
  private refresh?: NodeJS.Timeout;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
    private readonly producer: QueueProducer,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.collectHandlers();
    for (const queue of Object.values(QueueName)) this.workers.push(this.startWorker(queue));
    await this.upsertSchedulers();
    this.restoreSchedulersOnReconnect();
    this.refresh = setInterval(
      () => void this.upsertSchedulers().catch((e: Error) => this.log.warn(e.message)),
      this.config.SCHEDULER_REFRESH_MS,
    );
    this.refresh.unref();
    this.log.log(`worker started: ${this.workers.length} queues, ${this.handlers.size} job types`);
  }

  private collectHandlers(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as JobHandler | undefined;
      if (!instance || !wrapper.metatype) continue;
      const name = Reflect.getMetadata(JOB_HANDLER, wrapper.metatype) as string | undefined;
      if (name) this.handlers.set(name, instance);
    }
    const missing = Object.values(JobName).filter((n) => !this.handlers.has(n));
    if (missing.length > 0) {
      throw new MissingJobHandlerError(`No handler for job(s): ${missing.join(', ')}`);
    }
  }

  private startWorker(queue: QueueName): Worker {
    const worker = new Worker<JobPayloads[JobName]>(queue, (job) => this.process(job), {
      connection: redisOptions(this.config.REDIS_URL, 'worker'),
      prefix: this.config.QUEUE_PREFIX,
      concurrency: this.config.WORKER_CONCURRENCY,
      settings: { backoffStrategy: jitterBackoff },
      ...this.channelOptions(queue),
    });
    worker.on('error', (err) => this.log.warn(`worker ${queue}: ${err.message}`));
    worker.on('failed', (job, err) => void this.recordFailure(job, err));
    return worker;
  }

  /**
   * Delivery queues: their own stall detection, and concurrency and rate limit counted in
   * deliveries (a job carries a chunk: DELIVERY_CONCURRENCY deliveries in flight at most,
   * one chunk every chunk ÷ rate seconds).
   */
  private channelOptions(queue: QueueName): Partial<WorkerOptions> {
    if (queue !== QueueName.EmailDeliveries && queue !== QueueName.WebhookDeliveries) return {};
    const chunk = deliveryChunkSize(this.config, queue);
    const rate = deliveryRate(this.config, queue);
    return {
      concurrency: Math.max(1, Math.floor(this.config.DELIVERY_CONCURRENCY / chunk)),
      lockDuration: DELIVERY_LOCK_MS,
      stalledInterval: DELIVERY_LOCK_MS / 2,
      ...(rate > 0 && { limiter: { max: 1, duration: Math.round((1000 * chunk) / rate) } }),
    };
  }

  private async process(job: Job<JobPayloads[JobName]>): Promise<unknown> {
    const def = JOBS[job.name as JobName];
    const handler = this.handlers.get(job.name);
    if (!def || !handler) throw new MissingJobHandlerError(`No handler for job ${job.name}`);
    if (def.kind !== 'outbox') return handler.handle(job.data, job);

    const outbox = this.db.getRepository(OutboxMessage);
    const row = await outbox.findOne({ where: { id: job.id }, select: { id: true, status: true } });
    if (!row || row.status !== 'pending') return { skipped: row?.status ?? 'missing' };
    const result = await handler.handle(job.data, job);
    await outbox.update(
      { id: row.id, status: 'pending' },
      { status: 'done', processedAt: new Date(), attempts: job.attemptsMade + 1 },
    );
    return result;
  }

  private async recordFailure(job: Job | undefined, err: Error): Promise<void> {
    if (!job?.id || JOBS[job.name as JobName]?.kind !== 'outbox') return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    this.log.warn(`job ${job.name} ${job.id} failed (attempt ${job.attemptsMade}): ${err.message}`);
    try {
      await this.db.getRepository(OutboxMessage).update(
        { id: job.id, status: 'pending' },
        {
          attempts: job.attemptsMade,
          lastError: err.message,
          ...(final && { status: 'failed' }),
        },
      );
    } catch (e) {
      this.log.warn(`could not record failure of ${job.id}: ${(e as Error).message}`);
    }
  }

  private async upsertSchedulers(): Promise<void> {
    for (const [name, def] of Object.entries<JobDefinition>(JOBS)) {
      if (def.kind !== 'scheduled') continue;
      const repeat = def.repeat?.(this.config) ?? (def.every ? { every: def.every } : null);
      if (!repeat) continue;
      await this.producer.queue(def.queue).upsertJobScheduler(name, repeat, { name, data: {} });
    }
  }

  /**
   * Job schedulers live in Redis: a Redis restarted without its data forgets them, and the
   * outbox reconciler would never run again. Upsert them again whenever Redis reconnects.
   */
  private restoreSchedulersOnReconnect(): void {
    const queues = new Set(
      Object.values(JOBS)
        .filter((def) => def.kind === 'scheduled')
        .map((def) => def.queue),
    );
    for (const queue of queues) {
      this.producer
        .queue(queue)
        .getBackend()
        .on('ready', () => {
          this.upsertSchedulers().catch((err: Error) =>
            this.log.warn(`could not restore job schedulers: ${err.message}`),
          );
        });
    }
  }

  /** Stops taking jobs and waits for running ones to finish (SIGTERM path). */
  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.refresh);
    await Promise.all(this.workers.map((w) => w.close()));
    this.workers.length = 0;
  }
}
