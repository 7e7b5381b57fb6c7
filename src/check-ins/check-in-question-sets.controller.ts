import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
import { ApiLifecycle } from '../common/openapi/api-lifecycle.decorator.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { QUESTION_SET_TRANSITIONS } from './check-in-lifecycle.js';
import { CheckInsService } from './check-ins.service.js';
import {
  CreateQuestionSetDto,
  PublishQuestionSetDto,
  QuestionSetViewDto,
  UpdateQuestionSetDto,
} from './dto/question-set.dto.js';

/** Versioned check-in question sets: drafted, then published; new check-ins use the newest. */
@ApiTags('check-ins')
@ApiBearerAuth()
@Controller('check-in-question-sets')
export class CheckInQuestionSetsController {
  constructor(private readonly checkIns: CheckInsService) {}

  @ApiPagedResponse(QuestionSetViewDto)
  @Get()
  @Allow('programme_admin', 'programme_viewer')
  @ApiOperation({ summary: 'Question set versions, newest first' })
  list(@Query() q: PageQueryDto) {
    return this.checkIns.listQuestionSets(q);
  }

  @ApiOkResponse({ type: QuestionSetViewDto })
  @Get(':id')
  @Allow('programme_admin', 'programme_viewer')
  @ApiOperation({ summary: 'One question set version' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.checkIns.getQuestionSet(id);
  }

  @ApiCreatedResponse({ type: QuestionSetViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Draft the next version of the questions' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateQuestionSetDto) {
    return this.checkIns.createQuestionSet(actor, dto);
  }

  @ApiOkResponse({ type: QuestionSetViewDto })
  @ApiProblems(409)
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: "Change a draft's questions (carries the version read)" })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateQuestionSetDto,
  ) {
    return this.checkIns.updateQuestionSet(actor, id, dto);
  }

  @ApiOkResponse({ type: QuestionSetViewDto })
  @ApiProblems(409)
  @ApiLifecycle('Check-in question set', QUESTION_SET_TRANSITIONS)
  @Post(':id/publish')
  @HttpCode(200)
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Publish a draft: new check-ins ask it from now on' })
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: PublishQuestionSetDto,
  ) {
    return this.checkIns.publishQuestionSet(actor, id, dto);
  }
}
