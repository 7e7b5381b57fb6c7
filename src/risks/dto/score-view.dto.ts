import { ApiProperty } from '@nestjs/swagger';
import { ScoreViewInherentViewDto } from './score-view-inherent-view.dto.js';
import { ScoreViewResidualViewDto } from './score-view-residual-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ScoreViewDto {
  @ApiProperty({ enum: ['created', 'updated', 'reviewed'] })
  source: 'created' | 'updated' | 'reviewed';

  @ApiProperty({ type: () => ScoreViewInherentViewDto })
  inherent: ScoreViewInherentViewDto;

  @ApiProperty({ type: () => ScoreViewResidualViewDto })
  residual: ScoreViewResidualViewDto;

  @ApiProperty({ type: String })
  actorLabel: string;

  @ApiProperty({ type: String, format: 'date-time' })
  recordedAt: Date;
}
