import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class StepViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'uuid' })
  serviceId: string;

  @ApiProperty({
    enum: [
      'withdrawn',
      'not_started',
      'planning',
      'procurement',
      'implementation',
      'testing',
      'live',
      'paused',
    ],
  })
  stage:
    | 'withdrawn'
    | 'not_started'
    | 'planning'
    | 'procurement'
    | 'implementation'
    | 'testing'
    | 'live'
    | 'paused';

  @ApiProperty({ type: String })
  title: string;

  @ApiProperty({ type: String })
  description: string;

  @ApiProperty({ type: Boolean })
  mandatory: boolean;

  @ApiProperty({ type: Number })
  position: number;

  @ApiProperty({ type: Boolean })
  active: boolean;

  @ApiProperty({ type: Number })
  version: number;
}
