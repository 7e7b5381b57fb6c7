import { ApiProperty, OmitType } from '@nestjs/swagger';
import { CouncilReadinessViewDto } from './council-readiness-view.dto.js';
import { CriticalDateViewDto } from './critical-date-view.dto.js';

/** One coming date and the council's readiness for it. */
export class CouncilDateReadinessViewDto extends OmitType(CouncilReadinessViewDto, [
  'councilId',
  'gssCode',
  'name',
  'region',
  'nation',
] as const) {
  @ApiProperty({ type: CriticalDateViewDto })
  criticalDate: CriticalDateViewDto;

  @ApiProperty({ type: 'integer' })
  daysToGo: number;
}
