import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RiskViewInherentViewDto {
  @ApiProperty({ type: Number })
  likelihood: number;

  @ApiProperty({ type: Number })
  impact: number;

  @ApiProperty({ type: Number })
  score: number;

  @ApiProperty({ enum: ['red', 'amber', 'green'] })
  rag: 'red' | 'amber' | 'green';
}
