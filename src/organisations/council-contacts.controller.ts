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
import { CouncilContactsService } from './council-contacts.service.js';
import { SupplierContactViewDto } from './dto/supplier-contact-view.dto.js';
import { SupplierContactsListViewDto } from './dto/supplier-contacts-list-view.dto.js';
import { CreateSupplierContactDto, UpdateSupplierContactDto } from './dto/supplier-contact.dto.js';

@ApiTags('councils')
@ApiBearerAuth()
@Controller('councils/:councilId/contacts')
export class CouncilContactsController {
  constructor(private readonly contacts: CouncilContactsService) {}

  @ApiOkResponse({ type: SupplierContactsListViewDto })
  @Get()
  @Allow('programme_admin', 'programme_viewer', 'agency', 'council')
  @ApiOperation({ summary: "A council's contacts and the topics they receive" })
  list(@CurrentActor() actor: Actor, @Param('councilId', ParseUuidPipe) councilId: string) {
    return this.contacts.list(actor, councilId);
  }

  @ApiCreatedResponse({ type: SupplierContactViewDto })
  @Post()
  @Allow('programme_admin', 'council')
  @ApiOperation({ summary: 'Add a contact to a council (a council user: its own)' })
  create(
    @CurrentActor() actor: Actor,
    @Param('councilId', ParseUuidPipe) councilId: string,
    @Body() dto: CreateSupplierContactDto,
  ) {
    return this.contacts.create(actor, councilId, dto);
  }

  @ApiOkResponse({ type: SupplierContactViewDto })
  @Patch(':id')
  @Allow('programme_admin', 'council')
  @ApiOperation({ summary: "Change a council's contact (name, email, topics, active)" })
  update(
    @CurrentActor() actor: Actor,
    @Param('councilId', ParseUuidPipe) councilId: string,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateSupplierContactDto,
  ) {
    return this.contacts.update(actor, councilId, id, dto);
  }

  @ApiNoContentResponse({ description: 'No content' })
  @Delete(':id')
  @Allow('programme_admin', 'council')
  @HttpCode(204)
  @ApiOperation({ summary: "Remove a council's contact" })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('councilId', ParseUuidPipe) councilId: string,
    @Param('id', ParseUuidPipe) id: string,
  ) {
    await this.contacts.remove(actor, councilId, id);
  }
}
