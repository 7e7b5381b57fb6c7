import { ApiProperty } from '@nestjs/swagger';
import { ServiceRefViewDto } from '../../catalogue/dto/service-ref-view.dto.js';
import { ProductComparisonCompareDataViewDto } from './product-comparison-compare-data-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ProductComparisonCompareViewDto {
  @ApiProperty({ type: () => ServiceRefViewDto })
  service: ServiceRefViewDto;

  @ApiProperty({ type: () => ProductComparisonCompareDataViewDto, isArray: true })
  data: ProductComparisonCompareDataViewDto[];
}
