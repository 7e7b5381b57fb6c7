import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class SubscriptionsViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  contactId: string;

  @ApiProperty({ type: String, isArray: true })
  topics: string[];

  @ApiProperty({ enum: ['always'] })
  mandatoryNotices: 'always';
}
