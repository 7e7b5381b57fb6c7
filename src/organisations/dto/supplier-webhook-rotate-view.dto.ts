import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SupplierWebhookRotateViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  supplierId: string;

  @ApiProperty({ type: String, format: 'uri' })
  url: string;

  @ApiProperty({ type: Boolean })
  active: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  previousSecretValidUntil: Date | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt: Date;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt: Date;

  @ApiProperty({ type: String })
  secret: string;
}
