import { ApiProperty } from '@nestjs/swagger';
import { SubmissionSampleCheckErrorsViewDto } from './submission-sample-check-errors-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SubmissionSamplesAddViewDto {
  @ApiProperty({ type: Number })
  submissionVersion: number;

  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  standardId: string;

  @ApiProperty({ type: String })
  label: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Any JSON value',
    nullable: true,
  })
  payload: unknown;

  @ApiProperty({ enum: ['pending', 'passed', 'failed', 'not_testable'] })
  checkStatus: 'pending' | 'passed' | 'failed' | 'not_testable';

  @ApiProperty({ type: () => SubmissionSampleCheckErrorsViewDto, isArray: true })
  checkErrors: SubmissionSampleCheckErrorsViewDto[];

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  checkedAt: Date | null;

  @ApiProperty({ enum: ['accepted', 'not_accepted'], nullable: true })
  verdict: 'accepted' | 'not_accepted' | null;

  @ApiProperty({ type: String, nullable: true })
  reviewerComment: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;
}
