import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { AdoptionFilterDto } from './dto/adoption-query.dto.js';
import { AdoptionsService } from './adoptions.service.js';
import { ApiContentResponse } from '../common/openapi/api-content-response.decorator.js';

@ApiTags('adoption')
@ApiBearerAuth()
@Controller('exports')
export class AdoptionExportsController {
  constructor(private readonly adoptions: AdoptionsService) {}

  @Get('adoptions.csv')
  @AllowAuthenticated()
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="adoptions.csv"')
  @ApiProduces('text/csv')
  @ApiContentResponse(200, 'text/csv', 'One row per adoption; formula-like cells neutralised')
  @ApiOperation({ summary: 'Adoptions as CSV, with the same filters and visibility as the list' })
  csv(@CurrentActor() actor: Actor, @Query() q: AdoptionFilterDto) {
    return this.adoptions.csv(actor, q);
  }
}
