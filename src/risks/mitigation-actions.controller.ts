import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import {
  CreateMitigationActionDto,
  UpdateMitigationActionDto,
} from './dto/mitigation-action.dto.js';
import { MitigationActionsService } from './mitigation-actions.service.js';

@ApiTags('risks')
@ApiBearerAuth()
@Controller('risks/:id/actions')
export class MitigationActionsController {
  constructor(private readonly actions: MitigationActionsService) {}

  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: "An entry's mitigation actions, by due date" })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.actions.list(actor, id);
  }

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

  @Patch(':actionId')
  @Allow('programme_admin', 'supplier', 'council')
  @ApiOperation({ summary: 'Change a mitigation action (title, owner, due date, status)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('actionId', ParseUuidPipe) actionId: string,
    @Body() dto: UpdateMitigationActionDto,
  ) {
    return this.actions.update(actor, id, actionId, dto);
  }
}
