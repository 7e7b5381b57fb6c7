import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class HistoryViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  event: string;

  @ApiProperty({
    enum: ['identified', 'assessed', 'mitigating', 'monitoring', 'closed', 'realised'],
    nullable: true,
  })
  fromStatus:
    'identified' | 'assessed' | 'mitigating' | 'monitoring' | 'closed' | 'realised' | null;

  @ApiProperty({
    enum: ['identified', 'assessed', 'mitigating', 'monitoring', 'closed', 'realised'],
    nullable: true,
  })
  toStatus: 'identified' | 'assessed' | 'mitigating' | 'monitoring' | 'closed' | 'realised' | null;

  @ApiProperty({ type: String, nullable: true })
  note: string | null;

  @ApiProperty({ type: 'object', additionalProperties: true })
  changes: Record<string, unknown>;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorUserId: string | null;

  @ApiProperty({ type: String })
  actorLabel: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt: Date;
}
