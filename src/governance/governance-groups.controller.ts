import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
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
import {
  CreateGovernanceGroupDto,
  GovernanceMemberDto,
} from './dto/create-governance-group.dto.js';
import { ChangeMemberRoleDto } from './dto/governance-member.dto.js';
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

  @ApiCreatedResponse({ type: GovernanceGroupViewDto })
  @ApiProblems(409)
  @Post(':id/members')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Add a member to the group (they read its meetings at once)' })
  addMember(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: GovernanceMemberDto,
  ) {
    return this.governance.addMember(actor, id, dto);
  }

  @ApiOkResponse({ type: GovernanceGroupViewDto })
  @Patch(':id/members/:organisationId')
  @Allow('programme_admin')
  @ApiOperation({ summary: "Change a member's role (chair, member, observer)" })
  changeMemberRole(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('organisationId', ParseUuidPipe) organisationId: string,
    @Body() dto: ChangeMemberRoleDto,
  ) {
    return this.governance.changeMemberRole(actor, id, organisationId, dto);
  }

  @ApiOkResponse({ type: GovernanceGroupViewDto })
  @Delete(':id/members/:organisationId')
  @Allow('programme_admin')
  @ApiOperation({
    summary: "Remove a member: it no longer reads the group's meetings (404 from then on)",
  })
  removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('organisationId', ParseUuidPipe) organisationId: string,
  ) {
    return this.governance.removeMember(actor, id, organisationId);
  }
}
