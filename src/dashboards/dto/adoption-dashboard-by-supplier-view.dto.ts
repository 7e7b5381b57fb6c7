import { ApiProperty } from '@nestjs/swagger';
import { AdoptionDashboardBySupplierSupplierViewDto } from './adoption-dashboard-by-supplier-supplier-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AdoptionDashboardBySupplierViewDto {
  @ApiProperty({ type: () => AdoptionDashboardBySupplierSupplierViewDto })
  supplier: AdoptionDashboardBySupplierSupplierViewDto;

  @ApiProperty({ type: Number })
  councils: number;

  @ApiProperty({ type: Number })
  adoptions: number;

  @ApiProperty({ type: Number })
  live: number;

  @ApiProperty({ type: Number })
  liveCouncils: number;

  @ApiProperty({ type: Number })
  viaSharedServices: number;
}
