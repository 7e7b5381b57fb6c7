import { Get, Param, ParseUUIDPipe, Query, Req, Res } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Allow, CurrentActor } from '../../auth/access.decorators.js';
import type { Actor } from '../../auth/actor.js';
import { CriticalDatesService } from '../../readiness/critical-dates.service.js';
import { CriticalDateQueryDto } from '../../readiness/dto/critical-date-query.dto.js';
import { ReadinessQueryDto } from '../../readiness/dto/readiness-query.dto.js';
import { READINESS_STATUSES } from '../../readiness/readiness-rule.js';
import { ReadinessService } from '../../readiness/readiness.service.js';
import { type FormError, inlineErrors, summaryList } from '../forms/form-errors.js';
import { tFor } from '../i18n.js';
import { PageController } from '../page.decorator.js';
import { type PageRequest, render } from '../page-request.js';
import {
  READINESS_COLOURS,
  READINESS_DASHES,
  READINESS_KEYS,
  READINESS_TAG,
  readinessBars,
  readinessTrend,
} from './readiness-charts.js';
import { PROGRAMME_READERS as PROGRAMME } from '../page-roles.js';

const chartContext = {
  readinessKeys: READINESS_KEYS,
  readinessColours: READINESS_COLOURS,
  readinessDashes: READINESS_DASHES,
  readinessTag: READINESS_TAG,
};

/**
 * National critical dates and readiness: the coming dates, and one date's readiness —
 * every council ready / at risk / not ready with the reason (filtered by nation, region
 * and status as a GET form), counts by nation and region as bar charts with their tables,
 * and the trend as the date approaches. Read through ReadinessService (computed in SQL).
 */
@PageController('programme/readiness')
export class ProgrammeReadinessController {
  constructor(
    private readonly dates: CriticalDatesService,
    private readonly readiness: ReadinessService,
  ) {}

  @Get()
  @Allow(...PROGRAMME)
  async list(@Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const [coming, past] = await Promise.all([
      this.dates.list(plainToInstance(CriticalDateQueryDto, { upcoming: true, limit: 100 })),
      this.dates.list(plainToInstance(CriticalDateQueryDto, { upcoming: false, limit: 5 })),
    ]);
    return render(req, reply, 'readiness/dates.njk', { coming: coming.data, past: past.data });
  }

  @Get(':id')
  @Allow(...PROGRAMME)
  async date(
    @Param('id', ParseUUIDPipe) id: string,
    @Query() query: Record<string, unknown>,
    @Req() req: FastifyRequest,
    @Res() reply: FastifyReply,
  ) {
    const t = tFor((req as PageRequest).lang);
    const filters: Record<string, string> = {};
    for (const k of ['nation', 'region', 'status']) {
      const v = query[k];
      if (typeof v === 'string' && v.trim() !== '') filters[k] = v.trim();
    }
    const view = await this.readiness.forDate(id, plainToInstance(ReadinessQueryDto, {}));
    const nations = view.byNation.map((n) => n.key!);
    const regions = view.byRegion.map((r) => r.key!);
    const errors: FormError[] = [];
    if (filters.nation && !nations.includes(filters.nation))
      errors.push({ field: 'nation', text: t('readiness.filters.badNation') });
    if (filters.region && !regions.includes(filters.region))
      errors.push({ field: 'region', text: t('readiness.filters.badRegion') });
    if (filters.status && !(READINESS_STATUSES as readonly string[]).includes(filters.status))
      errors.push({ field: 'status', text: t('readiness.filters.badStatus') });
    const councils = errors.length
      ? []
      : view.councils.filter(
          (c) =>
            (!filters.nation || c.nation === filters.nation) &&
            (!filters.region || c.region === filters.region) &&
            (!filters.status || c.status === filters.status),
        );
    const trendPoints = view.trend;
    return render(
      req,
      reply,
      'readiness/date.njk',
      {
        ...chartContext,
        view,
        councils,
        filtered: Object.keys(filters).length > 0,
        filters,
        nations,
        regions,
        statuses: READINESS_STATUSES,
        nationChart: readinessBars(view.byNation),
        regionChart: readinessBars(view.byRegion),
        trend: readinessTrend(trendPoints),
        errorList: summaryList(errors),
        errors: inlineErrors(errors),
      },
      errors.length ? 400 : 200,
    );
  }
}

/** A council's own readiness for every coming date that concerns it. */
@PageController('council/readiness')
export class CouncilReadinessController {
  constructor(private readonly readiness: ReadinessService) {}

  @Get()
  @Allow('council')
  async own(@CurrentActor() actor: Actor, @Req() req: FastifyRequest, @Res() reply: FastifyReply) {
    const view = await this.readiness.forCouncil(actor, actor.organisationId!);
    return render(req, reply, 'readiness/council.njk', { view, readinessTag: READINESS_TAG });
  }
}
