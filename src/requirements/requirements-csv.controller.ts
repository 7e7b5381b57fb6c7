import { Body, Controller, Get, Header, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { RequirementSetsService } from './requirement-sets.service.js';
import { parseRequirementsCsv, toRequirementsCsv } from './requirements-csv.js';
import { RequirementSetWithRequirementsViewDto } from './dto/requirement-set-with-requirements-view.dto.js';
import { ApiContentResponse } from '../common/openapi/api-content-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('requirement-sets')
@ApiBearerAuth()
@Controller('requirement-sets/:id/requirements.csv')
export class RequirementsCsvController {
  constructor(private readonly sets: RequirementSetsService) {}

  @Get()
  @AllowAuthenticated()
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiProduces('text/csv')
  @ApiContentResponse(200, 'text/csv', 'One row per requirement (code,title,level,...)')
  @ApiOperation({ summary: "A set's requirements as CSV" })
  async export(
    @Param('id', ParseUuidPipe) id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const set = await this.sets.get(id);
    void reply.header(
      'content-disposition',
      `attachment; filename="${set.service.code}-v${set.version}-requirements.csv"`,
    );
    return toRequirementsCsv(set.requirements);
  }

  @ApiOkResponse({ type: RequirementSetWithRequirementsViewDto })
  @Post()
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'code,title,level\nADM-001,Apply online,MUST\n' },
  })
  @ApiOperation({
    summary: "Replace a draft's requirements from CSV (400 names bad rows; published sets 409)",
  })
  @ApiProblems(409)
  import(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: unknown,
  ) {
    if (typeof body !== 'string') {
      throw new ProblemException(415, 'unsupported_media_type', 'Send the CSV as text/csv');
    }
    return this.sets.replaceRequirements(
      actor,
      id,
      parseRequirementsCsv(body),
      'requirement_set.csv_imported',
    );
  }
}
