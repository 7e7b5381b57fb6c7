import { ApiProperty } from '@nestjs/swagger';
import { ScoreViewDto } from './score-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RisksScoresViewDto {
  @ApiProperty({ type: () => ScoreViewDto, isArray: true })
  data: ScoreViewDto[];
}
