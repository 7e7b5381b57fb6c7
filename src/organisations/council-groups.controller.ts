import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
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
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { CouncilGroupsService } from './council-groups.service.js';
import { CouncilMembersDto, CreateCouncilGroupDto } from './dto/council-group.dto.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { GroupViewDto } from './dto/group-view.dto.js';
import { CouncilViewDto } from './dto/council-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('council-groups')
@ApiBearerAuth()
@Controller('council-groups')
export class CouncilGroupsController {
  constructor(private readonly groups: CouncilGroupsService) {}

  @ApiPagedResponse(GroupViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Council groups with member counts' })
  list(@Query() q: PageQueryDto) {
    return this.groups.list(q);
  }

  @ApiOkResponse({ type: GroupViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One council group' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.groups.get(id);
  }

  @ApiPagedResponse(CouncilViewDto)
  @Get(':id/members')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'The councils in a group' })
  members(@Param('id', ParseUuidPipe) id: string, @Query() q: PageQueryDto) {
    return this.groups.members(id, q);
  }

  @ApiCreatedResponse({ type: GroupViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Create a council group, optionally with members (ids or GSS codes)' })
  @ApiProblems(409)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCouncilGroupDto) {
    return this.groups.create(actor, dto);
  }

  @ApiCreatedResponse({ type: GroupViewDto })
  @Post(':id/members')
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Add councils to a group (ids or GSS codes); existing members are kept',
  })
  @ApiProblems(422)
  addMembers(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CouncilMembersDto,
  ) {
    return this.groups.addMembers(actor, id, dto);
  }

  @ApiOkResponse({ type: GroupViewDto })
  @Delete(':id/members/:councilId')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Remove a council from a group' })
  removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('councilId', ParseUuidPipe) councilId: string,
  ) {
    return this.groups.removeMember(actor, id, councilId);
  }
}
