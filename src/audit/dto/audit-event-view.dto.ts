import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AuditEventViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt: Date;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorUserId: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  actorTokenId: string | null;

  @ApiProperty({ type: String })
  actorLabel: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  organisationId: string | null;

  @ApiProperty({ type: String })
  action: string;

  @ApiProperty({ type: String })
  entityType: string;

  @ApiProperty({ type: String, format: 'uuid' })
  entityId: string;

  @ApiProperty({ type: 'object', additionalProperties: true })
  changes: Record<string, unknown>;

  @ApiProperty({ type: String, nullable: true, description: 'x-request-id of the request' })
  requestId: string | null;

  @ApiProperty({ type: String, nullable: true })
  ip: string | null;
}
