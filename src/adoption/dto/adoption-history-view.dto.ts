import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AdoptionHistoryViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  event: string;

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
    nullable: true,
  })
  fromStage:
    | 'withdrawn'
    | 'not_started'
    | 'planning'
    | 'procurement'
    | 'implementation'
    | 'testing'
    | 'live'
    | 'paused'
    | null;

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
    nullable: true,
  })
  toStage:
    | 'withdrawn'
    | 'not_started'
    | 'planning'
    | 'procurement'
    | 'implementation'
    | 'testing'
    | 'live'
    | 'paused'
    | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  changes: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorUserId: string | null;

  @ApiProperty({ type: String })
  actorLabel: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt: Date;
}
