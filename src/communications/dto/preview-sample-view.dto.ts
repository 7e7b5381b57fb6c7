import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class PreviewSampleViewDto {
  @ApiProperty({ type: String })
  subject: string;

  @ApiProperty({ type: String })
  text: string;

  @ApiProperty({ type: String })
  html: string;

  @ApiProperty({ type: String })
  ackLink: string;

  @ApiProperty({ type: String })
  supplierName: string;

  @ApiProperty({ type: String })
  contactName: string;

  @ApiProperty({ type: String, format: 'email' })
  email: string;
}
