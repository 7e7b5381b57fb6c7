import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
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
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { CreateGovernanceGroupDto } from './dto/create-governance-group.dto.js';
import { GovernanceGroupViewDto } from './dto/governance-group-view.dto.js';
import { GovernanceService } from './governance.service.js';

/** Governance groups: programme admins set them up; members read their own groups. */
@ApiTags('governance')
@ApiBearerAuth()
@Controller('governance-groups')
export class GovernanceGroupsController {
  constructor(private readonly governance: GovernanceService) {}

  @ApiPagedResponse(GovernanceGroupViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Governance groups you may read (members: your own groups)' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto) {
    return this.governance.listGroups(actor, q);
  }

  @ApiOkResponse({ type: GovernanceGroupViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One governance group with its members and their roles' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.governance.getGroup(actor, id);
  }

  @ApiCreatedResponse({ type: GovernanceGroupViewDto })
  @ApiProblems(409)
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Set up a governance group with its members (chair, member, observer)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGovernanceGroupDto) {
    return this.governance.createGroup(actor, dto);
  }
}
