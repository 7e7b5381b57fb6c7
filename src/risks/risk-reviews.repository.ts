import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { RiskReview } from './risk-review.entity.js';

/** Reviews of register entries. */
@Injectable()
export class RiskReviewsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  listOfRisk(riskId: string): Promise<RiskReview[]> {
    return this.db
      .getRepository(RiskReview)
      .find({ where: { riskId }, order: { reviewedAt: 'DESC' } });
  }

  create(m: EntityManager, fields: Partial<RiskReview>): Promise<RiskReview> {
    return m.save(m.create(RiskReview, fields));
  }
}
