import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../config/app-config.js';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { JobName } from '../../queue/job-registry.js';
import type { Channel } from '../communication-status.js';
import { DeliveryEnqueuer } from '../delivery-enqueuer.service.js';

const BATCH = 1000;
const PARALLEL = 100;

interface Stale {
  id: string;
  channel: Channel;
}

/**
 * Deliveries are their own outbox: this re-enqueues those stuck, so a Redis flush or a
 * crashed worker loses nothing.
 * - `sending` past its lease (DELIVERY_LEASE_SECONDS, renewed by the live worker) means
 *   the worker died mid-send: the delivery goes back to temporary_failure and is sent again. It may already have been sent (the
 *   at-least-once window); webhook receivers de-duplicate by webhook-id = delivery id.
 * - `created` / `temporary_failure` waiting beyond DELIVERY_STALE_SECONDS whose job is
 *   missing from Redis (or finished without updating the row) get their job added again; a job still waiting, delayed or active
 *   is left alone.
 */
@Injectable()
@HandlesJob(JobName.ReconcileDeliveries)
export class ReconcileDeliveriesHandler implements JobHandler<JobName.ReconcileDeliveries> {
  private readonly log = new Logger(ReconcileDeliveriesHandler.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly enqueuer: DeliveryEnqueuer,
  ) {}

  async handle(): Promise<{ resent: number; requeued: number }> {
    const stale = this.config.DELIVERY_STALE_SECONDS;
    // `sending` whose lease was not renewed: its worker is gone (a live one, however slow,
    // renews every third of DELIVERY_LEASE_SECONDS). Not within one lease of a PostgreSQL
    // restart: nobody could renew during the outage, and live workers get a full lease to
    // renew (and record what they sent) first. Rows from before leases existed fall back
    // to the waiting window.
    const [stalled] = await this.db.query<[Stale[], number]>(
      `UPDATE deliveries SET status = 'temporary_failure', updated_at = now(), lease_until = NULL,
              last_error = 'worker stopped while sending; sent again (at-least-once)'
        WHERE id IN (SELECT id FROM deliveries
                      WHERE status = 'sending'
                        AND COALESCE(lease_until, updated_at + make_interval(secs => $1)) < now()
                        AND pg_postmaster_start_time() < now() - make_interval(secs => $3)
                      ORDER BY updated_at LIMIT $2 FOR UPDATE SKIP LOCKED)
        RETURNING id, channel`,
      [stale, BATCH, this.config.DELIVERY_LEASE_SECONDS],
    );
    const waiting: Stale[] = await this.db.query(
      `SELECT id, channel FROM deliveries
        WHERE status IN ('created', 'temporary_failure')
          AND updated_at < now() - make_interval(secs => $1)
        ORDER BY updated_at LIMIT $2`,
      [stale, BATCH],
    );
    const lost: Stale[] = [];
    const seen = new Set(stalled.map((s) => s.id));
    const candidates = [...stalled, ...waiting.filter((w) => !seen.has(w.id))];
    for (let i = 0; i < candidates.length; i += PARALLEL) {
      const slice = candidates.slice(i, i + PARALLEL);
      const missing = await Promise.all(slice.map((d) => this.jobIsGone(d)));
      lost.push(...slice.filter((_, k) => missing[k]));
    }
    await this.enqueuer.enqueue(lost);
    if (lost.length > 0 || stalled.length > 0) {
      this.log.warn(`re-enqueued ${lost.length} deliveries (${stalled.length} stalled in sending)`);
    }
    return { resent: stalled.length, requeued: lost.length };
  }

  /** True when no live job exists for the delivery (a finished one is removed first). */
  private async jobIsGone(d: Stale): Promise<boolean> {
    const queue = this.enqueuer.queueOf(d.channel);
    const state = await queue.getJobState(d.id);
    if (state === 'unknown') return true;
    if (state === 'completed' || state === 'failed') {
      await queue.remove(d.id);
      return true;
    }
    return false;
  }
}
