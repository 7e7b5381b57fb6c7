import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ProductComparisonCompareDataUsabilityViewDto {
  @ApiProperty({ type: Number, nullable: true })
  susScore: number | null;

  @ApiProperty({ type: Number, nullable: true })
  taskCompletionPercent: number | null;

  @ApiProperty({ type: String, nullable: true })
  wcagLevel: string | null;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  evaluatedOn: string | null;
}
