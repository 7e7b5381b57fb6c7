import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { JobName } from '../../queue/job-registry.js';
import type { Channel } from '../communication-status.js';
import { DeliveryEnqueuer } from '../delivery-enqueuer.service.js';
import { type DeliveryRef, DeliveryRepository } from '../delivery.repository.js';

const BATCH = 1000;

/**
 * Deliveries are their own outbox: this re-enqueues those stuck, so a Redis flush or a
 * crashed worker loses nothing.
 * - `sending` past its lease (DELIVERY_LEASE_SECONDS, renewed by the live worker) means
 *   the worker died mid-send: the delivery goes back to temporary_failure and is sent
 *   again. It may already have been sent (the at-least-once window); webhook receivers
 *   de-duplicate by webhook-id = delivery id.
 * - `created` / `temporary_failure` waiting beyond DELIVERY_STALE_SECONDS that no live
 *   job of its channel carries (waiting, delayed, active…; a chunk or a retry) is
 *   enqueued again.
 */
@Injectable()
@HandlesJob(JobName.ReconcileDeliveries)
export class ReconcileDeliveriesHandler implements JobHandler<JobName.ReconcileDeliveries> {
  private readonly log = new Logger(ReconcileDeliveriesHandler.name);

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly config: AppConfig,
    private readonly enqueuer: DeliveryEnqueuer,
  ) {}

  async handle(): Promise<{ resent: number; requeued: number }> {
    const stale = this.config.DELIVERY_STALE_SECONDS;
    const stalled = await this.deliveries.takeOverStalled(
      stale,
      BATCH,
      this.config.DELIVERY_LEASE_SECONDS,
    );
    const waiting = await this.deliveries.waiting(stale, BATCH);
    const seen = new Set(stalled.map((s) => s.id));
    const candidates = [...stalled, ...waiting.filter((w) => !seen.has(w.id))];
    const lost: DeliveryRef[] = [];
    for (const channel of ['email', 'webhook'] as const satisfies Channel[]) {
      const mine = candidates.filter((d) => d.channel === channel);
      if (mine.length === 0) continue;
      const live = await this.enqueuer.liveDeliveryIds(channel);
      lost.push(...mine.filter((d) => !live.has(d.id)));
    }
    await this.enqueuer.enqueue(lost);
    if (lost.length > 0 || stalled.length > 0) {
      this.log.warn(`re-enqueued ${lost.length} deliveries (${stalled.length} stalled in sending)`);
    }
    return { resent: stalled.length, requeued: lost.length };
  }
}
