import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { CheckInsService } from './check-ins.service.js';
import {
  AnswerCheckInDto,
  CheckInOverviewDto,
  CheckInQueryDto,
  CheckInTrendDto,
  CheckInViewDto,
  CreateCheckInDto,
} from './dto/check-in.dto.js';

/**
 * Relationship health check-ins: the programme office schedules and answers its half; a
 * partner (supplier, council, agency) reads and answers only its own (others are 404).
 */
@ApiTags('check-ins')
@ApiBearerAuth()
@Controller('check-ins')
export class CheckInsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @ApiPagedResponse(CheckInViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Check-ins you may read (a partner: its own), latest due first' })
  list(@CurrentActor() actor: Actor, @Query() q: CheckInQueryDto) {
    return this.checkIns.list(actor, q);
  }

  @ApiOkResponse({ type: CheckInOverviewDto })
  @Get('overview')
  @Allow('programme_admin', 'programme_viewer')
  @ApiOperation({
    summary: 'Programme-wide: partners whose scores fell and whose two sides disagree most',
  })
  overview() {
    return this.checkIns.overview();
  }

  @ApiOkResponse({ type: CheckInTrendDto })
  @Get('partners/:organisationId/trend')
  @AllowAuthenticated()
  @ApiOperation({ summary: "A partner's scores over time (a partner: its own only)" })
  trend(
    @CurrentActor() actor: Actor,
    @Param('organisationId', ParseUuidPipe) organisationId: string,
  ) {
    return this.checkIns.trend(actor, organisationId);
  }

  @ApiOkResponse({ type: CheckInViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: "One check-in: both sides' scores per question and the gap" })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.checkIns.get(actor, id);
  }

  @ApiCreatedResponse({ type: CheckInViewDto })
  @ApiProblems(409, 422)
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Schedule a one-off check-in with a partner (newest question set)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCheckInDto) {
    return this.checkIns.create(actor, dto);
  }

  @ApiOkResponse({ type: CheckInViewDto })
  @ApiProblems(409)
  @Post(':id/answers')
  @HttpCode(200)
  @Allow('programme_admin', 'supplier', 'council', 'agency')
  @ApiOperation({
    summary:
      "Answer your side's half (programme admin: the programme office; a partner: its own), once",
  })
  answer(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: AnswerCheckInDto,
  ) {
    return this.checkIns.answer(actor, id, dto);
  }
}
