import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { CreateInteropTestDto } from './dto/create-interop-test.dto.js';
import { InteropMatrixViewDto } from './dto/interop-matrix-view.dto.js';
import { InteropQueryDto } from './dto/interop-query.dto.js';
import { InteropTestViewDto } from './dto/interop-test-view.dto.js';
import { InteropTestsService } from './interop-tests.service.js';

/**
 * "Tested together" records (after IHE Connectathon and NHS assurance catalogues): the
 * programme office records them; every signed-in role reads them and the matrix.
 */
@ApiTags('interop')
@ApiBearerAuth()
@Controller()
export class InteropTestsController {
  constructor(private readonly tests: InteropTestsService) {}

  @ApiPagedResponse(InteropTestViewDto)
  @Get('interop-tests')
  @AllowAuthenticated()
  @ApiOperation({
    summary: 'Tested-together records, newest first (by standard, party, retest due)',
  })
  list(@Query() q: InteropQueryDto) {
    return this.tests.list(q);
  }

  @ApiOkResponse({ type: InteropTestViewDto })
  @Get('interop-tests/:id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One tested-together record with its cases' })
  get(@Param('id', ParseUuidPipe) id: string) {
    return this.tests.get(id);
  }

  @ApiCreatedResponse({ type: InteropTestViewDto })
  @ApiProblems(422)
  @Post('interop-tests')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Record a test between two parties against a standard version' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateInteropTestDto) {
    return this.tests.create(actor, dto);
  }

  @ApiOkResponse({ type: InteropMatrixViewDto })
  @Get('standards/:id/interop-matrix')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'The tested-together matrix of a standard: latest result per pair' })
  matrix(@Param('id', ParseUuidPipe) id: string) {
    return this.tests.matrix(id);
  }
}
