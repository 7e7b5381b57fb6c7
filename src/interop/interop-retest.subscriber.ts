import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { DomainEventPayloads } from '../queue/domain-event-registry.js';
import { OnDomainEvent } from '../queue/on-domain-event.decorator.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { RetestReason } from './interop-rule.js';
import { InteropTestsRepository } from './interop-tests.repository.js';

/**
 * Marks tested-together records `retest_due` (worker, at least once): a party's
 * certificate became due for reassessment, or the standard got a new version. One
 * statement each; records already due are left alone, so a redelivered event changes
 * (and audits) nothing more.
 */
@Injectable()
export class InteropRetestSubscriber {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly tests: InteropTestsRepository,
  ) {}

  @OnDomainEvent('certificate.reassessment_due')
  async certificateReassessed(e: DomainEventPayloads['certificate.reassessment_due']) {
    return this.uow.run(async (tx) =>
      this.audited(
        tx.manager,
        'certificate_reassessment',
        await this.tests.markProductRetest(tx.manager, 'certificate_reassessment', e.productId),
        e.certificateId,
      ),
    );
  }

  @OnDomainEvent('standard.version_added')
  async standardVersionAdded(e: DomainEventPayloads['standard.version_added']) {
    return this.uow.run(async (tx) =>
      this.audited(
        tx.manager,
        'standard_new_version',
        await this.tests.markStandardRetest(
          tx.manager,
          'standard_new_version',
          e.code,
          e.standardId,
        ),
        e.standardId,
      ),
    );
  }

  private async audited(
    m: EntityManager,
    reason: RetestReason,
    records: string[],
    cause: string,
  ): Promise<number> {
    if (records.length > 0) {
      await this.audit.record(m, SYSTEM_ACTOR, {
        action: 'interop_test.retest_due',
        entityType: 'interop_test',
        entityId: cause,
        after: { reason, records },
      });
    }
    return records.length;
  }
}
