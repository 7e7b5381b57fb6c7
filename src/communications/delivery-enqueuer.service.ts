import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config.js';
import { JITTER_BACKOFF, JobName, JOBS } from '../queue/job-registry.js';
import { type JobToAdd, QueueProducer } from '../queue/queue-producer.service.js';
import type { Channel } from './communication-status.js';

export const ENQUEUE_CHUNK = 1000;

const JOB_BY_CHANNEL = {
  email: JobName.EmailDelivery,
  webhook: JobName.WebhookDelivery,
} as const satisfies Record<Channel, JobName>;

/** Adds delivery jobs (jobId = delivery id, so a repeated add is a no-op) in chunks. */
@Injectable()
export class DeliveryEnqueuer {
  constructor(
    private readonly producer: QueueProducer,
    private readonly config: AppConfig,
  ) {}

  async enqueue(deliveries: { id: string; channel: Channel }[]): Promise<void> {
    for (let i = 0; i < deliveries.length; i += ENQUEUE_CHUNK) {
      const jobs: JobToAdd[] = deliveries.slice(i, i + ENQUEUE_CHUNK).map((d) => ({
        name: JOB_BY_CHANNEL[d.channel],
        data: { deliveryId: d.id },
        opts: {
          jobId: d.id,
          attempts: this.config.DELIVERY_MAX_ATTEMPTS,
          backoff: { type: JITTER_BACKOFF, delay: this.config.DELIVERY_BACKOFF_MS },
        },
      }));
      await this.producer.addBulk(jobs);
    }
  }

  /** The BullMQ queue of a channel's delivery jobs. */
  queueOf(channel: Channel) {
    return this.producer.queue(JOBS[JOB_BY_CHANNEL[channel]].queue);
  }
}
