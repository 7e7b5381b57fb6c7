import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { CriticalDatesService } from './critical-dates.service.js';
import { CouncilReadinessListViewDto } from './dto/council-readiness-list-view.dto.js';
import { CreateCriticalDateDto } from './dto/create-critical-date.dto.js';
import { CriticalDateQueryDto } from './dto/critical-date-query.dto.js';
import { CriticalDateViewDto } from './dto/critical-date-view.dto.js';
import { ReadinessQueryDto } from './dto/readiness-query.dto.js';
import { ReadinessViewDto } from './dto/readiness-view.dto.js';
import { UpdateCriticalDateDto } from './dto/update-critical-date.dto.js';
import { ReadinessService } from './readiness.service.js';
import { ReadinessNoticesService } from './readiness-notices.service.js';
import { ReadinessNoticeQueryDto } from './dto/readiness-notice-query.dto.js';
import { ReadinessNoticeViewDto } from './dto/readiness-notice-view.dto.js';
import { toCriticalDateView } from './readiness-views.js';

/**
 * National critical dates and readiness. Everyone signed in reads the calendar; the
 * programme office writes it; staff and agencies see every council's readiness, a
 * council its own.
 */
@ApiTags('readiness')
@ApiBearerAuth()
@Controller()
export class CriticalDatesController {
  constructor(
    private readonly dates: CriticalDatesService,
    private readonly readiness: ReadinessService,
    private readonly notices: ReadinessNoticesService,
  ) {}

  @ApiPagedResponse(CriticalDateViewDto)
  @Get('critical-dates')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'The programme calendar of national critical dates, soonest first' })
  list(@Query() q: CriticalDateQueryDto) {
    return this.dates.list(q);
  }

  @ApiOkResponse({ type: CriticalDateViewDto })
  @Get('critical-dates/:id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One critical date and its readiness rule' })
  async get(@Param('id', ParseUuidPipe) id: string) {
    return toCriticalDateView(await this.dates.get(id));
  }

  @ApiCreatedResponse({ type: CriticalDateViewDto })
  @ApiProblems(409, 422)
  @Post('critical-dates')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Add a critical date (services, nations, readiness rule, lead times)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCriticalDateDto) {
    return this.dates.create(actor, dto);
  }

  @ApiOkResponse({ type: CriticalDateViewDto })
  @ApiProblems(409, 422)
  @Patch('critical-dates/:id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Change a critical date (carries the version you read)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateCriticalDateDto,
  ) {
    return this.dates.update(actor, id, dto);
  }

  @ApiOkResponse({ type: ReadinessViewDto })
  @Get('critical-dates/:id/readiness')
  @Allow('programme_admin', 'programme_viewer', 'agency')
  @ApiOperation({
    summary: 'Readiness for a date: every council ready / at risk / not ready with the reason',
    description: 'Counts overall, by nation and by region, and the trend as the date approaches.',
  })
  forDate(@Param('id', ParseUuidPipe) id: string, @Query() q: ReadinessQueryDto) {
    return this.readiness.forDate(id, q);
  }

  @ApiOkResponse({ type: CouncilReadinessListViewDto })
  @ApiParam({ name: 'councilId', description: 'Council id (UUID) or GSS code, e.g. W06000015' })
  @Get('councils/:councilId/readiness')
  @Allow('programme_admin', 'programme_viewer', 'agency', 'council')
  @ApiOperation({ summary: "A council's readiness for every coming critical date" })
  forCouncil(@CurrentActor() actor: Actor, @Param('councilId') councilId: string) {
    return this.readiness.forCouncil(actor, councilId);
  }

  @ApiPagedResponse(ReadinessNoticeViewDto)
  @ApiProblems(404)
  @Get('critical-dates/:id/notices')
  @Allow('programme_admin', 'programme_viewer')
  @ApiOperation({
    summary: 'Lead-time notices sent for a date: council, lead time, communication, when',
  })
  noticesForDate(@Param('id', ParseUuidPipe) id: string, @Query() q: ReadinessNoticeQueryDto) {
    return this.notices.forDate(id, q);
  }

  @ApiPagedResponse(ReadinessNoticeViewDto)
  @ApiProblems(404)
  @ApiParam({ name: 'councilId', description: 'Council id (UUID) or GSS code, e.g. W06000015' })
  @Get('councils/:councilId/readiness-notices')
  @Allow('programme_admin', 'programme_viewer', 'council')
  @ApiOperation({ summary: 'Lead-time notices a council was sent (a council: its own)' })
  noticesForCouncil(
    @CurrentActor() actor: Actor,
    @Param('councilId') councilId: string,
    @Query() q: ReadinessNoticeQueryDto,
  ) {
    return this.notices.forCouncil(actor, councilId, q);
  }
}
