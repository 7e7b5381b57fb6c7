import { Injectable, Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import { AppConfig } from '../config/app-config.js';
import type { DomainEventPayloads } from '../queue/domain-event-registry.js';
import { OnDomainEvent } from '../queue/on-domain-event.decorator.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { certificateEvent } from './certificate-events.js';
import { CertificatesRepository } from './certificates.repository.js';

/**
 * A new requirement-set version was published: every `valid` certificate of that service
 * on an older version becomes `reassessment_due`, with a deadline of the new version's
 * effective date + REASSESSMENT_DEADLINE_DAYS. Idempotent: a second delivery finds no
 * `valid` certificate left to mark.
 */
@Injectable()
export class ReassessmentSubscriber {
  private readonly log = new Logger(ReassessmentSubscriber.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly certificates: CertificatesRepository,
  ) {}

  @OnDomainEvent('requirement_set.published')
  async onPublished(data: DomainEventPayloads['requirement_set.published']): Promise<number> {
    return this.uow.run(async (tx) => {
      const rows = await this.certificates.markReassessmentDue(
        tx.manager,
        data,
        this.config.REASSESSMENT_DEADLINE_DAYS,
      );
      for (const r of rows) {
        tx.publish('certificate.reassessment_due', {
          ...certificateEvent(r),
          newRequirementSetId: data.requirementSetId,
          newVersion: data.version,
          deadline: r.deadline,
        });
      }
      if (rows.length > 0) {
        await this.audit.record(tx.manager, SYSTEM_ACTOR, {
          action: 'certificate.reassessment_due',
          entityType: 'requirement_set',
          entityId: data.requirementSetId,
          after: { certificates: rows.map((r) => r.id), deadline: rows[0].deadline },
        });
        this.log.log(`${rows.length} certificate(s) marked reassessment_due`);
      }
      return rows.length;
    });
  }
}
