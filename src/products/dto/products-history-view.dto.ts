import { ApiProperty } from '@nestjs/swagger';
import { ProductHistoryViewDto } from './product-history-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ProductsHistoryViewDto {
  @ApiProperty({ type: () => ProductHistoryViewDto, isArray: true })
  data: ProductHistoryViewDto[];
}
