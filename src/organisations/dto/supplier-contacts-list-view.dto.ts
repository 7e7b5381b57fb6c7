import { ApiProperty } from '@nestjs/swagger';
import { SupplierContactViewDto } from './supplier-contact-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SupplierContactsListViewDto {
  @ApiProperty({ type: () => SupplierContactViewDto, isArray: true })
  data: SupplierContactViewDto[];
}
