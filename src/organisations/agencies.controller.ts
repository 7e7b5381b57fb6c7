import { Body, Controller, Get, Param, Post } from '@nestjs/common';
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
import { AgenciesService } from './agencies.service.js';
import { CreateAgencyDto } from './dto/create-agency.dto.js';
import { AgenciesListViewDto } from './dto/agencies-list-view.dto.js';
import { AgencyViewDto } from './dto/agency-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('agencies')
@ApiBearerAuth()
@Controller('agencies')
export class AgenciesController {
  constructor(private readonly agencies: AgenciesService) {}

  @ApiOkResponse({ type: AgenciesListViewDto })
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Central government agencies in the programme' })
  list() {
    return this.agencies.list();
  }

  @ApiOkResponse({ type: AgencyViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One agency' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.agencies.get(id);
  }

  @ApiCreatedResponse({ type: AgencyViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Add an agency' })
  @ApiProblems(409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAgencyDto) {
    return this.agencies.create(actor, dto);
  }
}
