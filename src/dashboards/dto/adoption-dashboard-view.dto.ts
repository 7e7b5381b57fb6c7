import { ApiProperty } from '@nestjs/swagger';
import { ByServiceViewDto } from './by-service-view.dto.js';
import { AdoptionDashboardByNationViewDto } from './adoption-dashboard-by-nation-view.dto.js';
import { AdoptionDashboardByRegionViewDto } from './adoption-dashboard-by-region-view.dto.js';
import { AdoptionDashboardBySupplierViewDto } from './adoption-dashboard-by-supplier-view.dto.js';
import { AdoptionDashboardLiveTrendViewDto } from './adoption-dashboard-live-trend-view.dto.js';
import { AdoptionDashboardTotalsViewDto } from './adoption-dashboard-totals-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AdoptionDashboardViewDto {
  @ApiProperty({ type: () => AdoptionDashboardTotalsViewDto })
  totals: AdoptionDashboardTotalsViewDto;

  @ApiProperty({ type: () => ByServiceViewDto, isArray: true })
  byService: ByServiceViewDto[];

  @ApiProperty({ type: () => AdoptionDashboardByNationViewDto, isArray: true })
  byNation: AdoptionDashboardByNationViewDto[];

  @ApiProperty({ type: () => AdoptionDashboardByRegionViewDto, isArray: true })
  byRegion: AdoptionDashboardByRegionViewDto[];

  @ApiProperty({ type: () => AdoptionDashboardBySupplierViewDto, isArray: true })
  bySupplier: AdoptionDashboardBySupplierViewDto[];

  @ApiProperty({ type: () => AdoptionDashboardLiveTrendViewDto, isArray: true })
  liveTrend: AdoptionDashboardLiveTrendViewDto[];
}
