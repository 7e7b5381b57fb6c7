import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ProductComparisonCompareDataStandardChecksViewDto {
  @ApiProperty({ type: Number, nullable: true })
  passed: number | null;

  @ApiProperty({ type: Number, nullable: true })
  failed: number | null;

  @ApiProperty({ type: Number, nullable: true })
  notTestable: number | null;
}
