import { ApiProperty } from '@nestjs/swagger';
import { ReviewViewDto } from './review-view.dto.js';
import { RiskViewDto } from './risk-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RiskReviewsRecordViewDto {
  @ApiProperty({ type: () => ReviewViewDto })
  review: ReviewViewDto;

  @ApiProperty({ type: () => RiskViewDto })
  risk: RiskViewDto;
}
