import { ApiProperty } from '@nestjs/swagger';
import { ReviewViewDto } from './review-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RiskReviewsListViewDto {
  @ApiProperty({ type: () => ReviewViewDto, isArray: true })
  data: ReviewViewDto[];
}
