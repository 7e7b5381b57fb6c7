import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../../auth/actor.js';
import { AuditService } from '../../audit/audit.service.js';
import { HandlesJob, type JobHandler } from '../../queue/job-handler.js';
import { JobName } from '../../queue/job-registry.js';
import { UnitOfWork } from '../../queue/unit-of-work.service.js';
import type { DigestItem, DigestItemSource } from '../digest/digest-item.js';
import { CertificatesDueSource } from '../digest/certificates-due-source.js';
import { ChangesRequestedSource } from '../digest/changes-requested-source.js';
import { OverdueRisksSource } from '../digest/overdue-risks-source.js';
import { BenefitStatusSource } from '../digest/benefit-status-source.js';
import { OverdueMeetingActionsSource } from '../digest/overdue-meeting-actions-source.js';
import { OverdueCheckInsSource } from '../digest/overdue-check-ins-source.js';
import { UnacknowledgedSource } from '../digest/unacknowledged-source.js';
import { DigestRepository } from '../digest/digest.repository.js';

export const DIGEST_SUBJECT = 'Your programme digest: outstanding items for {{supplier.name}}';
export const DIGEST_BODY = `Hello {{contact.name}},

These items are outstanding for {{supplier.name}}:
{{#outstanding}}
- {{title}}{{#due}} (due {{due}}){{/due}}
  {{link}}
{{/outstanding}}

Programme Office`;

/**
 * The weekly digest (job scheduler, DIGEST_CRON): one mandatory email communication per
 * supplier with outstanding items, sent through the same fan-out and delivery pipeline.
 * A dedupe key per supplier and day makes a rerun create nothing new.
 */
@Injectable()
@HandlesJob(JobName.SupplierDigest)
export class SupplierDigestHandler implements JobHandler<JobName.SupplierDigest> {
  private readonly sources: DigestItemSource[];

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly digest: DigestRepository,
    changesRequested: ChangesRequestedSource,
    certificatesDue: CertificatesDueSource,
    overdueRisks: OverdueRisksSource,
    unacknowledged: UnacknowledgedSource,
    benefitStatus: BenefitStatusSource,
    meetingActions: OverdueMeetingActionsSource,
    checkIns: OverdueCheckInsSource,
  ) {
    this.sources = [
      changesRequested,
      certificatesDue,
      overdueRisks,
      unacknowledged,
      benefitStatus,
      meetingActions,
      checkIns,
    ];
  }

  async handle(): Promise<{ digests: number }> {
    const now = new Date();
    const bySupplier = new Map<string, DigestItem[]>();
    for (const source of this.sources) {
      for (const item of await source.items(now)) {
        const list = bySupplier.get(item.supplierId);
        if (list) list.push(item);
        else bySupplier.set(item.supplierId, [item]);
      }
    }
    if (bySupplier.size === 0) return { digests: 0 };
    const day = now.toISOString().slice(0, 10);
    const suppliers = [...bySupplier.keys()];
    return this.uow.run(async (tx) => {
      const created = await this.digest.createDigests(
        tx.manager,
        DIGEST_SUBJECT,
        DIGEST_BODY,
        day,
        suppliers,
        suppliers.map((s) => JSON.stringify({ outstanding: bySupplier.get(s) })),
      );
      for (const id of created) tx.emit(JobName.CommunicationFanOut, { communicationId: id });
      if (created.length > 0) {
        await this.audit.record(tx.manager, SYSTEM_ACTOR, {
          action: 'communication.digests_created',
          entityType: 'communication',
          entityId: `digest:${day}`,
          after: { communications: created },
        });
      }
      return { digests: created.length };
    });
  }
}
