import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
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
import { CreateServiceDto, ServiceTransitionDto, UpdateServiceDto } from './dto/service.dto.js';
import { ServiceQueryDto } from './dto/service-query.dto.js';
import { UpdateServiceScopeDto } from './dto/service-scope.dto.js';
import { ServiceGraphService } from './service-graph.service.js';
import { ServicesService } from './services.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ServiceViewDto } from './dto/service-view.dto.js';
import { ServiceGraphGraphViewDto } from './dto/service-graph-graph-view.dto.js';
import { ApiLifecycle } from '../common/openapi/api-lifecycle.decorator.js';
import { SERVICE_TRANSITIONS } from './service-lifecycle.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('services')
@ApiBearerAuth()
@Controller('services')
export class ServicesController {
  constructor(
    private readonly services: ServicesService,
    private readonly graph: ServiceGraphService,
  ) {}

  @ApiPagedResponse(ServiceViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({
    summary: 'The service catalogue, filtered by status, delivery model, agency or q',
  })
  list(@Query() q: ServiceQueryDto) {
    return this.services.list(q);
  }

  @ApiOkResponse({ type: ServiceGraphGraphViewDto })
  @Get('graph')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Every service (nodes) and relationship (edges) in one response' })
  getGraph() {
    return this.graph.graph();
  }

  @ApiOkResponse({ type: ServiceViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One service' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.services.get(id);
  }

  @ApiCreatedResponse({ type: ServiceViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Add a service to the catalogue (status starts at planned)' })
  @ApiProblems(409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateServiceDto) {
    return this.services.create(actor, dto);
  }

  @ApiOkResponse({ type: ServiceViewDto })
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Change a service (name, description, lead agency, delivery model)' })
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateServiceDto,
  ) {
    return this.services.update(actor, id, dto);
  }

  @ApiOkResponse({ type: ServiceViewDto })
  @ApiProblems(409, 422)
  @Put(':id/scope')
  @Allow('programme_admin')
  @ApiOperation({
    summary:
      'Set which councils must adopt the service (nations, council groups, councils); ' +
      'the system creates their adoptions and withdraws those of councils that left',
  })
  setScope(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateServiceScopeDto,
  ) {
    return this.services.setScope(actor, id, dto);
  }

  @ApiOkResponse({ type: ServiceViewDto })
  @Post(':id/transitions')
  @ApiLifecycle('Service', SERVICE_TRANSITIONS)
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Move a service along planned → piloting → live → retired' })
  @ApiProblems(409)
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ServiceTransitionDto,
  ) {
    return this.services.transition(actor, id, dto.to, dto.note);
  }
}
