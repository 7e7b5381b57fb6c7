import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { CreateRiskDto } from './dto/create-risk.dto.js';
import { RealiseRiskDto } from './dto/realise-risk.dto.js';
import { RiskFilterDto, RiskQueryDto, TopRisksQueryDto } from './dto/risk-query.dto.js';
import { RiskTransitionDto } from './dto/risk-transition.dto.js';
import { UpdateRiskDto } from './dto/update-risk.dto.js';
import { RiskLifecycleService } from './risk-lifecycle.service.js';
import { RiskReportsService } from './risk-reports.service.js';
import { RisksService } from './risks.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { RiskViewDto } from './dto/risk-view.dto.js';
import { HeatmapViewDto } from './dto/heatmap-view.dto.js';
import { RiskReportsTopViewDto } from './dto/risk-reports-top-view.dto.js';
import { TopRiskViewDto } from './dto/top-risk-view.dto.js';
import { RiskLifecycleRealiseViewDto } from './dto/risk-lifecycle-realise-view.dto.js';
import { RisksHistoryViewDto } from './dto/risks-history-view.dto.js';
import { RisksScoresViewDto } from './dto/risks-scores-view.dto.js';
import { ApiLifecycle } from '../common/openapi/api-lifecycle.decorator.js';
import { RISK_TRANSITIONS } from './risk-lifecycle.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('risks')
@ApiBearerAuth()
@Controller('risks')
export class RisksController {
  constructor(
    private readonly risks: RisksService,
    private readonly lifecycle: RiskLifecycleService,
    private readonly reports: RiskReportsService,
  ) {}

  @ApiPagedResponse(RiskViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({
    summary: 'The register, filtered (suppliers and councils: national + their own)',
  })
  list(@CurrentActor() actor: Actor, @Query() q: RiskQueryDto) {
    return this.risks.list(actor, q);
  }

  @ApiOkResponse({ type: HeatmapViewDto })
  @Get('heatmap')
  @AllowAuthenticated()
  @ApiOperation({ summary: '5 × 5 counts of open entries by residual likelihood × impact' })
  heatmap(@CurrentActor() actor: Actor, @Query() q: RiskFilterDto) {
    return this.reports.heatmap(actor, q);
  }

  @ApiOkResponse({ type: RiskReportsTopViewDto })
  @Get('top')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Open entries with the highest residual scores' })
  top(@CurrentActor() actor: Actor, @Query() q: TopRisksQueryDto) {
    return this.reports.top(actor, q);
  }

  @ApiPagedResponse(RiskViewDto)
  @Get('overdue-reviews')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Open entries whose next review date has passed' })
  overdueReviews(@CurrentActor() actor: Actor, @Query() q: RiskQueryDto) {
    return this.reports.overdueReviews(actor, q);
  }

  @ApiPagedResponse(TopRiskViewDto)
  @Get('overdue-actions')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Mitigation actions past their due date on open entries' })
  overdueActions(@CurrentActor() actor: Actor, @Query() q: RiskQueryDto) {
    return this.reports.overdueActions(actor, q);
  }

  @ApiOkResponse({ type: RiskViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One entry (404 when not visible to you)' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.risks.get(actor, id);
  }

  @ApiCreatedResponse({ type: RiskViewDto })
  @Post()
  @Allow('programme_admin', 'supplier', 'council')
  @ApiOperation({
    summary: 'Raise an entry (suppliers and councils: scoped to and owned by themselves)',
  })
  @ApiProblems(422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRiskDto) {
    return this.risks.create(actor, dto);
  }

  @ApiOkResponse({ type: RiskViewDto })
  @Patch(':id')
  @Allow('programme_admin', 'supplier', 'council')
  @ApiOperation({ summary: 'Update an entry you own (carries the version you read)' })
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateRiskDto,
  ) {
    return this.risks.update(actor, id, dto);
  }

  @ApiOkResponse({ type: RiskViewDto })
  @Post(':id/transitions')
  @ApiLifecycle('Risk', RISK_TRANSITIONS)
  @Allow('programme_admin', 'supplier', 'council')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move an entry along its lifecycle (409 naming the allowed moves; reason to close/reopen)',
  })
  @ApiProblems(409)
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RiskTransitionDto,
  ) {
    return this.lifecycle.transition(actor, id, dto);
  }

  @ApiCreatedResponse({ type: RiskLifecycleRealiseViewDto })
  @Post(':id/realise')
  @Allow('programme_admin', 'supplier', 'council')
  @ApiOperation({ summary: 'A risk has happened: mark it realised and raise the linked issue' })
  @ApiProblems(409)
  realise(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RealiseRiskDto,
  ) {
    return this.lifecycle.realise(actor, id, dto);
  }

  @ApiOkResponse({ type: RisksHistoryViewDto })
  @Get(':id/history')
  @AllowAuthenticated()
  @ApiOperation({ summary: "The entry's timeline: every change with actor, time and note" })
  history(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.risks.history(actor, id);
  }

  @ApiOkResponse({ type: RisksScoresViewDto })
  @Get(':id/scores')
  @AllowAuthenticated()
  @ApiOperation({ summary: "The entry's score history (inherent and residual after each change)" })
  scores(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.risks.scores(actor, id);
  }
}
