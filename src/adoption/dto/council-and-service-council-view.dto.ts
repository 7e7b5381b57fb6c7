import { ApiProperty } from '@nestjs/swagger';

/** Response body (generated from the view mapper's shape; the mapper is typed by it). */
export class CouncilAndServiceCouncilViewDto {
  @ApiProperty({ type: String, format: 'uuid' })
  id: string;

  @ApiProperty({ type: String })
  name: string;

  @ApiProperty({ type: String, nullable: true })
  gssCode: string | null;

  @ApiProperty({ type: String, nullable: true })
  nation: string | null;

  @ApiProperty({ type: String, nullable: true })
  region: string | null;
}
