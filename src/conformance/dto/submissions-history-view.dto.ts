import { ApiProperty } from '@nestjs/swagger';
import { SubmissionHistoryViewDto } from './submission-history-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SubmissionsHistoryViewDto {
  @ApiProperty({ type: () => SubmissionHistoryViewDto, isArray: true })
  data: SubmissionHistoryViewDto[];
}
