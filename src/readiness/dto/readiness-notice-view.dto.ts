import { ApiProperty } from '@nestjs/swagger';
import { READINESS_REASONS, READINESS_STATUSES } from '../readiness-rule.js';

/** A lead-time notice sent to a council that was not ready for a critical date. */
export class ReadinessNoticeViewDto {
  @ApiProperty({ format: 'uuid' })
  criticalDateId: string;

  @ApiProperty()
  criticalDateName: string;

  @ApiProperty({ format: 'date' })
  date: string;

  @ApiProperty({ description: 'Days before the date the notice was due' })
  leadDays: number;

  @ApiProperty({ format: 'uuid' })
  councilId: string;

  @ApiProperty({ example: 'E09000001' })
  gssCode: string;

  @ApiProperty()
  councilName: string;

  @ApiProperty({ enum: READINESS_STATUSES, description: "The council's readiness when sent" })
  status: string;

  @ApiProperty({ enum: READINESS_REASONS })
  reason: string;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The communication to the council's contacts (null until it is created)",
  })
  communicationId: string | null;

  @ApiProperty({ format: 'date-time' })
  sentAt: string;
}
