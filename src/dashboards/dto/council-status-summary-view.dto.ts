import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CouncilStatusSummaryViewDto {
  @ApiProperty({ type: Number })
  services: number;

  @ApiProperty({ type: Number })
  live: number;
}
