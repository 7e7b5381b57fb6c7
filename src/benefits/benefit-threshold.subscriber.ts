import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import { AuditService } from '../audit/audit.service.js';
import type { DomainEventPayloads } from '../queue/domain-event-registry.js';
import { OnDomainEvent } from '../queue/on-domain-event.decorator.js';
import { RiskHistory } from '../risks/risk-history.entity.js';
import { Risk } from '../risks/risk.entity.js';
import { NEXT_RISK_REFERENCE_SQL } from '../risks/risk-store.service.js';
import { BenefitThresholdCrossing } from './benefit-threshold-crossing.entity.js';
import { Benefit } from './benefit.entity.js';

const REVIEW_DAYS = 14;

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
    return this.db.transaction(async (m) => {
      const inserted = await m
        .createQueryBuilder()
        .insert()
        .into(BenefitThresholdCrossing)
        .values({ benefitId: e.benefitId, measurementId: e.measurementId })
        .orIgnore()
        .returning('id')
        .execute();
      const crossingId = (inserted.raw as { id: string }[])[0]?.id;
      if (!crossingId) return { riskId: null };
      const benefit = await m.findOneBy(Benefit, { id: e.benefitId });
      if (!benefit) return { riskId: null };
      const single = benefit.serviceIds.length === 1;
      const result = await m
        .createQueryBuilder()
        .insert()
        .into(Risk)
        .values({
          reference: () => NEXT_RISK_REFERENCE_SQL,
          kind: 'risk',
          title: `Disbenefit past its threshold: ${benefit.title}`.slice(0, 200),
          description: `${benefit.measureName} was ${e.value} ${benefit.unit} on ${e.measuredOn}, past the threshold of ${e.threshold} (benefit ${benefit.id}).`,
          category: 'adoption',
          scope: single ? 'service' : 'national',
          serviceId: single ? benefit.serviceIds[0] : null,
          ownerOrganisationId: benefit.ownerOrganisationId,
          ownerUserId: benefit.ownerUserId,
          treatment: 'reduce',
          status: 'identified',
          escalationLevel: 'national',
          inherentLikelihood: 4,
          inherentImpact: 3,
          inherentScore: 12,
          residualLikelihood: 4,
          residualImpact: 3,
          residualScore: 12,
          nextReviewAt: new Date(Date.now() + REVIEW_DAYS * 86_400_000),
        })
        .returning(['id', 'reference'])
        .execute();
      const risk = (result.raw as { id: string; reference: string }[])[0];
      await m.update(BenefitThresholdCrossing, { id: crossingId }, { riskId: risk.id });
      await m.insert(RiskHistory, {
        riskId: risk.id,
        event: 'created',
        toStatus: 'identified',
        note: `Raised by disbenefit ${benefit.id} crossing its threshold`,
        actorLabel: SYSTEM_ACTOR.label,
      });
      await this.audit.record(m, SYSTEM_ACTOR, {
        action: 'benefit.threshold_risk_raised',
        entityType: 'benefit',
        entityId: benefit.id,
        after: { measurementId: e.measurementId, riskId: risk.id, reference: risk.reference },
      });
      this.log.log(`${benefit.title}: threshold crossed, raised ${risk.reference}`);
      return { riskId: risk.id };
    });
  }
}
