import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class OverdueAcknowledgementViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  communicationId: string;

  @ApiProperty({ type: String })
  subjectTemplate: string;

  @ApiProperty({ type: String, format: 'date-time' })
  acknowledgeBy: Date;

  @ApiProperty({ type: String, format: 'uuid' })
  supplierId: string;

  @ApiProperty({ type: String })
  supplierName: string;

  @ApiProperty({ type: Number })
  daysOverdue: number;
}
