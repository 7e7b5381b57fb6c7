import { ApiProperty } from '@nestjs/swagger';
import { CouncilReadinessViewDto } from './council-readiness-view.dto.js';
import { CriticalDateViewDto } from './critical-date-view.dto.js';
import { ReadinessCountsViewDto } from './readiness-counts-view.dto.js';
import { ReadinessTrendPointViewDto } from './readiness-trend-point-view.dto.js';

/** Readiness for one date: totals, by nation and region, the trend and every council. */
export class ReadinessViewDto {
  @ApiProperty({ type: CriticalDateViewDto })
  criticalDate: CriticalDateViewDto;

  @ApiProperty({ type: 'integer', description: 'Days from today to the date (negative: past)' })
  daysToGo: number;

  @ApiProperty({ type: ReadinessCountsViewDto })
  totals: ReadinessCountsViewDto;

  @ApiProperty({ type: [ReadinessCountsViewDto] })
  byNation: ReadinessCountsViewDto[];

  @ApiProperty({ type: [ReadinessCountsViewDto] })
  byRegion: ReadinessCountsViewDto[];

  @ApiProperty({ type: [ReadinessTrendPointViewDto], description: 'Daily snapshots, then today' })
  trend: ReadinessTrendPointViewDto[];

  @ApiProperty({ type: [CouncilReadinessViewDto], description: 'Worst first' })
  councils: CouncilReadinessViewDto[];
}
