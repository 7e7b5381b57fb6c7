import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { CouncilsService } from './councils.service.js';
import { CouncilQueryDto } from './dto/council-query.dto.js';
import { CreateCouncilDto } from './dto/create-council.dto.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { CouncilViewDto } from './dto/council-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('councils')
@ApiBearerAuth()
@Controller('councils')
export class CouncilsController {
  constructor(private readonly councils: CouncilsService) {}

  @ApiCreatedResponse({ type: CouncilViewDto })
  @ApiProblems(409, 422)
  @Post()
  @Allow('programme_admin')
  @ApiOperation({
    summary:
      'Add a council to the registry; it gets an adoption of every service whose scope takes it in',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCouncilDto) {
    return this.councils.create(actor, dto);
  }

  @ApiPagedResponse(CouncilViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({
    summary: 'Councils of England and Wales, filtered by nation, region, type, group or q',
  })
  list(@Query() q: CouncilQueryDto) {
    return this.councils.list(q);
  }

  @ApiOkResponse({ type: CouncilViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiParam({ name: 'id', description: 'Council id (UUID) or GSS code, e.g. E09000001' })
  @ApiOperation({ summary: 'One council by id or GSS code' })
  get(@Param('id') id: string) {
    return this.councils.get(id);
  }
}
