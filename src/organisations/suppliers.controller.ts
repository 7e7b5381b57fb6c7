import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import {
  CreateSupplierDto,
  SupplierStatusChangeDto,
  UpdateSupplierDto,
} from './dto/supplier.dto.js';
import { SuppliersService } from './suppliers.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { SupplierViewDto } from './dto/supplier-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('suppliers')
@ApiBearerAuth()
@Controller('suppliers')
export class SuppliersController {
  constructor(private readonly suppliers: SuppliersService) {}

  @ApiPagedResponse(SupplierViewDto)
  @Get()
  @Allow('programme_admin', 'programme_viewer', 'agency', 'supplier')
  @ApiOperation({ summary: 'Suppliers (a supplier sees only itself)' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto) {
    return this.suppliers.list(actor, q);
  }

  @ApiOkResponse({ type: SupplierViewDto })
  @Get(':id')
  @Allow('programme_admin', 'programme_viewer', 'agency', 'supplier')
  @ApiOperation({ summary: 'One supplier (404 for another supplier)' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.suppliers.get(actor, id);
  }

  @ApiCreatedResponse({ type: SupplierViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Register a supplier (onboarding status starts at not_invited)' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSupplierDto) {
    return this.suppliers.create(actor, dto);
  }

  @ApiOkResponse({ type: SupplierViewDto })
  @Patch(':id')
  @Allow('programme_admin', 'supplier')
  @ApiOperation({ summary: "Update a supplier's name or company number" })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateSupplierDto,
  ) {
    return this.suppliers.update(actor, id, dto);
  }

  @ApiOkResponse({ type: SupplierViewDto })
  @Post(':id/invite')
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Onboarding: invite the supplier' })
  invite(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: SupplierStatusChangeDto,
  ) {
    return this.suppliers.transition(actor, id, 'invited', dto.note);
  }

  @ApiOkResponse({ type: SupplierViewDto })
  @Post(':id/activate')
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Onboarding: mark the supplier active' })
  @ApiProblems(409)
  activate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: SupplierStatusChangeDto,
  ) {
    return this.suppliers.transition(actor, id, 'active', dto.note);
  }

  @ApiOkResponse({ type: SupplierViewDto })
  @Post(':id/deactivate')
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({ summary: 'Onboarding: mark the supplier inactive' })
  deactivate(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: SupplierStatusChangeDto,
  ) {
    return this.suppliers.transition(actor, id, 'inactive', dto.note);
  }
}
