import type { EntityManager } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/actor.js';
import type { AuditService } from '../audit/audit.service.js';
import type { DomainEventPayloads } from '../queue/domain-event-registry.js';
import { RiskHistory } from '../risks/risk-history.entity.js';
import { NEXT_RISK_REFERENCE_SQL } from '../risks/risk-store.service.js';
import { Risk } from '../risks/risk.entity.js';
import { BenefitThresholdCrossing } from './benefit-threshold-crossing.entity.js';
import { PAST_THRESHOLD_SQL } from './benefit-sql.js';
import { Benefit } from './benefit.entity.js';

const REVIEW_DAYS = 14;

/**
 * Records a threshold crossing and raises its linked risk, in the caller's transaction.
 * The crossing row is unique per reading: a second call for the same reading (a
 * redelivered event, a concurrent worker) inserts nothing and raises nothing.
 */
export async function raiseThresholdRisk(
  m: EntityManager,
  audit: AuditService,
  e: DomainEventPayloads['benefit.threshold_crossed'],
): Promise<{ riskId: string | null; reference?: string }> {
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
  await audit.record(m, SYSTEM_ACTOR, {
    action: 'benefit.threshold_risk_raised',
    entityType: 'benefit',
    entityId: benefit.id,
    after: { measurementId: e.measurementId, riskId: risk.id, reference: risk.reference },
  });
  return { riskId: risk.id, reference: risk.reference };
}

/**
 * Overall readings of a disbenefit that cross its threshold: past it where the reading
 * before (by date) was not. Limited to `ids` when given (the readings just recorded).
 */
export async function findCrossings(
  m: EntityManager,
  benefitId: string,
  ids: string[] | null,
): Promise<{ id: string; value: string; measured_on: string }[]> {
  return await m.query<{ id: string; value: string; measured_on: string }[]>(
    `SELECT c.id, c.value, c.measured_on::text AS measured_on FROM (
       SELECT m.id, m.value, m.measured_on, ${PAST_THRESHOLD_SQL} AS past,
              lag(${PAST_THRESHOLD_SQL}) OVER (ORDER BY m.measured_on, m.created_at, m.id) AS before
         FROM benefit_measurements m JOIN benefits b ON b.id = m.benefit_id
        WHERE m.benefit_id = $1 AND m.breakdown IS NULL AND b.threshold IS NOT NULL) c
      WHERE c.past AND c.before IS NOT TRUE AND ($2::uuid[] IS NULL OR c.id = ANY($2::uuid[]))
      ORDER BY c.measured_on`,
    [benefitId, ids],
  );
}
