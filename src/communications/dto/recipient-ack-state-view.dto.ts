import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class RecipientAckStateViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  supplierId: string;

  @ApiProperty({ type: String })
  supplierName: string;

  @ApiProperty({ type: Boolean })
  acknowledged: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acknowledgedAt: Date | null;

  @ApiProperty({ enum: ['api', 'link'], nullable: true })
  via: 'api' | 'link' | null;

  @ApiProperty({ type: String, nullable: true })
  acknowledgedBy: string | null;

  @ApiProperty({ type: Boolean })
  overdue: boolean;
}
