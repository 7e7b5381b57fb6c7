import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ParseUuidPipe } from '../common/input/parse-uuid.pipe.js';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Allow, AllowAuthenticated, CurrentActor } from '../auth/access.decorators.js';
import type { Actor } from '../auth/actor.js';
import { ProposeVarianceDto, VarianceQueryDto, VarianceTransitionDto } from './dto/variance.dto.js';
import { AdoptionVariancesService } from './adoption-variances.service.js';

@ApiTags('adoption')
@ApiBearerAuth()
@Controller()
export class AdoptionVariancesController {
  constructor(private readonly variances: AdoptionVariancesService) {}

  @Get('variances')
  @AllowAuthenticated()
  @ApiOperation({
    summary:
      'Local variances by council, service or requirement code ("who deviates from ADM-014?")',
  })
  list(@CurrentActor() actor: Actor, @Query() q: VarianceQueryDto) {
    return this.variances.list(actor, q);
  }

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

  @Post('adoptions/:id/variances')
  @Allow('programme_admin', 'council')
  @ApiOperation({ summary: 'Propose a deviation from a requirement of the national baseline' })
  propose(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: ProposeVarianceDto,
  ) {
    return this.variances.propose(actor, id, dto);
  }

  @Post('adoptions/:id/variances/:varianceId/transitions')
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
