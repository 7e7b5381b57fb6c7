import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ScoreViewInherentViewDto {
  @ApiProperty({ type: Number })
  likelihood: number;

  @ApiProperty({ type: Number })
  impact: number;

  @ApiProperty({ type: Number })
  score: number;
}
