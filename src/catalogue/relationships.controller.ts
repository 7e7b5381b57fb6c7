import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { CreateRelationshipDto } from './dto/relationship.dto.js';
import { RelationshipQueryDto } from './dto/relationship-query.dto.js';
import { RelationshipsService } from './relationships.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { RelationshipViewDto } from './dto/relationship-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('services')
@ApiBearerAuth()
@Controller('services/:serviceId/relationships')
export class RelationshipsController {
  constructor(private readonly relationships: RelationshipsService) {}

  @ApiPagedResponse(RelationshipViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: "A service's relationships, outgoing, incoming or both" })
  list(@Param('serviceId', ParseUuidPipe) serviceId: string, @Query() q: RelationshipQueryDto) {
    return this.relationships.list(serviceId, q);
  }

  @ApiCreatedResponse({ type: RelationshipViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Relate this service to another (a depends_on cycle is refused with 409)',
  })
  @ApiProblems(409, 422)
  create(
    @CurrentActor() actor: Actor,
    @Param('serviceId', ParseUuidPipe) serviceId: string,
    @Body() dto: CreateRelationshipDto,
  ) {
    return this.relationships.create(actor, serviceId, dto);
  }

  @ApiNoContentResponse({ description: 'No content' })
  @Delete(':id')
  @Allow('programme_admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a relationship' })
  async remove(
    @CurrentActor() actor: Actor,
    @Param('serviceId', ParseUuidPipe) serviceId: string,
    @Param('id', ParseUuidPipe) id: string,
  ) {
    await this.relationships.remove(actor, serviceId, id);
  }
}
