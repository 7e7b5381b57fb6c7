import { Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { plainToInstance } from 'class-transformer';
import { AdoptionVariancesService } from '../../adoption/adoption-variances.service.js';
import { VarianceQueryDto } from '../../adoption/dto/variance.dto.js';
import { DashboardsService } from '../../dashboards/dashboards.service.js';
import { CouncilQueryDto } from '../../organisations/dto/council-query.dto.js';
import { NATIONS } from '../../organisations/organisation-type.js';
import { CouncilsService } from '../../organisations/councils.service.js';
import { attentionFlags, nextStep, STAGE_TAG } from '../council-status.js';
import { inlineErrors, summaryList, validateForm } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, render } from '../page-request.js';
import { PROGRAMME_READERS as PROGRAMME } from '../page-roles.js';
import { pageCount, pageLinks } from '../paging.js';

/**
 * Councils as the programme office sees them: a searchable list and one council's status
 * (each adoption links to its own page, where a programme admin acts on it).
 */
@PageController('programme/councils')
export class ProgrammeCouncilsController {
  constructor(
    private readonly councils: CouncilsService,
    private readonly dashboards: DashboardsService,
    private readonly variances: AdoptionVariancesService,
  ) {}

  @Get()
  @Allow(...PROGRAMME)
  async list(
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const input: Record<string, string> = {};
    for (const k of ['q', 'nation', 'region', 'page']) {
      const v = query[k];
      const first: unknown = Array.isArray(v) ? v[0] : v;
      if (typeof first === 'string' && first !== '') input[k] = first;
    }
    const { dto, errors } = await validateForm(CouncilQueryDto, input, 'programmeCouncils', t);
    const base = { filters: input, nations: NATIONS };
    if (errors.length) {
      return render(
        req,
        reply,
        'programme/councils.njk',
        { ...base, errorList: summaryList(errors), fieldErrors: inlineErrors(errors) },
        400,
      );
    }
    dto.limit = 50;
    const page = await this.councils.list(dto);
    const pages = pageCount(page.meta.total, page.meta.limit);
    const link = (n: number) =>
      `/programme/councils?${new URLSearchParams({ ...input, page: String(n) }).toString()}`;
    return render(req, reply, 'programme/councils.njk', {
      ...base,
      councils: page.data,
      total: page.meta.total,
      pagination: pageLinks(page.meta.page, pages, link),
    });
  }

  @Get(':id')
  @Allow(...PROGRAMME)
  async council(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) id: string,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const [status, variances] = await Promise.all([
      this.dashboards.councilStatus(actor, id),
      this.variances.list(actor, plainToInstance(VarianceQueryDto, { councilId: id, limit: 500 })),
    ]);
    const services = status.services.map((s) => ({
      ...s,
      tagClass: STAGE_TAG[s.stage],
      flags: attentionFlags(s),
      next: nextStep(s),
    }));
    return render(req, reply, 'programme/council.njk', {
      council: status.council,
      summary: status.summary,
      services,
      status,
      variances: variances.data,
      serviceNames: Object.fromEntries(services.map((s) => [s.service.id, s.service.name])),
    });
  }
}
