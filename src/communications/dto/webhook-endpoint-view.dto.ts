import { ApiProperty } from '@nestjs/swagger';

/** An organisation endpoint a communication's webhook goes to (one per organisation). */
export class WebhookEndpointViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  supplierId: string;

  @ApiProperty({ type: String })
  supplierName: string;
}
