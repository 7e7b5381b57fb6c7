import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AdoptionDashboardLiveTrendViewDto {
  @ApiProperty({ type: String })
  month: string;

  @ApiProperty({ type: Number })
  live: number;

  @ApiProperty({ type: Number })
  wentLive: number;

  @ApiProperty({ type: Number })
  leftLive: number;
}
