import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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

@ApiTags('communications')
@ApiBearerAuth()
@Controller('communications')
export class CommunicationsController {
  constructor(
    private readonly communications: CommunicationsService,
    private readonly deliveries: DeliveriesService,
  ) {}

  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Create a draft communication (templates are checked)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCommunicationDto) {
    return this.communications.create(actor, dto);
  }

  @Get()
  @Allow('programme_admin', 'programme_viewer', 'agency', 'supplier')
  @ApiOperation({ summary: 'Communications (a supplier sees those sent to it)' })
  list(@CurrentActor() actor: Actor, @Query() q: CommunicationQueryDto) {
    return this.communications.list(actor, q);
  }

  @Get(':id')
  @Allow('programme_admin', 'programme_viewer', 'agency', 'supplier')
  @ApiOperation({ summary: 'One communication with its progress counters' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.communications.get(actor, id);
  }

  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Change a draft (with the version you read)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateCommunicationDto,
  ) {
    return this.communications.update(actor, id, dto);
  }

  @Get(':id/preview')
  @Allow('programme_admin', 'programme_viewer')
  @ApiOperation({ summary: 'Recipient count and one rendered sample' })
  preview(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.communications.preview(actor, id);
  }

  @Post(':id/send')
  @Allow('programme_admin')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Send now or at sendAt; answers at once with a progress link (fan-out runs in the worker)',
  })
  send(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: SendCommunicationDto,
  ) {
    return this.communications.send(actor, id, dto);
  }

  @Post(':id/cancel')
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a draft or a scheduled communication before it is sent' })
  cancel(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CancelCommunicationDto,
  ) {
    return this.communications.cancel(actor, id, dto);
  }

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
