import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DomainEventPayloads } from '../queue/domain-event-registry.js';
import type { BenefitThresholdsRepository } from './benefit-thresholds.repository.js';

const REVIEW_DAYS = 14;

/**
 * Records a threshold crossing and raises its linked risk, in the caller's transaction.
 * The crossing row is unique per reading: a second call for the same reading (a
 * redelivered event, a concurrent worker) inserts nothing and raises nothing.
 */
export async function raiseThresholdRisk(
  m: EntityManager,
  audit: AuditService,
  thresholds: BenefitThresholdsRepository,
  e: DomainEventPayloads['benefit.threshold_crossed'],
): Promise<{ riskId: string | null; reference?: string }> {
  const crossingId = await thresholds.insertCrossing(m, e.benefitId, e.measurementId);
  if (!crossingId) return { riskId: null };
  const benefit = await thresholds.findBenefit(m, e.benefitId);
  if (!benefit) return { riskId: null };
  const single = benefit.serviceIds.length === 1;
  const risk = await thresholds.insertRisk(m, {
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
  });
  await thresholds.linkRisk(m, crossingId, risk.id);
  await thresholds.insertRiskHistory(m, {
    riskId: risk.id,
    event: 'created',
    toStatus: 'identified',
    note: `Raised by disbenefit ${benefit.id} crossing its threshold`,
    actorLabel: SYSTEM_ACTOR.label,
  });
  await audit.record(m, SYSTEM_ACTOR, {
    action: 'benefit.threshold_risk_raised',
    entityType: 'benefit',
    entityId: benefit.id,
    after: { measurementId: e.measurementId, riskId: risk.id, reference: risk.reference },
  });
  return { riskId: risk.id, reference: risk.reference };
}
