import { ApiProperty } from '@nestjs/swagger';

/** A reading's date and value (latest reading, sparkline point). */
export class BenefitPointViewDto {
  @ApiProperty({ type: String, format: 'date' })
  date: string;

  @ApiProperty({ type: Number })
  value: number;
}
