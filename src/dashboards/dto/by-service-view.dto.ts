import { ApiProperty } from '@nestjs/swagger';
import { ByServiceServiceViewDto } from './by-service-service-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class ByServiceViewDto {
  @ApiProperty({ type: () => ByServiceServiceViewDto })
  service: ByServiceServiceViewDto;

  @ApiProperty({ type: Number })
  total: number;

  @ApiProperty({ type: 'object', additionalProperties: true })
  stages: Record<string, unknown>;

  @ApiProperty({ type: Number })
  live: number;

  @ApiProperty({ type: Number })
  pctLive: number;
}
