import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AdoptionDashboardByRegionViewDto {
  @ApiProperty({ type: Number })
  councils: number;

  @ApiProperty({ type: Number })
  total: number;

  @ApiProperty({ type: Number })
  live: number;

  @ApiProperty({ type: Number })
  inProgress: number;

  @ApiProperty({ type: Number })
  pctLive: number;

  @ApiProperty({ type: String, nullable: true })
  nation: string | null;

  @ApiProperty({ type: String, nullable: true })
  region: string | null;
}
