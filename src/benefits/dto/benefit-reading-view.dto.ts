import { ApiProperty } from '@nestjs/swagger';

/** One recorded reading in a series. */
export class BenefitReadingViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'date' })
  date: string;

  @ApiProperty({ type: Number })
  value: number;

  @ApiProperty({ type: String, nullable: true })
  source: string | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;
}
