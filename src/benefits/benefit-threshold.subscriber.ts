import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { DomainEventPayloads } from '../queue/domain-event-registry.js';
import { OnDomainEvent } from '../queue/on-domain-event.decorator.js';
import { raiseThresholdRisk } from './benefit-threshold-risk.js';

/**
 * A disbenefit crossed its threshold: raise one linked risk (worker, at least once). The
 * crossing row is unique per reading and inserted in the same transaction as the risk,
 * so a redelivered or concurrently delivered event raises nothing more.
 */
@Injectable()
export class BenefitThresholdSubscriber {
  private readonly log = new Logger(BenefitThresholdSubscriber.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  @OnDomainEvent('benefit.threshold_crossed')
  async crossed(e: DomainEventPayloads['benefit.threshold_crossed']) {
    const out = await this.db.transaction((m) => raiseThresholdRisk(m, this.audit, e));
    if (out.reference)
      this.log.log(`benefit ${e.benefitId}: threshold crossed, raised ${out.reference}`);
    return out;
  }
}
