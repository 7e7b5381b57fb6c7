import { Body, Controller, Get, Param, Patch, Post, Put, Query } from '@nestjs/common';
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
  CreateSuccessStepDto,
  MarkStepDto,
  SuccessStepQueryDto,
  UpdateSuccessStepDto,
} from './dto/success-step.dto.js';
import { SuccessStepsService } from './success-steps.service.js';
import { SuccessStepsListForServiceViewDto } from './dto/success-steps-list-for-service-view.dto.js';
import { StepViewDto } from './dto/step-view.dto.js';
import { SuccessStepsChecklistViewDto } from './dto/success-steps-checklist-view.dto.js';

@ApiTags('adoption')
@ApiBearerAuth()
@Controller()
export class SuccessStepsController {
  constructor(private readonly steps: SuccessStepsService) {}

  @ApiOkResponse({ type: SuccessStepsListForServiceViewDto })
  @Get('success-steps')
  @AllowAuthenticated()
  @ApiOperation({ summary: "A service's steps-to-success checklists, by stage" })
  list(@Query() q: SuccessStepQueryDto) {
    return this.steps.listForService(q.serviceId);
  }

  @ApiCreatedResponse({ type: StepViewDto })
  @Post('success-steps')
  @Allow('programme_admin')
  @ApiOperation({ summary: "Add a step to a service's checklist for a stage" })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSuccessStepDto) {
    return this.steps.create(actor, dto);
  }

  @ApiOkResponse({ type: StepViewDto })
  @Patch('success-steps/:id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Edit or retire a step (carries the version you read)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateSuccessStepDto,
  ) {
    return this.steps.update(actor, id, dto);
  }

  @ApiOkResponse({ type: SuccessStepsChecklistViewDto })
  @Get('adoptions/:id/steps')
  @AllowAuthenticated()
  @ApiOperation({ summary: "The adoption's checklist with what is done" })
  checklist(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.steps.checklist(actor, id);
  }

  @ApiOkResponse({ type: SuccessStepsChecklistViewDto })
  @Put('adoptions/:id/steps/:stepId')
  @Allow('programme_admin', 'council')
  @ApiOperation({ summary: 'Mark a step done or not done for the adoption' })
  mark(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('stepId', ParseUuidPipe) stepId: string,
    @Body() dto: MarkStepDto,
  ) {
    return this.steps.mark(actor, id, stepId, dto);
  }
}
