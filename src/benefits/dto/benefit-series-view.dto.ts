import { ApiProperty } from '@nestjs/swagger';
import { BenefitBreakdownViewDto } from './benefit-breakdown-view.dto.js';
import { BenefitReadingViewDto } from './benefit-reading-view.dto.js';
import { BenefitViewDto } from './benefit-view.dto.js';

/** A benefit with every reading: overall and per breakdown (response body). */
export class BenefitSeriesViewDto {
  @ApiProperty({ type: () => BenefitViewDto })
  benefit: BenefitViewDto;

  @ApiProperty({ type: () => BenefitReadingViewDto, isArray: true })
  overall: BenefitReadingViewDto[];

  @ApiProperty({ type: () => BenefitBreakdownViewDto, isArray: true })
  breakdowns: BenefitBreakdownViewDto[];
}
