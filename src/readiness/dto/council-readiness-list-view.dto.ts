import { ApiProperty } from '@nestjs/swagger';
import { CouncilDateReadinessViewDto } from './council-date-readiness-view.dto.js';

/** A council's readiness for every coming date that concerns it, soonest first. */
export class CouncilReadinessListViewDto {
  @ApiProperty({ format: 'uuid' })
  councilId: string;

  @ApiProperty()
  gssCode: string;

  @ApiProperty()
  name: string;

  @ApiProperty({ type: [CouncilDateReadinessViewDto] })
  dates: CouncilDateReadinessViewDto[];
}
