import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { PutContactSubscriptionsDto } from './dto/contact-subscriptions.dto.js';
import { SupplierContactsService } from './supplier-contacts.service.js';
import { SubscriptionsViewDto } from './dto/subscriptions-view.dto.js';

@ApiTags('suppliers')
@ApiBearerAuth()
@Controller('suppliers/:supplierId/contacts/:contactId/subscriptions')
export class ContactSubscriptionsController {
  constructor(private readonly contacts: SupplierContactsService) {}

  @ApiOkResponse({ type: SubscriptionsViewDto })
  @Get()
  @Allow('programme_admin', 'programme_viewer', 'supplier')
  @ApiOperation({
    summary: 'Topics a contact receives (mandatory programme notices reach them regardless)',
  })
  get(
    @CurrentActor() actor: Actor,
    @Param('supplierId', ParseUuidPipe) supplierId: string,
    @Param('contactId', ParseUuidPipe) contactId: string,
  ) {
    return this.contacts.subscriptions(actor, supplierId, contactId);
  }

  @ApiOkResponse({ type: SubscriptionsViewDto })
  @Put()
  @Allow('programme_admin', 'supplier')
  @ApiOperation({ summary: 'Set the topics a contact receives (unsubscribe = leave a topic out)' })
  put(
    @CurrentActor() actor: Actor,
    @Param('supplierId', ParseUuidPipe) supplierId: string,
    @Param('contactId', ParseUuidPipe) contactId: string,
    @Body() dto: PutContactSubscriptionsDto,
  ) {
    return this.contacts.setSubscriptions(actor, supplierId, contactId, dto.topics);
  }
}
