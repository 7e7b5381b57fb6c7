import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { REQUIREMENT_CODE } from '../requirements/requirement-lifecycle.js';
import { LinkedDecisionsViewDto } from './dto/linked-decisions-view.dto.js';
import { LinkedDecisionsService } from './linked-decisions.service.js';

/**
 * What a risk, a requirement and a service were decided on: additive read routes beside
 * their own modules' (the decisions module owns the links, so those modules stay as they are).
 */
@ApiTags('decisions')
@ApiBearerAuth()
@Controller()
export class LinkedDecisionsController {
  constructor(private readonly linked: LinkedDecisionsService) {}

  @ApiOkResponse({ type: LinkedDecisionsViewDto })
  @Get('risks/:id/decisions')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Decisions affecting a risk (those you may read)' })
  forRisk(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.linked.forRisk(actor, id);
  }

  @ApiOkResponse({ type: LinkedDecisionsViewDto })
  @Get('services/:id/decisions')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Decisions affecting a service (those you may read)' })
  forService(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.linked.forService(actor, id);
  }

  @ApiOkResponse({ type: LinkedDecisionsViewDto })
  @ApiParam({
    name: 'code',
    description: 'Requirement code',
    schema: { type: 'string', pattern: REQUIREMENT_CODE.source, example: 'FSM-004' },
  })
  @Get('requirement-sets/:id/requirements/:code/decisions')
  @AllowAuthenticated()
  @ApiOperation({
    summary: 'Decisions affecting one requirement of a set version (those you may read)',
  })
  forRequirement(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('code') code: string,
  ) {
    return this.linked.forRequirement(actor, id, code);
  }
}
