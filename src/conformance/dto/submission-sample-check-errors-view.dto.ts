import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SubmissionSampleCheckErrorsViewDto {
  @ApiProperty({ type: String })
  pointer: string;

  @ApiProperty({ type: String })
  message: string;
}
