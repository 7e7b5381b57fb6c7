import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { CreateStandardDto, StandardTransitionDto, UpdateStandardDto } from './dto/standard.dto.js';
import { StandardQueryDto } from './dto/standard-query.dto.js';
import { StandardValidationService } from './standard-validation.service.js';
import { StandardsService } from './standards.service.js';

@ApiTags('standards')
@ApiBearerAuth()
@Controller('standards')
export class StandardsController {
  constructor(
    private readonly standards: StandardsService,
    private readonly validation: StandardValidationService,
  ) {}

  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Standards, filtered by status, owner, governed service or q' })
  list(@Query() q: StandardQueryDto) {
    return this.standards.list(q);
  }

  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One standard, with its JSON Schema' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.standards.get(id);
  }

  @Post()
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Add a standard (status starts at draft); a broken JSON Schema is a 400',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateStandardDto) {
    return this.standards.create(actor, dto);
  }

  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Change a standard (name, description, owner, services; schema only while draft)',
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateStandardDto,
  ) {
    return this.standards.update(actor, id, dto);
  }

  @Post(':id/transitions')
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a standard along draft → active → deprecated → retired, with an effective date',
  })
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: StandardTransitionDto,
  ) {
    return this.standards.transition(actor, id, dto);
  }

  @Post(':id/validate')
  @AllowAuthenticated()
  @HttpCode(200)
  @ApiBody({ description: 'The sample payload, any JSON', schema: { type: 'object' } })
  @ApiOperation({
    summary: "Validate a sample payload against the standard's JSON Schema: { valid, errors }",
  })
  validate(@Param('id', ParseUuidPipe) id: string, @Body() payload: unknown) {
    return this.validation.validate(id, payload);
  }
}
