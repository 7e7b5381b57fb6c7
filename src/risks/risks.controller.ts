import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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

@ApiTags('risks')
@ApiBearerAuth()
@Controller('risks')
export class RisksController {
  constructor(
    private readonly risks: RisksService,
    private readonly lifecycle: RiskLifecycleService,
    private readonly reports: RiskReportsService,
  ) {}

  @Get()
  @AllowAuthenticated()
  @ApiOperation({
    summary: 'The register, filtered (suppliers and councils: national + their own)',
  })
  list(@CurrentActor() actor: Actor, @Query() q: RiskQueryDto) {
    return this.risks.list(actor, q);
  }

  @Get('heatmap')
  @AllowAuthenticated()
  @ApiOperation({ summary: '5 × 5 counts of open entries by residual likelihood × impact' })
  heatmap(@CurrentActor() actor: Actor, @Query() q: RiskFilterDto) {
    return this.reports.heatmap(actor, q);
  }

  @Get('top')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Open entries with the highest residual scores' })
  top(@CurrentActor() actor: Actor, @Query() q: TopRisksQueryDto) {
    return this.reports.top(actor, q);
  }

  @Get('overdue-reviews')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Open entries whose next review date has passed' })
  overdueReviews(@CurrentActor() actor: Actor, @Query() q: RiskQueryDto) {
    return this.reports.overdueReviews(actor, q);
  }

  @Get('overdue-actions')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Mitigation actions past their due date on open entries' })
  overdueActions(@CurrentActor() actor: Actor, @Query() q: RiskQueryDto) {
    return this.reports.overdueActions(actor, q);
  }

  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One entry (404 when not visible to you)' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.risks.get(actor, id);
  }

  @Post()
  @Allow('programme_admin', 'supplier', 'council')
  @ApiOperation({
    summary: 'Raise an entry (suppliers and councils: scoped to and owned by themselves)',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateRiskDto) {
    return this.risks.create(actor, dto);
  }

  @Patch(':id')
  @Allow('programme_admin', 'supplier', 'council')
  @ApiOperation({ summary: 'Update an entry you own (carries the version you read)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateRiskDto,
  ) {
    return this.risks.update(actor, id, dto);
  }

  @Post(':id/transitions')
  @Allow('programme_admin', 'supplier', 'council')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move an entry along its lifecycle (409 naming the allowed moves; reason to close/reopen)',
  })
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RiskTransitionDto,
  ) {
    return this.lifecycle.transition(actor, id, dto);
  }

  @Post(':id/realise')
  @Allow('programme_admin', 'supplier', 'council')
  @ApiOperation({ summary: 'A risk has happened: mark it realised and raise the linked issue' })
  realise(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RealiseRiskDto,
  ) {
    return this.lifecycle.realise(actor, id, dto);
  }

  @Get(':id/history')
  @AllowAuthenticated()
  @ApiOperation({ summary: "The entry's timeline: every change with actor, time and note" })
  history(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.risks.history(actor, id);
  }

  @Get(':id/scores')
  @AllowAuthenticated()
  @ApiOperation({ summary: "The entry's score history (inherent and residual after each change)" })
  scores(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.risks.scores(actor, id);
  }
}
