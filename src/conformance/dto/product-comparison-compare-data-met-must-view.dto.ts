import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ProductComparisonCompareDataMetMUSTViewDto {
  @ApiProperty({ type: Number, nullable: true })
  met: number | null;

  @ApiProperty({ type: Number, nullable: true })
  of: number | null;
}
