import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import {
  type ComparisonRow,
  type ComparisonService,
  comparisonServiceStatement,
  productComparisonStatement,
  shapeProductComparison,
} from './product-comparison-queries.js';
import { worksWithForCouncil } from './works-with.js';

/**
 * A service's products side by side (`product-comparison-queries.ts`: two statements
 * whatever the number of products), plus, for a council, what each product was tested
 * together with among the council's own routes (one more statement).
 */
@Injectable()
export class ProductComparisonService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async compare(actor: Actor, serviceId: string) {
    const s = comparisonServiceStatement(serviceId);
    const [service] = await this.db.query<ComparisonService[]>(s.sql, s.params);
    if (!service) throw ProblemException.notFound('Service', serviceId);
    const c = productComparisonStatement(actor, serviceId);
    const rows = await this.db.query<ComparisonRow[]>(c.sql, c.params);
    const worksWith =
      actor.role === 'council' && actor.organisationId
        ? await worksWithForCouncil(
            this.db,
            actor.organisationId,
            rows.map((r) => r.id),
          )
        : null;
    return shapeProductComparison(service, rows, worksWith);
  }
}
