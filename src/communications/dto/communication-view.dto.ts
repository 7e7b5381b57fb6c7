import { ApiProperty } from '@nestjs/swagger';
import { AudienceFilterViewDto } from './audience-filter-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CommunicationViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['manual', 'digest', 'triggered'] })
  kind: 'manual' | 'digest' | 'triggered';

  @ApiProperty({ type: String })
  subjectTemplate: string;

  @ApiProperty({ type: String })
  bodyTemplate: string;

  @ApiProperty({ type: String })
  topic: string;

  @ApiProperty({ type: Boolean })
  mandatory: boolean;

  @ApiProperty({ type: () => AudienceFilterViewDto })
  audience: AudienceFilterViewDto;

  @ApiProperty({ enum: ['email', 'webhook'], isArray: true })
  channels: ('email' | 'webhook')[];

  @ApiProperty({ enum: ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] })
  status: 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sendAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acknowledgeBy: Date | null;

  @ApiProperty({ type: String })
  createdBy: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sentAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  cancelledAt: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;

  @ApiProperty({ type: Number })
  version: number;
}
