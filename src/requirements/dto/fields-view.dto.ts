import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class FieldsViewDto {
  @ApiProperty({ type: String })
  before: string;

  @ApiProperty({ type: String })
  after: string;
}
