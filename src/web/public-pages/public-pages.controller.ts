import { Get, Param, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADOPTION_STAGES } from '../../adoption/adoption-stage.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { Public } from '../../common/http/public.decorator.js';
import { PublicDataService } from '../../public/public-data.service.js';
import { PageController } from '../page.decorator.js';
import { render } from '../page-request.js';
import { percentBars, STAGE_COLOURS, stackedBars, trendLine } from '../programme/rollout-charts.js';
import { PublicRateLimitGuard } from './public-rate-limit.guard.js';

const GSS_CODE = /^[EWSN]\d{8}$/;

/**
 * The programme's public face, no sign-in: the national rollout, one council's services,
 * the register of certified products. Everything shown comes from the public views
 * (src/public), answered from memory; rate-limited per IP.
 */
@PageController('public')
@Public()
@UseGuards(PublicRateLimitGuard)
export class PublicPagesController {
  constructor(private readonly data: PublicDataService) {}

  @Get()
  async rollout(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { data, lastChange } = await this.data.rollout();
    return render(req, reply, 'public/rollout.njk', {
      figures: data,
      lastChanged: lastChange.changedAt,
      stages: ADOPTION_STAGES,
      stageColours: STAGE_COLOURS,
      stacked: stackedBars(
        data.byService.map((s) => ({
          service: { code: s.serviceCode, name: s.serviceName },
          total: s.adoptions,
          stages: s.stages,
        })),
      ),
      nationChart: percentBars(data.byNation.map((n) => ({ label: n.nation, pct: n.pctLive }))),
      regionChart: percentBars(
        data.byRegion.map((r) => ({ label: r.region ?? r.nation, pct: r.pctLive })),
      ),
      trend: trendLine(data.trend),
    });
  }

  @Get('councils')
  async councils(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { data, lastChange } = await this.data.councils();
    return render(req, reply, 'public/councils.njk', {
      councils: data,
      lastChanged: lastChange.changedAt,
    });
  }

  @Get('councils/:gssCode')
  async council(
    @Param('gssCode') gssCode: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const found = GSS_CODE.test(gssCode) ? await this.data.council(gssCode) : null;
    if (!found) throw new ProblemException(404, 'not_found', 'No such council');
    return render(req, reply, 'public/council.njk', {
      council: found.data.council,
      adoptions: found.data.adoptions,
      lastChanged: found.lastChange.changedAt,
    });
  }

  @Get('certified-products')
  async certifiedProducts(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const { data, lastChange } = await this.data.certifiedProducts();
    const byService = new Map<string, { code: string; name: string; products: typeof data }>();
    for (const row of data) {
      const code = row.serviceCode ?? '';
      if (!byService.has(code))
        byService.set(code, { code, name: row.serviceName ?? '', products: [] });
      byService.get(code)!.products.push(row);
    }
    return render(req, reply, 'public/certified-products.njk', {
      services: [...byService.values()],
      lastChanged: lastChange.changedAt,
    });
  }
}
