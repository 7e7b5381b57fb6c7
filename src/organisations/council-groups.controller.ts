import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { CouncilGroupsService } from './council-groups.service.js';
import { CouncilMembersDto, CreateCouncilGroupDto } from './dto/council-group.dto.js';

@ApiTags('council-groups')
@ApiBearerAuth()
@Controller('council-groups')
export class CouncilGroupsController {
  constructor(private readonly groups: CouncilGroupsService) {}

  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Council groups with member counts' })
  list(@Query() q: PageQueryDto) {
    return this.groups.list(q);
  }

  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One council group' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.groups.get(id);
  }

  @Get(':id/members')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'The councils in a group' })
  members(@Param('id', ParseUuidPipe) id: string, @Query() q: PageQueryDto) {
    return this.groups.members(id, q);
  }

  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Create a council group, optionally with members (ids or GSS codes)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCouncilGroupDto) {
    return this.groups.create(actor, dto);
  }

  @Post(':id/members')
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Add councils to a group (ids or GSS codes); existing members are kept',
  })
  addMembers(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CouncilMembersDto,
  ) {
    return this.groups.addMembers(actor, id, dto);
  }

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
