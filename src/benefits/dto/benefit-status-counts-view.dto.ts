import { ApiProperty } from '@nestjs/swagger';

/** Benefits per computed status. */
export class BenefitStatusCountsViewDto {
  @ApiProperty({ type: Number })
  on_track: number;

  @ApiProperty({ type: Number })
  at_risk: number;

  @ApiProperty({ type: Number })
  off_track: number;

  @ApiProperty({ type: Number })
  no_data: number;
}
