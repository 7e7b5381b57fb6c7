import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class HeatmapViewDto {
  @ApiProperty({
    description: 'counts[likelihood - 1][impact - 1]',
    type: 'array',
    items: { type: 'array', items: { type: 'integer', minimum: 0 } },
  })
  counts: number[][];

  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string', enum: ['red', 'amber', 'green'] } },
  })
  rag: ('red' | 'amber' | 'green')[][];

  @ApiProperty({ type: Number, isArray: true })
  likelihood: number[];

  @ApiProperty({ type: Number, isArray: true })
  impact: number[];

  @ApiProperty({ type: Number })
  total: number;
}
