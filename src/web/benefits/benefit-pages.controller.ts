import { Get, Param, ParseUUIDPipe, Req, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { BenefitsService } from '../../benefits/benefits.service.js';
import { BenefitQueryDto } from '../../benefits/dto/benefit-query.dto.js';
import { PageController } from '../page.decorator.js';
import { render } from '../page-request.js';
import { benefitChart } from './benefit-chart.js';

const READERS = ['programme_admin', 'programme_viewer', 'supplier', 'council', 'agency'] as const;

/**
 * The benefits register as pages: the list with status and latest value, and one benefit
 * with a server-rendered SVG chart of its readings against the path and the figures in a
 * table beside it. Who sees which benefit is the API's rule (BenefitsService).
 */
@PageController('benefit-register')
export class BenefitPagesController {
  constructor(private readonly benefits: BenefitsService) {}

  @Get()
  @Allow(...READERS)
  async list(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const [page, summary] = await Promise.all([
      this.benefits.list(actor, plainToInstance(BenefitQueryDto, { limit: 500 })),
      this.benefits.summary(actor),
    ]);
    return render(req, reply, 'benefits/list.njk', { benefits: page.data, summary });
  }

  @Get(':id')
  @Allow(...READERS)
  async one(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const series = await this.benefits.series(actor, id);
    const b = series.benefit;
    const chart = benefitChart(
      series.overall.map((p) => ({ date: p.date!, value: p.value })),
      { date: b.baseline.date, value: b.baseline.value },
      { date: b.target.date, value: b.target.value },
      b.threshold,
    );
    return render(req, reply, 'benefits/one.njk', { benefit: b, series, chart });
  }
}
