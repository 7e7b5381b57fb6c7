import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RequirementViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  code: string;

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({ enum: ['MUST', 'SHOULD', 'MAY'] })
  level: 'MUST' | 'SHOULD' | 'MAY';

  @ApiProperty({ type: String })
  category: string;

  @ApiProperty({ type: String })
  acceptanceCriteria: string;

  @ApiProperty({ type: Number })
  position: number;
}
