import { Injectable, Logger } from '@nestjs/common';
import { HandlesJob, type JobHandler } from '../job-handler.js';
import { JobName } from '../job-registry.js';
import { OutboxRelay } from '../outbox-relay.service.js';

@Injectable()
@HandlesJob(JobName.ReconcileOutbox)
export class ReconcileOutboxHandler implements JobHandler<JobName.ReconcileOutbox> {
  private readonly log = new Logger(ReconcileOutboxHandler.name);

  constructor(private readonly relay: OutboxRelay) {}

  async handle(): Promise<{ resent: number }> {
    const resent = await this.relay.reconcile();
    if (resent > 0) this.log.log(`re-enqueued ${resent} stale outbox message(s)`);
    return { resent };
  }
}
