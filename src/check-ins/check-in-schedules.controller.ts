import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { CheckInsService } from './check-ins.service.js';
import { CreateScheduleDto, ScheduleViewDto, UpdateScheduleDto } from './dto/schedule.dto.js';

/** Each partner's check-in cadence: the programme office schedules, programme staff read. */
@ApiTags('check-ins')
@ApiBearerAuth()
@Controller('check-in-schedules')
export class CheckInSchedulesController {
  constructor(private readonly checkIns: CheckInsService) {}

  @ApiPagedResponse(ScheduleViewDto)
  @Get()
  @Allow('programme_admin', 'programme_viewer')
  @ApiOperation({ summary: 'Check-in schedules, by partner name' })
  list(@Query() q: PageQueryDto) {
    return this.checkIns.listSchedules(q);
  }

  @ApiOkResponse({ type: ScheduleViewDto })
  @Get(':id')
  @Allow('programme_admin', 'programme_viewer')
  @ApiOperation({ summary: 'One check-in schedule' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.checkIns.getSchedule(id);
  }

  @ApiCreatedResponse({ type: ScheduleViewDto })
  @ApiProblems(409, 422)
  @Post()
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Check in with a partner every N weeks; the first check-in is due on firstDueOn',
  })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateScheduleDto) {
    return this.checkIns.createSchedule(actor, dto);
  }

  @ApiOkResponse({ type: ScheduleViewDto })
  @ApiProblems(409)
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Change the cadence or pause the schedule (carries the version read)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateScheduleDto,
  ) {
    return this.checkIns.updateSchedule(actor, id, dto);
  }
}
