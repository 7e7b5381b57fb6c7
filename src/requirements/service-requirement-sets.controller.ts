import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { CreateRequirementSetDto } from './dto/requirement-set.dto.js';
import { RequirementSetQueryDto } from './dto/requirement-set-query.dto.js';
import { RequirementSetsService } from './requirement-sets.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { RequirementSetViewDto } from './dto/requirement-set-view.dto.js';
import { RequirementSetWithRequirementsViewDto } from './dto/requirement-set-with-requirements-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('requirement-sets')
@ApiBearerAuth()
@Controller('services/:serviceId/requirement-sets')
export class ServiceRequirementSetsController {
  constructor(private readonly sets: RequirementSetsService) {}

  @ApiPagedResponse(RequirementSetViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: "A service's requirement set versions, newest first" })
  list(@Param('serviceId', ParseUuidPipe) serviceId: string, @Query() q: RequirementSetQueryDto) {
    return this.sets.list(serviceId, q);
  }

  @ApiCreatedResponse({ type: RequirementSetWithRequirementsViewDto })
  @Post()
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Create the next version as a draft, with up to 1,000 requirements in one request',
  })
  @ApiProblems(409)
  create(
    @CurrentActor() actor: Actor,
    @Param('serviceId', ParseUuidPipe) serviceId: string,
    @Body() dto: CreateRequirementSetDto,
  ) {
    return this.sets.createDraft(actor, serviceId, dto);
  }
}
