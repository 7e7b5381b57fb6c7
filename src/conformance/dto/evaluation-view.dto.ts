import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class EvaluationViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  productId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  supplierId: string;

  @ApiProperty({ type: Number })
  susScore: number;

  @ApiProperty({ type: Number })
  taskCompletionPercent: number;

  @ApiProperty({ enum: ['none', 'A', 'AA', 'AAA'] })
  wcagLevel: 'none' | 'A' | 'AA' | 'AAA';

  @ApiProperty({ type: String, format: 'date' })
  evaluatedOn: string;

  @ApiProperty({ type: String, format: 'uri' })
  reportUrl: string;

  @ApiProperty({ type: String })
  evaluator: string;

  @ApiProperty({ type: String })
  summary: string;

  @ApiProperty({ enum: ['draft', 'published'] })
  status: 'draft' | 'published';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  publishedAt: Date | null;

  @ApiProperty({ type: String, nullable: true })
  supplierReply: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  supplierRepliedAt: Date | null;

  @ApiProperty({ type: Number })
  version: number;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;
}
