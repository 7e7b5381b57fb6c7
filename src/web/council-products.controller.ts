import { Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { plainToInstance } from 'class-transformer';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { EvaluationQueryDto } from '../conformance/dto/usability-evaluation.dto.js';
import { ProductComparisonService } from '../conformance/product-comparison.service.js';
import { UsabilityEvaluationsService } from '../conformance/usability-evaluations.service.js';
import { PageController } from './page.decorator.js';
import { render } from './page-request.js';

/**
 * Certified products for a service, as a council reads them when choosing a supplier:
 * certificate, requirements met, and the published usability evaluations of each.
 */
@PageController('council/services')
export class CouncilProductsController {
  constructor(
    private readonly comparison: ProductComparisonService,
    private readonly evaluations: UsabilityEvaluationsService,
  ) {}

  @Get(':serviceId/products')
  @Allow('council')
  async products(
    @CurrentActor() actor: Actor,
    @Param('serviceId', ParseUUIDPipe) serviceId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const compared = await this.comparison.compare(actor, serviceId);
    const ids = new Set<string>(compared.data.map((p) => p.productId));
    const evaluations =
      ids.size === 0
        ? []
        : (
            await this.evaluations.list(
              actor,
              plainToInstance(EvaluationQueryDto, { status: 'published', limit: 500 }),
            )
          ).data.filter((e) => ids.has(e.productId));
    const products = compared.data.map((p) => ({
      ...p,
      evaluations: evaluations.filter((e) => e.productId === p.productId),
    }));
    return render(req, reply, 'council/products.njk', { service: compared.service, products });
  }
}
