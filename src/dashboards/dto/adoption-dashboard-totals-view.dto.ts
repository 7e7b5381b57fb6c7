import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AdoptionDashboardTotalsViewDto {
  @ApiProperty({ type: Number })
  adoptions: number;

  @ApiProperty({ type: Number })
  live: number;

  @ApiProperty({ type: Number })
  pctLive: number;
}
