import { ApiProperty } from '@nestjs/swagger';
import { BenefitReadingViewDto } from './benefit-reading-view.dto.js';

/** The readings of one nation, region or council. */
export class BenefitBreakdownViewDto {
  @ApiProperty({ enum: ['nation', 'region', 'council'] })
  breakdown: string;

  @ApiProperty({ type: String, description: 'The nation, region or council GSS code' })
  key: string;

  @ApiProperty({ type: () => BenefitReadingViewDto, isArray: true })
  points: BenefitReadingViewDto[];
}
