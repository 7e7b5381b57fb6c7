import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Councils per readiness status (for a nation or region when `key` is set). */
export class ReadinessCountsViewDto {
  @ApiPropertyOptional({ description: 'The nation or region (absent for the total)' })
  key?: string;

  @ApiProperty({ type: 'integer' })
  ready: number;

  @ApiProperty({ type: 'integer' })
  atRisk: number;

  @ApiProperty({ type: 'integer' })
  notReady: number;

  @ApiProperty({ type: 'integer' })
  councils: number;
}
