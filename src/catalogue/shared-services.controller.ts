import { Body, Controller, Delete, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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

@ApiTags('shared-services')
@ApiBearerAuth()
@Controller('shared-services')
export class SharedServicesController {
  constructor(private readonly shared: SharedServicesService) {}

  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Shared services, filtered by service, operator or member council' })
  list(@Query() q: SharedServiceQueryDto) {
    return this.shared.list(q);
  }

  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One shared service with its member count' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.shared.get(id);
  }

  @Get(':id/members')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'The councils a shared service serves' })
  members(@Param('id', ParseUuidPipe) id: string, @Query() q: PageQueryDto) {
    return this.shared.members(id, q);
  }

  @Post()
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Create a shared service, optionally with members (ids, GSS codes or a group)',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSharedServiceDto) {
    return this.shared.create(actor, dto);
  }

  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Change a shared service (name, description, operator)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateSharedServiceDto,
  ) {
    return this.shared.update(actor, id, dto);
  }

  @Post(':id/members')
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Add member councils by ids, GSS codes or council group; existing members are kept',
  })
  addMembers(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: SharedServiceMembersDto,
  ) {
    return this.shared.addMembers(actor, id, dto);
  }

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
