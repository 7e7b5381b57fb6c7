import { Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { ProductComparisonService } from '../../conformance/product-comparison.service.js';
import { PageController } from '../page.decorator.js';
import { render } from '../page-request.js';
import { RiskPageReader } from './risk-page-reader.js';
import { PROGRAMME_READERS as READERS } from '../page-roles.js';

/**
 * A service's products side by side (the conformance module's comparison, two statements
 * whatever the number of products), printable; the same table councils see on their
 * certified products page.
 */
@PageController('programme/comparison')
export class ProgrammeComparisonController {
  constructor(
    private readonly comparison: ProductComparisonService,
    private readonly reader: RiskPageReader,
  ) {}

  @Get()
  @Allow(...READERS)
  async services(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { services } = await this.reader.options();
    return render(req, reply, 'programme/comparison-services.njk', { services });
  }

  @Get(':serviceId')
  @Allow(...READERS)
  async compare(
    @CurrentActor() actor: Actor,
    @Param('serviceId', ParseUUIDPipe) serviceId: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const compared = await this.comparison.compare(actor, serviceId);
    return render(req, reply, 'programme/comparison.njk', {
      service: compared.service,
      products: compared.data,
    });
  }
}
