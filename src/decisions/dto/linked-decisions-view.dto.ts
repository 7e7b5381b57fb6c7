import { ApiProperty } from '@nestjs/swagger';
import { DecisionSummaryViewDto } from './decision-summary-view.dto.js';

/** The decisions the caller may read that affect one risk, requirement or service. */
export class LinkedDecisionsViewDto {
  @ApiProperty({ type: () => DecisionSummaryViewDto, isArray: true })
  decisions: DecisionSummaryViewDto[];
}
