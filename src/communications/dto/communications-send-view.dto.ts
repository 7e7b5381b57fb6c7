import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CommunicationsSendViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ enum: ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] })
  status: 'draft' | 'scheduled' | 'sending' | 'sent' | 'cancelled';

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  sendAt: Date | null;

  @ApiProperty({ type: String })
  progress: string;
}
