import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../config/app-config.js';
import { deliveryChunkSize } from '../queue/delivery-chunks.js';
import {
  deliveryIdsOf,
  type DeliveryJob,
  JITTER_BACKOFF,
  JobName,
  QueueName,
} from '../queue/job-registry.js';
import { type JobToAdd, QueueProducer } from '../queue/queue-producer.service.js';
import { jitterDelay } from '../queue/worker-host.service.js';
import type { Channel } from './communication-status.js';

export const ENQUEUE_CHUNK = 1000;

const JOB_BY_CHANNEL = {
  email: JobName.EmailDelivery,
  webhook: JobName.WebhookDelivery,
} as const satisfies Record<Channel, JobName>;

const QUEUE_BY_CHANNEL = {
  email: QueueName.EmailDeliveries,
  webhook: QueueName.WebhookDeliveries,
} as const satisfies Record<Channel, QueueName>;

/** Job states in which a delivery job will still run. */
const LIVE = ['delayed', 'prioritized', 'waiting', 'waiting-children', 'active'] as const;

/**
 * Adds delivery jobs. A fan-out's deliveries go in chunks (`deliveryChunkSize` per job,
 * ids in order), a retry alone, delayed by the backoff of its attempts so far, with
 * jobId `<delivery id>.<attempts>` (attempts live in PostgreSQL, so a repeated add is a
 * no-op). A delivery in two jobs is sent once: the claim is a compare-and-set.
 */
@Injectable()
export class DeliveryEnqueuer {
  constructor(
    private readonly producer: QueueProducer,
    private readonly config: AppConfig,
  ) {}

  async enqueue(deliveries: { id: string; channel: Channel }[]): Promise<void> {
    const jobs: JobToAdd[] = [];
    for (const channel of ['email', 'webhook'] as const) {
      const ids = deliveries.filter((d) => d.channel === channel).map((d) => d.id);
      const size = deliveryChunkSize(this.config, QUEUE_BY_CHANNEL[channel]);
      for (let i = 0; i < ids.length; i += size) {
        jobs.push(this.job(channel, ids.slice(i, i + size)));
      }
    }
    for (let i = 0; i < jobs.length; i += ENQUEUE_CHUNK) {
      await this.producer.addBulk(jobs.slice(i, i + ENQUEUE_CHUNK));
    }
  }

  /** One job per delivery to try again after its backoff. */
  async retry(deliveries: { id: string; channel: Channel; attempts: number }[]): Promise<void> {
    if (deliveries.length === 0) return;
    await this.producer.addBulk(
      deliveries.map((d) => {
        const job = this.job(d.channel, [d.id]);
        const delay = jitterDelay(this.config.DELIVERY_BACKOFF_MS, d.attempts);
        return { ...job, opts: { ...job.opts, jobId: `${d.id}.${d.attempts}`, delay } };
      }),
    );
  }

  /** The ids of the deliveries some job of the channel will still run. */
  async liveDeliveryIds(channel: Channel): Promise<Set<string>> {
    const jobs = await this.queueOf(channel).getJobs([...LIVE]);
    return new Set(jobs.flatMap((j) => (j?.data ? deliveryIdsOf(j.data as DeliveryJob) : [])));
  }

  private job(channel: Channel, deliveryIds: string[]): JobToAdd {
    return {
      name: JOB_BY_CHANNEL[channel],
      data: { deliveryIds },
      opts: {
        attempts: this.config.DELIVERY_MAX_ATTEMPTS,
        backoff: { type: JITTER_BACKOFF, delay: this.config.DELIVERY_BACKOFF_MS },
      },
    };
  }

  /** The BullMQ queue of a channel's delivery jobs. */
  queueOf(channel: Channel): Queue {
    return this.producer.queue(QUEUE_BY_CHANNEL[channel]);
  }
}
