import { ApiProperty } from '@nestjs/swagger';

/** How far a submission has got: answers, verdicts, samples and failed checks. */
export class SubmissionProgressViewDto {
  @ApiProperty({ type: 'integer' })
  items: number;

  @ApiProperty({ type: 'integer' })
  answered: number;

  @ApiProperty({ type: 'integer' })
  mustUnanswered: number;

  @ApiProperty({ type: 'integer' })
  withVerdict: number;

  @ApiProperty({ type: 'integer' })
  samples: number;

  @ApiProperty({ type: 'integer' })
  failedChecks: number;
}
