import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { CreateSupplierContactDto, UpdateSupplierContactDto } from './dto/supplier-contact.dto.js';
import { SupplierContactsService } from './supplier-contacts.service.js';
import { SupplierContactsListViewDto } from './dto/supplier-contacts-list-view.dto.js';
import { SupplierContactViewDto } from './dto/supplier-contact-view.dto.js';

@ApiTags('suppliers')
@ApiBearerAuth()
@Controller('suppliers/:supplierId/contacts')
export class SupplierContactsController {
  constructor(private readonly contacts: SupplierContactsService) {}

  @ApiOkResponse({ type: SupplierContactsListViewDto })
  @Get()
  @Allow('programme_admin', 'programme_viewer', 'agency', 'supplier')
  @ApiOperation({ summary: "A supplier's contacts and the topics they receive" })
  list(@CurrentActor() actor: Actor, @Param('supplierId', ParseUuidPipe) supplierId: string) {
    return this.contacts.list(actor, supplierId);
  }

  @ApiCreatedResponse({ type: SupplierContactViewDto })
  @Post()
  @Allow('programme_admin', 'supplier')
  @ApiOperation({ summary: 'Add a contact' })
  create(
    @CurrentActor() actor: Actor,
    @Param('supplierId', ParseUuidPipe) supplierId: string,
    @Body() dto: CreateSupplierContactDto,
  ) {
    return this.contacts.create(actor, supplierId, dto);
  }

  @ApiOkResponse({ type: SupplierContactViewDto })
  @Patch(':id')
  @Allow('programme_admin', 'supplier')
  @ApiOperation({ summary: 'Change a contact (name, email, topics, active)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('supplierId', ParseUuidPipe) supplierId: string,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateSupplierContactDto,
  ) {
    return this.contacts.update(actor, supplierId, id, dto);
  }

  @ApiNoContentResponse({ description: 'No content' })
  @Delete(':id')
  @Allow('programme_admin', 'supplier')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a contact' })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('supplierId', ParseUuidPipe) supplierId: string,
    @Param('id', ParseUuidPipe) id: string,
  ) {
    await this.contacts.remove(actor, supplierId, id);
  }
}
