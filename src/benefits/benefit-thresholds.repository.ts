import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { RiskHistory } from '../risks/risk-history.entity.js';
import { NEXT_RISK_REFERENCE_SQL } from '../risks/risks.repository.js';
import { Risk } from '../risks/risk.entity.js';
import { BenefitThresholdCrossing } from './benefit-threshold-crossing.entity.js';
import { PAST_THRESHOLD_SQL } from './benefit-sql.js';
import { Benefit } from './benefit.entity.js';

/** An overall reading that crossed its benefit's threshold. */
export interface CrossingRow {
  id: string;
  value: string;
  measured_on: string;
}

/** Threshold crossings of disbenefits and the risks they raise. */
@Injectable()
export class BenefitThresholdsRepository {
  /**
   * Overall readings of a disbenefit that cross its threshold: past it where the reading
   * before (by date) was not. Limited to `ids` when given (the readings just recorded).
   */
  findCrossings(m: EntityManager, benefitId: string, ids: string[] | null): Promise<CrossingRow[]> {
    return m.query<CrossingRow[]>(
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

  /** The crossing's id; none when the reading's crossing is already recorded. */
  async insertCrossing(
    m: EntityManager,
    benefitId: string,
    measurementId: string,
  ): Promise<string | undefined> {
    const inserted = await m
      .createQueryBuilder()
      .insert()
      .into(BenefitThresholdCrossing)
      .values({ benefitId, measurementId })
      .orIgnore()
      .returning('id')
      .execute();
    return (inserted.raw as { id: string }[])[0]?.id;
  }

  findBenefit(m: EntityManager, id: string): Promise<Benefit | null> {
    return m.findOneBy(Benefit, { id });
  }

  /** A new risk with the next reference. */
  async insertRisk(
    m: EntityManager,
    values: QueryDeepPartialEntity<Risk>,
  ): Promise<{ id: string; reference: string }> {
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(Risk)
      .values({ ...values, reference: () => NEXT_RISK_REFERENCE_SQL })
      .returning(['id', 'reference'])
      .execute();
    return (result.raw as { id: string; reference: string }[])[0];
  }

  async linkRisk(m: EntityManager, crossingId: string, riskId: string): Promise<void> {
    await m.update(BenefitThresholdCrossing, { id: crossingId }, { riskId });
  }

  async insertRiskHistory(
    m: EntityManager,
    row: QueryDeepPartialEntity<RiskHistory>,
  ): Promise<void> {
    await m.insert(RiskHistory, row);
  }
}
