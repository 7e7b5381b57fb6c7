import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { CommunicationsService } from './communications.service.js';
import { DeliveriesService } from './deliveries.service.js';
import {
  CancelCommunicationDto,
  CreateCommunicationDto,
  SendCommunicationDto,
  UpdateCommunicationDto,
} from './dto/communication.dto.js';
import { CommunicationQueryDto, DeliveryQueryDto } from './dto/communication-query.dto.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { CommunicationViewDto } from './dto/communication-view.dto.js';
import { CommunicationsGetViewDto } from './dto/communications-get-view.dto.js';
import { PreviewViewDto } from './dto/preview-view.dto.js';
import { CommunicationsSendViewDto } from './dto/communications-send-view.dto.js';
import { DeliveryViewDto } from './dto/delivery-view.dto.js';
import { ApiLifecycle } from '../common/openapi/api-lifecycle.decorator.js';
import { COMMUNICATION_TRANSITIONS } from './communication-status.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('communications')
@ApiBearerAuth()
@Controller('communications')
export class CommunicationsController {
  constructor(
    private readonly communications: CommunicationsService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @ApiCreatedResponse({ type: CommunicationViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Create a draft communication (templates are checked)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCommunicationDto) {
    return this.communications.create(actor, dto);
  }

  @ApiPagedResponse(CommunicationViewDto)
  @Get()
  @Allow('programme_admin', 'programme_viewer', 'agency', 'supplier')
  @ApiOperation({ summary: 'Communications (a supplier sees those sent to it)' })
  list(@CurrentActor() actor: Actor, @Query() q: CommunicationQueryDto) {
    return this.communications.list(actor, q);
  }

  @ApiOkResponse({ type: CommunicationsGetViewDto })
  @Get(':id')
  @Allow('programme_admin', 'programme_viewer', 'agency', 'supplier')
  @ApiOperation({ summary: 'One communication with its progress counters' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.communications.get(actor, id);
  }

  @ApiOkResponse({ type: CommunicationViewDto })
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Change a draft (with the version you read)' })
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateCommunicationDto,
  ) {
    return this.communications.update(actor, id, dto);
  }

  @ApiOkResponse({ type: PreviewViewDto })
  @Get(':id/preview')
  @Allow('programme_admin', 'programme_viewer')
  @ApiOperation({ summary: 'Recipient count and one rendered sample' })
  preview(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.communications.preview(actor, id);
  }

  @ApiAcceptedResponse({ type: CommunicationsSendViewDto })
  @Post(':id/send')
  @ApiLifecycle('Communication', COMMUNICATION_TRANSITIONS)
  @Allow('programme_admin')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send now or at sendAt; answers at once with a progress link (fan-out runs in the worker)',
  })
  @ApiProblems(409)
  send(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: SendCommunicationDto,
  ) {
    return this.communications.send(actor, id, dto);
  }

  @ApiOkResponse({ type: CommunicationViewDto })
  @Post(':id/cancel')
  @ApiLifecycle('Communication', COMMUNICATION_TRANSITIONS)
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a draft or a scheduled communication before it is sent' })
  @ApiProblems(409)
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CancelCommunicationDto,
  ) {
    return this.communications.cancel(actor, id, dto);
  }

  @ApiPagedResponse(DeliveryViewDto)
  @Get(':id/deliveries')
  @Allow('programme_admin', 'programme_viewer')
  @ApiOperation({ summary: 'Deliveries of a communication, by status and channel' })
  listDeliveries(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Query() q: DeliveryQueryDto,
  ) {
    return this.deliveries.list(actor, id, q);
  }
}
