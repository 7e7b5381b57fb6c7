import { Get, Param, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADOPTION_STAGES } from '../../adoption/adoption-stage.js';
import { ProblemException } from '../../common/errors/problem.exception.js';
import { Public } from '../../common/http/public.decorator.js';
import { PublicDataService } from '../../public/public-data.service.js';
import type { PublicCertifiedProduct } from '../../public/public-views.js';
import { PageController } from '../page.decorator.js';
import { percentBars, STAGE_COLOURS, stackedBars, trendLine } from '../programme/rollout-charts.js';
import { cachedPage } from './cached-page.js';
import { PublicRateLimitGuard } from './public-rate-limit.guard.js';

const GSS_CODE = /^[EWSN]\d{8}$/;

/**
 * The programme's public face, no sign-in: the national rollout, one council's services,
 * the register of certified products. Everything shown comes from the public views
 * (src/public), answered from memory (pages rendered once per change for signed-out
 * visitors); rate-limited per IP.
 */
@PageController('public')
@Public()
@UseGuards(PublicRateLimitGuard)
export class PublicPagesController {
  constructor(private readonly data: PublicDataService) {}

  @Get()
  rollout(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const page = { key: 'rollout', path: '/public', view: 'public/rollout.njk' };
    return cachedPage(req, reply, this.data, page, async () => {
      const { data, lastChange } = await this.data.rollout();
      return {
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
      };
    });
  }

  @Get('councils')
  councils(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const page = { key: 'councils', path: '/public/councils', view: 'public/councils.njk' };
    return cachedPage(req, reply, this.data, page, async () => {
      const { data, lastChange } = await this.data.councils();
      return { councils: data, lastChanged: lastChange.changedAt };
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
    const path = `/public/councils/${gssCode}`;
    const page = { key: path, path, view: 'public/council.njk' };
    return cachedPage(req, reply, this.data, page, () =>
      Promise.resolve({
        council: found.data.council,
        adoptions: found.data.adoptions,
        lastChanged: found.lastChange.changedAt,
      }),
    );
  }

  @Get('certified-products')
  certifiedProducts(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const page = {
      key: 'certified-products',
      path: '/public/certified-products',
      view: 'public/certified-products.njk',
    };
    return cachedPage(req, reply, this.data, page, async () => {
      const { data, lastChange } = await this.data.certifiedProducts();
      return { services: byService(data), lastChanged: lastChange.changedAt };
    });
  }
}

/** The register grouped by service, in the statement's order. */
function byService(rows: PublicCertifiedProduct[]) {
  const services = new Map<string, { code: string; name: string; products: typeof rows }>();
  for (const row of rows) {
    const code = row.serviceCode ?? '';
    let s = services.get(code);
    if (!s) services.set(code, (s = { code, name: row.serviceName ?? '', products: [] }));
    s.products.push(row);
  }
  return [...services.values()];
}
