import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ReviewViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  riskId: string;

  @ApiProperty({ type: String })
  note: string;

  @ApiProperty({ type: Number, nullable: true })
  likelihood: number | null;

  @ApiProperty({ type: Number, nullable: true })
  impact: number | null;

  @ApiProperty({ type: Number })
  residualScore: number;

  @ApiProperty({ enum: ['red', 'amber', 'green'] })
  rag: 'red' | 'amber' | 'green';

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  reviewerUserId: string | null;

  @ApiProperty({ type: String })
  reviewerLabel: string;

  @ApiProperty({ type: String, format: 'date-time' })
  reviewedAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  nextReviewAt: Date;
}
