import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ProductComparisonCompareDataAssessmentViewDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  submissionId: string | null;

  @ApiProperty({ type: String, nullable: true })
  status: string | null;

  @ApiProperty({ type: String, nullable: true })
  result: string | null;
}
