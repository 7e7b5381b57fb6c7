import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SubmissionHistoryViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  event: string;

  @ApiProperty({ enum: ['draft', 'submitted', 'in_review', 'decided'], nullable: true })
  fromStatus: 'draft' | 'submitted' | 'in_review' | 'decided' | null;

  @ApiProperty({ enum: ['draft', 'submitted', 'in_review', 'decided'], nullable: true })
  toStatus: 'draft' | 'submitted' | 'in_review' | 'decided' | null;

  @ApiProperty({ enum: ['approved', 'rejected', 'changes_requested'], nullable: true })
  result: 'approved' | 'rejected' | 'changes_requested' | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  details: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorUserId: string | null;

  @ApiProperty({ type: String })
  actorLabel: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt: Date;
}
