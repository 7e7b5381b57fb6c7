import { ApiProperty } from '@nestjs/swagger';

/** `data` of a `communication.sent` webhook: one delivery to one organisation's endpoint. */
export class CommunicationSentDataDto {
  @ApiProperty({ type: String, format: 'uuid', description: 'Also the webhook-id header' })
  deliveryId: string;

  @ApiProperty({ type: String, format: 'uuid' })
  communicationId: string;

  @ApiProperty({ type: String, example: 'admissions' })
  topic: string;

  @ApiProperty({ type: Boolean })
  mandatory: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  acknowledgeBy: Date | null;

  @ApiProperty({
    type: String,
    format: 'uri',
    description: 'POST here (with the supplier API token) to acknowledge',
  })
  acknowledgeUrl: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: false,
    required: ['id', 'name'],
    properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } },
  })
  supplier: { id: string; name: string };

  @ApiProperty({ type: String, description: 'The rendered subject' })
  subject: string;

  @ApiProperty({ type: String, description: 'The rendered body (plain text)' })
  body: string;
}
