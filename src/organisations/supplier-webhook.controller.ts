import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { Allow, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { PutSupplierWebhookDto } from './dto/supplier-webhook.dto.js';
import { SupplierWebhookService } from './supplier-webhook.service.js';
import { SupplierWebhookViewDto } from './dto/supplier-webhook-view.dto.js';
import { SupplierWebhookPutViewDto } from './dto/supplier-webhook-put-view.dto.js';
import { SupplierWebhookRotateViewDto } from './dto/supplier-webhook-rotate-view.dto.js';

@ApiTags('suppliers')
@ApiBearerAuth()
@Controller('suppliers/:supplierId/webhook')
export class SupplierWebhookController {
  constructor(private readonly webhooks: SupplierWebhookService) {}

  @ApiOkResponse({ type: SupplierWebhookViewDto })
  @Get()
  @Allow('programme_admin', 'programme_viewer', 'supplier')
  @ApiOperation({ summary: "A supplier's webhook endpoint (never the secret)" })
  get(@CurrentActor() actor: Actor, @Param('supplierId', ParseUuidPipe) supplierId: string) {
    return this.webhooks.get(actor, supplierId);
  }

  @ApiOkResponse({ type: SupplierWebhookPutViewDto })
  @ApiProblems(422)
  @Put()
  @Allow('programme_admin', 'supplier')
  @ApiOperation({ summary: 'Set the webhook URL; on creation the signing secret is returned once' })
  put(
    @CurrentActor() actor: Actor,
    @Param('supplierId', ParseUuidPipe) supplierId: string,
    @Body() dto: PutSupplierWebhookDto,
  ) {
    return this.webhooks.put(actor, supplierId, dto);
  }

  @ApiOkResponse({ type: SupplierWebhookRotateViewDto })
  @Post('rotate-secret')
  @Allow('programme_admin', 'supplier')
  @HttpCode(200)
  @ApiOperation({
    summary: 'New signing secret (shown once); the old one stays valid for the grace period',
  })
  rotate(@CurrentActor() actor: Actor, @Param('supplierId', ParseUuidPipe) supplierId: string) {
    return this.webhooks.rotate(actor, supplierId);
  }

  @ApiNoContentResponse({ description: 'No content' })
  @Delete()
  @Allow('programme_admin', 'supplier')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove the webhook endpoint' })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('supplierId', ParseUuidPipe) supplierId: string,
  ) {
    await this.webhooks.remove(actor, supplierId);
  }
}
