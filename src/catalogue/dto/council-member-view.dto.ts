import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CouncilMemberViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  gssCode: string;

  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String })
  councilType: string;

  @ApiProperty({ type: String })
  region: string;

  @ApiProperty({ type: String })
  nation: string;

  @ApiProperty({ type: String, format: 'date-time' })
  addedAt: Date;
}
