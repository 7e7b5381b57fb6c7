import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
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
import {
  CreateMitigationActionDto,
  UpdateMitigationActionDto,
} from './dto/mitigation-action.dto.js';
import { MitigationActionsService } from './mitigation-actions.service.js';
import { MitigationActionsListViewDto } from './dto/mitigation-actions-list-view.dto.js';
import { ActionViewDto } from './dto/action-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('risks')
@ApiBearerAuth()
@Controller('risks/:id/actions')
export class MitigationActionsController {
  constructor(private readonly actions: MitigationActionsService) {}

  @ApiOkResponse({ type: MitigationActionsListViewDto })
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: "An entry's mitigation actions, by due date" })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.actions.list(actor, id);
  }

  @ApiCreatedResponse({ type: ActionViewDto })
  @Post()
  @Allow('programme_admin', 'supplier', 'council')
  @ApiOperation({ summary: 'Add a mitigation action (title, owner, due date)' })
  create(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateMitigationActionDto,
  ) {
    return this.actions.create(actor, id, dto);
  }

  @ApiOkResponse({ type: ActionViewDto })
  @Patch(':actionId')
  @Allow('programme_admin', 'supplier', 'council')
  @ApiOperation({ summary: 'Change a mitigation action (title, owner, due date, status)' })
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('actionId', ParseUuidPipe) actionId: string,
    @Body() dto: UpdateMitigationActionDto,
  ) {
    return this.actions.update(actor, id, actionId, dto);
  }
}
