import { Injectable, Logger } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import type { DomainEventPayloads } from '../queue/domain-event-registry.js';
import { OnDomainEvent } from '../queue/on-domain-event.decorator.js';
import { UnitOfWork } from '../queue/unit-of-work.service.js';
import { raiseThresholdRisk } from './benefit-threshold-risk.js';
import { BenefitThresholdsRepository } from './benefit-thresholds.repository.js';

/**
 * A disbenefit crossed its threshold: raise one linked risk (worker, at least once). The
 * crossing row is unique per reading and inserted in the same transaction as the risk,
 * so a redelivered or concurrently delivered event raises nothing more.
 */
@Injectable()
export class BenefitThresholdSubscriber {
  private readonly log = new Logger(BenefitThresholdSubscriber.name);

  constructor(
    private readonly uow: UnitOfWork,
    private readonly audit: AuditService,
    private readonly thresholds: BenefitThresholdsRepository,
  ) {}

  @OnDomainEvent('benefit.threshold_crossed')
  async crossed(e: DomainEventPayloads['benefit.threshold_crossed']) {
    const out = await this.uow.run((tx) =>
      raiseThresholdRisk(tx.manager, this.audit, this.thresholds, e),
    );
    if (out.reference)
      this.log.log(`benefit ${e.benefitId}: threshold crossed, raised ${out.reference}`);
    return out;
  }
}
