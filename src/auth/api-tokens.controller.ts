import { Body, Controller, Delete, Get, Param, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { PageQueryDto } from '../common/pagination/page-query.dto.js';
import { Allow, CurrentActor } from './access.decorators.js';
import type { Actor } from './actor.js';
import { ApiTokensService } from './api-tokens.service.js';
import { CreateApiTokenDto } from './dto/create-api-token.dto.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ApiTokensCreateViewDto } from './dto/api-tokens-create-view.dto.js';
import { ApiTokenViewDto } from './dto/api-token-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('api-tokens')
@ApiBearerAuth()
@Controller('api-tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @ApiCreatedResponse({ type: ApiTokensCreateViewDto })
  @Post()
  @Allow('supplier', 'council')
  @ApiOperation({ summary: 'Create an API token for your organisation; the secret is shown once' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateApiTokenDto) {
    return this.tokens.create(actor, dto);
  }

  @ApiPagedResponse(ApiTokenViewDto)
  @Get()
  @Allow('programme_admin', 'programme_viewer', 'supplier', 'council')
  @ApiOperation({ summary: 'List API tokens (prefix, last used, expiry; never the secret)' })
  list(@CurrentActor() actor: Actor, @Query() q: PageQueryDto) {
    return this.tokens.list(actor, q);
  }

  @ApiOkResponse({ type: ApiTokenViewDto })
  @Delete(':id')
  @Allow('programme_admin', 'supplier', 'council')
  @ApiOperation({ summary: 'Revoke an API token (it stops working at once)' })
  @ApiProblems(409)
  revoke(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.tokens.revoke(actor, id);
  }
}
