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
import { VersionOnlyDto } from './dto/submission.dto.js';
import {
  CreateEvaluationDto,
  EvaluationQueryDto,
  EvaluationReplyDto,
  UpdateEvaluationDto,
} from './dto/usability-evaluation.dto.js';
import { UsabilityEvaluationsService } from './usability-evaluations.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { EvaluationViewDto } from './dto/evaluation-view.dto.js';

@ApiTags('conformance')
@ApiBearerAuth()
@Controller('usability-evaluations')
export class UsabilityEvaluationsController {
  constructor(private readonly evaluations: UsabilityEvaluationsService) {}

  @ApiPagedResponse(EvaluationViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Evaluations (suppliers: their own; councils and agencies: published)' })
  list(@CurrentActor() actor: Actor, @Query() q: EvaluationQueryDto) {
    return this.evaluations.list(actor, q);
  }

  @ApiOkResponse({ type: EvaluationViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One evaluation (404 when not visible to you)' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.evaluations.get(actor, id);
  }

  @ApiCreatedResponse({ type: EvaluationViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Record an independent usability evaluation (draft)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateEvaluationDto) {
    return this.evaluations.create(actor, dto);
  }

  @ApiOkResponse({ type: EvaluationViewDto })
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Correct an evaluation (carries the version you read)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateEvaluationDto,
  ) {
    return this.evaluations.update(actor, id, dto);
  }

  @ApiOkResponse({ type: EvaluationViewDto })
  @Post(':id/publish')
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish an evaluation: councils see it from now on' })
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: VersionOnlyDto,
  ) {
    return this.evaluations.publish(actor, id, dto);
  }

  @ApiOkResponse({ type: EvaluationViewDto })
  @Post(':id/reply')
  @Allow('programme_admin', 'supplier')
  @HttpCode(200)
  @ApiOperation({ summary: "The supplier's right of reply to an evaluation of its product" })
  reply(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: EvaluationReplyDto,
  ) {
    return this.evaluations.reply(actor, id, dto);
  }
}
