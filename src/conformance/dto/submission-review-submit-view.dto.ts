import { ApiProperty } from '@nestjs/swagger';
import { SampleCheckerCheckAllViewDto } from './sample-checker-check-all-view.dto.js';
import { SubmissionViewDto } from './submission-view.dto.js';

/** Response body: the submission view with one more part. */
export class SubmissionReviewSubmitViewDto extends SubmissionViewDto {
  @ApiProperty({ type: () => SampleCheckerCheckAllViewDto })
  checks: SampleCheckerCheckAllViewDto;
}
