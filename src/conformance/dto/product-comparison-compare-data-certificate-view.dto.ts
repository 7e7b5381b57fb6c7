import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ProductComparisonCompareDataCertificateViewDto {
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  id: string | null;

  @ApiProperty({ type: String, nullable: true })
  status: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  expiresAt: Date | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  reassessmentDeadline: string | null;

  @ApiProperty({ type: Number, nullable: true })
  requirementSetVersion: number | null;
}
