import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class VarianceListItemCouncilViewDto {
  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String })
  gssCode: string;
}
