import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { AdoptionQueryDto } from './dto/adoption-query.dto.js';
import { AdoptionTransitionDto } from './dto/adoption-transition.dto.js';
import { UpdateAdoptionDto } from './dto/update-adoption.dto.js';
import { AdoptionLifecycleService } from './adoption-lifecycle.service.js';
import { AdoptionsService } from './adoptions.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { AdoptionViewDto } from './dto/adoption-view.dto.js';
import { AdoptionsHistoryViewDto } from './dto/adoptions-history-view.dto.js';
import { ApiLifecycle } from '../common/openapi/api-lifecycle.decorator.js';
import { ADOPTION_TRANSITIONS } from './adoption-lifecycle.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('adoption')
@ApiBearerAuth()
@Controller('adoptions')
export class AdoptionsController {
  constructor(
    private readonly adoptions: AdoptionsService,
    private readonly lifecycle: AdoptionLifecycleService,
  ) {}

  @ApiPagedResponse(AdoptionViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({
    summary:
      'Council × service adoptions, filtered (councils: their own; suppliers: those routed through them)',
  })
  list(@CurrentActor() actor: Actor, @Query() q: AdoptionQueryDto) {
    return this.adoptions.list(actor, q);
  }

  @ApiOkResponse({ type: AdoptionViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One adoption (404 when not visible to you)' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.adoptions.get(actor, id);
  }

  @ApiOkResponse({ type: AdoptionViewDto })
  @Patch(':id')
  @Allow('programme_admin', 'council')
  @ApiOperation({
    summary: 'Set the route, target dates, go-live date, notes (carries the version you read)',
  })
  @ApiProblems(409, 422)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateAdoptionDto,
  ) {
    return this.adoptions.update(actor, id, dto);
  }

  @ApiOkResponse({ type: AdoptionViewDto })
  @Post(':id/transitions')
  @ApiLifecycle('Adoption stage', ADOPTION_TRANSITIONS)
  @Allow('programme_admin', 'council')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Move to another stage (409: illegal move, unfinished mandatory steps, dependency not live, stale version)',
  })
  @ApiProblems(409)
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: AdoptionTransitionDto,
  ) {
    return this.lifecycle.transition(actor, id, dto);
  }

  @ApiOkResponse({ type: AdoptionsHistoryViewDto })
  @Get(':id/history')
  @AllowAuthenticated()
  @ApiOperation({ summary: "The adoption's timeline: every change with actor, time and note" })
  history(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.adoptions.history(actor, id);
  }
}
