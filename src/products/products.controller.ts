import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
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
  CreateProductDto,
  ProductQueryDto,
  ProductTransitionDto,
  UpdateProductDto,
} from './dto/product.dto.js';
import { ProductLifecycleService } from './product-lifecycle.service.js';
import { ProductsService } from './products.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ProductViewDto } from './dto/product-view.dto.js';
import { ProductsHistoryViewDto } from './dto/products-history-view.dto.js';
import { ApiLifecycle } from '../common/openapi/api-lifecycle.decorator.js';
import { PRODUCT_TRANSITIONS } from './product-lifecycle.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('products')
@ApiBearerAuth()
@Controller('products')
export class ProductsController {
  constructor(
    private readonly products: ProductsService,
    private readonly lifecycle: ProductLifecycleService,
  ) {}

  @ApiPagedResponse(ProductViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({
    summary: 'Products (suppliers: their own; councils and agencies: published or in remediation)',
  })
  list(@CurrentActor() actor: Actor, @Query() q: ProductQueryDto) {
    return this.products.list(actor, q);
  }

  @ApiOkResponse({ type: ProductViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One product (404 when not visible to you)' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.products.get(actor, id);
  }

  @ApiCreatedResponse({ type: ProductViewDto })
  @Post()
  @Allow('programme_admin', 'supplier')
  @ApiOperation({ summary: 'Register a product (draft) and the services it claims to deliver' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProductDto) {
    return this.products.create(actor, dto);
  }

  @ApiOkResponse({ type: ProductViewDto })
  @Patch(':id')
  @Allow('programme_admin', 'supplier')
  @ApiOperation({ summary: 'Edit your product (carries the version you read)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateProductDto,
  ) {
    return this.products.update(actor, id, dto);
  }

  @ApiOkResponse({ type: ProductViewDto })
  @Post(':id/transitions')
  @ApiLifecycle('Product', PRODUCT_TRANSITIONS)
  @Allow('programme_admin', 'supplier')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Publish / unpublish (supplier), or remediate / suspend / reinstate (programme office, with a reason)',
  })
  @ApiProblems(409)
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ProductTransitionDto,
  ) {
    return this.lifecycle.transition(actor, id, dto);
  }

  @ApiOkResponse({ type: ProductsHistoryViewDto })
  @Get(':id/history')
  @AllowAuthenticated()
  @ApiOperation({ summary: "The product's timeline: edits and status moves with reasons" })
  history(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.products.history(actor, id);
  }
}
