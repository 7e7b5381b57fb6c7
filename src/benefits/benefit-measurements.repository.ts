import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity.js';
import { BenefitMeasurement } from './benefit-measurement.entity.js';

/** One reading as the series and the CSV export show it. */
export type BenefitReadingRow = Record<string, string | null>;

/** The readings of benefits. */
@Injectable()
export class BenefitMeasurementsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Every reading of a benefit, overall and broken down, oldest first. */
  listOfBenefit(benefitId: string): Promise<BenefitReadingRow[]> {
    return this.db.query<BenefitReadingRow[]>(
      `SELECT id, value, measured_on::text AS measured_on, source, note, breakdown, breakdown_key
         FROM benefit_measurements WHERE benefit_id = $1
        ORDER BY measured_on, created_at, id`,
      [benefitId],
    );
  }

  /** Inserts readings in one statement; their ids in order. */
  async add(
    m: EntityManager,
    rows: QueryDeepPartialEntity<BenefitMeasurement>[],
  ): Promise<string[]> {
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(BenefitMeasurement)
      .values(rows)
      .returning('id')
      .execute();
    return (result.raw as { id: string }[]).map((r) => r.id);
  }
}
