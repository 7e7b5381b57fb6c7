import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiContentResponse } from '../common/openapi/api-content-response.decorator.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';
import { BenefitImportedViewDto } from './dto/benefit-imported-view.dto.js';
import { BenefitRecordedViewDto } from './dto/benefit-recorded-view.dto.js';
import { BenefitSeriesViewDto } from './dto/benefit-series-view.dto.js';
import { BenefitSummaryViewDto } from './dto/benefit-summary-view.dto.js';
import { BenefitViewDto } from './dto/benefit-view.dto.js';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { ProblemException } from '../common/errors/problem.exception.js';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { BenefitsService } from './benefits.service.js';
import { BenefitQueryDto } from './dto/benefit-query.dto.js';
import { CreateBenefitDto } from './dto/create-benefit.dto.js';
import { RecordMeasurementDto } from './dto/record-measurement.dto.js';
import { UpdateBenefitDto } from './dto/update-benefit.dto.js';

/**
 * The benefits register. The programme office writes; suppliers and councils read the
 * benefits of services they deliver or adopt (others are 404); agencies read all.
 */
@ApiTags('benefits')
@ApiBearerAuth()
@Controller('benefits')
export class BenefitsController {
  constructor(private readonly benefits: BenefitsService) {}

  @ApiPagedResponse(BenefitViewDto)
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Benefits (by service) with latest value, status and sparkline data' })
  list(@CurrentActor() actor: Actor, @Query() q: BenefitQueryDto) {
    return this.benefits.list(actor, q);
  }

  @ApiOkResponse({ type: BenefitSummaryViewDto })
  @Get('summary')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'Programme summary: counts by status, realised value to date (GBP)' })
  summary(@CurrentActor() actor: Actor) {
    return this.benefits.summary(actor);
  }

  @ApiOkResponse({ type: BenefitViewDto })
  @Get(':id')
  @AllowAuthenticated()
  @ApiOperation({ summary: 'One benefit with its computed status' })
  get(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.benefits.get(actor, id);
  }

  @ApiOkResponse({ type: BenefitSeriesViewDto })
  @Get(':id/measurements')
  @AllowAuthenticated()
  @ApiOperation({ summary: "A benefit's readings: overall series and by nation/region/council" })
  series(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.benefits.series(actor, id);
  }

  @ApiContentResponse(200, 'text/csv', 'The readings as CSV')
  @Get(':id/measurements.csv')
  @AllowAuthenticated()
  @Header('content-type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: "A benefit's readings as CSV (formulas neutralised)" })
  exportCsv(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.benefits.exportCsv(actor, id);
  }

  @ApiCreatedResponse({ type: BenefitViewDto })
  @ApiProblems(404, 422)
  @Post()
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Record a benefit or disbenefit' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateBenefitDto) {
    return this.benefits.create(actor, dto);
  }

  @ApiOkResponse({ type: BenefitViewDto })
  @ApiProblems(409, 422)
  @Patch(':id')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Change a benefit (carries the version you read)' })
  update(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: UpdateBenefitDto,
  ) {
    return this.benefits.update(actor, id, dto);
  }

  @ApiCreatedResponse({ type: BenefitRecordedViewDto })
  @ApiProblems(422)
  @Post(':id/measurements')
  @Allow('programme_admin')
  @ApiOperation({ summary: 'Record a reading (a disbenefit crossing its threshold raises a risk)' })
  record(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: RecordMeasurementDto,
  ) {
    return this.benefits.record(actor, id, dto);
  }

  @ApiOkResponse({ type: BenefitImportedViewDto })
  @ApiProblems(422)
  @Post(':id/measurements/import')
  @Allow('programme_admin')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', example: 'measured_on,value,source\n2026-01-31,42.5,ONS\n' },
  })
  @ApiOperation({ summary: 'Import readings from CSV: all or nothing; 400 names row and column' })
  importCsv(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() body: unknown,
  ) {
    if (typeof body !== 'string') {
      throw new ProblemException(415, 'unsupported_media_type', 'Send the CSV as text/csv');
    }
    return this.benefits.importCsv(actor, id, body);
  }
}
