import { ApiProperty } from '@nestjs/swagger';

/** Where a benefit's measure should be, and by when. */
export class BenefitTargetViewDto {
  @ApiProperty({ type: Number })
  value: number;

  @ApiProperty({ type: String, format: 'date' })
  date: string;
}
