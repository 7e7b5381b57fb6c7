import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { CreateStandardDto, StandardTransitionDto, UpdateStandardDto } from './dto/standard.dto.js';
import { StandardQueryDto } from './dto/standard-query.dto.js';
import { StandardValidationService } from './standard-validation.service.js';
import { StandardsService } from './standards.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { StandardViewDto } from './dto/standard-view.dto.js';
import { StandardDetailViewDto } from './dto/standard-detail-view.dto.js';
import { StandardValidationValidateViewDto } from './dto/standard-validation-validate-view.dto.js';
import { ApiLifecycle } from '../common/openapi/api-lifecycle.decorator.js';
import { STANDARD_TRANSITIONS } from './standard-lifecycle.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards')
export class StandardsController {
  constructor(
    private readonly standards: StandardsService,
    private readonly validation: StandardValidationService,
  ) {}

  @ApiPagedResponse(StandardViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Standards, filtered by status, owner, governed service or q' })
  list(@Query() q: StandardQueryDto) {
    return this.standards.list(q);
  }

  @ApiOkResponse({ type: StandardDetailViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One standard, with its JSON Schema' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.standards.get(id);
  }

  @ApiCreatedResponse({ type: StandardDetailViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Add a standard (status starts at draft); a broken JSON Schema is a 400',
  })
  @ApiProblems(409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateStandardDto) {
    return this.standards.create(actor, dto);
  }

  @ApiOkResponse({ type: StandardDetailViewDto })
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Change a standard (name, description, owner, services; schema only while draft)',
  })
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateStandardDto,
  ) {
    return this.standards.update(actor, id, dto);
  }

  @ApiOkResponse({ type: StandardDetailViewDto })
  @Post(':id/transitions')
  @ApiLifecycle('Standard', STANDARD_TRANSITIONS)
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a standard along draft → active → deprecated → retired, with an effective date',
  })
  @ApiProblems(409, 422)
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: StandardTransitionDto,
  ) {
    return this.standards.transition(actor, id, dto);
  }

  @ApiOkResponse({ type: StandardValidationValidateViewDto })
  @Post(':id/validate')
  @AllowAuthenticated()
  @HttpCode(200)
  @ApiBody({ description: 'The sample payload, any JSON', schema: { type: 'object' } })
  @ApiOperation({
    summary: "Validate a sample payload against the standard's JSON Schema: { valid, errors }",
  })
  @ApiProblems(422)
  validate(@Param('id', ParseUuidPipe) id: string, @Body() payload: unknown) {
    return this.validation.validate(id, payload);
  }
}
