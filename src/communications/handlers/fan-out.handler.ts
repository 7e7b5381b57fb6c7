import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../../auth/actor.js';
import { AuditService } from '../../audit/audit.service.js';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { JobName, type JobPayloads } from '../../queue/job-registry.js';
import { UnitOfWork } from '../../queue/unit-of-work.service.js';
import { AudienceResolver } from '../audience-resolver.service.js';
import { DeliveryEnqueuer, ENQUEUE_CHUNK } from '../delivery-enqueuer.service.js';
import { CommunicationsRepository } from '../communications.repository.js';
import { DeliveryRepository } from '../delivery.repository.js';

/**
 * The fan-out of one communication. One transaction resolves the audience and writes one
 * email delivery per contact and one webhook delivery per organisation endpoint (the
 * outbox; the unique keys make a rerun a no-op) with
 * the status change to sent; after commit, the created deliveries are enqueued in chunks.
 * A cancelled or unknown communication is skipped; a rerun only re-enqueues.
 */
@Injectable()
@HandlesJob(JobName.CommunicationFanOut)
export class FanOutHandler implements JobHandler<JobName.CommunicationFanOut> {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly communications: CommunicationsRepository,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly audience: AudienceResolver,
    private readonly enqueuer: DeliveryEnqueuer,
  ) {}

  async handle({ communicationId }: JobPayloads[JobName.CommunicationFanOut]) {
    const created = await this.uow.run(async (tx) => {
      const c = await this.communications.lockForChange(tx.manager, communicationId);
      if (!c || !['scheduled', 'sending', 'sent'].includes(c.status)) return null;
      if (c.status === 'sent') return 0;
      const inserted = await this.deliveries.insertForAudience(tx.manager, c, this.audience);
      await this.deliveries.snapshotSupplierLists(tx.manager, c, this.audience);
      const from = c.status;
      c.status = 'sent';
      c.sentAt = new Date();
      await this.communications.persist(tx.manager, c);
      await this.audit.record(tx.manager, SYSTEM_ACTOR, {
        action: 'communication.fanned_out',
        entityType: 'communication',
        entityId: c.id,
        before: { status: from },
        after: { status: 'sent', deliveries: inserted },
      });
      return inserted;
    });
    if (created === null) return { skipped: true };
    const enqueued = await this.enqueueCreated(communicationId);
    return { created, enqueued };
  }

  /** Enqueues every delivery still in created, by keyset pages. */
  private async enqueueCreated(communicationId: string): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let total = 0;
    for (;;) {
      const rows = await this.deliveries.createdPage(communicationId, after, ENQUEUE_CHUNK);
      if (rows.length === 0) return total;
      await this.enqueuer.enqueue(rows);
      total += rows.length;
      after = rows[rows.length - 1].id;
    }
  }
}
