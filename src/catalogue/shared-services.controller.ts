import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
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
import {
  CreateSharedServiceDto,
  SharedServiceMembersDto,
  UpdateSharedServiceDto,
} from './dto/shared-service.dto.js';
import { SharedServiceQueryDto } from './dto/shared-service-query.dto.js';
import { SharedServicesService } from './shared-services.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { SharedServiceViewDto } from './dto/shared-service-view.dto.js';
import { CouncilMemberViewDto } from './dto/council-member-view.dto.js';
import { SharedServicesAddMembersViewDto } from './dto/shared-services-add-members-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('shared-services')
@ApiBearerAuth()
@Controller('shared-services')
export class SharedServicesController {
  constructor(private readonly shared: SharedServicesService) {}

  @ApiPagedResponse(SharedServiceViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Shared services, filtered by service, operator or member council' })
  list(@Query() q: SharedServiceQueryDto) {
    return this.shared.list(q);
  }

  @ApiOkResponse({ type: SharedServiceViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One shared service with its member count' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.shared.get(id);
  }

  @ApiPagedResponse(CouncilMemberViewDto)
  @Get(':id/members')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'The councils a shared service serves' })
  members(@Param('id', ParseUuidPipe) id: string, @Query() q: PageQueryDto) {
    return this.shared.members(id, q);
  }

  @ApiCreatedResponse({ type: SharedServiceViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Create a shared service, optionally with members (ids, GSS codes or a group)',
  })
  @ApiProblems(409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSharedServiceDto) {
    return this.shared.create(actor, dto);
  }

  @ApiOkResponse({ type: SharedServiceViewDto })
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Change a shared service (name, description, operator)' })
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateSharedServiceDto,
  ) {
    return this.shared.update(actor, id, dto);
  }

  @ApiCreatedResponse({ type: SharedServicesAddMembersViewDto })
  @Post(':id/members')
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Add member councils by ids, GSS codes or council group; existing members are kept',
  })
  @ApiProblems(422)
  addMembers(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: SharedServiceMembersDto,
  ) {
    return this.shared.addMembers(actor, id, dto);
  }

  @ApiOkResponse({ type: SharedServiceViewDto })
  @Delete(':id/members/:councilId')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Remove a member council' })
  removeMember(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('councilId', ParseUuidPipe) councilId: string,
  ) {
    return this.shared.removeMember(actor, id, councilId);
  }
}
