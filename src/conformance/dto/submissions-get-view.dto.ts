import { ApiProperty } from '@nestjs/swagger';
import { SubmissionProgressViewDto } from './submission-progress-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SubmissionsGetViewDto {
  @ApiProperty({ type: () => SubmissionProgressViewDto })
  progress: SubmissionProgressViewDto;

  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  productId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  supplierId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  serviceId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  requirementSetId: string;

  @ApiProperty({ enum: ['draft', 'submitted', 'in_review', 'decided'] })
  status: 'draft' | 'submitted' | 'in_review' | 'decided';

  @ApiProperty({ enum: ['approved', 'rejected', 'changes_requested'], nullable: true })
  result: 'approved' | 'rejected' | 'changes_requested' | null;

  @ApiProperty({ type: Number })
  round: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  copiedFromId: string | null;

  @ApiProperty({ type: Number })
  copiedItems: number;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reviewerUserId: string | null;

  @ApiProperty({ type: String, nullable: true })
  decisionReason: string | null;

  @ApiProperty({ type: String, nullable: true })
  overrideReason: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  submittedAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  decidedAt: Date | null;

  @ApiProperty({ type: Number })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
