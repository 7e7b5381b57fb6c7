import { Body, Controller, Get, Param, Post } from '@nestjs/common';
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
import { CreateRiskReviewDto } from './dto/create-risk-review.dto.js';
import { RiskReviewsService } from './risk-reviews.service.js';
import { RiskReviewsListViewDto } from './dto/risk-reviews-list-view.dto.js';
import { RiskReviewsRecordViewDto } from './dto/risk-reviews-record-view.dto.js';
import { ApiProblems } from '../common/openapi/api-problems.decorator.js';

@ApiTags('risks')
@ApiBearerAuth()
@Controller('risks/:id/reviews')
export class RiskReviewsController {
  constructor(private readonly reviews: RiskReviewsService) {}

  @ApiOkResponse({ type: RiskReviewsListViewDto })
  @Get()
  @AllowAuthenticated()
  @ApiOperation({ summary: "An entry's reviews, newest first" })
  list(@CurrentActor() actor: Actor, @Param('id', ParseUuidPipe) id: string) {
    return this.reviews.list(actor, id);
  }

  @ApiCreatedResponse({ type: RiskReviewsRecordViewDto })
  @Post()
  @Allow('programme_admin', 'supplier', 'council')
  @ApiOperation({
    summary: 'Record a review (optionally re-scoring); sets the next review date by RAG',
  })
  @ApiProblems(409)
  record(
    @CurrentActor() actor: Actor,
    @Param('id', ParseUuidPipe) id: string,
    @Body() dto: CreateRiskReviewDto,
  ) {
    return this.reviews.record(actor, id, dto);
  }
}
