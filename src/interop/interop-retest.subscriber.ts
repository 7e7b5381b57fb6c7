import { Injectable } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { DomainEventPayloads } from '../queue/domain-event-registry.js';
import { OnDomainEvent } from '../queue/on-domain-event.decorator.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import type { RetestReason } from './interop-rule.js';

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
  ) {}

  @OnDomainEvent('certificate.reassessment_due')
  async certificateReassessed(e: DomainEventPayloads['certificate.reassessment_due']) {
    return this.mark(
      'certificate_reassessment',
      `(t.party_a_type = 'product' AND t.party_a_id = $2)
        OR (t.party_b_type = 'product' AND t.party_b_id = $2)`,
      [e.productId],
      e.certificateId,
    );
  }

  @OnDomainEvent('standard.version_added')
  async standardVersionAdded(e: DomainEventPayloads['standard.version_added']) {
    return this.mark(
      'standard_new_version',
      `t.standard_id IN (SELECT s.id FROM standards s WHERE s.code = $2 AND s.id <> $3)`,
      [e.code, e.standardId],
      e.standardId,
    );
  }

  /** `where` filters `interop_tests t`; `$1` is the reason, `params` bind from `$2`. */
  private mark(reason: RetestReason, where: string, params: unknown[], cause: string) {
    return this.uow.run(async (tx) => {
      const [rows]: [{ id: string }[]] = await tx.manager.query(
        `UPDATE interop_tests t
            SET retest_due = true, retest_reason = $1, retest_due_at = now(),
                version = t.version + 1, updated_at = now()
          WHERE NOT t.retest_due AND (${where})
        RETURNING t.id`,
        [reason, ...params],
      );
      if (rows.length > 0) {
        await this.audit.record(tx.manager, SYSTEM_ACTOR, {
          action: 'interop_test.retest_due',
          entityType: 'interop_test',
          entityId: cause,
          after: { reason, records: rows.map((r) => r.id) },
        });
      }
      return rows.length;
    });
  }
}
