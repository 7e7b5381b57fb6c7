import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from './access.decorators.js';
import type { Actor } from './actor.js';
import { CreateUserDto } from './dto/create-user.dto.js';
import { UpdateUserDto } from './dto/update-user.dto.js';
import { UserQueryDto } from './dto/user-query.dto.js';
import { UsersService } from './users.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { UserViewDto } from './dto/user-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @ApiPagedResponse(UserViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'List users (programme staff: all; others: their organisation)' })
  list(@CurrentActor() actor: Actor, @Query() q: UserQueryDto) {
    return this.users.list(actor, q);
  }

  @ApiOkResponse({ type: UserViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One user (404 outside your organisation unless programme staff)' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.users.get(actor, id);
  }

  @ApiCreatedResponse({ type: UserViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Create a user in an organisation with a role that fits its type' })
  @ApiProblems(409, 422)
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @ApiOkResponse({ type: UserViewDto })
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Rename or (de)activate a user' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateUserDto,
  ) {
    return this.users.update(actor, id, dto);
  }
}
