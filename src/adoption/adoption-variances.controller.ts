import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { ProposeVarianceDto, VarianceQueryDto, VarianceTransitionDto } from './dto/variance.dto.js';
import { AdoptionVariancesService } from './adoption-variances.service.js';
import { ApiPagedResponse } from '../common/openapi/api-paged-response.decorator.js';
import { VarianceListItemViewDto } from './dto/variance-list-item-view.dto.js';
import { VarianceViewDto } from './dto/variance-view.dto.js';
import { ApiLifecycle } from '../common/openapi/api-lifecycle.decorator.js';
import { VARIANCE_TRANSITIONS } from './adoption-lifecycle.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('adoption')
@ApiBearerAuth()
@Controller()
export class AdoptionVariancesController {
  constructor(private readonly variances: AdoptionVariancesService) {}

  @ApiPagedResponse(VarianceListItemViewDto)
  @Get('variances')
  @AllowAuthenticated()
  @ApiOperation({
    summary:
      'Local variances by council, service or requirement code ("who deviates from ADM-014?")',
  })
  list(@CurrentActor() actor: Actor, @Query() q: VarianceQueryDto) {
    return this.variances.list(actor, q);
  }

  @ApiPagedResponse(VarianceListItemViewDto)
  @Get('adoptions/:id/variances')
  @AllowAuthenticated()
  @ApiOperation({ summary: "An adoption's local variances" })
  listForAdoption(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Query() q: VarianceQueryDto,
  ) {
    return this.variances.list(actor, q, id);
  }

  @ApiCreatedResponse({ type: VarianceViewDto })
  @Post('adoptions/:id/variances')
  @Allow('programme_admin', 'council')
  @ApiOperation({ summary: 'Propose a deviation from a requirement of the national baseline' })
  @ApiProblems(422)
  propose(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ProposeVarianceDto,
  ) {
    return this.variances.propose(actor, id, dto);
  }

  @ApiOkResponse({ type: VarianceViewDto })
  @Post('adoptions/:id/variances/:varianceId/transitions')
  @ApiLifecycle('Local variance', VARIANCE_TRANSITIONS)
  @Allow('programme_admin', 'council')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Approve or reject (programme admin), or withdraw (the council) a variance',
  })
  transition(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Param('varianceId', ParseUuidPipe) varianceId: string,
    @Body() dto: VarianceTransitionDto,
  ) {
    return this.variances.transition(actor, id, varianceId, dto);
  }
}
