import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SubmissionSamplesRemoveViewDto {
  @ApiProperty({ type: String })
  removed: string;

  @ApiProperty({ type: Number })
  submissionVersion: number;
}
