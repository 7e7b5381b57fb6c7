import { ApiProperty } from '@nestjs/swagger';
import { SubmissionViewDto } from './submission-view.dto.js';

/** Response body: the base view with the parts below added. */
export class SubmissionsAnswerViewDto extends SubmissionViewDto {
  @ApiProperty({ type: Number })
  answered: number;
}
