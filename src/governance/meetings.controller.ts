import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import { ApiLifecycle } from '../common/openapi/api-lifecycle.decorator.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { CreateMeetingDto } from './dto/create-meeting.dto.js';
import { CreateMeetingActionDto, MoveMeetingActionDto } from './dto/meeting-action.dto.js';
import { MeetingQueryDto } from './dto/meeting-query.dto.js';
import { MeetingViewDto } from './dto/meeting-view.dto.js';
import { UpdateMeetingDto } from './dto/update-meeting.dto.js';
import { GovernanceService } from './governance.service.js';
import { MEETING_ACTION_TRANSITIONS } from './meeting-action-lifecycle.js';

/** Meetings of governance groups: members read their groups' meetings (others are 404). */
@ApiTags('governance')
@ApiBearerAuth()
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly governance: GovernanceService) {}

  @ApiPagedResponse(MeetingViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Meetings of the groups you may read, newest first' })
  list(@CurrentActor() actor: Actor, @Query() q: MeetingQueryDto) {
    return this.governance.listMeetings(actor, q);
  }

  @ApiOkResponse({ type: MeetingViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One meeting: agenda, attendees, minutes, actions, decisions taken' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.governance.getMeeting(actor, id);
  }

  @ApiCreatedResponse({ type: MeetingViewDto })
  @ApiProblems(422)
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Schedule a meeting of a group with its agenda' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateMeetingDto) {
    return this.governance.createMeeting(actor, dto);
  }

  @ApiOkResponse({ type: MeetingViewDto })
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Change the agenda, attendees or minutes (carries the version read)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateMeetingDto,
  ) {
    return this.governance.updateMeeting(actor, id, dto);
  }

  @ApiCreatedResponse({ type: MeetingViewDto })
  @Post(':id/actions')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Record an action from the meeting (owner, due date)' })
  addAction(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateMeetingActionDto,
  ) {
    return this.governance.addAction(actor, id, dto);
  }

  @ApiOkResponse({ type: MeetingViewDto })
  @ApiProblems(409)
  @ApiLifecycle('Meeting action', MEETING_ACTION_TRANSITIONS)
  @Post(':id/actions/:actionId/status')
  @HttpCode(200)
  @Allow('programme_admin')
  @ApiOperation({ summary: "Move an action's status (done, dropped, reopened)" })
  moveAction(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('actionId', ParseUuidPipe) actionId: string,
    @Body() dto: MoveMeetingActionDto,
  ) {
    return this.governance.moveAction(actor, id, actionId, dto);
  }
}
