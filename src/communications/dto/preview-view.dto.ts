import { ApiProperty } from '@nestjs/swagger';
import { DeliveriesViewDto } from './deliveries-view.dto.js';
import { WebhookEndpointViewDto } from './webhook-endpoint-view.dto.js';
import { PreviewSampleViewDto } from './preview-sample-view.dto.js';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class PreviewViewDto {
  @ApiProperty({ type: Number })
  recipients: number;

  @ApiProperty({ type: Number })
  suppliers: number;

  @ApiProperty({ type: () => DeliveriesViewDto })
  deliveries: DeliveriesViewDto;

  @ApiProperty({
    type: () => WebhookEndpointViewDto,
    isArray: true,
    description: 'The organisations whose endpoint gets one webhook (when webhook is a channel)',
  })
  webhookEndpoints: WebhookEndpointViewDto[];

  @ApiProperty({ type: () => PreviewSampleViewDto, nullable: true })
  sample: PreviewSampleViewDto | null;
}
