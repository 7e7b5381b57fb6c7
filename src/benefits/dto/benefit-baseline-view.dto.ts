import { ApiProperty } from '@nestjs/swagger';

/** Where a benefit's measure started. */
export class BenefitBaselineViewDto {
  @ApiProperty({ type: Number })
  value: number;

  @ApiProperty({ type: String, format: 'date' })
  date: string;

  @ApiProperty({ type: String })
  source: string;
}
