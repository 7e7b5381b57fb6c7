import { ApiPropertyOptional } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AdoptionTargetDatesViewDto {
  @ApiPropertyOptional({ type: String, format: 'date' })
  withdrawn?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  not_started?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  planning?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  procurement?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  implementation?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  testing?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  live?: string;

  @ApiPropertyOptional({ type: String, format: 'date' })
  paused?: string;
}
