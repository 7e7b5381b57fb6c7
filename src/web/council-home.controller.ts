import { Get, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { DashboardsService } from '../dashboards/dashboards.service.js';
import { attentionFlags, nextStep, STAGE_TAG } from './council-status.js';
import { ReadinessService } from '../readiness/readiness.service.js';
import { READINESS_TAG } from './readiness/readiness-charts.js';
import { PageController } from './page.decorator.js';
import { render } from './page-request.js';

/** "Your services": every service the council adopts, from the same council status the API serves. */
@PageController('council')
export class CouncilHomeController {
  constructor(
    private readonly dashboards: DashboardsService,
    private readonly readiness: ReadinessService,
  ) {}

  @Get()
  @Allow('council')
  async home(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const [status, readiness] = await Promise.all([
      this.dashboards.councilStatus(actor, actor.organisationId!),
      this.readiness.forCouncil(actor, actor.organisationId!),
    ]);
    const services = status.services.map((s) => ({
      ...s,
      tagClass: STAGE_TAG[s.stage],
      flags: attentionFlags(s),
      next: nextStep(s),
    }));
    return render(req, reply, 'council/home.njk', {
      council: status.council,
      summary: status.summary,
      services,
      attention: services.filter((s) => s.flags.length > 0).length,
      readiness: readiness.dates.slice(0, 3),
      readinessTag: READINESS_TAG,
    });
  }
}
