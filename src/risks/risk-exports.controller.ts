import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { RiskFilterDto } from './dto/risk-query.dto.js';
import { RiskReportsService } from './risk-reports.service.js';
import { ApiContentResponse } from '../common/openapi/api-content-response.decorator.js';

@ApiTags('risks')
@ApiBearerAuth()
@Controller('exports')
export class RiskExportsController {
  constructor(private readonly reports: RiskReportsService) {}

  @Get('risks.csv')
  @AllowAuthenticated()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="risks.csv"')
  @ApiProduces('text/csv')
  @ApiContentResponse(200, 'text/csv', 'One row per entry; formula-like cells neutralised')
  @ApiOperation({ summary: 'The register as CSV, with the same filters as the list' })
  csv(@CurrentActor() actor: Actor, @Query() q: RiskFilterDto) {
    return this.reports.csv(actor, q);
  }
}
