import { Injectable } from '@nestjs/common';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { shapeProductComparison } from './product-comparison-queries.js';
import { ProductComparisonRepository } from './product-comparison.repository.js';
import { worksWithByProduct } from './works-with.js';

/**
 * A service's products side by side (`product-comparison-queries.ts`: two statements
 * whatever the number of products), plus, for a council, what each product was tested
 * together with among the council's own routes (one more statement).
 */
@Injectable()
export class ProductComparisonService {
  constructor(private readonly comparison: ProductComparisonRepository) {}

  async compare(actor: Actor, serviceId: string) {
    const service = await this.comparison.service(serviceId);
    if (!service) throw ProblemException.notFound('Service', serviceId);
    const rows = await this.comparison.products(actor, serviceId);
    const worksWith =
      actor.role === 'council' && actor.organisationId
        ? worksWithByProduct(
            await this.comparison.worksWith(
              actor.organisationId,
              rows.map((r) => r.id),
            ),
          )
        : null;
    return shapeProductComparison(service, rows, worksWith);
  }
}
