import { Controller, Get, Headers, Param, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { AttentionQueryDto, DashboardQueryDto } from './dto/dashboard-query.dto.js';
import { DashboardsService } from './dashboards.service.js';
import { ApiConditionalGet, sendConditional } from '../common/http/conditional-get.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { AdoptionDashboardViewDto } from './dto/adoption-dashboard-view.dto.js';
import { AttentionDataViewDto } from './dto/attention-data-view.dto.js';
import { CouncilStatusViewDto } from './dto/council-status-view.dto.js';

@ApiTags('dashboards')
@ApiBearerAuth()
@Controller()
export class DashboardsController {
  constructor(private readonly dashboards: DashboardsService) {}

  @ApiOkResponse({ type: AdoptionDashboardViewDto })
  @ApiConditionalGet()
  @Get('dashboards/adoption')
  @Allow('programme_admin', 'programme_viewer', 'agency')
  @ApiOperation({
    summary:
      'National adoption: by service × stage with % live, by nation and region, by supplier, live count per month',
  })
  async adoption(
    @Query() q: DashboardQueryDto,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendConditional(reply, await this.dashboards.adoptionConditional(q, ifNoneMatch));
  }

  @ApiPagedResponse(AttentionDataViewDto)
  @Get('dashboards/attention')
  @Allow('programme_admin', 'programme_viewer', 'agency')
  @ApiOperation({
    summary:
      'Adoptions needing attention, each with its reasons (flagged, past target, stalled, route uncertified or suspended, dependency not live)',
  })
  attention(@Query() q: AttentionQueryDto) {
    return this.dashboards.attention(q);
  }

  @ApiOkResponse({ type: CouncilStatusViewDto })
  @ApiConditionalGet()
  @Get('councils/:id/status')
  @Allow('programme_admin', 'programme_viewer', 'agency', 'council')
  @ApiOperation({
    summary:
      "A council's status: every service with stage, route, certificate, approved variances, next target; open council risks",
  })
  @ApiParam({ name: 'id', description: 'Council id (UUID) or GSS code, e.g. E09000001' })
  async councilStatus(
    @CurrentActor() actor: Actor,
    @Param('id') id: string,
    @Headers('if-none-match') ifNoneMatch: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return sendConditional(
      reply,
      await this.dashboards.councilStatusConditional(actor, id, ifNoneMatch),
    );
  }
}
