import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Patch,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { RequirementContentDto } from './dto/requirement.dto.js';
import { PublishRequirementSetDto, UpdateRequirementSetDto } from './dto/requirement-set.dto.js';
import { DiffQueryDto } from './dto/requirement-set-query.dto.js';
import { RequirementSetVersionsService } from './requirement-set-versions.service.js';
import { RequirementSetsService } from './requirement-sets.service.js';
import { RequirementSetWithRequirementsViewDto } from './dto/requirement-set-with-requirements-view.dto.js';
import { RequirementViewDto } from './dto/requirement-view.dto.js';
import { RequirementSetsPublishViewDto } from './dto/requirement-sets-publish-view.dto.js';
import { RequirementSetVersionsDiffViewDto } from './dto/requirement-set-versions-diff-view.dto.js';
import { ApiLifecycle } from '../common/openapi/api-lifecycle.decorator.js';
import { REQUIREMENT_CODE, REQUIREMENT_SET_TRANSITIONS } from './requirement-lifecycle.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

const CODE_PARAM = {
  name: 'code',
  description: 'Requirement code',
  schema: { type: 'string' as const, pattern: REQUIREMENT_CODE.source, example: 'ADM-014' },
};

@ApiTags('requirement-sets')
@ApiBearerAuth()
@Controller('requirement-sets')
export class RequirementSetsController {
  constructor(
    private readonly sets: RequirementSetsService,
    private readonly versions: RequirementSetVersionsService,
  ) {}

  @ApiOkResponse({ type: RequirementSetWithRequirementsViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One requirement set version with its requirements' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.sets.get(id);
  }

  @ApiOkResponse({ type: RequirementSetWithRequirementsViewDto })
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Edit a draft (title, summary, or all its requirements); published sets are 409',
  })
  @ApiProblems(409)
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateRequirementSetDto,
  ) {
    return this.sets.update(actor, id, dto);
  }

  @ApiNoContentResponse({ description: 'No content' })
  @Delete(':id')
  @Allow('programme_admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard a draft' })
  @ApiProblems(409)
  async discard(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    await this.sets.discard(actor, id);
  }

  @ApiOkResponse({ type: RequirementViewDto })
  @Put(':id/requirements/:code')
  @ApiParam(CODE_PARAM)
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Add or change one requirement of a draft, by code' })
  @ApiProblems(409)
  putRequirement(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('code') code: string,
    @Body() dto: RequirementContentDto,
  ) {
    return this.sets.putRequirement(actor, id, code, dto);
  }

  @ApiNoContentResponse({ description: 'No content' })
  @Delete(':id/requirements/:code')
  @ApiParam(CODE_PARAM)
  @Allow('programme_admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one requirement from a draft' })
  @ApiProblems(409)
  async removeRequirement(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('code') code: string,
  ) {
    await this.sets.removeRequirement(actor, id, code);
  }

  @ApiOkResponse({ type: RequirementSetsPublishViewDto })
  @Post(':id/publish')
  @ApiLifecycle('Requirement set', REQUIREMENT_SET_TRANSITIONS)
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Publish a draft with an effective date; supersedes the previous version and returns the diff against it',
  })
  @ApiProblems(409, 422)
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: PublishRequirementSetDto,
  ) {
    return this.versions.publish(actor, id, dto);
  }

  @ApiCreatedResponse({ type: RequirementSetWithRequirementsViewDto })
  @Post(':id/new-version')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Start the next version as a draft copy of this published set' })
  @ApiProblems(409)
  newVersion(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.versions.newVersion(actor, id);
  }

  @ApiOkResponse({ type: RequirementSetVersionsDiffViewDto })
  @Get(':id/diff')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Requirements added, changed and removed since another version' })
  @ApiProblems(422)
  diff(@Param('id', ParseUuidPipe) id: string, @Query() q: DiffQueryDto) {
    return this.versions.diff(id, q.against);
  }
}
