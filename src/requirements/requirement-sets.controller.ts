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
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { RequirementContentDto } from './dto/requirement.dto.js';
import { PublishRequirementSetDto, UpdateRequirementSetDto } from './dto/requirement-set.dto.js';
import { DiffQueryDto } from './dto/requirement-set-query.dto.js';
import { RequirementSetVersionsService } from './requirement-set-versions.service.js';
import { RequirementSetsService } from './requirement-sets.service.js';

@ApiTags('requirement-sets')
@ApiBearerAuth()
@Controller('requirement-sets')
export class RequirementSetsController {
  constructor(
    private readonly sets: RequirementSetsService,
    private readonly versions: RequirementSetVersionsService,
  ) {}

  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One requirement set version with its requirements' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.sets.get(id);
  }

  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({
    summary: 'Edit a draft (title, summary, or all its requirements); published sets are 409',
  })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateRequirementSetDto,
  ) {
    return this.sets.update(actor, id, dto);
  }

  @Delete(':id')
  @Allow('programme_admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Discard a draft' })
  async discard(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    await this.sets.discard(actor, id);
  }

  @Put(':id/requirements/:code')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Add or change one requirement of a draft, by code' })
  putRequirement(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('code') code: string,
    @Body() dto: RequirementContentDto,
  ) {
    return this.sets.putRequirement(actor, id, code, dto);
  }

  @Delete(':id/requirements/:code')
  @Allow('programme_admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove one requirement from a draft' })
  async removeRequirement(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('code') code: string,
  ) {
    await this.sets.removeRequirement(actor, id, code);
  }

  @Post(':id/publish')
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Publish a draft with an effective date; supersedes the previous version and returns the diff against it',
  })
  publish(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: PublishRequirementSetDto,
  ) {
    return this.versions.publish(actor, id, dto);
  }

  @Post(':id/new-version')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Start the next version as a draft copy of this published set' })
  newVersion(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.versions.newVersion(actor, id);
  }

  @Get(':id/diff')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Requirements added, changed and removed since another version' })
  diff(@Param('id', ParseUuidPipe) id: string, @Query() q: DiffQueryDto) {
    return this.versions.diff(id, q.against);
  }
}
