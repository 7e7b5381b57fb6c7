import { ApiProperty } from '@nestjs/swagger';
import { SubmissionItemViewDto } from './submission-item-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SubmissionsItemsViewDto {
  @ApiProperty({ type: () => SubmissionItemViewDto, isArray: true })
  data: SubmissionItemViewDto[];
}
