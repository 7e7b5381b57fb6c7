import { ApiProperty } from '@nestjs/swagger';
import { ProductComparisonCompareDataMetMAYViewDto } from './product-comparison-compare-data-met-may-view.dto.js';
import { ProductComparisonCompareDataMetMUSTViewDto } from './product-comparison-compare-data-met-must-view.dto.js';
import { ProductComparisonCompareDataMetSHOULDViewDto } from './product-comparison-compare-data-met-should-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ProductComparisonCompareDataMetViewDto {
  @ApiProperty({ type: () => ProductComparisonCompareDataMetMUSTViewDto })
  MUST: ProductComparisonCompareDataMetMUSTViewDto;

  @ApiProperty({ type: () => ProductComparisonCompareDataMetSHOULDViewDto })
  SHOULD: ProductComparisonCompareDataMetSHOULDViewDto;

  @ApiProperty({ type: () => ProductComparisonCompareDataMetMAYViewDto })
  MAY: ProductComparisonCompareDataMetMAYViewDto;
}
