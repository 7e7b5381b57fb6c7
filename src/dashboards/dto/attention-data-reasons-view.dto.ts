import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class AttentionDataReasonsViewDto {
  @ApiProperty({ type: String })
  code: string;

  @ApiProperty({ type: String })
  detail: string;
}
