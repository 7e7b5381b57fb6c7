import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../auth/actor.js';
import { AuditService } from '../../audit/audit.service.js';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { JobName, type JobPayloads } from '../../queue/job-registry.js';
import { UnitOfWork } from '../../queue/unit-of-work.service.js';
import { AudienceResolver } from '../audience-resolver.service.js';
import { Communication } from '../communication.entity.js';
import type { Channel } from '../communication-status.js';
import { DeliveryEnqueuer, ENQUEUE_CHUNK } from '../delivery-enqueuer.service.js';

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly audience: AudienceResolver,
    private readonly enqueuer: DeliveryEnqueuer,
  ) {}

  async handle({ communicationId }: JobPayloads[JobName.CommunicationFanOut]) {
    const created = await this.uow.run(async (tx) => {
      const c = await tx.manager.findOne(Communication, {
        where: { id: communicationId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!c || !['scheduled', 'sending', 'sent'].includes(c.status)) return null;
      if (c.status === 'sent') return 0;
      const { sql, params } = this.audience.query(c, 3);
      const [{ inserted }]: { inserted: number }[] = await tx.manager.query(
        `WITH a AS (${sql}),
         emails AS (
           INSERT INTO deliveries (communication_id, supplier_id, contact_id, channel, target)
           SELECT $1, a.supplier_id, a.contact_id, 'email', a.email
             FROM a WHERE 'email' = ANY($2::text[])
           ON CONFLICT ON CONSTRAINT ux_deliveries_recipient DO NOTHING RETURNING 1),
         hooks AS (
           INSERT INTO deliveries (communication_id, supplier_id, contact_id, channel, target)
           SELECT DISTINCT ON (a.supplier_id) $1::uuid, a.supplier_id, NULL::uuid, 'webhook',
                  a.webhook_url
             FROM a WHERE 'webhook' = ANY($2::text[]) AND a.webhook_url IS NOT NULL
            ORDER BY a.supplier_id
           ON CONFLICT (communication_id, supplier_id)
              WHERE channel = 'webhook' AND contact_id IS NULL DO NOTHING RETURNING 1)
         SELECT ((SELECT count(*) FROM emails) + (SELECT count(*) FROM hooks))::int AS inserted`,
        [c.id, c.channels, ...params],
      );
      const lists = this.audience.context(
        c.audience,
        `s.id IN (SELECT d.supplier_id FROM deliveries d WHERE d.communication_id = $1)`,
        2,
      );
      await tx.manager.query(
        `INSERT INTO communication_suppliers (communication_id, supplier_id, products, councils)
         SELECT $1, x.supplier_id, x.products, x.councils FROM (${lists.sql}) x
         ON CONFLICT DO NOTHING`,
        [c.id, ...lists.params],
      );
      const from = c.status;
      c.status = 'sent';
      c.sentAt = new Date();
      await tx.manager.save(c);
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
      const rows: { id: string; channel: Channel }[] = await this.db.query(
        `SELECT id, channel FROM deliveries
          WHERE communication_id = $1 AND status = 'created' AND id > $2
          ORDER BY id LIMIT $3`,
        [communicationId, after, ENQUEUE_CHUNK],
      );
      if (rows.length === 0) return total;
      await this.enqueuer.enqueue(rows);
      total += rows.length;
      after = rows[rows.length - 1].id;
    }
  }
}
