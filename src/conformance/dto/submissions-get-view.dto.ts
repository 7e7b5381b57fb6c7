import { ApiProperty } from '@nestjs/swagger';
import { SubmissionProgressViewDto } from './submission-progress-view.dto.js';
import { SubmissionViewDto } from './submission-view.dto.js';

/** Response body: the submission view with one more part. */
export class SubmissionsGetViewDto extends SubmissionViewDto {
  @ApiProperty({ type: () => SubmissionProgressViewDto })
  progress: SubmissionProgressViewDto;
}
