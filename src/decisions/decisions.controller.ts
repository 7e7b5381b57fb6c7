import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import { ApiLifecycle } from '../common/openapi/api-lifecycle.decorator.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { DECISION_TRANSITIONS } from './decision-lifecycle.js';
import { DecisionsService } from './decisions.service.js';
import { CreateDecisionDto } from './dto/create-decision.dto.js';
import { DecisionQueryDto } from './dto/decision-query.dto.js';
import { AcceptDecisionDto, RevokeDecisionDto } from './dto/decision-transition.dto.js';
import { DecisionViewDto } from './dto/decision-view.dto.js';
import { UpdateDecisionDto } from './dto/update-decision.dto.js';

/**
 * The decision log. The programme office records and accepts; suppliers and councils read
 * decisions they were consulted or informed on and those public to the programme (others
 * are 404); programme staff and agencies read all.
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller('decisions')
export class DecisionsController {
  constructor(private readonly decisions: DecisionsService) {}

  @ApiPagedResponse(DecisionViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Decisions you may read; `q` searches title, context and rationale' })
  list(@CurrentActor() actor: Actor, @Query() q: DecisionQueryDto) {
    return this.decisions.list(actor, q);
  }

  @ApiOkResponse({ type: DecisionViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One decision record' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.decisions.get(actor, id);
  }

  @ApiCreatedResponse({ type: DecisionViewDto })
  @ApiProblems(422)
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Record a decision (proposed); it may name the decision it supersedes' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDecisionDto) {
    return this.decisions.create(actor, dto);
  }

  @ApiOkResponse({ type: DecisionViewDto })
  @ApiProblems(409)
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Change a proposed decision (accepted ones are 409: record a new one)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateDecisionDto,
  ) {
    return this.decisions.update(actor, id, dto);
  }

  @ApiOkResponse({ type: DecisionViewDto })
  @ApiProblems(409)
  @ApiLifecycle('Decision', DECISION_TRANSITIONS)
  @Post(':id/accept')
  @HttpCode(200)
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Accept a decision (the one it supersedes becomes superseded)' })
  accept(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: AcceptDecisionDto,
  ) {
    return this.decisions.accept(actor, id, dto.version);
  }

  @ApiOkResponse({ type: DecisionViewDto })
  @ApiProblems(409)
  @ApiLifecycle('Decision', DECISION_TRANSITIONS)
  @Post(':id/revoke')
  @HttpCode(200)
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Revoke a decision (reason required)' })
  revoke(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RevokeDecisionDto,
  ) {
    return this.decisions.revoke(actor, id, dto.reason, dto.version);
  }
}
