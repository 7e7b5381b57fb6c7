import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AcknowledgementViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  communicationId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  supplierId: string;

  @ApiProperty({ enum: ['api', 'link'] })
  via: 'api' | 'link';

  @ApiProperty({ type: String })
  acknowledgedBy: string;

  @ApiProperty({ type: String, format: 'date-time' })
  acknowledgedAt: Date;
}
