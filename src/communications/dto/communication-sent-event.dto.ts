import { ApiProperty } from '@nestjs/swagger';
import { CommunicationSentDataDto } from './communication-sent-data.dto.js';

/** The webhook event types the delivery processor sends (one today). */
export const WEBHOOK_EVENT_TYPES = ['communication.sent'] as const;

/**
 * The body POSTed to a supplier's webhook URL (Standard Webhooks: `webhook-id`,
 * `webhook-timestamp` and `webhook-signature` headers). The delivery processor builds
 * its payload as this type, so the document and the sender cannot differ.
 */
export class CommunicationSentEventDto {
  @ApiProperty({ enum: ['communication.sent'] })
  type: 'communication.sent';

  @ApiProperty({ type: String, format: 'date-time' })
  timestamp: string;

  @ApiProperty({ type: () => CommunicationSentDataDto })
  data: CommunicationSentDataDto;
}
