import { ApiProperty } from '@nestjs/swagger';
import { BenefitStatusCountsViewDto } from './benefit-status-counts-view.dto.js';

/** The programme summary of the benefits register (response body). */
export class BenefitSummaryViewDto {
  @ApiProperty({ type: Number })
  total: number;

  @ApiProperty({ type: () => BenefitStatusCountsViewDto })
  byStatus: BenefitStatusCountsViewDto;

  @ApiProperty({ type: Number, description: 'Realised value to date, GBP' })
  realisedValueGbp: number;
}
